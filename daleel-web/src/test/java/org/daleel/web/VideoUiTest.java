package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.daleel.archive.ItemOptions;
import org.daleel.item.Provenance;
import org.daleel.match.TestVideos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Videos in the web UI and API: the item page plays the video from the replay origin (byte ranges,
 * sandboxed) and shows its probed metadata; a recycled clip carries the "seen before" alert in the
 * API and on its page; "find this image" with a still names the frame time; a captured page that shows
 * a video plays it from the replay origin with its frame strip.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class VideoUiTest {
    @TempDir
    static Path data;

    @TempDir
    static Path files;

    static WebFixture web;
    static String videoId;
    static String clipId;
    static Path still;
    static Path video;

    @BeforeAll
    static void start() throws Exception {
        web = new WebFixture(data);
        java.util.List<Path> pictures = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pictures.add(picture(files.resolve("p" + i + ".png"), 50 + i));
        }
        video = TestVideos.slideshow(
                files.resolve("fallujah.mp4"),
                pictures,
                2,
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-metadata",
                "creation_time=2016-06-15T10:00:00Z");
        Path clip = TestVideos.make(
                files.resolve("aleppo.webm"),
                "-ss",
                "2",
                "-i",
                video.toString(),
                "-t",
                "3",
                "-vf",
                "scale=480:-2",
                "-c:v",
                "libvpx",
                "-b:v",
                "600k");
        still = TestVideos.make(
                files.resolve("still.jpg"),
                "-ss",
                "5",
                "-i",
                video.toString(),
                "-frames:v",
                "1",
                "-vf",
                "scale=320:-2");
        videoId = web.archive
                .importFile(video, new ItemOptions(new Provenance("tester", "", "Fallujah, Iraq", "2016-06-15")))
                .item()
                .id();
        clipId = web.archive
                .importFile(clip, new ItemOptions(new Provenance("tester", "", "Aleppo, Syria", "2016-12-12")))
                .item()
                .id();
    }

    /** A picture of random coloured shapes. */
    static Path picture(Path out, long seed) throws IOException {
        java.util.Random r = new java.util.Random(seed);
        var img = new java.awt.image.BufferedImage(640, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        for (int i = 0; i < 80; i++) {
            g.setColor(new java.awt.Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            if (i % 2 == 0) {
                g.fillRect(r.nextInt(640), r.nextInt(360), 20 + r.nextInt(200), 20 + r.nextInt(200));
            } else {
                g.fillOval(r.nextInt(640), r.nextInt(360), 20 + r.nextInt(200), 20 + r.nextInt(200));
            }
        }
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", out.toFile());
        return out;
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void the_item_page_plays_the_video_from_the_replay_origin_and_shows_its_metadata() throws IOException {
        var page = web.get("/items/" + videoId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<video class=\"player\" controls=\"\" preload=\"metadata\"")
                .contains("src=\"" + web.server.replayBaseUrl() + "/media/" + videoId + "\"")
                .contains("Video metadata")
                .contains("2016-06-15T10:00:00")
                .contains("frames hashed")
                .contains("Sampled frames (")
                .contains("<video class=\"frame\" muted=\"\" preload=\"metadata\" width=\"160\" src=\""
                        + web.server.replayBaseUrl() + "/media/" + videoId + "#t=0.000\">")
                .contains("<span class=\"time\">0:00.0</span>");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("media-src " + web.server.replayBaseUrl() + ";");
    }

    @Test
    void the_replay_origin_serves_byte_ranges_of_the_video_sandboxed_and_nothing_else() throws IOException {
        HttpResponse<byte[]> part = web.send(
                HttpRequest.newBuilder(URI.create(web.server.replayBaseUrl() + "/media/" + videoId))
                        .header("Range", "bytes=0-99")
                        .GET(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(part.statusCode()).isEqualTo(206);
        String range = part.headers().firstValue("Content-Range").orElseThrow();
        assertThat(range).startsWith("bytes 0-");
        long last = Long.parseLong(range.substring("bytes 0-".length(), range.indexOf('/')));
        assertThat(part.body()).hasSize((int) last + 1);
        assertThat(part.headers().firstValue("Content-Type").orElseThrow()).startsWith("video/mp4");
        assertThat(part.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("sandbox");
        assertThat(web.getReplay("/media/01ARZ3NDEKTSV4RRFFQ69G5FAV").statusCode())
                .isEqualTo(404);
        String textId = web.archive
                .importStream(
                        new java.io.ByteArrayInputStream("words".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "words.txt",
                        new ItemOptions(new Provenance("tester", "", "", "")))
                .item()
                .id();
        assertThat(web.getReplay("/media/" + textId).statusCode()).isEqualTo(404);
    }

    @Test
    void a_recycled_clip_carries_the_alert_in_the_api_and_on_its_page() throws IOException {
        JsonNode alerts = WebFixture.json(web.get("/api/items/" + clipId)).path("alerts");

        assertThat(alerts.findValuesAsText("id")).containsExactly(videoId);
        JsonNode a = alerts.get(0);
        assertThat(a.path("relation").asText()).isEqualTo("earlier");
        assertThat(a.path("method").asText()).isEqualTo("frame");
        assertThat(a.path("frameMillis").asLong()).isBetween(1500L, 5500L);
        assertThat(a.path("alert").asText()).startsWith("seen before").contains("claimed place differs");
        assertThat(web.get("/items/" + clipId).body()).contains("seen before").contains("frame at 0:0");
    }

    @Test
    void find_this_image_with_a_still_names_the_video_and_the_frame_time() throws IOException {
        var r = web.upload("/api/match", Map.of("still.jpg", Files.readAllBytes(still)), Map.of(), Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode hits = WebFixture.json(r);
        assertThat(hits.findValuesAsText("id")).contains(videoId);
        JsonNode hit = null;
        for (JsonNode h : hits) {
            if (h.path("id").asText().equals(videoId)) {
                hit = h; // the clip, archived too, matches as well
            }
        }
        assertThat(hit.path("frameMillis").asLong()).isBetween(4000L, 6000L);
        assertThat(hit.path("frameTime").asText()).startsWith("0:0");
    }

    @Test
    void a_captured_page_plays_its_video_from_the_replay_origin_with_its_frames() throws Exception {
        byte[] bytes = Files.readAllBytes(video);
        com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", ex -> {
            boolean page = ex.getRequestURI().getPath().equals("/report.html");
            byte[] body = page
                    ? "<html><head><title>Market strike</title></head><body><video controls src=\"/v/strike.mp4\">"
                            .concat("</video></body></html>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : bytes;
            try (ex) {
                ex.getResponseHeaders().set("Content-Type", page ? "text/html" : "video/mp4");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        site.start();
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        org.daleel.item.Item page;
        try {
            page = web.archive.capture(
                    new org.daleel.capture.CaptureRequest(base + "/report.html", "tester", true),
                    new ItemOptions(new Provenance("tester", "", "Aleppo, Syria", "")));
        } finally {
            site.stop(0);
        }
        String sha = org.daleel.blob.Digests.sha256Hex(bytes);

        String html = web.get("/items/" + page.id()).body();
        String src = web.server.replayBaseUrl() + "/media/" + page.id() + "/" + sha;
        assertThat(html)
                .contains("Video in this page")
                .contains(base + "/v/strike.mp4")
                .contains("src=\"" + src + "\"")
                .contains("Sampled frames (")
                .contains("src=\"" + src + "#t=0.000\"")
                .contains("seen before");
        HttpResponse<byte[]> part = web.send(
                HttpRequest.newBuilder(URI.create(src))
                        .header("Range", "bytes=0-99")
                        .GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range").orElseThrow()).endsWith("/" + bytes.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOf(bytes, part.body().length));
        assertThat(part.headers().firstValue("Content-Type").orElseThrow()).startsWith("video/mp4");
        assertThat(part.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("sandbox");
        HttpResponse<byte[]> replayed = web.send(
                HttpRequest.newBuilder(URI.create(
                                web.server.replayBaseUrl() + "/replay/" + page.id() + "/" + base + "/v/strike.mp4"))
                        .header("Range", "bytes=10-19")
                        .GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(replayed.statusCode()).isEqualTo(206);
        assertThat(replayed.headers().firstValue("Content-Range").orElseThrow()).startsWith("bytes 10-");
        assertThat(replayed.body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 10, 10 + replayed.body().length));
        assertThat(web.getReplay("/media/" + page.id() + "/" + "0".repeat(64)).statusCode())
                .isEqualTo(404);
    }
}
