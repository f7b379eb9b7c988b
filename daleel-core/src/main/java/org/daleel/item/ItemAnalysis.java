package org.daleel.item;

import java.util.List;
import java.util.Objects;

/**
 * What the analysis of one item found: the places it is about (named in its text, or where its
 * picture was taken), actors, dates and events. Stored per item in the catalog (a side table, the
 * {@link Item} itself is never changed) and handed to the search index for filters and facets.
 *
 * <p>Offsets are UTF-16 char offsets into the item's {@link Item#text()}. Lists are in text order;
 * places from a picture's metadata come after those of the text.
 *
 * @param version the analyzer version that produced it ({@link ItemAnalyzer#version()}), so that a
 *     newer gazetteer or thesaurus can re-analyse stale items
 * @param language language the analyzer saw ("en", "ar", "und", ...)
 * @param places resolved places
 * @param actors actors and named persons
 * @param dates dates normalised against the publication date
 * @param events events in the controlled vocabulary
 */
public record ItemAnalysis(
        String version,
        String language,
        List<Place> places,
        List<Actor> actors,
        List<DateMention> dates,
        List<Event> events) {

    /** Validates and copies. */
    public ItemAnalysis {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(language, "language");
        places = List.copyOf(places);
        actors = List.copyOf(actors);
        dates = List.copyOf(dates);
        events = List.copyOf(events);
    }

    /** An analysis that found nothing (for items without text). */
    public static ItemAnalysis empty(String version, String language) {
        return new ItemAnalysis(version, language, List.of(), List.of(), List.of(), List.of());
    }

    /** True when nothing was found. */
    public boolean isEmpty() {
        return places.isEmpty() && actors.isEmpty() && dates.isEmpty() && events.isEmpty();
    }

    /**
     * A place the item is about, resolved to GeoNames.
     *
     * @param geonameId GeoNames id
     * @param name display name (English or Latin transliteration)
     * @param nameAr Arabic name, or ""
     * @param countryCode ISO 3166-1 alpha-2 code
     * @param admin1 GeoNames admin1 code ("09" is Aleppo governorate), "" for a country or when unknown
     * @param featureCode GeoNames feature code (PPL, PPLA, ADM1, PCLI, ...), "" when unknown
     * @param lat latitude of the gazetteer place (WGS84)
     * @param lon longitude of the gazetteer place (WGS84)
     * @param within the larger areas that contain it, smallest first: its first-level division
     *     (governorate) and its country, each with its GeoNames id; empty for a country
     * @param source where the place came from: a mention in the text, or a picture's GPS position
     */
    public record Place(
            long geonameId,
            String name,
            String nameAr,
            String countryCode,
            String admin1,
            String featureCode,
            double lat,
            double lon,
            List<Area> within,
            PlaceSource source) {
        /** Validates and copies. */
        public Place {
            if (geonameId <= 0) {
                throw new IllegalArgumentException(
                        "place " + name + ": GeoNames id must be positive, got " + geonameId);
            }
            Objects.requireNonNull(name, "name");
            nameAr = Objects.requireNonNullElse(nameAr, "");
            Objects.requireNonNull(countryCode, "countryCode");
            admin1 = Objects.requireNonNullElse(admin1, "");
            featureCode = Objects.requireNonNullElse(featureCode, "");
            within = List.copyOf(within);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * An area containing a place.
     *
     * @param geonameId GeoNames id of the area
     * @param name display name
     * @param level what kind of area
     */
    public record Area(long geonameId, String name, AreaLevel level) {
        /** Validates. */
        public Area {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(level, "level");
        }
    }

    /** Levels of containing areas. */
    public enum AreaLevel {
        /** A first-level division: governorate, province, oblast. */
        ADMIN1,
        /** A country. */
        COUNTRY
    }

    /** Where a place of an item came from. */
    public sealed interface PlaceSource {
        /** The label used in JSON and the catalog: "text" or "exif". */
        String label();

        /**
         * A mention in the item's text.
         *
         * @param text the mention as written
         * @param start UTF-16 offset in the item's text
         * @param end end offset (exclusive)
         */
        record InText(String text, int start, int end) implements PlaceSource {
            /** Validates. */
            public InText {
                Objects.requireNonNull(text, "text");
                checkSpan(start, end);
            }

            @Override
            public String label() {
                return "text";
            }
        }

        /**
         * The GPS position written into the item's picture (EXIF), reverse-geocoded to the nearest
         * populated place of the gazetteer.
         *
         * @param lat latitude as written in the picture
         * @param lon longitude as written in the picture
         * @param distanceKm distance from that position to the place
         */
        record Exif(double lat, double lon, double distanceKm) implements PlaceSource {
            /** Validates. */
            public Exif {
                if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) || !(distanceKm >= 0)) {
                    throw new IllegalArgumentException(
                            "EXIF position out of range: " + lat + ", " + lon + " (" + distanceKm + " km)");
                }
            }

            @Override
            public String label() {
                return "exif";
            }
        }
    }

    /**
     * An actor named in the text.
     *
     * @param text the mention as written
     * @param start UTF-16 offset
     * @param end end offset (exclusive)
     * @param id thesaurus id ("islamic-state") or "person:" and the normalised name
     * @param name canonical name
     * @param type ACLED-style actor type label
     * @param role a person's role as written, or ""
     */
    public record Actor(String text, int start, int end, String id, String name, String type, String role) {
        /** Validates. */
        public Actor {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            role = Objects.requireNonNullElse(role, "");
            checkSpan(start, end);
        }
    }

    /**
     * A date expression.
     *
     * @param text as written
     * @param start UTF-16 offset
     * @param end end offset (exclusive)
     * @param value ISO 8601 at the precision the text gives ("2016", "2016-06", "2016-W33", "2016-08-19")
     */
    public record DateMention(String text, int start, int end, String value) {
        /** Validates. */
        public DateMention {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(value, "value");
            checkSpan(start, end);
        }
    }

    /**
     * An event reported in one sentence.
     *
     * @param type event type code ("shelling", "air_drone_strike")
     * @param label human label of the type ("Shelling, artillery or missile attack")
     * @param text the sentence
     * @param start UTF-16 offset of the sentence
     * @param end end offset (exclusive)
     * @param actors ids of the actors in the sentence
     * @param places GeoNames ids of the places where it happened
     * @param date ISO 8601 date of the event at the precision known, "" when the text gives none
     */
    public record Event(
            String type,
            String label,
            String text,
            int start,
            int end,
            List<String> actors,
            List<Long> places,
            String date) {
        /** Validates and copies. */
        public Event {
            Objects.requireNonNull(type, "type");
            label = Objects.requireNonNullElse(label, type);
            Objects.requireNonNull(text, "text");
            actors = List.copyOf(actors);
            places = List.copyOf(places);
            date = Objects.requireNonNullElse(date, "");
            checkSpan(start, end);
        }
    }

    private static void checkSpan(int start, int end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
