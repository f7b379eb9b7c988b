package org.daleel.web;

import io.javalin.http.Context;

/**
 * HTTP headers that keep archived, possibly hostile content from running with the app's
 * authority. App pages get a strict policy that allows frames only from the replay origin;
 * downloads of original bytes and every replay response are sandboxed (an opaque origin: no
 * cookies, no storage, no same-origin access to the app).
 */
public final class SecurityHeaders {
    /** Policy of every replay response: scripts may run, but only in an opaque origin, loading nothing from the live web. */
    public static final String REPLAY_CSP = "sandbox allow-scripts allow-forms; "
            + "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; form-action 'self'";

    /** Policy of downloads of archived bytes (payloads and WARC files) from the app origin. */
    public static final String DOWNLOAD_CSP = "sandbox; default-src 'none'";

    private SecurityHeaders() {}

    /** App policy for pages framing {@code replayOrigin} (and playing videos from it). */
    public static String appCsp(String replayOrigin) {
        return "default-src 'self'; frame-src " + replayOrigin + "; media-src " + replayOrigin
                + "; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** Headers of every app response (pages, API, static files). */
    public static void app(Context ctx, String replayOrigin) {
        ctx.header("Content-Security-Policy", appCsp(replayOrigin));
        common(ctx);
        ctx.header("X-Frame-Options", "DENY");
        // No other origin (including the replay's opaque origin) may embed app responses.
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    }

    /** Headers of a response carrying archived bytes from the app origin. */
    public static void download(Context ctx) {
        ctx.header("Content-Security-Policy", DOWNLOAD_CSP);
        common(ctx);
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    }

    /** Headers of every replay response. */
    public static void replay(Context ctx) {
        ctx.header("Content-Security-Policy", REPLAY_CSP);
        common(ctx);
        ctx.header("Cache-Control", "no-store");
    }

    private static void common(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
