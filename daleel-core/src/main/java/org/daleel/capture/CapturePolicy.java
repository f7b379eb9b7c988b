package org.daleel.capture;

import java.time.Duration;

/**
 * Bounds of one capture. Every bound that stops a capture is named in the error.
 *
 * @param maxResponseBytes largest single response body (videos excepted: see {@code maxVideoBytes})
 * @param maxTotalBytes largest sum of all bodies of one capture, videos excepted
 * @param requestTimeout connect + read time for one request
 * @param totalTimeout wall time for the page and its resources (videos excepted)
 * @param maxResources most embedded resources fetched for one page
 * @param maxRedirects most redirects followed for one URL
 * @param userAgent User-Agent header sent
 * @param maxVideoBytes largest video fetched whole with a page (setting {@code capture.video.max-bytes}); a
 *     larger one is left out with a note on the item, the page is captured regardless
 * @param videoTimeout wall time for fetching all the videos of one capture (setting {@code
 *     capture.video.timeout}), on top of {@code totalTimeout}
 */
public record CapturePolicy(
        long maxResponseBytes,
        long maxTotalBytes,
        Duration requestTimeout,
        Duration totalTimeout,
        int maxResources,
        int maxRedirects,
        String userAgent,
        long maxVideoBytes,
        Duration videoTimeout) {

    /** Default {@link #maxVideoBytes()}: 250 MB. */
    public static final long DEFAULT_MAX_VIDEO_BYTES = 250_000_000L;

    /** Default {@link #videoTimeout()}: 5 minutes. */
    public static final Duration DEFAULT_VIDEO_TIMEOUT = Duration.ofMinutes(5);

    public CapturePolicy {
        if (maxVideoBytes <= 0) {
            throw new IllegalArgumentException("maxVideoBytes must be positive, found " + maxVideoBytes);
        }
        if (videoTimeout.isNegative() || videoTimeout.isZero()) {
            throw new IllegalArgumentException("videoTimeout must be positive, found " + videoTimeout);
        }
    }

    /** Bounds with the default video bounds. */
    public CapturePolicy(
            long maxResponseBytes,
            long maxTotalBytes,
            Duration requestTimeout,
            Duration totalTimeout,
            int maxResources,
            int maxRedirects,
            String userAgent) {
        this(
                maxResponseBytes,
                maxTotalBytes,
                requestTimeout,
                totalTimeout,
                maxResources,
                maxRedirects,
                userAgent,
                DEFAULT_MAX_VIDEO_BYTES,
                DEFAULT_VIDEO_TIMEOUT);
    }

    /** Defaults suited to news pages and social posts. */
    public static CapturePolicy defaults(String toolVersion) {
        return new CapturePolicy(
                50L * 1024 * 1024,
                200L * 1024 * 1024,
                Duration.ofSeconds(30),
                Duration.ofMinutes(3),
                200,
                10,
                "Mozilla/5.0 (compatible; Daleel/" + toolVersion + "; evidence archive)");
    }

    /** These bounds with other video bounds. */
    public CapturePolicy withVideo(long maxBytes, Duration timeout) {
        return new CapturePolicy(
                maxResponseBytes,
                maxTotalBytes,
                requestTimeout,
                totalTimeout,
                maxResources,
                maxRedirects,
                userAgent,
                maxBytes,
                timeout);
    }

    /** "the 250 MB video size bound (capture.video.max-bytes)", for notes on videos left out. */
    public static String videoSizeBound(long maxVideoBytes) {
        return "the " + decimalBytes(maxVideoBytes) + " video size bound (capture.video.max-bytes)";
    }

    /** "250 MB", "1.5 GB", "64 kB", else "50 MiB", "64 KiB" or "1000 bytes". */
    private static String decimalBytes(long n) {
        if (n >= 1_000_000_000L && n % 100_000_000L == 0) {
            return n % 1_000_000_000L == 0 ? n / 1_000_000_000L + " GB" : n / 1e9 + " GB";
        }
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + " MB";
        }
        if (n >= 1_000 && n % 1_000 == 0 && n % 1024 != 0) {
            return n / 1_000 + " kB";
        }
        if (n > 0 && n % (1024 * 1024) == 0) {
            return n / (1024 * 1024) + " MiB";
        }
        if (n > 0 && n % 1024 == 0) {
            return n / 1024 + " KiB";
        }
        return n + " bytes";
    }
}
