package org.daleel.capture;

import org.daleel.core.DaleelException;

/** A capture failed; {@link #cause()} says why in a form the CLI and the API can report. */
public final class CaptureException extends DaleelException {
    private static final long serialVersionUID = 1L;

    /** Why a capture failed. */
    public enum Cause {
        /** The URL is malformed or not http(s). */
        BAD_URL,
        /** The address is loopback/private/link-local/multicast/metadata and private capture is off. */
        FORBIDDEN_ADDRESS,
        /** The host name did not resolve. */
        DNS,
        /** TLS handshake or certificate failure. */
        TLS,
        /** Connection refused, reset or other network error. */
        NETWORK,
        /** The server answered with an error status. */
        HTTP_STATUS,
        /** A request or the whole capture took too long. */
        TIMEOUT,
        /** A response or the capture exceeded a size bound. */
        TOO_LARGE,
        /** Too many redirects. */
        TOO_MANY_REDIRECTS,
        /** Writing the WARC or a blob failed. */
        STORAGE
    }

    private final Cause cause;

    public CaptureException(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public CaptureException(Cause cause, String message, Throwable throwable) {
        super(message, throwable);
        this.cause = cause;
    }

    /** Why the capture failed. */
    public Cause cause() {
        return cause;
    }

    /** True when the failure is the user's input (4xx), false for upstream or storage failures. */
    public boolean isClientError() {
        return cause == Cause.BAD_URL || cause == Cause.FORBIDDEN_ADDRESS;
    }
}
