package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daleel.app.MediaFixtures.importId;
import static org.daleel.app.MediaFixtures.json;
import static org.daleel.app.MediaFixtures.match;
import static org.daleel.app.MediaFixtures.show;
import static org.daleel.app.MediaFixtures.still;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.daleel.match.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Video through the CLI, with videos made by ffmpeg: a still taken from an archived video finds it
 * with the frame's time; a clip cut from it (re-encoded to WebM) finds it, and imported as a
 * recycled copy with other claims it carries the "seen before" alert; a video stored without a
 * decoder or damaged is kept with a note.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class VideoIT {
    @TempDir
    Path tmp;

    @Test
    void a_still_and_a_clip_find_the_video_and_a_recycled_clip_is_flagged() throws Exception {
        Path data = tmp.resolve("data");
        // five different photos, a second each: photo i shows from i to i + 1 s
        Path video = MediaFixtures.slideshow(tmp, "fallujah.mp4", 100, 5, 1);
        String id = importId(data, video, "--claimed-place", "Fallujah, Iraq", "--claimed-date", "2016-06-15");

        JsonNode shown = show(data, id);
        assertThat(shown.path("mediaType").asText()).isEqualTo("video/mp4");
        assertThat(shown.path("extractionNote").asText())
                .contains("video: 5.0 s")
                .contains("frames hashed")
                .contains("5 scene frames coded for crop matching");
        JsonNode meta = shown.path("metadata");
        assertThat(meta.path("dateTimeOriginal").asText()).startsWith("2016-06-15T10:00:00");
        assertThat(meta.path("gps").path("lat").asDouble()).isEqualTo(33.3152);
        assertThat(meta.path("width").asInt()).isEqualTo(640);

        // a still taken from the video at 3.5 s (photo 3 shows from 3 to 4 s), scaled down, as JPEG
        Path frame = still(video, 3.5, "scale=400:-2", tmp.resolve("still.jpg"));
        JsonNode hits = match(data, frame);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("id").asText()).isEqualTo(id);
        assertThat(hits.get(0).path("method").asText()).isEqualTo("frame");
        assertThat(hits.get(0).path("frameMillis").asLong()).isBetween(3000L, 4000L);
        assertThat(hits.get(0).path("frameTime").asText()).startsWith("0:03");
        String text = Cli.run(data, "match", frame.toString()).assertOk().out();
        assertThat(text).contains(id).contains("frame at 0:03");

        // the same moment cropped by a fifth (off-centre), which whole-frame PDQ misses: the crop stage
        // finds the video through the scene frame's region codes
        Path cropped = still(video, 3.5, "crop=iw*0.8:ih*0.8:iw*0.15:ih*0.05,scale=400:-2", tmp.resolve("cropped.jpg"));
        JsonNode cropHits = match(data, cropped);
        assertThat(cropHits.findValuesAsText("id")).containsExactly(id);
        assertThat(cropHits.get(0).path("method").asText()).isEqualTo("frame");
        assertThat(cropHits.get(0).path("frameMillis").asLong()).isBetween(3000L, 4000L);
        assertThat(cropHits.get(0).path("explanation").asText()).startsWith("crop: archived region");

        // a clip cut from 1.5 to 3.5 s (photos 1 to 3), scaled and re-encoded to WebM (VP8 at its
        // real-time setting: the default "good" deadline takes ten times longer for the same test)
        Path clip = TestVideos.make(
                tmp.resolve("aleppo.webm"),
                "-ss",
                "1.5",
                "-i",
                video.toString(),
                "-t",
                "2",
                "-vf",
                "scale=480:-2",
                "-c:v",
                "libvpx",
                "-b:v",
                "600k",
                "-deadline",
                "realtime",
                "-cpu-used",
                "8");
        JsonNode clipHits = match(data, clip);
        assertThat(clipHits.findValuesAsText("id")).containsExactly(id);
        assertThat(clipHits.get(0).path("explanation").asText()).contains("hashed parts match");

        Cli.Result copy = Cli.run(
                        data,
                        "import",
                        clip.toString(),
                        "--claimed-place",
                        "Aleppo, Syria",
                        "--claimed-date",
                        "2016-12-12",
                        "--json")
                .assertOk();
        JsonNode copyItem = json(copy).get(0);
        String copyId = copyItem.path("id").asText();
        assertThat(copyItem.path("alerts").findValuesAsText("id")).containsExactly(id);
        assertThat(copy.err()).contains("seen before");
        JsonNode alert = show(data, copyId).path("alerts").get(0);
        assertThat(alert.path("relation").asText()).isEqualTo("earlier");
        assertThat(alert.path("alert").asText())
                .startsWith("seen before: first captured")
                .contains("fallujah.mp4", "Fallujah, Iraq", "claimed place differs", "claimed date differs");
        assertThat(alert.path("frameMillis").asLong()).isBetween(1000L, 4000L);
        String shownText = Cli.run(data, "show", copyId).assertOk().out();
        assertThat(shownText).contains("ALERT seen before");

        // the earlier video links to the later copy
        assertThat(show(data, id).path("alerts").get(0).path("relation").asText())
                .isEqualTo("later");
    }

    @Test
    void without_ffmpeg_or_with_a_damaged_file_the_video_is_stored_with_a_note() throws Exception {
        Path data = tmp.resolve("data");
        Path video = MediaFixtures.testPattern(tmp.resolve("clip.mov"), 2);
        ProcessBuilder pb = Cli.builder(data, "import", video.toString(), "--json");
        pb.environment().put("DALEEL_FFMPEG", "/nonexistent/ffmpeg");
        Path out = tmp.resolve("out.json");
        Process p = pb.redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        String id = MediaFixtures.JSON
                .readTree(Files.readString(out, StandardCharsets.UTF_8))
                .get(0)
                .path("id")
                .asText();
        JsonNode shown = show(data, id);
        assertThat(shown.path("extractionNote").asText())
                .contains("video not analysed: ffmpeg not found at /nonexistent/ffmpeg");
        assertThat(shown.path("size").asLong()).isEqualTo(Files.size(video));

        // the same clip cut to a third: its index (the moov box, written last) is lost
        Path broken = tmp.resolve("broken.mov");
        Files.copy(video, broken);
        try (RandomAccessFile f = new RandomAccessFile(broken.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        String brokenId = importId(data, broken);
        assertThat(show(data, brokenId).path("extractionNote").asText())
                .contains("video not analysed: ffprobe could not read it");

        Cli.Result notMedia = Cli.run(data, "match", broken.toString());
        assertThat(notMedia.exit()).isEqualTo(2);
        assertThat(notMedia.err()).contains("not an image or video this archive can read");
    }
}
