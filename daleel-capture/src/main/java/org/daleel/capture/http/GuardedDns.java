package org.daleel.capture.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Dns;

/**
 * Resolves with a delegate, then refuses the whole answer when any address is refused by the
 * {@link AddressPolicy} (a name that resolves to one public and one private address could otherwise
 * be steered to the private one). OkHttp connects only to addresses this returns, so the address
 * checked is the address connected to. Records every answer for the capture's metadata.
 *
 * <p>OkHttp does not call a {@link Dns} for IP-literal hosts; {@link HttpCapturer} checks those with
 * {@link AddressPolicy#hostRefusal(String)} before each request. Thread-safe.
 */
final class GuardedDns implements Dns {
    private final AddressPolicy policy;
    private final Dns delegate;
    private final Map<String, List<String>> answers = new LinkedHashMap<>();

    GuardedDns(AddressPolicy policy, Dns delegate) {
        this.policy = Objects.requireNonNull(policy);
        this.delegate = Objects.requireNonNull(delegate);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        Optional<String> hostRefusal = policy.hostRefusal(hostname);
        if (hostRefusal.isPresent()) {
            throw new ForbiddenAddressException(hostRefusal.get());
        }
        List<InetAddress> resolved = delegate.lookup(hostname);
        List<String> texts = new ArrayList<>();
        resolved.forEach(a -> texts.add(a.getHostAddress()));
        synchronized (answers) {
            answers.put(hostname, List.copyOf(texts));
        }
        for (InetAddress a : resolved) {
            Optional<String> refusal = policy.refusal(a);
            if (refusal.isPresent()) {
                throw new ForbiddenAddressException(hostname + " resolves to " + refusal.get());
            }
        }
        return List.copyOf(resolved);
    }

    /** Host name to the addresses it resolved to, in lookup order (refused answers included). */
    Map<String, List<String>> answers() {
        synchronized (answers) {
            return new LinkedHashMap<>(answers);
        }
    }
}
