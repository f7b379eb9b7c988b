package org.daleel.capture.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.daleel.blob.Digests;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CaptureException.Cause;
import org.daleel.capture.VideoFormats;

/**
 * Performs one GET (one hop: redirects are not followed here) within the capture's {@link Budget},
 * spooling the body to a temporary file while hashing it. Never sends {@code Range}: a response is
 * fetched whole. A video fetch runs under the video bounds instead of the per-response, total size and
 * total time bounds; every fetch records in a {@link Sniff} whether the response is a video, so
 * that the caller can fetch a video again under the video bounds when a page or resource fetch hit
 * the ordinary ones. Refuses IP-literal hosts the
 * {@link AddressPolicy} refuses (OkHttp does not ask the {@link GuardedDns} about those), and, as a
 * second line behind the DNS guard, refuses to send a request over a connection to a refused address.
 * Used by one capture thread.
 */
final class Fetcher {
    private static final int BUFFER = 64 * 1024;

    private final OkHttpClient client;
    private final AddressPolicy policy;
    private final Budget budget;
    private final Path spoolDir;

    Fetcher(OkHttpClient client, AddressPolicy policy, Budget budget, Path spoolDir) {
        this.client = client;
        this.policy = policy;
        this.budget = budget;
        this.spoolDir = spoolDir;
    }

    /** Where the connected address of a call is recorded (a request tag). */
    static final class Trace {
        volatile String ip = "";
    }

    /**
     * The network interceptor every capture client carries: checks the connected address and records
     * it for WARC-IP-Address.
     */
    static Interceptor connectionGuard(AddressPolicy policy) {
        return chain -> {
            String ip = "";
            if (chain.connection() != null) {
                var address = chain.connection().route().socketAddress().getAddress();
                Optional<String> refusal = policy.refusal(address);
                if (refusal.isPresent()) {
                    throw new ForbiddenAddressException("connected to " + refusal.get());
                }
                ip = address.getHostAddress();
            }
            Trace trace = chain.request().tag(Trace.class);
            if (trace != null) {
                trace.ip = ip;
            }
            return chain.proceed(chain.request());
        };
    }

    /**
     * What a fetch saw of its response, even when it failed: the declared media type and the first
     * bytes of the body, to tell a video.
     */
    static final class Sniff {
        private String declaredType = "";
        private final byte[] head = new byte[VideoFormats.SNIFF_BYTES];
        private int headLength;

        void declared(String contentType) {
            declaredType = contentType == null ? "" : contentType;
        }

        /** Reads the body's first bytes without consuming them (okio peek). */
        void peek(okio.BufferedSource body) throws IOException {
            body.request(head.length);
            int n = (int) Math.min(head.length, body.getBuffer().size());
            byte[] b = body.peek().readByteArray(n);
            System.arraycopy(b, 0, head, 0, n);
            headLength = n;
        }

        /** The video media type the response declared or its first bytes show, if any. */
        Optional<String> videoType() {
            if (VideoFormats.isVideoType(declaredType)) {
                int semi = declaredType.indexOf(';');
                return Optional.of((semi < 0 ? declaredType : declaredType.substring(0, semi))
                        .strip()
                        .toLowerCase(java.util.Locale.ROOT));
            }
            return VideoFormats.sniff(head, headLength);
        }
    }

