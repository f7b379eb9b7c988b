package org.daleel.match;

import java.util.Objects;

/** What {@link MediaIndex} made of a payload. */
public sealed interface Fingerprint {

    /**
     * A decoded picture.
     *
     * @param pdq PDQ hash, 64 lowercase hex chars in Meta's bit order
     * @param quality PDQ quality 0..100 (below 50: too flat to match reliably)
     * @param width picture width in pixels
     * @param height picture height in pixels
     */
    record Hashed(String pdq, int quality, int width, int height) implements Fingerprint {
        public Hashed {
            Objects.requireNonNull(pdq, "pdq");
        }
    }

    /** Not an image (text, video, PDF, ...). */
    record NotAnImage() implements Fingerprint {}

    /**
     * An image that could not be decoded (truncated, too many pixels, unsupported format).
     *
     * @param reason what went wrong, for the item's note
     */
    record Unreadable(String reason) implements Fingerprint {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
