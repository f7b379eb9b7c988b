package org.daleel.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which requests the server answers and which origins it names.
 *
 * <ul>
 *   <li>DNS rebinding: when the server is bound to a loopback address, a request whose
 *       {@code Host} is not a loopback name ({@code localhost}, {@code 127.x.x.x}, {@code [::1]})
 *       is refused with 421, so a web page whose domain was re-pointed at 127.0.0.1 cannot read the
 *       archive.
 *   <li>Cross-site writes: a POST is refused with 403 when the browser says it comes from another
 *       site ({@code Sec-Fetch-Site} other than {@code same-origin}/{@code none}; without that
 *       header, an {@code Origin} other than this server's, including {@code null} from sandboxed
 *       frames such as the replay). Non-browser clients send neither header and are let through:
 *       they cannot be tricked into a request the way a browser can, and the tool has no cookies.
 *   <li>The replay origin is the request's own host name on the replay port, so a page opened
 *       as {@code localhost} frames {@code localhost:replayPort}.
 * </ul>
 */
public final class OriginPolicy {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final boolean loopbackOnly;
    private final String defaultHost;

    /** A policy for a server bound to {@code bindAddress}. */
    public OriginPolicy(String bindAddress) {
        String bind = bindAddress.toLowerCase(Locale.ROOT);
        this.loopbackOnly = isLoopbackName(bind);
        this.defaultHost = urlHost(bind);
    }

    /** Host name to put in URLs for a server bound to {@code bindAddress}. */
    public static String urlHost(String bindAddress) {
        String bind = bindAddress.toLowerCase(Locale.ROOT);
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
            return "localhost";
        }
        if (bind.contains(":") && !bind.startsWith("[")) {
            return "[" + bind + "]";
        }
        return bind;
    }

    /** Refuses a request whose Host header names a host this server does not answer for. */
    public void checkHost(Context ctx) {
        String host = hostName(ctx);
        if (loopbackOnly && !isLoopbackName(host)) {
            throw new HttpResponseException(
                    421,
                    "host '" + host + "' is not this server: it listens on loopback only;"
                            + " open it as http://localhost or http://127.0.0.1");
        }
    }

    /**
     * Refuses a state-changing request that a browser marks as coming from another site. The
     * {@code Sec-Fetch-Site} header decides when present; otherwise {@code Origin}, when present,
     * must be this server's. (With {@code Referrer-Policy: no-referrer} browsers send
     * {@code Origin: null} even for same-origin form posts, so {@code Origin} alone cannot tell a
     * sandboxed frame from the app's own forms; browsers that send neither header fail closed.)
     */
    public void checkSameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            if (!site.equals("same-origin") && !site.equals("none")) {
                throw new ForbiddenResponse(ctx.method() + " " + ctx.path()
                        + " refused: the request comes from another site" + " (Sec-Fetch-Site: " + site + ")");
            }
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null) {
            String self = selfOrigin(ctx);
            if (!origin.equalsIgnoreCase(self)) {
                throw new ForbiddenResponse(ctx.method() + " " + ctx.path()
                        + " refused: the request comes from origin '" + origin + "', not from " + self);
            }
        }
    }

    /** This server's origin as the browser sees it, e.g. {@code http://127.0.0.1:7070}. */
    public String selfOrigin(Context ctx) {
        String host = ctx.header("Host");
        return "http://" + (host == null || host.isBlank() ? defaultHost : host.toLowerCase(Locale.ROOT));
    }

    /** Origin of the replay listener as seen from this request, e.g. {@code http://127.0.0.1:7071}. */
    public String replayOrigin(Context ctx, int replayPort) {
        return "http://" + hostName(ctx) + ":" + replayPort;
    }

    /** Host name (without port) of the request's Host header, or the bind host when absent. */
    public String hostName(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            return defaultHost;
        }
        host = host.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isLoopbackName(String host) {
        return host.equals("localhost")
                || host.endsWith(".localhost")
                || LOOPBACK_V4.matcher(host).matches()
                || host.equals("::1")
                || host.equals("[::1]");
    }
}
