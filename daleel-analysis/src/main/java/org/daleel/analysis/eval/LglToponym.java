package org.daleel.analysis.eval;

import java.util.Objects;

/**
 * A toponym annotated in an LGL document.
 *
 * @param start UTF-16 offset in the document text
 * @param end end offset (exclusive)
 * @param phrase the toponym as written
 * @param geonameId its GeoNames id, 0 when the annotators gave none (left unscored)
 * @param lat latitude of the annotated place (0 when untagged)
 * @param lon longitude of the annotated place (0 when untagged)
 */
public record LglToponym(int start, int end, String phrase, long geonameId, double lat, double lon) {
    /** Validates the span. */
    public LglToponym {
        Objects.requireNonNull(phrase, "phrase");
        if (start < 0 || end <= start || geonameId < 0) {
            throw new IllegalArgumentException(
                    "LGL toponym '" + phrase + "': bad span " + start + ".." + end + " or id " + geonameId);
        }
    }

    /** True if the annotators gave a GeoNames id. */
    public boolean tagged() {
        return geonameId > 0;
    }

    /** True if the span shares at least one character with {@code otherStart..otherEnd}. */
    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
