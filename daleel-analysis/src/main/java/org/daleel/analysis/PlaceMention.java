package org.daleel.analysis;

import java.util.Objects;

/**
 * A place named in the text, resolved to GeoNames.
 *
 * @param text the mention as written (including "rural", "province", "ريف" and similar words that
 *     changed its meaning)
 * @param start UTF-16 offset of the mention in the analysed text
 * @param end end offset (exclusive)
 * @param geonameId GeoNames id of the resolved place
 * @param name display name of the place (English or Latin transliteration)
 * @param countryCode ISO 3166-1 alpha-2 code
 * @param admin1 GeoNames admin1 code ("09" is Aleppo governorate); "" for a country
 * @param lat latitude (WGS84)
 * @param lon longitude (WGS84)
 * @param form {@link #NAME} for a place named ("Georgia", "Idlib"); {@link #ADJECTIVE} for a demonym
 *     or adjective of a country ("Georgian", "Israelis"): it says which country a text concerns, not
 *     where something happened, so it is never an event's place, a map pin or a stored place of an
 *     item
 */
public record PlaceMention(
        String text,
        int start,
        int end,
        long geonameId,
        String name,
        String countryCode,
        String admin1,
        double lat,
        double lon,
        String form) {
    /** A place named. */
    public static final String NAME = "name";

    /** A demonym or adjective of a country. */
    public static final String ADJECTIVE = "adjective";

    /** Validates the fields. */
    public PlaceMention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(admin1, "admin1");
        Spans.check(start, end);
        if (!NAME.equals(form) && !ADJECTIVE.equals(form)) {
            throw new IllegalArgumentException("place form: expected name or adjective, found " + form);
        }
    }

    /** A place named (form {@link #NAME}). */
    public PlaceMention(
            String text,
            int start,
            int end,
            long geonameId,
            String name,
            String countryCode,
            String admin1,
            double lat,
            double lon) {
        this(text, start, end, geonameId, name, countryCode, admin1, lat, lon, NAME);
    }

    /** True for a demonym or adjective of a country. */
    public boolean adjective() {
        return ADJECTIVE.equals(form);
    }
}
