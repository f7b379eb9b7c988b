package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.daleel.match.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Videos inside captured pages, through the CLI against a loopback server: the page's video is
 * archived whole in the capture's WARC, its frames find the page ({@code daleel match} of a still
 * names the page, the video's URL and the frame's time), a recycled video flags the page, streams
 * and oversize videos leave notes while the page is still captured.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PageVideoIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static HttpServer serve(Map<String, byte[]> files, Map<String, String> ranges) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            ranges.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
            byte[] body = files.get(path);
            try (exchange) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders()
                        .set("Content-Type", path.endsWith(".html") ? "text/html; charset=utf-8" : "video/mp4");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return server;
    }

    /** Four photos, a second and a half each, with a creation time and a position. */
    private Path video() throws Exception {
        List<Path> pictures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path p = tmp.resolve("photo" + i + ".png");
            ImageIO.write(MediaIT.photo(300 + i), "png", p.toFile());
            pictures.add(p);
        }
        return TestVideos.slideshow(
                tmp.resolve("strike.mp4"),
                pictures,
                1.5,
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-metadata",
                "creation_time=2016-06-15T10:00:00Z",
                "-metadata",
                "location=+33.3152+043.7848/");
    }

    private static String page(String title, String videoSrc) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title
                + "</h1><p>Residents filmed the strike on the market.</p>"
                + "<video controls><source src=\"" + videoSrc + "\" type=\"video/mp4\"></video>"
                + "<video src=\"/live/stream.m3u8\"></video></article></body></html>";
    }

    @Test
    void a_video_in_a_captured_page_is_archived_whole_matched_and_flagged() throws Exception {
        Path data = tmp.resolve("data");
        Path video = video();
        byte[] bytes = Files.readAllBytes(video);
        String originalId = JSON.readTree(Cli.run(
                                data,
                                "import",
                                video.toString(),
                                "--claimed-place",
                                "Fallujah, Iraq",
                                "--claimed-date",
                                "2016-06-15",
                                "--json")
                        .assertOk()
                        .out())
                .get(0)
                .path("id")
                .asText();

        Map<String, String> ranges = new ConcurrentHashMap<>();
        HttpServer server = serve(
                Map.of(
                        "/news/aleppo.html",
                        page("Strike on Aleppo market", "media/clip.mp4").getBytes(StandardCharsets.UTF_8),
                        "/news/media/clip.mp4",
                        bytes),
                ranges);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String videoUrl = base + "/news/media/clip.mp4";
        Cli.Result captured;
        try {
            captured = Cli.run(
                            data,
                            "capture",
                            base + "/news/aleppo.html",
                            "--allow-private",
                            "--claimed-place",
                            "Aleppo, Syria",
                            "--json")
                    .assertOk();
        } finally {
            server.stop(0);
        }
        assertThat(ranges.get("/news/media/clip.mp4"))
                .as("fetched whole, without Range")
                .isEqualTo("null");
        assertThat(ranges).doesNotContainKey("/live/stream.m3u8");

        // the alert: the page shows a video archived before with other claims
        JsonNode page = JSON.readTree(captured.out());
        String pageId = page.path("id").asText();
        assertThat(page.path("alerts").findValuesAsText("id")).containsExactly(originalId);
        assertThat(captured.err()).contains("seen before");
        JsonNode shown =
                JSON.readTree(Cli.run(data, "show", pageId, "--json").assertOk().out());
        JsonNode alert = shown.path("alerts").get(0);
        assertThat(alert.path("relation").asText()).isEqualTo("earlier");
        assertThat(alert.path("alert").asText()).startsWith("seen before").contains("claimed place differs");
        assertThat(alert.path("explanation").asText()).contains("of video " + videoUrl + " here");
        assertThat(shown.path("extractionNote").asText())
                .contains("page video " + videoUrl + ": video: 6.0 s")
                .contains("frames hashed")
                .contains("GPS 33.3152, 43.7848")
                .contains("video served as a stream: not archived (HLS " + base + "/live/stream.m3u8)");
        assertThat(shown.path("resources").findValuesAsText("url")).contains(videoUrl);

        // the WARC holds the whole video as one 200 response
        Path warc;
        try (DirectoryStream<Path> warcs =
                Files.newDirectoryStream(data.resolve("warcs"), "DALEEL-*-" + pageId + ".warc.gz")) {
            warc = warcs.iterator().next();
        }
        long videoPayload = -1;
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcResponse resp && resp.target().equals(videoUrl)) {
                    assertThat(resp.http().status()).isEqualTo(200);
                    videoPayload = resp.http().body().stream().readAllBytes().length;
                }
            }
        }
        assertThat(videoPayload).isEqualTo(bytes.length);

        // a still of the video at 4.0 s (the third photo shows from 3.0 to 4.5 s) finds the page
        Path still = TestVideos.make(
                tmp.resolve("still.jpg"),
                "-ss",
                "4.0",
                "-i",
                video.toString(),
                "-frames:v",
                "1",
                "-vf",
                "scale=400:-2");
        JsonNode hits = JSON.readTree(
                Cli.run(data, "match", still.toString(), "--json").assertOk().out());
        JsonNode pageHit = null;
        for (JsonNode h : hits) {
            if (h.path("id").asText().equals(pageId)) {
                pageHit = h;
            }
        }
        assertThat(hits.findValuesAsText("id")).contains(originalId, pageId);
        assertThat(pageHit.path("method").asText()).isEqualTo("frame");
        assertThat(pageHit.path("url").asText()).isEqualTo(base + "/news/aleppo.html");
        assertThat(pageHit.path("videoUrl").asText()).isEqualTo(videoUrl);
        assertThat(pageHit.path("frameMillis").asLong()).isBetween(3000L, 4500L);
        assertThat(pageHit.path("explanation").asText()).contains("of video " + videoUrl + " there");

        // the capture's WARC imported into another archive: the page record shows the video and matches
        Path data2 = tmp.resolve("data2");
        Cli.run(data2, "import", warc.toString()).assertOk();
        JsonNode hits2 = JSON.readTree(
                Cli.run(data2, "match", still.toString(), "--json").assertOk().out());
        JsonNode pageRecord = null;
        for (JsonNode h : hits2) {
            if (h.path("url").asText().equals(base + "/news/aleppo.html")) {
                pageRecord = h;
            }
        }
        assertThat(pageRecord)
                .as("the imported page record is found through its video")
                .isNotNull();
        assertThat(pageRecord.path("method").asText()).isEqualTo("frame");
        assertThat(pageRecord.path("videoUrl").asText()).isEqualTo(videoUrl);
    }

    @Test
    void without_ffmpeg_or_above_the_size_bound_the_page_is_captured_with_a_note() throws Exception {
        Path data = tmp.resolve("data");
        byte[] bytes = Files.readAllBytes(video());
        HttpServer server = serve(
                Map.of(
                        "/news/homs.html",
                        page("Strike on Homs", "/media/clip.mp4").getBytes(StandardCharsets.UTF_8),
                        "/news/idlib.html",
                        page("Strike on Idlib", "/media/clip2.mp4").getBytes(StandardCharsets.UTF_8),
                        "/media/clip.mp4",
                        bytes,
                        "/media/clip2.mp4",
                        bytes),
                new ConcurrentHashMap<>());
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path noFfmpegOut = tmp.resolve("no-ffmpeg.json");
        Cli.Result oversize;
        try {
            // without ffmpeg the video is archived all the same, with the note uploads get
            ProcessBuilder pb = Cli.builder(data, "capture", base + "/news/homs.html", "--allow-private", "--json");
            pb.environment().put("DALEEL_FFMPEG", "/nonexistent/ffmpeg");
            Process p = pb.redirectOutput(noFfmpegOut.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isZero();
            Cli.run(data, "config", "set", "capture.video.max-bytes", "10kB").assertOk();
            oversize = Cli.run(data, "capture", base + "/news/idlib.html", "--allow-private", "--json")
                    .assertOk();
        } finally {
            server.stop(0);
        }

        String noFfmpegId = JSON.readTree(Files.readString(noFfmpegOut, StandardCharsets.UTF_8))
                .path("id")
                .asText();
        JsonNode noFfmpeg = JSON.readTree(
                Cli.run(data, "show", noFfmpegId, "--json").assertOk().out());
        assertThat(noFfmpeg.path("extractionNote").asText())
                .contains("page video " + base + "/media/clip.mp4: video not analysed: ffmpeg not found at"
                        + " /nonexistent/ffmpeg");
        assertThat(noFfmpeg.path("resources").findValuesAsText("url")).contains(base + "/media/clip.mp4");

        // above capture.video.max-bytes: a note, and the page is captured all the same
        JsonNode second = JSON.readTree(oversize.out());
        assertThat(second.path("title").asText()).isEqualTo("Strike on Idlib");
        assertThat(second.path("extractionNote").asText())
                .contains("video " + base + "/media/clip2.mp4 not archived: video exceeds the 10 kB video size bound"
                        + " (capture.video.max-bytes) (Content-Length " + bytes.length + ")")
                .contains("video served as a stream: not archived (HLS " + base + "/live/stream.m3u8)");
    }
}
