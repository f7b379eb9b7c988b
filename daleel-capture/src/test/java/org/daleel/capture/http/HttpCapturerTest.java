package org.daleel.capture.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Dns;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.daleel.blob.BlobStore;
import org.daleel.blob.Digests;
import org.daleel.blob.FileBlobStore;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CaptureException.Cause;
import org.daleel.capture.CapturePolicy;
import org.daleel.capture.CaptureRequest;
import org.daleel.capture.CaptureResult;
import org.daleel.item.Resource;
import org.daleel.warc.JwarcValidation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

class HttpCapturerTest {
    private static final CapturePolicy POLICY = new CapturePolicy(
            64 * 1024, 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(20), 20, 5, "DaleelTest/1.0");

    @TempDir
    Path dir;

    private OriginServer origin;
    private BlobStore blobs;
    private Path warc;

    @BeforeEach
    void start() throws IOException {
        origin = new OriginServer();
        blobs = new FileBlobStore(dir.resolve("blobs"));
        warc = dir.resolve("capture.warc.gz");
    }

    @AfterEach
    void stop() {
        origin.close();
    }

    private CaptureResult capture(String path) {
        return capture(POLICY, path);
    }

    private CaptureResult capture(CapturePolicy policy, String path) {
        return new HttpCapturer(policy, blobs, "0.1-test")
                .capture(new CaptureRequest(origin.url(path), "Aleppo desk", true), warc);
    }

    /** All records of the WARC with their block bytes, read in order. */
    private record Rec(
            WarcRecord record, Map<String, List<String>> headers, byte[] block, byte[] payload, long offset) {
        String header(String name) {
            return record.headers().first(name).orElse("");
        }
    }

