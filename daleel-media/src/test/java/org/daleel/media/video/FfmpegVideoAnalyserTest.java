package org.daleel.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.daleel.match.MediaPart;
import org.daleel.match.TestVideos;
import org.daleel.match.VideoAnalysis;
import org.daleel.meta.MediaMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class FfmpegVideoAnalyserTest {
    @TempDir
    Path tmp;

    private FfmpegVideoAnalyser analyser() {
        return new FfmpegVideoAnalyser(TestVideos.ffmpeg(), FfmpegVideoAnalyser.Settings.DEFAULTS);
    }

    private Path testsrc(String name, double seconds, String... codec) throws Exception {
        List<String> args = new java.util.ArrayList<>(
                List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=" + seconds));
        args.addAll(List.of(codec));
        return TestVideos.make(tmp.resolve(name), args.toArray(String[]::new));
    }

    @Test
    void probe_reads_duration_codecs_size_creation_time_and_position() throws Exception {
        Path mp4 = TestVideos.make(
                tmp.resolve("phone.mp4"),
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25:duration=3",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-metadata",
                "creation_time=2016-06-15T10:00:00Z",
                "-metadata",
                "location=+33.3152+044.3661/");

        MediaMetadata m = analyser().probe(mp4, "phone.mp4");

        assertThat(m.width()).isEqualTo(320);
        assertThat(m.height()).isEqualTo(240);
        assertThat(m.dateTimeOriginal()).startsWith("2016-06-15T10:00:00");
        assertThat(m.gps()).hasValueSatisfying(g -> {
            assertThat(g.latitude()).isEqualTo(33.3152);
            assertThat(g.longitude()).isEqualTo(44.3661);
            assertThat(g.source()).isEqualTo("video metadata");
        });
        assertThat(m.assessment().getFirst()).startsWith("video: 3.0 s, MP4/QuickTime; video h264 320×240 at 25 fps");
        assertThat(m.tags())
                .anyMatch(t -> t.directory().equals("stream 0 (video)")
                        && t.tag().equals("codec_name")
                        && t.value().equals("h264"));
        assertThat(m.tags()).noneMatch(t -> t.tag().equals("filename"));
    }

    @Test
    void frames_are_sampled_at_least_every_second_with_their_times_in_mp4_webm_and_mov() throws Exception {
        for (Path video : List.of(
                testsrc("a.mp4", 6, "-c:v", "libx264", "-pix_fmt", "yuv420p"),
                testsrc("a.webm", 6, "-c:v", "libvpx", "-b:v", "400k"),
                testsrc("a.mov", 6, "-c:v", "mpeg4"))) {
            VideoAnalysis a = analyser().analyse(video, video.getFileName().toString());

            assertThat(a.analysed()).as(video.toString()).isTrue();
            assertThat(a.note()).startsWith("video: 6.0 s").contains("frames hashed");
            List<Long> times = a.frames().stream().map(MediaPart::frameMillis).toList();
            assertThat(times.getFirst()).isZero();
            assertThat(times).isSorted();
            assertThat(times.getLast()).isGreaterThanOrEqualTo(5000);
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i) - times.get(i - 1))
                        .as("gap before frame " + i)
                        .isLessThanOrEqualTo(1000);
            }
            assertThat(a.frames())
                    .allMatch(f -> f.quality() >= 50 && f.imageUrl().isEmpty());
        }
    }

    @Test
    void a_scene_change_between_samples_is_caught() throws Exception {
        // 4 s of one pattern then 4 s of another: the cut at 4 s is a scene change
        Path cut = TestVideos.make(
                tmp.resolve("cut.mp4"),
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25:duration=4.4", // the cut falls between two regular samples
                "-f",
                "lavfi",
                "-i",
                "mandelbrot=size=320x240:rate=25",
                "-filter_complex",
                "[1:v]trim=0:4,setpts=PTS-STARTPTS[b];[0:v][b]concat=n=2:v=1[v]",
                "-map",
                "[v]",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p");
        FfmpegVideoAnalyser slow = new FfmpegVideoAnalyser(
                TestVideos.ffmpeg(),
                new FfmpegVideoAnalyser.Settings(
                        600,
                        512,
                        40_000_000L,
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(60),
                        0.3,
                        Duration.ofMinutes(20)));

        List<Long> times = slow.analyse(cut, "cut.mp4").frames().stream()
                .map(MediaPart::frameMillis)
                .toList();

        assertThat(times).anyMatch(t -> t >= 4400 && t < 4500);
    }

    @Test
    void a_missing_ffmpeg_is_a_note_not_an_error() throws Exception {
        Path video = testsrc("b.mp4", 1, "-c:v", "libx264", "-pix_fmt", "yuv420p");
        FfmpegVideoAnalyser missing =
                new FfmpegVideoAnalyser(tmp.resolve("no/ffmpeg"), FfmpegVideoAnalyser.Settings.DEFAULTS);

        VideoAnalysis a = missing.analyse(video, "b.mp4");

        assertThat(missing.available()).isFalse();
        assertThat(a.analysed()).isFalse();
        assertThat(a.frames()).isEmpty();
        assertThat(a.note()).startsWith("video not analysed: ffmpeg not found at " + tmp.resolve("no/ffmpeg"));
        assertThat(missing.probe(video, "b.mp4")).isEqualTo(MediaMetadata.empty());
    }

    @Test
    void a_truncated_video_keeps_the_frames_before_the_damage_and_says_so() throws Exception {
        Path video = testsrc("c.mp4", 8, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart");
        try (RandomAccessFile f = new RandomAccessFile(video.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }

        VideoAnalysis a = analyser().analyse(video, "c.mp4");

        assertThat(a.frames()).isNotEmpty();
        assertThat(a.frames().getLast().frameMillis()).isLessThan(8000);
        assertThat(a.note()).contains("frames hashed");
    }

    @Test
    void a_video_without_its_index_or_not_a_video_at_all_is_noted() throws Exception {
        Path video = testsrc("d.mp4", 4, "-c:v", "libx264", "-pix_fmt", "yuv420p"); // moov at the end
        try (RandomAccessFile f = new RandomAccessFile(video.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        Path text = Files.writeString(tmp.resolve("e.mp4"), "not a video at all\n".repeat(100));

        VideoAnalysis truncated = analyser().analyse(video, "d.mp4");
        VideoAnalysis notVideo = analyser().analyse(text, "e.mp4");

        assertThat(truncated.analysed()).isFalse();
        assertThat(truncated.note()).startsWith("video not analysed: ffprobe could not read it");
        assertThat(notVideo.analysed()).isFalse();
        assertThat(notVideo.note()).startsWith("video not analysed:");
    }

    @Test
    void the_frame_and_time_bounds_stop_decoding_and_say_so() throws Exception {
        // the picture flips every 0.3 s: a scene change every 0.3 s, more than the bound allows
        Path video = TestVideos.make(
                tmp.resolve("f.mp4"),
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25:duration=20",
                "-vf",
                "negate=enable='lt(mod(t\\,0.6)\\,0.3)'",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p");
        var defaults = FfmpegVideoAnalyser.Settings.DEFAULTS;

        VideoAnalysis spread = new FfmpegVideoAnalyser(TestVideos.ffmpeg(), defaults.withMaxFrames(8))
                .analyse(testsrc("g.mp4", 20, "-c:v", "libx264", "-pix_fmt", "yuv420p"), "g.mp4");
        VideoAnalysis fewFrames =
                new FfmpegVideoAnalyser(TestVideos.ffmpeg(), defaults.withMaxFrames(5)).analyse(video, "f.mp4");
        long started = System.nanoTime();
        VideoAnalysis quick = new FfmpegVideoAnalyser(
                        TestVideos.ffmpeg(), defaults.withDecodeTimeout(Duration.ofMillis(1)))
                .analyse(video, "f.mp4");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(spread.frames()).hasSizeLessThanOrEqualTo(8);
        assertThat(spread.frames().getLast().frameMillis())
                .as("a low frame bound spreads the samples over the whole video")
                .isGreaterThan(12_000);
        assertThat(fewFrames.frames()).hasSize(5);
        assertThat(fewFrames.note()).contains("5 frames hashed (the bound of 5 frames)");
        assertThat(quick.note()).contains("stopped after the decode bound of 0.001 s");
        assertThat(millis).isLessThan(15_000);
    }

    @Test
    void a_video_with_twenty_thousand_frames_is_sampled_within_the_bounds() throws Exception {
        Path video = TestVideos.make(
                tmp.resolve("many.mp4"),
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=64x64:rate=1000:duration=20",
                "-c:v",
                "mpeg4",
                "-q:v",
                "10");
        var settings =
                FfmpegVideoAnalyser.Settings.DEFAULTS.withMaxFrames(50).withDecodeTimeout(Duration.ofSeconds(20));
        long started = System.nanoTime();

        VideoAnalysis a = new FfmpegVideoAnalyser(TestVideos.ffmpeg(), settings).analyse(video, "many.mp4");

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(seconds).isLessThan(35);
        assertThat(a.frames()).isNotEmpty().hasSizeLessThanOrEqualTo(50);
        assertThat(a.note()).contains("at 1000 fps").contains("frames hashed");
    }

    @Test
    void iso_6709_positions_are_read_with_and_without_altitude() {
        assertThat(ProbeResult.location("+33.3152+044.3661/")).isPresent();
        assertThat(ProbeResult.location("-33.5-070.25+512.5/").orElseThrow().altitude())
                .hasValue(512.5);
        assertThat(ProbeResult.location("+95.0+044.0/")).isEmpty();
        assertThat(ProbeResult.location("garbage")).isEmpty();
    }
}
