package org.daleel.capture.http;

import java.net.UnknownHostException;

/**
 * The SSRF guard refused a host or the address it resolved to. An {@link UnknownHostException} so that
 * an OkHttp {@link okhttp3.Dns} may throw it; {@link Failures} turns it into
 * {@link org.daleel.capture.CaptureException.Cause#FORBIDDEN_ADDRESS}.
 */
final class ForbiddenAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    ForbiddenAddressException(String message) {
        super(message);
    }
}