    private List<Rec> records() throws IOException {
        List<Rec> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                long offset = reader.position(); // jwarc: the position of the record just read
                byte[] payload = new byte[0];
                Map<String, List<String>> headers = r.headers().map();
                byte[] block;
                if (r instanceof WarcResponse resp) {
                    byte[] head = resp.http().serializeHeader();
                    payload = resp.http().body().stream().readAllBytes();
                    block = concat(head, payload);
                } else {
                    block = r.body().stream().readAllBytes();
                }
                out.add(new Rec(r, headers, block, payload, offset));
            }
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void assertCause(ThrowingCallable call, Cause cause, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CaptureException.class, e -> {
            assertThat(e.cause()).as(e.getMessage()).isEqualTo(cause);
            assertThat(e.getMessage()).contains(messageParts);
        });
    }

    @Test
    void captures_an_article_with_its_embedded_resources() throws IOException {
        CaptureResult r = capture("/article");

        byte[] article = OriginServer.ARTICLE.getBytes(StandardCharsets.UTF_8);
        assertThat(r.requestedUrl()).isEqualTo(origin.url("/article"));
        assertThat(r.finalUrl()).isEqualTo(origin.url("/article"));
        assertThat(r.redirects()).isEmpty();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.mediaType()).isEqualTo("text/html");
        assertThat(r.sha256()).isEqualTo(Digests.sha256Hex(article));
        assertThat(r.size()).isEqualTo(article.length);
        assertThat(r.resolvedIp()).isEqualTo("127.0.0.1");
        assertThat(blobs.contains(r.sha256())).isTrue();
        try (InputStream in = blobs.open(r.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(article);
        }
        assertThat(r.resources())
                .extracting(Resource::url)
                .containsExactlyInAnyOrder(
                        origin.url("/css/site.css"),
                        origin.url("/favicon.ico"),
                        origin.url("/js/app.js"),
                        origin.url("/img/banner.png"),
                        origin.url("/img/photo.png"),
                        origin.url("/img/photo-2x.png"),
                        origin.url("/img/div.png"),
                        origin.url("/img/bg.png"));
        Resource photo = r.resources().stream()
                .filter(x -> x.url().endsWith("/img/photo.png"))
                .findFirst()
                .orElseThrow();
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.mediaType()).isEqualTo("image/png");
        assertThat(photo.sha256()).isEqualTo(Digests.sha256Hex(OriginServer.PHOTO));
        assertThat(photo.size()).isEqualTo(OriginServer.PHOTO.length);
        assertThat(blobs.contains(photo.sha256())).isTrue();
        assertThat(origin.requests).doesNotContain("/other");
        assertThat(origin.userAgents.get("/article")).isEqualTo("DaleelTest/1.0");
        assertThat(origin.acceptEncodings.get("/img/photo.png")).isEqualTo("identity");

        assertThat(r.warcSize()).isEqualTo(Files.size(warc));
        assertThat(r.warcSha256()).isEqualTo(Digests.sha256Hex(Files.readAllBytes(warc)));
    }

    @Test
    void warc_has_warcinfo_then_request_response_pairs_then_metadata() throws Exception {
        CaptureResult r = capture("/article");
        List<Rec> recs = records();

        assertThat(recs.getFirst().record()).isInstanceOf(Warcinfo.class);
        Warcinfo info = (Warcinfo) recs.getFirst().record();
        String infoText = new String(recs.getFirst().block(), StandardCharsets.UTF_8);
        assertThat(infoText)
                .contains(
                        "software: Daleel/0.1-test",
                        "format: WARC File Format 1.1",
                        "operator: Aleppo desk",
                        "http-header-user-agent: DaleelTest/1.0");
        assertThat(recs.getFirst().header("WARC-Filename")).isEqualTo("capture.warc.gz");

        List<Rec> middle = recs.subList(1, recs.size() - 1);
        assertThat(middle.size()).isEven().isEqualTo(2 * (1 + r.resources().size()));
        for (int i = 0; i < middle.size(); i += 2) {
            Rec req = middle.get(i);
            Rec resp = middle.get(i + 1);
            assertThat(req.record()).isInstanceOf(WarcRequest.class);
            assertThat(resp.record()).isInstanceOf(WarcResponse.class);
            assertThat(req.header("WARC-Concurrent-To")).isEqualTo(resp.header("WARC-Record-ID"));
            assertThat(req.header("WARC-Target-URI")).isEqualTo(resp.header("WARC-Target-URI"));
            assertThat(resp.header("WARC-IP-Address")).isEqualTo("127.0.0.1");
            assertThat(resp.header("Content-Type")).isEqualTo("application/http;msgtype=response");
            assertThat(req.header("Content-Type")).isEqualTo("application/http;msgtype=request");
            assertThat(new String(req.block(), StandardCharsets.UTF_8))
                    .startsWith("GET ")
                    .contains(
                            "\r\nUser-Agent: DaleelTest/1.0\r\n",
                            "\r\nAccept-Encoding: identity\r\n",
                            "\r\nHost: 127.0.0.1:" + origin.port() + "\r\n");
        }
        for (Rec rec : recs.subList(1, recs.size())) {
            assertThat(rec.header("WARC-Warcinfo-ID")).isEqualTo("<" + info.id() + ">");
        }

        Rec page = middle.get(1);
        assertThat(page.offset()).isEqualTo(r.pageRecordOffset());
        assertThat(page.header("WARC-Target-URI")).isEqualTo(origin.url("/article"));
        assertThat(page.header("WARC-Date")).isEqualTo(org.daleel.warc.WarcRecord.formatDate(r.capturedAt()));
        for (Resource res : r.resources()) {
            Rec resp = recs.stream()
                    .filter(x -> x.offset() == res.warcOffset())
                    .findFirst()
                    .orElseThrow();
            assertThat(resp.header("WARC-Target-URI")).isEqualTo(res.url());
            assertThat(Digests.sha256Hex(resp.payload())).isEqualTo(res.sha256());
        }

        Rec meta = recs.getLast();
        assertThat(meta.record()).isInstanceOf(WarcMetadata.class);
        assertThat(meta.header("Content-Type")).isEqualTo("application/json");
        assertThat(meta.header("WARC-Concurrent-To")).isEqualTo(page.header("WARC-Record-ID"));
        String json = new String(meta.block(), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"version\": \"0.1-test\"",
                        "\"operator\": \"Aleppo desk\"",
                        "\"requestedUrl\": \"" + origin.url("/article") + "\"",
                        "\"finalUrl\": \"" + origin.url("/article") + "\"",
                        "\"ip\": \"127.0.0.1\"",
                        "\"durationMs\": ",
                        "\"maxResources\": 20",
                        "\"fetched\": 8");
    }

    @Test
    void digests_are_sha256_hex_of_the_bytes_and_the_warc_passes_jwarc_validation() throws Exception {
        capture("/article");
        for (Rec rec : records()) {
            assertThat(rec.header("WARC-Block-Digest")).isEqualTo("sha256:" + Digests.sha256Hex(rec.block()));
            if (rec.record() instanceof WarcResponse) {
                assertThat(rec.header("WARC-Payload-Digest")).isEqualTo("sha256:" + Digests.sha256Hex(rec.payload()));
            }
        }
        assertThat(JwarcValidation.strictHeaderViolations(warc)).isEmpty();
        JwarcValidation.assertJwarcValidates(warc);
    }

    @Test
    void the_stylesheet_background_image_is_fetched_one_level_deep() throws IOException {
        CaptureResult r = capture("/article");
        assertThat(r.resources()).extracting(Resource::url).contains(origin.url("/img/bg.png"));
        assertThat(origin.requests.indexOf("/css/site.css")).isLessThan(origin.requests.indexOf("/img/bg.png"));
    }

    @Test
    void follows_redirects_and_records_every_hop() throws Exception {
        CaptureResult r = capture("/r1");
        assertThat(r.requestedUrl()).isEqualTo(origin.url("/r1"));
        assertThat(r.redirects()).containsExactly(origin.url("/r1"), origin.url("/r2"));
        assertThat(r.finalUrl()).isEqualTo(origin.url("/article"));
        List<Rec> responses = records().stream()
                .filter(x -> x.record() instanceof WarcResponse)
                .toList();
        assertThat(responses.subList(0, 3))
                .extracting(x -> ((WarcResponse) x.record()).http().status())
                .containsExactly(302, 301, 200);
        String json = new String(records().getLast().block(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"status\": 302", "\"status\": 301", "\"location\": \"" + origin.url("/r2") + "\"");
        JwarcValidation.assertJwarcValidates(warc);
    }

    @Test
    void a_chunked_response_is_archived_with_a_consistent_content_length() throws Exception {
        capture("/chunked");
        Rec page = records().get(2);
        String head = new String(((WarcResponse) page.record()).http().serializeHeader(), StandardCharsets.ISO_8859_1);
        // com.sun.net.httpserver spells it "Transfer-encoding"; the archived name keeps its spelling
        assertThat(head)
                .containsIgnoringCase("X-Archive-Orig-Transfer-Encoding: chunked\r\n")
                .doesNotContainIgnoringCase("\r\nTransfer-Encoding")
                .contains("Content-Length: " + page.payload().length + "\r\n");
        assertThat(new String(page.payload(), StandardCharsets.UTF_8)).isEqualTo("<html><body>chunked</body></html>");
        JwarcValidation.assertJwarcValidates(warc);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://127.0.0.1:PORT/article",
                "http://[::1]:PORT/article",
                "http://0x7f000001:PORT/article",
                "http://2130706433:PORT/article",
                "http://127.1:PORT/article",
                "http://0177.0.0.1:PORT/article",
                "http://[::ffff:127.0.0.1]:PORT/article",
                "http://localhost:PORT/article",
                "http://0.0.0.0:PORT/article",
                "http://169.254.169.254/latest/meta-data/",
                "http://metadata.google.internal/computeMetadata/v1/"
            })
    void refuses_loopback_and_metadata_urls_without_private_capture(String template) {
        String url = template.replace("PORT", Integer.toString(origin.port()));
        HttpCapturer capturer = new HttpCapturer(POLICY, blobs, "0.1-test");
        assertCause(() -> capturer.capture(new CaptureRequest(url, "", false), warc), Cause.FORBIDDEN_ADDRESS, url);
        assertThat(warc).doesNotExist();
        assertThat(origin.requests).isEmpty();
    }

    @Test
    void refuses_a_name_that_resolves_to_loopback_unless_private_capture_is_on() throws IOException {
        Dns fake = host ->
                host.equals("evidence.example") ? List.of(InetAddress.getByName("127.0.0.1")) : Dns.SYSTEM.lookup(host);
        String url = "http://evidence.example:" + origin.port() + "/article";
        HttpCapturer capturer = new HttpCapturer(POLICY, blobs, "0.1-test", fake);
        assertCause(
                () -> capturer.capture(new CaptureRequest(url, "", false), warc),
                Cause.FORBIDDEN_ADDRESS,
                url + ": evidence.example resolves to 127.0.0.1 is a loopback address");
        assertThat(warc).doesNotExist();
        assertThat(origin.requests).isEmpty();

        CaptureResult r = capturer.capture(new CaptureRequest(url, "", true), warc);
        assertThat(r.resolvedIp()).isEqualTo("127.0.0.1");
        String request = new String(records().get(1).block(), StandardCharsets.UTF_8);
        assertThat(request).contains("\r\nHost: evidence.example:" + origin.port() + "\r\n");
        assertThat(new String(records().getLast().block(), StandardCharsets.UTF_8))
                .contains("\"evidence.example\": [", "\"127.0.0.1\"");
    }

    @Test
    void rechecks_every_redirect_and_refuses_the_metadata_endpoint_even_with_private_capture() {
        assertCause(
                () -> capture("/to-metadata"),
                Cause.FORBIDDEN_ADDRESS,
                origin.url("/to-metadata")
                        + " -> http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a cloud metadata address");
        assertThat(warc).doesNotExist();
    }

    @Test
    void refuses_a_redirect_to_a_non_http_scheme() {
        assertCause(() -> capture("/to-ftp"), Cause.BAD_URL, "ftp://127.0.0.1/file", "not an http(s) URL");
        assertThat(warc).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "ftp://example.org/x",
                "javascript:alert(1)",
                "data:text/html,hi",
                "gopher://127.0.0.1:70/",
                "not a url",
                "http://",
                "//example.org/x"
            })
    void refuses_anything_but_http_and_https_urls(String url) {
        HttpCapturer capturer = new HttpCapturer(POLICY, blobs, "0.1-test");
        assertCause(() -> capturer.capture(new CaptureRequest(url, "", true), warc), Cause.BAD_URL, url);
        assertThat(warc).doesNotExist();
    }

    @Test
    void an_error_status_fails_the_capture_and_leaves_no_warc() {
        assertCause(
                () -> capture("/missing"),
                Cause.HTTP_STATUS,
                origin.url("/missing") + ": server answered 404 Not Found");
        assertThat(warc).doesNotExist();
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".part"));
    }

    @Test
    void too_many_redirects_names_the_bound() {
        CapturePolicy p =
                new CapturePolicy(64 * 1024, 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(20), 20, 3, "t");
        assertCause(
                () -> capture(p, "/loop/0"),
                Cause.TOO_MANY_REDIRECTS,
                origin.url("/loop/0") + ": more than 3 redirects (the 3-redirect bound)");
        assertThat(origin.requests).containsExactly("/loop/0", "/loop/1", "/loop/2", "/loop/3");
        assertThat(warc).doesNotExist();
    }

    @Test
    void a_response_over_the_per_response_bound_fails_naming_the_bound() {
        assertCause(
                () -> capture("/big"),
                Cause.TOO_LARGE,
                origin.url("/big") + ": response exceeds the 64 KiB per-response bound");
        assertCause(
                () -> capture("/big-chunked"),
                Cause.TOO_LARGE,
                origin.url("/big-chunked") + ": response exceeds the 64 KiB per-response bound");
        assertThat(warc).doesNotExist();
    }

    @Test
    void a_capture_over_the_total_size_bound_fails_naming_the_bound() {
        CapturePolicy p =
                new CapturePolicy(1024 * 1024, 100 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(20), 20, 5, "t");
        assertCause(() -> capture(p, "/big-chunked"), Cause.TOO_LARGE, "the 100 KiB total size bound");
    }

    @Test
    void a_slow_response_fails_with_the_per_request_time_bound() {
        CapturePolicy p =
                new CapturePolicy(64 * 1024, 1024 * 1024, Duration.ofMillis(400), Duration.ofSeconds(20), 20, 5, "t");
        long t0 = System.nanoTime();
        assertCause(
                () -> capture(p, "/slow"),
                Cause.TIMEOUT,
                origin.url("/slow") + ": no complete response within the 400 ms per-request time bound");
        // the per-request bound (400 ms) stopped it, not the 20 s total bound
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
        assertThat(warc).doesNotExist();
    }

    @Test
    void a_slow_response_fails_with_the_total_time_bound_when_that_is_nearer() {
        CapturePolicy p =
                new CapturePolicy(64 * 1024, 1024 * 1024, Duration.ofSeconds(10), Duration.ofMillis(500), 20, 5, "t");
        assertCause(() -> capture(p, "/slow"), Cause.TIMEOUT, "the 500 ms total time bound");
    }

    @Test
    void too_many_resources_stops_fetching_them_and_says_so_in_metadata() throws Exception {
        CapturePolicy p =
                new CapturePolicy(64 * 1024, 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(20), 2, 5, "t");
        CaptureResult r = capture(p, "/article");
        assertThat(r.resources()).hasSize(2);
        String json = new String(records().getLast().block(), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("the 2-resource bound stopped resource fetching: 6 of 8 embedded resources not fetched");
        JwarcValidation.assertJwarcValidates(warc);
    }

    @Test
    void failing_resources_are_recorded_without_failing_the_capture() throws Exception {
        CaptureResult r = capture("/broken-image");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.resources())
                .extracting(Resource::url, Resource::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(origin.url("/img/none.png"), 404),
                        org.assertj.core.groups.Tuple.tuple(origin.url("/img/photo.png"), 200));
        String json = new String(records().getLast().block(), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"cause\": \"HTTP_STATUS\"",
                        origin.url("/img/none.png") + ": server answered 404 Not Found",
                        "\"cause\": \"TOO_LARGE\"",
                        origin.url("/big") + ": response exceeds the 64 KiB per-response bound");
        JwarcValidation.assertJwarcValidates(warc);
    }

    @Test
    void an_unresolvable_host_fails_with_dns() {
        HttpCapturer capturer = new HttpCapturer(POLICY, blobs, "0.1-test");
        assertCause(
                () -> capturer.capture(new CaptureRequest("http://no-such-host.invalid/x", "", false), warc),
                Cause.DNS,
                "http://no-such-host.invalid/x: host no-such-host.invalid did not resolve");
        assertThat(warc).doesNotExist();
    }

    @Test
    void a_refused_connection_fails_with_network() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/";
        HttpCapturer capturer = new HttpCapturer(POLICY, blobs, "0.1-test");
        assertCause(
                () -> capturer.capture(new CaptureRequest(url, "", true), warc),
                Cause.NETWORK,
                url + ": connection to 127.0.0.1 failed");
        assertThat(warc).doesNotExist();
    }

    @Test
    void a_tls_failure_fails_with_tls() throws Exception {
        // a plain-HTTP server that answers the TLS ClientHello with an HTTP error, as misconfigured hosts do
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        try {
            Thread t = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (java.net.Socket s = server.accept()) {
                        s.getInputStream().read(new byte[512]);
                        s.getOutputStream()
                                .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String url = "https://127.0.0.1:" + server.getLocalPort() + "/article";
            HttpCapturer capturer = new HttpCapturer(POLICY, blobs, "0.1-test");
            assertCause(
                    () -> capturer.capture(new CaptureRequest(url, "", true), warc),
                    Cause.TLS,
                    url + ": TLS handshake failed");
            assertThat(warc).doesNotExist();
            server.close();
            t.join(2000);
        } finally {
            server.close();
        }
    }

    @Test
    void refuses_to_overwrite_an_existing_warc_file() throws IOException {
        Files.writeString(warc, "someone else's evidence");
        assertCause(() -> capture("/article"), Cause.STORAGE, "already exists");
        assertThat(warc).hasContent("someone else's evidence");
    }

    @Test
    void metadata_lists_timings_for_every_fetch() throws IOException {
        capture("/article");
        String json = new String(records().getLast().block(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"role\": \"(page|resource|redirect)\"").matcher(json);
        int n = 0;
        while (m.find()) {
            n++;
        }
        assertThat(n).isEqualTo(9);
        assertThat(Pattern.compile("\"start\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"")
                        .matcher(json)
                        .results()
                        .count())
                .isEqualTo(9);
    }

    @Test
    void concurrent_captures_keep_their_own_policies_and_files() throws Exception {
        HttpCapturer capturer = new HttpCapturer(POLICY, blobs, "0.1-test");
        Path first = dir.resolve("first.warc.gz");
        Path second = dir.resolve("second.warc.gz");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var allowed =
                    pool.submit(() -> capturer.capture(new CaptureRequest(origin.url("/article"), "", true), first));
            var refused =
                    pool.submit(() -> capturer.capture(new CaptureRequest(origin.url("/article"), "", false), second));
            assertThat(allowed.get().resources()).hasSize(8);
            assertThatThrownBy(refused::get)
                    .cause()
                    .isInstanceOfSatisfying(
                            CaptureException.class, e -> assertThat(e.cause()).isEqualTo(Cause.FORBIDDEN_ADDRESS));
        }
        assertThat(first).exists();
        assertThat(second).doesNotExist();
        JwarcValidation.assertJwarcValidates(first);
    }
}
