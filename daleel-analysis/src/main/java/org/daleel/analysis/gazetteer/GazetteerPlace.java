package org.daleel.analysis.gazetteer;

import java.util.Objects;

/**
 * One place of the gazetteer.
 *
 * @param geonameId GeoNames id; 0 for a context-only entry (a foreign city or a demonym that tells
 *     the resolver which country a document is about, never reported as a place)
 * @param name display name in Latin script (English where known)
 * @param nameAr Arabic name, or "" when the data has none in Arabic script
 * @param countryCode ISO 3166-1 alpha-2 code
 * @param admin1 GeoNames admin1 code ("09" for Aleppo governorate), derived from the nearest place
 *     of the same country when the source row had none; "" when unknown
 * @param featureClass GeoNames feature class (A, P, S) or 'C' for a context-only entry
 * @param featureCode GeoNames feature code (PCLI, ADM1, PPLC, PPLA, PPL, ...) or CTX (context only) or DEM (a demonym, context only)
 * @param lat latitude (WGS84), 0 when unknown
 * @param lon longitude (WGS84), 0 when unknown
 * @param population population, 0 when unknown
 * @param historical true for a historical, abandoned or destroyed place, or a historical entity
 *     such as a kingdom that shares a village's name
 * @param worldArabicName true when the Arabic name of a first-level division comes from Natural
 *     Earth's world list (with the place's ids), not from the village files or {@code regions.tsv}:
 *     such a division is still one of GeoNames' world list, not one completed by hand
 */
public record GazetteerPlace(
        long geonameId,
        String name,
        String nameAr,
        String countryCode,
        String admin1,
        char featureClass,
        String featureCode,
        double lat,
        double lon,
        long population,
        boolean historical,
        boolean worldArabicName) {
    /** Validates that no text field is null. */
    public GazetteerPlace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameAr, "nameAr");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(admin1, "admin1");
        Objects.requireNonNull(featureCode, "featureCode");
    }

    /** True for a context-only entry (never reported). */
    public boolean contextOnly() {
        return geonameId == 0;
    }

    /** True for a demonym or adjective of a country ("Georgian"): context-only, reported as its country's adjective. */
    public boolean isAdjective() {
        return featureCode.equals("DEM");
    }

    /** True for a country. */
    public boolean isCountry() {
        return featureCode.startsWith("PCL");
    }

    /** True for a first-level division (governorate, province). */
    public boolean isAdmin1() {
        return featureCode.equals("ADM1");
    }

    /** True for a continent (GeoNames feature code CONT): no country, no point on a map. */
    public boolean isContinent() {
        return featureCode.equals("CONT");
    }

    /** True if coordinates are known. */
    public boolean hasCoordinates() {
        return lat != 0 || lon != 0;
    }

    /** Great-circle distance in km to another place (haversine). */
    public double distanceKm(GazetteerPlace other) {
        return distanceKm(lat, lon, other.lat, other.lon);
    }

    /** Great-circle distance in km between two points (haversine). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
