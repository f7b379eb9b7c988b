package org.daleel.capture.http;

import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.daleel.blob.BlobStore;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CaptureException.Cause;
import org.daleel.capture.CapturePolicy;
import org.daleel.capture.CaptureRequest;
import org.daleel.capture.CaptureResult;
import org.daleel.capture.Capturer;

/**
 * {@link Capturer} on OkHttp and jsoup: fetches a page over HTTP/1.1 with {@code Accept-Encoding:
 * identity} (so the WARC holds the bytes as sent), follows redirects itself, fetches the resources the
 * page embeds (one level of style sheets deep) and then the videos it shows ({@link PageVideos}: each
 * whole, one GET without {@code Range}, under the video bounds of the {@link CapturePolicy}; streams
 * and videos it could not fetch become {@link CaptureResult#notes()}), and writes everything to one
 * gzipped WARC 1.1 file.
 *
 * <p>The file, in order: a {@code warcinfo} record; for every HTTP exchange (each redirect hop of the
 * page, the page, each hop of each resource, in fetch order) a {@code request} record then its
 * {@code response} record, the request naming the response in {@code WARC-Concurrent-To}; last a
 * {@code metadata} record ({@code application/json}, concurrent to the page's response) describing the
 * capture: tool and version, operator, requested and final URL, redirect chain, DNS answers, every
 * fetch with its IP, start and duration, resource failures and the bounds applied. The HTTP request
 * head is archived exactly as sent; the response head as received, except that OkHttp de-chunks bodies,
 * so {@code Transfer-Encoding} and a {@code Content-Length} that does not match the archived body are
 * kept as {@code X-Archive-Orig-*} fields and a correct {@code Content-Length} is written.
 *
 * <p>The SSRF guard ({@link AddressPolicy}) judges the URL host before anything is written, every
 * DNS answer ({@link GuardedDns}), every redirect target and every connection before a request is
 * sent over it. Every capture gets its own connection pool, so no connection is shared between
 * captures with different policies. The payloads of the page and of each resource are stored in the
 * {@link BlobStore}; redirect bodies are only in the WARC.
 *
 * <p>Thread-safe: captures may run concurrently, each on its caller's thread.
 */
public final class HttpCapturer implements Capturer {
    private final CapturePolicy policy;
    private final BlobStore blobs;
    private final String toolVersion;
    private final Dns resolver;
    private final OkHttpClient base;

    /** A capturer within {@code policy}, storing payloads in {@code blobs}; {@code toolVersion} goes into the WARC. */
    public HttpCapturer(CapturePolicy policy, BlobStore blobs, String toolVersion) {
        this(policy, blobs, toolVersion, Dns.SYSTEM);
    }

    /** A capturer resolving names with {@code resolver} (tests: names that resolve to loopback). */
    HttpCapturer(CapturePolicy policy, BlobStore blobs, String toolVersion, Dns resolver) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.base = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .followRedirects(false)
                .followSslRedirects(false)
                .proxy(Proxy.NO_PROXY)
                .connectTimeout(policy.requestTimeout())
                .readTimeout(policy.requestTimeout())
                .writeTimeout(policy.requestTimeout())
                .build();
    }

    @Override
    public CaptureResult capture(CaptureRequest request, Path warcFile) throws CaptureException {
        HttpUrl url = parse(request.url());
        AddressPolicy addresses = new AddressPolicy(request.allowPrivate());
        Optional<String> refusal = addresses.hostRefusal(url.host());
        if (refusal.isPresent()) {
            throw new CaptureException(Cause.FORBIDDEN_ADDRESS, request.url() + ": " + refusal.get());
        }
        if (Files.exists(warcFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new CaptureException(Cause.STORAGE, request.url() + ": WARC file " + warcFile + " already exists");
        }
        GuardedDns dns = new GuardedDns(addresses, resolver);
        OkHttpClient client = base.newBuilder()
                .dns(dns)
                .connectionPool(new okhttp3.ConnectionPool())
                .addNetworkInterceptor(Fetcher.connectionGuard(addresses))
                .build();
        try {
            return new CaptureRun(request, url, warcFile, policy, blobs, toolVersion, client, addresses, dns).run();
        } finally {
            client.connectionPool().evictAll();
        }
    }

    /** A redirect target resolved against the URL that redirected, without fragment; empty when not http(s). */
    static Optional<HttpUrl> parseRelative(HttpUrl base, String location) {
        HttpUrl url = base.resolve(location.strip());
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(
                url.fragment() == null ? url : url.newBuilder().fragment(null).build());
    }

    /** The URL as OkHttp reads it, without fragment; BAD_URL for anything but an absolute http(s) URL. */
    static HttpUrl parse(String raw) throws CaptureException {
        String s = raw.strip();
        HttpUrl url = HttpUrl.parse(s);
        if (url == null) {
            int colon = s.indexOf(':');
            String scheme = colon > 0 ? s.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            if (!scheme.isEmpty()
                    && scheme.matches("[a-z][a-z0-9+.-]*")
                    && !scheme.equals("http")
                    && !scheme.equals("https")) {
                throw new CaptureException(
                        Cause.BAD_URL, raw + ": only http and https URLs can be captured, not " + scheme + ":");
            }
            throw new CaptureException(Cause.BAD_URL, raw + ": not a valid absolute http(s) URL");
        }
        return url.fragment() == null ? url : url.newBuilder().fragment(null).build();
    }
}
