package org.daleel.match;

import java.util.Objects;

/**
 * An archived picture near a query.
 *
 * @param seq catalog seq of the archived item
 * @param distance Hamming distance of the PDQ codes that matched (0..256)
 * @param method {@code pdq} (whole picture, any rotation or mirror image) or {@code crop} (a region)
 * @param explanation one line for investigators: which transform or regions matched
 */
public record MediaMatch(long seq, int distance, String method, String explanation) {
    public MediaMatch {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(explanation, "explanation");
    }
}
