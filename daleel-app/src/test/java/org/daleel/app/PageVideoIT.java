package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daleel.app.MediaFixtures.find;
import static org.daleel.app.MediaFixtures.importId;
import static org.daleel.app.MediaFixtures.json;
import static org.daleel.app.MediaFixtures.match;
import static org.daleel.app.MediaFixtures.show;
import static org.daleel.app.MediaFixtures.still;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Videos inside captured pages, through the CLI against a loopback server: the page's video is
 * archived whole in the capture's WARC, its frames find the page ({@code daleel match} of a still,
 * or of a crop of it, names the page, the video's URL and the frame's time), a recycled video flags
 * the page, streams and oversize videos leave notes while the page is still captured.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PageVideoIT {
    @TempDir
    Path tmp;

    /** Four photos, a second and a half each, with a creation time and a position. */
    private Path video() throws Exception {
        return MediaFixtures.slideshow(tmp, "strike.mp4", 300, 4, 1.5);
    }

    private static byte[] page(String title, String videoSrc) {
        return ("<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title
                        + "</h1><p>Residents filmed the strike on the market.</p>"
                        + "<video controls><source src=\"" + videoSrc + "\" type=\"video/mp4\"></video>"
                        + "<video src=\"/live/stream.m3u8\"></video></article></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_video_in_a_captured_page_is_archived_whole_matched_and_flagged() throws Exception {
        Path data = tmp.resolve("data");
        Path video = video();
        byte[] bytes = Files.readAllBytes(video);
        String originalId = importId(data, video, "--claimed-place", "Fallujah, Iraq", "--claimed-date", "2016-06-15");

        String base;
        String videoUrl;
        Cli.Result captured;
        try (MediaFixtures.Origin origin = new MediaFixtures.Origin(Map.of(
                "/news/aleppo.html",
                page("Strike on Aleppo market", "media/clip.mp4"),
                "/news/media/clip.mp4",
                bytes))) {
            base = origin.base();
            videoUrl = base + "/news/media/clip.mp4";
            captured = Cli.run(
                            data,
                            "capture",
                            base + "/news/aleppo.html",
                            "--allow-private",
                            "--claimed-place",
                            "Aleppo, Syria",
                            "--json")
                    .assertOk();
            assertThat(origin.ranges().get("/news/media/clip.mp4"))
                    .as("fetched whole, without Range")
                    .isEqualTo("null");
            assertThat(origin.ranges()).doesNotContainKey("/live/stream.m3u8");
        }

        // the alert: the page shows a video archived before with other claims
        JsonNode page = json(captured);
        String pageId = page.path("id").asText();
        assertThat(page.path("alerts").findValuesAsText("id")).containsExactly(originalId);
        assertThat(captured.err()).contains("seen before");
        JsonNode shown = show(data, pageId);
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
        Path warc = MediaFixtures.warc(data, "DALEEL-*-" + pageId + ".warc.gz");
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
        Path frame = still(video, 4.0, "scale=400:-2", tmp.resolve("still.jpg"));
        JsonNode hits = match(data, frame);
        assertThat(hits.findValuesAsText("id")).contains(originalId, pageId);
        JsonNode pageHit = find(hits, "id", pageId);
        assertThat(pageHit.path("method").asText()).isEqualTo("frame");
        assertThat(pageHit.path("url").asText()).isEqualTo(base + "/news/aleppo.html");
        assertThat(pageHit.path("videoUrl").asText()).isEqualTo(videoUrl);
        assertThat(pageHit.path("frameMillis").asLong()).isBetween(3000L, 4500L);
        assertThat(pageHit.path("explanation").asText()).contains("of video " + videoUrl + " there");

        // the same moment cropped by a fifth, off-centre: the page's scene frames keep their region
        // codes, so the crop stage finds the page as well as the video
        Path cropped = still(video, 4.0, "crop=iw*0.8:ih*0.8:iw*0.15:ih*0.05,scale=400:-2", tmp.resolve("crop.jpg"));
        JsonNode cropHit = find(match(data, cropped), "id", pageId);
        assertThat(cropHit)
                .as("the page is found through a crop of its video's frame")
                .isNotNull();
        assertThat(cropHit.path("method").asText()).isEqualTo("frame");
        assertThat(cropHit.path("videoUrl").asText()).isEqualTo(videoUrl);
        assertThat(cropHit.path("frameMillis").asLong()).isBetween(3000L, 4500L);
        assertThat(cropHit.path("explanation").asText()).startsWith("crop: archived region");

        // the capture's WARC imported into another archive: the page record shows the video and matches
        Path data2 = tmp.resolve("data2");
        Cli.run(data2, "import", warc.toString()).assertOk();
        JsonNode pageRecord = find(match(data2, frame), "url", base + "/news/aleppo.html");
        assertThat(pageRecord)
                .as("the imported page record is found through its video")
                .isNotNull();
        assertThat(pageRecord.path("method").asText()).isEqualTo("frame");
        assertThat(pageRecord.path("videoUrl").asText()).isEqualTo(videoUrl);
    }

    @Test
    void without_ffmpeg_or_above_the_size_bound_the_page_is_captured_with_a_note() throws Exception {
        Path data = tmp.resolve("data");
        byte[] bytes = Files.readAllBytes(MediaFixtures.testPattern(tmp.resolve("clip.mp4"), 2));
        Path noFfmpegOut = tmp.resolve("no-ffmpeg.json");
        String base;
        Cli.Result oversize;
        try (MediaFixtures.Origin origin = new MediaFixtures.Origin(Map.of(
                "/news/homs.html",
                page("Strike on Homs", "/media/clip.mp4"),
                "/news/idlib.html",
                page("Strike on Idlib", "/media/clip2.mp4"),
                "/media/clip.mp4",
                bytes,
                "/media/clip2.mp4",
                bytes))) {
            base = origin.base();
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
        }

        String noFfmpegId = MediaFixtures.JSON
                .readTree(Files.readString(noFfmpegOut, StandardCharsets.UTF_8))
                .path("id")
                .asText();
        JsonNode noFfmpeg = show(data, noFfmpegId);
        assertThat(noFfmpeg.path("extractionNote").asText())
                .contains("page video " + base + "/media/clip.mp4: video not analysed: ffmpeg not found at"
                        + " /nonexistent/ffmpeg");
        assertThat(noFfmpeg.path("resources").findValuesAsText("url")).contains(base + "/media/clip.mp4");

        // above capture.video.max-bytes: a note, and the page is captured all the same
        JsonNode second = json(oversize);
        assertThat(second.path("title").asText()).isEqualTo("Strike on Idlib");
        assertThat(second.path("extractionNote").asText())
                .contains("video " + base + "/media/clip2.mp4 not archived: video exceeds the 10 kB video size bound"
                        + " (capture.video.max-bytes) (Content-Length " + bytes.length + ")")
                .contains("video served as a stream: not archived (HLS " + base + "/live/stream.m3u8)");
    }
}
