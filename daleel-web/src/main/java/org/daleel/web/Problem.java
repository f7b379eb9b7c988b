package org.daleel.web;

import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.daleel.capture.CaptureException;
import org.daleel.core.ConflictException;
import org.daleel.core.DaleelException;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;

/**
 * An error as the server reports it: HTTP status, short stable code and one sentence naming the
 * input. This class is the one place where exceptions become HTTP statuses; the API renders a
 * problem as {@code {"error": code, "detail": detail}}, the UI as an error page.
 *
 * <p>Mapping: {@link InvalidInputException} 400 {@code invalid-input}; {@link NotFoundException}
 * 404 {@code not-found}; {@link ConflictException} 409 {@code conflict}; {@link IntegrityException}
 * 500 {@code integrity-failure}; {@link CaptureException} by cause: bad URL 400 {@code bad-url},
 * forbidden (private/loopback/metadata) address 403 {@code forbidden-address}, timeout 504
 * {@code capture-timeout}, storage 500 {@code capture-storage}, every other upstream failure (DNS,
 * TLS, network, HTTP error status, too large, too many redirects) 502 {@code capture-<cause>};
 * Javalin's {@link HttpResponseException} keeps its status (413 {@code too-large}, 404 for unknown
 * routes, ...); anything else 500 {@code internal-error} with a generic sentence: stack traces go
 * to the server log, never to the client.
 *
 * @param status HTTP status code
 * @param code short machine-readable code, lower-case with hyphens
 * @param detail one sentence for people
 */
public record Problem(int status, String code, String detail) {

    /** Maps {@code error}, raised while handling {@code method path}, to a problem. */
    public static Problem of(Throwable error, String method, String path) {
        return switch (error) {
            case InvalidInputException e -> new Problem(400, "invalid-input", e.getMessage());
            case NotFoundException e -> new Problem(404, "not-found", e.getMessage());
            case ConflictException e -> new Problem(409, "conflict", e.getMessage());
            case IntegrityException e -> new Problem(500, "integrity-failure", e.getMessage());
            case CaptureException e -> capture(e);
            case DaleelException e -> new Problem(500, "internal-error", e.getMessage());
            case HttpResponseException e -> http(e.getStatus(), e.getMessage());
            default ->
                new Problem(
                        500,
                        "internal-error",
                        "the server failed while handling " + method + " " + path + "; the server log has the details");
        };
    }

    /** True when the failure is the server's or upstream's, worth a line in the server log. */
    public boolean serverSide() {
        return status >= 500;
    }

    private static Problem capture(CaptureException e) {
        return switch (e.cause()) {
            case BAD_URL -> new Problem(400, "bad-url", e.getMessage());
            case FORBIDDEN_ADDRESS -> new Problem(403, "forbidden-address", e.getMessage());
            case TIMEOUT -> new Problem(504, "capture-timeout", e.getMessage());
            case STORAGE -> new Problem(500, "capture-storage", e.getMessage());
            case DNS, TLS, NETWORK, HTTP_STATUS, TOO_LARGE, TOO_MANY_REDIRECTS ->
                new Problem(
                        502,
                        "capture-"
                                + e.cause()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', '-'),
                        e.getMessage());
        };
    }

    private static Problem http(int status, String message) {
        String code = switch (status) {
            case 400 -> "bad-request";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 421 -> "misdirected-request";
            default -> "http-" + status;
        };
        String detail = message == null || message.isBlank()
                ? HttpStatus.forStatus(status).getMessage()
                : message;
        return new Problem(status, code, detail);
    }
}
