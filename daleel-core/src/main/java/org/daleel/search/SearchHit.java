package org.daleel.search;

import java.time.Instant;
import java.util.List;

/**
 * One ranked hit.
 *
 * @param id item id
 * @param title item title, or ""
 * @param url source URL, or "" (file items)
 * @param fileName original file name, or ""
 * @param snippet a passage of the text around the matched words, matched words wrapped in
 *     {@code <b>..</b>} with all other markup escaped
 * @param language language code, or ""
 * @param capturedAt capture or import time
 * @param score relevance score (higher is better, comparable within one result only)
 * @param places the places the item is about (from its analysis), for a map of the results
 */
public record SearchHit(
        String id,
        String title,
        String url,
        String fileName,
        String snippet,
        String language,
        Instant capturedAt,
        float score,
        List<MappedPlace> places) {
    public SearchHit {
        places = List.copyOf(places);
    }

    /** A hit without places. */
    public SearchHit(
            String id,
            String title,
            String url,
            String fileName,
            String snippet,
            String language,
            Instant capturedAt,
            float score) {
        this(id, title, url, fileName, snippet, language, capturedAt, score, List.of());
    }

    /**
     * A place of a hit, with its position.
     *
     * @param geonameId GeoNames id
     * @param name display name
     * @param lat latitude (for a picture's GPS position, the position itself)
     * @param lon longitude
     * @param source "text" or "exif"
     * @param nameAr Arabic name, "" when unknown
     */
    public record MappedPlace(long geonameId, String name, double lat, double lon, String source, String nameAr) {
        /** Validates. */
        public MappedPlace {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(source, "source");
            nameAr = java.util.Objects.requireNonNullElse(nameAr, "");
        }

        /** A place without an Arabic name. */
        public MappedPlace(long geonameId, String name, double lat, double lon, String source) {
            this(geonameId, name, lat, lon, source, "");
        }
    }
}
