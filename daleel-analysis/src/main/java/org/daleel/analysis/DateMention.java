package org.daleel.analysis;

import java.util.Objects;

/**
 * A date or time expression normalised against the publication date.
 *
 * @param text the expression as written ("Friday night", "20 آب 2016", "last week")
 * @param start UTF-16 offset in the analysed text
 * @param end end offset (exclusive)
 * @param value ISO 8601 at the precision the text gives: "2016", "2016-06", "2016-W33",
 *     "2016-08-19"
 */
public record DateMention(String text, int start, int end, String value) {
    /** Validates the fields. */
    public DateMention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        Spans.check(start, end);
    }
}
