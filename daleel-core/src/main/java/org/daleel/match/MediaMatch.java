package org.daleel.match;

import java.util.Objects;

/**
 * An archived picture near a query.
 *
 * @param seq catalog seq of the archived item
 * @param distance Hamming distance of the PDQ codes that matched (0..256)
 * @param method {@code pdq} (whole picture, any rotation or mirror image), {@code crop} (a region),
 *     {@code frame} (a sampled frame of an archived video) or {@code page-image} (an image fetched
 *     with an archived page)
 * @param explanation one line for investigators: which transform, regions, frames or image matched
 * @param frameMillis for {@code frame}: the matching frame's time in the archived video, else -1
 * @param imageUrl for {@code page-image}: the matching image's URL; for {@code frame} of a video shown by
 *     a captured page: the video's URL; else ""
 */
public record MediaMatch(long seq, int distance, String method, String explanation, long frameMillis, String imageUrl) {
    public MediaMatch {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(imageUrl, "imageUrl");
    }

    /** A match on the archived item's own picture. */
    public MediaMatch(long seq, int distance, String method, String explanation) {
        this(seq, distance, method, explanation, -1, "");
    }
}
