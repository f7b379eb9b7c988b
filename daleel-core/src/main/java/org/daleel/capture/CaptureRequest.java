package org.daleel.capture;

import java.util.Objects;

/**
 * What to capture and on whose behalf.
 *
 * @param url the URL as the user typed it
 * @param operator who asked (recorded in the WARC metadata record), or ""
 * @param allowPrivate permit loopback and private addresses (tests, intranet sources)
 */
public record CaptureRequest(String url, String operator, boolean allowPrivate) {
    public CaptureRequest {
        Objects.requireNonNull(url, "url");
        operator = Objects.requireNonNullElse(operator, "");
    }
}