    /**
     * Fetches {@code url}; the returned exchange's body file is the caller's to delete.
     *
     * @param video fetch under the video bounds
     * @param sniff receives the response's declared type and first bytes
     */
    Exchange get(HttpUrl url, String accept, String userAgent, boolean video, Sniff sniff) throws CaptureException {
        String where = url.toString();
        Optional<String> refusal = policy.hostRefusal(url.host());
        if (refusal.isPresent()) {
            throw new CaptureException(Cause.FORBIDDEN_ADDRESS, where + ": " + refusal.get());
        }
        long timeoutMillis;
        String timeBound;
        if (video) {
            budget.startVideos();
            timeoutMillis = budget.videoTimeLeftMillis();
            timeBound = budget.videoTimeBound();
        } else {
            timeoutMillis = budget.callTimeoutMillis();
            timeBound = budget.totalTimeLimitsNextCall() ? budget.totalTimeBound() : budget.requestTimeBound();
        }
        if ((video ? timeoutMillis : budget.timeLeftMillis()) <= 0) {
            throw new CaptureException(
                    Cause.TIMEOUT,
                    where + ": not fetched, " + (video ? budget.videoTimeBound() : budget.totalTimeBound())
                            + " is spent");
        }
        Trace trace = new Trace();
        Request request = new Request.Builder()
                .url(url)
                .header("User-Agent", userAgent)
                .header("Accept", accept)
                .header("Accept-Encoding", "identity")
                .tag(Trace.class, trace)
                .get()
                .build();
        Call call = client.newCall(request);
        call.timeout().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Path spool = null;
        try (Response response = call.execute()) {
            spool = Files.createTempFile(spoolDir, ".daleel-body-", ".part");
            ResponseBody body = Objects.requireNonNull(response.body(), "OkHttp always sets a body");
            sniff.declared(response.header("Content-Type"));
            sniff.peek(body.source());
            checkDeclaredLength(where, response, video);
            MessageDigest digest = Digests.sha256();
            long size = copyBounded(where, call, body.byteStream(), spool, digest, video);
            if (video) {
                budget.addVideoBytes(size);
            } else {
                budget.addBytes(size);
            }
            Response network = Objects.requireNonNullElse(response.networkResponse(), response);
            return new Exchange(
                    url,
                    network.request(),
                    response.protocol(),
                    response.code(),
                    response.message(),
                    response.headers(),
                    spool,
                    size,
                    HexFormat.of().formatHex(digest.digest()),
                    trace.ip,
                    started,
                    Instant.ofEpochMilli(response.sentRequestAtMillis()),
                    Instant.ofEpochMilli(response.receivedResponseAtMillis()),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            deleteQuietly(spool);
            throw Failures.translate(where, url.host(), e, timeBound);
        } catch (RuntimeException e) {
            deleteQuietly(spool);
            throw e;
        }
    }

    private void checkDeclaredLength(String where, Response response, boolean video) throws CaptureException {
        String declared = response.header("Content-Length");
        if (declared == null || response.header("Transfer-Encoding") != null) {
            return;
        }
        long n;
        try {
            n = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return; // read until the bound decides
        }
        if (video) {
            if (n > budget.policy().maxVideoBytes()) {
                throw new CaptureException(
                        Cause.TOO_LARGE,
                        where + ": video exceeds " + budget.videoBound() + " (Content-Length " + n + ")");
            }
            return;
        }
        if (n > budget.policy().maxResponseBytes()) {
            throw new CaptureException(
                    Cause.TOO_LARGE,
                    where + ": response exceeds " + budget.perResponseBound() + " (Content-Length " + n + ")");
        }
        if (n > budget.bytesLeft()) {
            throw new CaptureException(
                    Cause.TOO_LARGE,
                    where + ": response of " + n + " bytes exceeds " + budget.totalBytesBound() + " ("
                            + budget.bytesLeft() + " bytes left)");
        }
    }

    private long copyBounded(String where, Call call, InputStream in, Path spool, MessageDigest digest, boolean video)
            throws IOException, CaptureException {
        long perResponse =
                video ? budget.policy().maxVideoBytes() : budget.policy().maxResponseBytes();
        long limit = video ? perResponse : Math.min(perResponse, budget.bytesLeft());
        long size = 0;
        try (OutputStream out = Files.newOutputStream(spool, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) > 0) {
                size += n;
                if (size > limit) {
                    call.cancel();
                    if (video) {
                        throw new CaptureException(Cause.TOO_LARGE, where + ": video exceeds " + budget.videoBound());
                    }
                    String bound = size > perResponse
                            ? budget.perResponseBound()
                            : budget.totalBytesBound() + " (" + budget.bytesLeft() + " bytes were left)";
                    throw new CaptureException(Cause.TOO_LARGE, where + ": response exceeds " + bound);
                }
                digest.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        return size;
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover spool file lives in the capture's temporary directory, which recovery clears
        }
    }
}
