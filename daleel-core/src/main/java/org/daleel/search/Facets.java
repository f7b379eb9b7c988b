package org.daleel.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of the values of the analysis fields over all items matching a search (not only the page
 * returned), most frequent first, for a sidebar of filters.
 *
 * <p>Dimensions: {@link #COUNTRY}, {@link #REGION} (first-level divisions: governorates,
 * provinces), {@link #PLACE} (places named or photographed), {@link #ACTOR}, {@link #EVENT_TYPE} and
 * {@link #YEAR} (years of event dates), most frequent first and at most {@link #TOP} each; and two
 * timeline dimensions, {@link #EVENT_MONTH} and {@link #CAPTURE_MONTH} ("2016-06"), every value
 * in chronological order (at most {@link #MAX_TIMELINE}). A dimension with no values is absent.
 *
 * @param dimensions the counts of each dimension, in the order above
 */
public record Facets(Map<String, List<FacetValue>> dimensions) {
    /** Countries, by GeoNames id. */
    public static final String COUNTRY = "country";
    /** First-level divisions, by GeoNames id. */
    public static final String REGION = "region";
    /** Places, by GeoNames id. */
    public static final String PLACE = "place";
    /** Actors, by id. */
    public static final String ACTOR = "actor";
    /** Event types, by code. */
    public static final String EVENT_TYPE = "type";
    /** Years of event dates. */
    public static final String YEAR = "year";

    /**
     * Months of event dates ("2016-06"): an item counts in the month of each event date at day,
     * week or month precision (a week across two months counts in both); year dates count only in
     * {@link #YEAR}.
     */
    public static final String EVENT_MONTH = "eventMonth";
    /** Months (UTC) in which the items were captured or imported ("2026-11"). */
    public static final String CAPTURE_MONTH = "capturedMonth";

    /** Values of a sidebar dimension returned at most. */
    public static final int TOP = 20;
    /** Values of a timeline dimension returned at most (the latest ones). */
    public static final int MAX_TIMELINE = 1200;

    /** The dimensions of a sidebar of filters, in display order. */
    public static final List<String> SIDEBAR = List.of(COUNTRY, REGION, PLACE, ACTOR, EVENT_TYPE, YEAR);
    /** The dimensions of a timeline, values in chronological order. */
    public static final List<String> TIMELINE = List.of(EVENT_MONTH, CAPTURE_MONTH);

    /** Every dimension, in display order. */
    public static final List<String> ALL =
            List.of(COUNTRY, REGION, PLACE, ACTOR, EVENT_TYPE, YEAR, EVENT_MONTH, CAPTURE_MONTH);

    /** No counts. */
    public static final Facets NONE = new Facets(Map.of());

    /** Copies, keeping the order of {@link #ALL}. */
    public Facets {
        Objects.requireNonNull(dimensions, "dimensions");
        var copy = new java.util.LinkedHashMap<String, List<FacetValue>>();
        for (String d : ALL) {
            List<FacetValue> values = dimensions.get(d);
            if (values != null && !values.isEmpty()) {
                copy.put(d, List.copyOf(values));
            }
        }
        for (String d : dimensions.keySet()) {
            if (!ALL.contains(d)) {
                throw new IllegalArgumentException("unknown facet dimension '" + d + "', expected one of " + ALL);
            }
        }
        dimensions = java.util.Collections.unmodifiableMap(copy);
    }

    /** The counts of one dimension, empty when it has none. */
    public List<FacetValue> of(String dimension) {
        return dimensions.getOrDefault(dimension, List.of());
    }

    /**
     * One value of a dimension.
     *
     * @param value the value to filter by (GeoNames id, actor id, event type code, year)
     * @param label what to show ("Aleppo", "Islamic State", "Shelling")
     * @param count number of matching items with this value
     */
    public record FacetValue(String value, String label, long count) {
        /** Validates. */
        public FacetValue {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }
}
