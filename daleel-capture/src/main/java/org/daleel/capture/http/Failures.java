package org.daleel.capture.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CaptureException.Cause;

/** Translates OkHttp's I/O failures into {@link CaptureException}s that name the URL and the cause. */
final class Failures {
    private Failures() {}

    /**
     * The capture failure for an I/O error while fetching {@code url}.
     *
     * @param timeBound the bound that set the call's timeout, named for the message ("the 30 s
     *     per-request time bound")
     */
    static CaptureException translate(String url, String host, IOException e, String timeBound) {
        Optional<ForbiddenAddressException> forbidden = find(e, ForbiddenAddressException.class);
        if (forbidden.isPresent()) {
            return new CaptureException(
                    Cause.FORBIDDEN_ADDRESS, url + ": " + forbidden.get().getMessage(), e);
        }
        if (find(e, InterruptedIOException.class).isPresent()) {
            return new CaptureException(Cause.TIMEOUT, url + ": no complete response within " + timeBound, e);
        }
        if (find(e, UnknownHostException.class).isPresent()) {
            return new CaptureException(
                    Cause.DNS, url + ": host " + host + " did not resolve (" + e.getMessage() + ")", e);
        }
        Optional<SSLException> tls = find(e, SSLException.class);
        if (tls.isPresent()) {
            return new CaptureException(
                    Cause.TLS, url + ": TLS handshake failed: " + tls.get().getMessage(), e);
        }
        Optional<ConnectException> refused = find(e, ConnectException.class);
        if (refused.isPresent()) {
            return new CaptureException(
                    Cause.NETWORK,
                    url + ": connection to " + host + " failed: "
                            + refused.get().getMessage(),
                    e);
        }
        return new CaptureException(Cause.NETWORK, url + ": network error: " + e, e);
    }

    /** The first throwable of {@code type} among {@code e}, its causes and suppressed exceptions. */
    static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.add(s);
            }
        }
        return Optional.empty();
    }
}
