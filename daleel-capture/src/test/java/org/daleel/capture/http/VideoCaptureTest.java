package org.daleel.capture.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.daleel.blob.BlobStore;
import org.daleel.blob.Digests;
import org.daleel.blob.FileBlobStore;
import org.daleel.capture.CapturePolicy;
import org.daleel.capture.CaptureRequest;
import org.daleel.capture.CaptureResult;
import org.daleel.item.Resource;
import org.daleel.warc.JwarcValidation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Videos shown by a captured page: fetched whole (one GET, no {@code Range}) under their own size
 * bound, recorded as ordinary request/response pairs; streams, oversize and failing videos become
 * notes and never fail the capture.
 */
@Timeout(60)
class VideoCaptureTest {
    /** Ordinary bounds far below the videos' sizes, so only the video bound lets them through. */
    private static final CapturePolicy POLICY = new CapturePolicy(
                    64 * 1024, 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(20), 20, 5, "DaleelTest/1.0")
            .withVideo(1_000_000, Duration.ofSeconds(20));

    static final byte[] CLIP = video("isom", 300_000, 3);
    static final byte[] WEBM = webm(200_000);
    static final byte[] HUGE = video("mp42", 1_500_000, 5);

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> bodies = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> ranges = new ConcurrentHashMap<>();
    private BlobStore blobs;
    private Path warc;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            ranges.put(path, String.valueOf(ex.getRequestHeaders().getFirst("Range")));
            byte[] body = bodies.get(path);
            try (ex) {
                if (path.equals("/v/slow.mp4")) {
                    ex.getResponseHeaders().set("Content-Type", "video/mp4");
                    ex.sendResponseHeaders(200, CLIP.length);
                    OutputStream out = ex.getResponseBody();
                    out.write(CLIP, 0, 1000);
                    out.flush();
                    sleep(3000);
                    out.write(CLIP, 1000, CLIP.length - 1000);
                    return;
                }
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.getResponseHeaders().set("Content-Type", types.get(path));
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        blobs = new FileBlobStore(dir.resolve("blobs"));
        warc = dir.resolve("capture.warc.gz");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void serve(String path, String type, byte[] body) {
        bodies.put(path, body);
        types.put(path, type);
    }

    private CaptureResult capture(String path) {
        return new HttpCapturer(POLICY, blobs, "0.1-test").capture(new CaptureRequest(url(path), "desk", true), warc);
    }

    @Test
    void archives_the_videos_of_a_page_whole_as_response_records() throws Exception {
        serve("/news.html", "text/html; charset=utf-8", """
            <html><head><title>Convoy</title>
            <meta property="og:video" content="/v/og.webm">
            </head><body>
            <video controls poster="/v/poster.jpg"><source src="/v/clip.mp4" type="video/mp4"></video>
            </body></html>
            """.getBytes(StandardCharsets.UTF_8));
        serve("/v/clip.mp4", "video/mp4", CLIP);
        serve("/v/og.webm", "application/octet-stream", WEBM);
        serve("/v/poster.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});

        CaptureResult r = capture("/news.html");

        assertThat(r.notes()).isEmpty();
        assertThat(r.resources())
                .extracting(Resource::url, Resource::mediaType, Resource::size)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(url("/v/poster.jpg"), "image/jpeg", 6L),
                        org.assertj.core.groups.Tuple.tuple(url("/v/clip.mp4"), "video/mp4", (long) CLIP.length),
                        // served as octet-stream: its bytes show WebM
                        org.assertj.core.groups.Tuple.tuple(url("/v/og.webm"), "video/webm", (long) WEBM.length));
        assertThat(ranges.get("/v/clip.mp4")).isEqualTo("null");
        Resource clip = r.resources().get(1);
        try (InputStream in = blobs.open(clip.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(CLIP);
        }

        Map<String, WarcResponse> responses = new HashMap<>();
        Map<String, String> concurrentTo = new HashMap<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord rec : reader) {
                if (rec instanceof WarcResponse resp) {
                    byte[] payload = resp.http().body().stream().readAllBytes();
                    if (resp.target().equals(url("/v/clip.mp4"))) {
                        assertThat(resp.http().status()).isEqualTo(200);
                        assertThat(payload).hasSize(CLIP.length);
                        assertThat(Digests.sha256Hex(payload)).isEqualTo(Digests.sha256Hex(CLIP));
                        assertThat(reader.position()).isEqualTo(clip.warcOffset());
                    }
                    responses.put(resp.target(), resp);
                } else if (rec instanceof WarcRequest req) {
                    concurrentTo.put(
                            req.target(),
                            req.headers().first("WARC-Concurrent-To").orElse(""));
                    assertThat(req.http().headers().first("Range")).isEmpty();
                }
            }
        }
        assertThat(responses).containsKeys(url("/v/clip.mp4"), url("/v/og.webm"));
        assertThat(concurrentTo.get(url("/v/clip.mp4")))
                .isEqualTo("<" + responses.get(url("/v/clip.mp4")).id() + ">");
        assertThat(JwarcValidation.strictHeaderViolations(warc)).isEmpty();
        JwarcValidation.assertJwarcValidates(warc);
    }

