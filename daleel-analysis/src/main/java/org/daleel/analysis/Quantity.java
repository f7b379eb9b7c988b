package org.daleel.analysis;

import java.util.Objects;

/**
 * A number with what it counts.
 *
 * @param text the expression as written ("two civilians were wounded", "87%")
 * @param start UTF-16 offset in the analysed text (not in the JSON of DESIGN.md, kept for
 *     highlighting)
 * @param end end offset (exclusive)
 * @param value the number: a {@link Long} when whole, else a {@link Double}; for "dozens",
 *     "hundreds", "عشرات" the lower bound of the range (12, 100, 10, ...) with {@code approximate}
 * @param unit what the number is measured in: "people", "families", "villages", "%", "km²", "km",
 *     "hours", "days", ...
 * @param what what is counted: "killed", "wounded", "displaced", "detained", "missing", "villages",
 *     "area", "duration", "distance", "area of Aleppo" (a percentage of a place), or the counted noun
 * @param approximate true for "dozens", "about 300", "more than 20", "عشرات"
 */
public record Quantity(String text, int start, int end, Number value, String unit, String what, boolean approximate) {
    /** Validates the fields. */
    public Quantity {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(what, "what");
        Spans.check(start, end);
    }
}
