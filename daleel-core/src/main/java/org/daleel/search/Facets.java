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
 * {@link #YEAR} (years of event dates). A dimension with no values is absent.
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

    /** Every dimension, in display order. */
    public static final List<String> ALL = List.of(COUNTRY, REGION, PLACE, ACTOR, EVENT_TYPE, YEAR);

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
