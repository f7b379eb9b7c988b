package org.daleel.analysis.eval;

import java.util.Objects;

/**
 * One annotated place mention of a gold document.
 *
 * @param text the mention as written
 * @param start UTF-16 offset of the mention in the document text
 * @param end end offset (exclusive)
 * @param kind a place with its id, a trap, or a place left unscored
 * @param geonameId the GeoNames id of a {@link Kind#PLACE}; 0 for the other kinds
 */
public record GoldPlace(String text, int start, int end, Kind kind, long geonameId) {
    /** What the annotation says about the span. */
    public enum Kind {
        /** A place mention; the analyzer must find this span and resolve it to this id. */
        PLACE,
        /** A word that must not be resolved as a place ("there is hope", "Union Street"). */
        TRAP,
        /**
         * A place whose GeoNames id the annotator could not verify (a county outside the shipped
         * data); predictions on it count neither as right nor as wrong.
         */
        UNSCORED
    }

    /** Validates the span and the id. */
    public GoldPlace {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException(
                    "gold place '" + text + "': expected 0 <= start < end, found " + start + ".." + end);
        }
        if ((kind == Kind.PLACE) != (geonameId > 0)) {
            throw new IllegalArgumentException("gold place '" + text + "': a " + kind + " has "
                    + (kind == Kind.PLACE ? "an id > 0" : "id 0") + ", found " + geonameId);
        }
    }

    /** True for a mention that must not be resolved. */
    public boolean trap() {
        return kind == Kind.TRAP;
    }

    /** True for a place the analyzer must resolve to {@link #geonameId()}. */
    public boolean scored() {
        return kind == Kind.PLACE;
    }

    /** True if the span shares at least one character with {@code otherStart..otherEnd}. */
    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
