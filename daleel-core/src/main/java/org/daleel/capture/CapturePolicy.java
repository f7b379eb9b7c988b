package org.daleel.capture;

import java.time.Duration;

/**
 * Bounds of one capture. Every bound that stops a capture is named in the error.
 *
 * @param maxResponseBytes largest single response body
 * @param maxTotalBytes largest sum of all bodies of one capture
 * @param requestTimeout connect + read time for one request
 * @param totalTimeout wall time for the whole capture
 * @param maxResources most embedded resources fetched for one page
 * @param maxRedirects most redirects followed for one URL
 * @param userAgent User-Agent header sent
 */
public record CapturePolicy(
        long maxResponseBytes,
        long maxTotalBytes,
        Duration requestTimeout,
        Duration totalTimeout,
        int maxResources,
        int maxRedirects,
        String userAgent) {

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
}