    @Test
    void an_oversize_a_missing_a_forbidden_video_and_a_stream_become_notes_and_the_page_is_captured()
            throws IOException {
        serve("/page.html", "text/html", """
            <html><body><h1>Shelling</h1>
            <video src="/v/huge.mp4"></video>
            <video src="/v/gone.mp4"></video>
            <video src="/live/index.m3u8"></video>
            <meta property="og:video" content="http://169.254.169.254/latest/v.mp4">
            </body></html>
            """.getBytes(StandardCharsets.UTF_8));
        serve("/v/huge.mp4", "video/mp4", HUGE);

        CaptureResult r = capture("/page.html");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.mediaType()).isEqualTo("text/html");
        assertThat(r.notes())
                .containsExactly(
                        "video served as a stream: not archived (HLS " + url("/live/index.m3u8") + ")",
                        "video " + url("/v/huge.mp4") + " not archived: video exceeds the 1 MB video size bound"
                                + " (capture.video.max-bytes) (Content-Length " + HUGE.length + ")",
                        "video " + url("/v/gone.mp4") + " not archived: server answered 404 Not Found",
                        "video http://169.254.169.254/latest/v.mp4 not archived: 169.254.169.254 is a cloud metadata"
                                + " address; capture never connects there");
        assertThat(ranges).doesNotContainKey("/live/index.m3u8");
        assertThat(r.resources()).extracting(Resource::url).doesNotContain(url("/v/huge.mp4"));
        assertThat(JwarcValidation.strictHeaderViolations(warc)).isEmpty();
    }

    @Test
    void a_url_that_answers_a_video_is_fetched_whole_under_the_video_bound() throws IOException {
        serve("/watch", "application/octet-stream", CLIP);

        CaptureResult r = capture("/watch");

        assertThat(r.mediaType()).isEqualTo("video/mp4");
        assertThat(r.size()).isEqualTo(CLIP.length);
        assertThat(r.sha256()).isEqualTo(Digests.sha256Hex(CLIP));
        long pageResponses = 0;
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord rec : reader) {
                if (rec instanceof WarcResponse resp && resp.target().equals(url("/watch"))) {
                    pageResponses++;
                    assertThat(resp.http().body().stream().readAllBytes()).isEqualTo(CLIP);
                }
            }
        }
        assertThat(pageResponses).as("only the whole fetch is recorded").isEqualTo(1);
    }

    @Test
    void a_video_not_fetched_within_the_video_time_bound_becomes_a_note() {
        serve(
                "/slow.html",
                "text/html",
                "<h1>Slow</h1><video src=/v/slow.mp4></video>".getBytes(StandardCharsets.UTF_8));
        CapturePolicy quick = POLICY.withVideo(1_000_000, Duration.ofSeconds(1));

        CaptureResult r = new HttpCapturer(quick, blobs, "0.1-test")
                .capture(new CaptureRequest(url("/slow.html"), "desk", true), warc);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.notes())
                .containsExactly("video " + url("/v/slow.mp4") + " not archived: no complete response within the 1 s"
                        + " video time bound (capture.video.timeout)");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An ISO BMFF file: an {@code ftyp} box of {@code brand}, then filler. */
    static byte[] video(String brand, int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * seed + (i >> 9));
        }
        byte[] head = ("\0\0\0\u0018ftyp" + brand + "\0\0\0\0" + brand + "mp41").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static byte[] webm(int size) {
        byte[] b = new byte[size];
        byte[] head = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x82, (byte) 0x84};
        System.arraycopy(head, 0, b, 0, head.length);
        byte[] docType = "webm".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(docType, 0, b, head.length, docType.length);
        return b;
    }
}
