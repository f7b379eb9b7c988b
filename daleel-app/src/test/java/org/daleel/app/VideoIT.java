package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Five different photos, two seconds each: photo {@code i} shows from {@code 2i} to {@code 2i + 2} s. */
    private Path longVideo() throws Exception {
        List<Path> pictures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path p = tmp.resolve("photo" + i + ".png");
            ImageIO.write(MediaIT.photo(100 + i), "png", p.toFile());
            pictures.add(p);
        }
        return TestVideos.slideshow(
                tmp.resolve("fallujah.mp4"),
                pictures,
                2,
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-metadata",
                "creation_time=2016-06-15T10:00:00Z",
                "-metadata",
                "location=+33.3152+043.7848/");
    }

    @Test
    void a_still_and_a_clip_find_the_video_and_a_recycled_clip_is_flagged() throws Exception {
        Path data = tmp.resolve("data");
        Path video = longVideo();
        JsonNode imported = JSON.readTree(Cli.run(
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
                .get(0);
        String id = imported.path("id").asText();

        JsonNode shown =
                JSON.readTree(Cli.run(data, "show", id, "--json").assertOk().out());
        assertThat(shown.path("mediaType").asText()).isEqualTo("video/mp4");
        assertThat(shown.path("extractionNote").asText())
                .contains("video: 10.0 s")
                .contains("frames hashed")
                .contains("5 scene frames coded for crop matching");
        JsonNode meta = shown.path("metadata");
        assertThat(meta.path("dateTimeOriginal").asText()).startsWith("2016-06-15T10:00:00");
        assertThat(meta.path("gps").path("lat").asDouble()).isEqualTo(33.3152);
        assertThat(meta.path("width").asInt()).isEqualTo(640);

        // a still taken from the video at 7.3 s (photo 3 shows from 6 to 8 s), scaled down, as JPEG
        Path still = TestVideos.make(
                tmp.resolve("still.jpg"),
                "-ss",
                "7.3",
                "-i",
                video.toString(),
                "-frames:v",
                "1",
                "-vf",
                "scale=400:-2");
        JsonNode hits = JSON.readTree(
                Cli.run(data, "match", still.toString(), "--json").assertOk().out());
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("id").asText()).isEqualTo(id);
        assertThat(hits.get(0).path("method").asText()).isEqualTo("frame");
        assertThat(hits.get(0).path("frameMillis").asLong()).isBetween(6000L, 8000L);
        assertThat(hits.get(0).path("frameTime").asText()).startsWith("0:0");
        String text = Cli.run(data, "match", still.toString()).assertOk().out();
        assertThat(text).contains(id).contains("frame at 0:0");

        // the same moment cropped by a fifth (off-centre), which whole-frame PDQ misses: the crop stage
        // finds the video through the scene frame's region codes
        Path cropped = TestVideos.make(
                tmp.resolve("cropped.jpg"),
                "-ss",
                "7.3",
                "-i",
                video.toString(),
                "-frames:v",
                "1",
                "-vf",
                "crop=iw*0.8:ih*0.8:iw*0.15:ih*0.05,scale=400:-2");
        JsonNode cropHits = JSON.readTree(
                Cli.run(data, "match", cropped.toString(), "--json").assertOk().out());
        assertThat(cropHits.findValuesAsText("id")).containsExactly(id);
        assertThat(cropHits.get(0).path("method").asText()).isEqualTo("frame");
        assertThat(cropHits.get(0).path("frameMillis").asLong()).isBetween(6000L, 8000L);
        assertThat(cropHits.get(0).path("explanation").asText()).startsWith("crop: archived region");

        // a clip cut from 3 to 7 s, scaled and re-encoded to WebM
        Path clip = TestVideos.make(
                tmp.resolve("aleppo.webm"),
                "-ss",
                "3",
                "-i",
                video.toString(),
                "-t",
                "4",
                "-vf",
                "scale=480:-2",
                "-c:v",
                "libvpx",
                "-b:v",
                "600k");
        JsonNode clipHits = JSON.readTree(
                Cli.run(data, "match", clip.toString(), "--json").assertOk().out());
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
        JsonNode copyItem = JSON.readTree(copy.out()).get(0);
        assertThat(copyItem.path("alerts").findValuesAsText("id")).containsExactly(id);
        assertThat(copy.err()).contains("seen before");
        JsonNode alert = JSON.readTree(Cli.run(data, "show", copyItem.path("id").asText(), "--json")
                        .assertOk()
                        .out())
                .path("alerts")
                .get(0);
        assertThat(alert.path("relation").asText()).isEqualTo("earlier");
        assertThat(alert.path("alert").asText())
                .startsWith("seen before: first captured")
                .contains("fallujah.mp4", "Fallujah, Iraq", "claimed place differs", "claimed date differs");
        assertThat(alert.path("frameMillis").asLong()).isBetween(2000L, 8000L);
        String shownText =
                Cli.run(data, "show", copyItem.path("id").asText()).assertOk().out();
        assertThat(shownText).contains("ALERT seen before");

        // the earlier video links to the later copy
        JsonNode earlier =
                JSON.readTree(Cli.run(data, "show", id, "--json").assertOk().out());
        assertThat(earlier.path("alerts").get(0).path("relation").asText()).isEqualTo("later");
    }

    @Test
    void without_ffmpeg_or_with_a_damaged_file_the_video_is_stored_with_a_note() throws Exception {
        Path data = tmp.resolve("data");
        Path video = TestVideos.make(
                tmp.resolve("clip.mov"),
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25:duration=2",
                "-c:v",
                "mpeg4");
        ProcessBuilder pb = Cli.builder(data, "import", video.toString(), "--json");
        pb.environment().put("DALEEL_FFMPEG", "/nonexistent/ffmpeg");
        Path out = tmp.resolve("out.json");
        Process p = pb.redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        String id = JSON.readTree(Files.readString(out, StandardCharsets.UTF_8))
                .get(0)
                .path("id")
                .asText();
        JsonNode shown =
                JSON.readTree(Cli.run(data, "show", id, "--json").assertOk().out());
        assertThat(shown.path("extractionNote").asText())
                .contains("video not analysed: ffmpeg not found at /nonexistent/ffmpeg");
        assertThat(shown.path("size").asLong()).isEqualTo(Files.size(video));

        Path broken = tmp.resolve("broken.mp4");
        Files.copy(longVideo(), broken);
        try (RandomAccessFile f = new RandomAccessFile(broken.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        String brokenId = JSON.readTree(Cli.run(data, "import", broken.toString(), "--json")
                        .assertOk()
                        .out())
                .get(0)
                .path("id")
                .asText();
        JsonNode brokenShown = JSON.readTree(
                Cli.run(data, "show", brokenId, "--json").assertOk().out());
        assertThat(brokenShown.path("extractionNote").asText())
                .contains("video not analysed: ffprobe could not read it");

        Cli.Result notMedia = Cli.run(data, "match", broken.toString());
        assertThat(notMedia.exit()).isEqualTo(2);
        assertThat(notMedia.err()).contains("not an image or video this archive can read");
    }
}
