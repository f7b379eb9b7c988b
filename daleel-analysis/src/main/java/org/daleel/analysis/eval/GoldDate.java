package org.daleel.analysis.eval;

import java.util.Objects;

/**
 * One annotated date expression of a gold document.
 *
 * @param text the expression as written ("on Friday", "أمس")
 * @param start UTF-16 offset in the document text
 * @param end end offset (exclusive)
 * @param value its ISO 8601 value at the precision the text gives ("2016-08-26", "2016-10")
 */
public record GoldDate(String text, int start, int end, String value) {
    /** Validates the span. */
    public GoldDate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        if (start < 0 || end <= start || value.isBlank()) {
            throw new IllegalArgumentException("gold date '" + text + "': expected a span and a value, found " + start
                    + ".." + end + " '" + value + "'");
        }
    }
}
