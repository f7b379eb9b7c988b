package org.daleel.match;

import java.util.Objects;

/**
 * A picture inside an archived item that is not itself a picture: a sampled frame of a video, or an
 * image fetched with a captured web page.
 *
 * @param pdq PDQ hash, 64 lowercase hex chars in Meta's bit order
 * @param quality PDQ quality 0..100 (below 50: too flat to match reliably)
 * @param frameMillis the frame's time in the video in milliseconds, or -1 for a page's image
 * @param imageUrl the image's URL for a page's image; for a frame of a video shown by a captured page,
 *     the video's URL; "" for a frame of a video item
 * @param regions the media adapter's codes of the part's regions for crop-robust matching (so that a
 *     cropped copy of the frame or image finds it), or "" when the part has none: only some parts get
 *     them (a bounded number of scene frames per video, page images above a minimum size; see the
 *     adapter). Lowercase hex digits, digits and the separators {@code , : ;}, at most
 *     {@value #MAX_REGIONS_CHARS} chars; opaque to everyone but the adapter that made them.
 */
public record MediaPart(String pdq, int quality, long frameMillis, String imageUrl, String regions) {
    /** Longest {@link #regions} text. */
    public static final int MAX_REGIONS_CHARS = 16_384;

    public MediaPart {
        Objects.requireNonNull(pdq, "pdq");
        if (!pdq.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("pdq: expected 64 lowercase hex chars, found " + pdq);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality " + quality + ": expected 0..100");
        }
        Objects.requireNonNull(imageUrl, "imageUrl");
        Objects.requireNonNull(regions, "regions");
        if (regions.length() > MAX_REGIONS_CHARS || !regions.matches("[0-9a-f,:;]*")) {
            throw new IllegalArgumentException("regions: expected at most " + MAX_REGIONS_CHARS
                    + " chars of lowercase hex, digits and , : ; (found " + regions.length() + " chars)");
        }
    }

    /** A part without region codes. */
    public MediaPart(String pdq, int quality, long frameMillis, String imageUrl) {
        this(pdq, quality, frameMillis, imageUrl, "");
    }

    /** This part with the given region codes (see {@link #regions}). */
    public MediaPart withRegions(String codes) {
        return new MediaPart(pdq, quality, frameMillis, imageUrl, codes);
    }

    /** Whether this part has region codes for crop-robust matching. */
    public boolean hasRegions() {
        return !regions.isEmpty();
    }

    /** A sampled video frame at {@code millis}. */
    public static MediaPart frame(String pdq, int quality, long millis) {
        return new MediaPart(pdq, quality, Math.max(0, millis), "");
    }

    /** An image of a captured page. */
    public static MediaPart image(String pdq, int quality, String url) {
        return new MediaPart(pdq, quality, -1, url);
    }

    /** Whether this is a video frame (else a page's image). */
    public boolean isFrame() {
        return frameMillis >= 0;
    }

    /** Where the part lies, for people: "frame at 0:12.4", "frame at 0:12.4 of video https://..." or "image https://...". */
    public String label() {
        if (isFrame()) {
            return "frame at " + time(frameMillis) + (imageUrl.isEmpty() ? "" : " of video " + imageUrl);
        }
        return "image " + imageUrl;
    }

    /** {@code millis} as {@code m:ss.t} (or {@code h:mm:ss.t}). */
    public static String time(long millis) {
        long tenths = millis / 100;
        long s = tenths / 10;
        String secs = String.format(java.util.Locale.ROOT, "%02d.%d", s % 60, tenths % 10);
        return s >= 3600
                ? String.format(java.util.Locale.ROOT, "%d:%02d:%s", s / 3600, (s / 60) % 60, secs)
                : (s / 60) + ":" + secs;
    }
}
