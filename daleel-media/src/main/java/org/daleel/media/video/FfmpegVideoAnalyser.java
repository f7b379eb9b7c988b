package org.daleel.media.video;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daleel.match.MediaPart;
import org.daleel.match.VideoAnalyser;
import org.daleel.match.VideoAnalysis;
import org.daleel.media.crop.CropRobustMatcher;
import org.daleel.media.pdq.PdqHash;
import org.daleel.media.pdq.PdqHasher;
import org.daleel.meta.MediaMetadata;

/**
 * {@link VideoAnalyser} on Debian's {@code ffmpeg} and {@code ffprobe}, run as processes.
 *
 * <p>{@link #probe}: {@code ffprobe -show_format -show_streams} ({@link ProbeResult}). {@link
 * #analyse}: one {@code ffmpeg} run decodes the first video stream and keeps a frame at the start,
 * at every scene change (score above {@link Settings#sceneThreshold()}, at most five a second) and
 * at least one per {@link Settings#interval(double)} (half a second, longer for long videos so the frame
 * bound covers the whole video; key frames only past {@link Settings#keyFramesOnlyAfter()}); the
 * kept frames are scaled to fit {@link Settings#maxSide()} pixels and piped back as PPM with their
 * times (ffmpeg's {@code showinfo}), and each is PDQ-hashed. Frames that start a new scene (the
 * first, and each whose PDQ hash is more than {@value #NEW_SCENE_BITS} bits from the last such frame,
 * quality at least 50) also get region codes for the crop-robust matcher ({@link MediaPart#regions}),
 * so that a cropped still finds the video; at most {@value #MAX_CODED_FRAMES} of them, spread evenly
 * over the scenes found. Bounds: frames, input pixels per frame, probe time and decode time; on a bound or a decoding error the frames read so far are
 * kept and the note says what stopped it.
 */
public final class FfmpegVideoAnalyser implements VideoAnalyser {
    private static final Pattern PTS_TIME = Pattern.compile("\\bpts_time:\\s*(-?[0-9.]+)");
    private static final int MAX_ERROR_LINES = 8;

    /** Most frames of one video with region codes. */
    public static final int MAX_CODED_FRAMES = 16;

    /** PDQ distance from the last scene frame beyond which a frame starts a new scene. */
    static final int NEW_SCENE_BITS = 64;

    private final Path ffmpeg;
    private final Path ffprobe;
    private final Settings settings;
    private final PdqHasher hasher = new PdqHasher();
    private final CropRobustMatcher cropMatcher = new CropRobustMatcher();

    /**
     * Bounds and sampling of an analysis.
     *
     * @param maxFrames most frames hashed per video
     * @param maxSide longest side of a hashed frame, in pixels (frames are scaled down to it)
     * @param maxPixels most pixels per decoded input frame; larger videos are not decoded
     * @param probeTimeout wall-clock bound of {@code ffprobe}
     * @param decodeTimeout wall-clock bound of the sampling {@code ffmpeg} run
     * @param sceneThreshold ffmpeg scene score (0..1) above which a frame starts a new scene
     * @param keyFramesOnlyAfter videos longer than this are sampled from key frames only
     */
    public record Settings(
            int maxFrames,
            int maxSide,
            long maxPixels,
            Duration probeTimeout,
            Duration decodeTimeout,
            double sceneThreshold,
            Duration keyFramesOnlyAfter) {
        /** 600 frames of at most 512 pixels, 40-megapixel input, 20 s probe, 120 s decode, scene 0.3, 20 min. */
        public static final Settings DEFAULTS = new Settings(
                600, 512, 40_000_000L, Duration.ofSeconds(20), Duration.ofSeconds(120), 0.3, Duration.ofMinutes(20));

        public Settings {
            if (maxFrames < 1 || maxSide < 64 || maxPixels < 1) {
                throw new IllegalArgumentException(
                        "video settings: expected at least 1 frame, 64-pixel sides and 1 pixel, found " + maxFrames
                                + ", " + maxSide + ", " + maxPixels);
            }
            Objects.requireNonNull(probeTimeout, "probeTimeout");
            Objects.requireNonNull(decodeTimeout, "decodeTimeout");
            Objects.requireNonNull(keyFramesOnlyAfter, "keyFramesOnlyAfter");
        }

        /** Seconds between regular samples of a video lasting {@code duration} seconds. */
        double interval(double duration) {
            // three quarters of the frame bound go to regular samples, the rest to scene changes
            return Math.max(0.5, duration / Math.max(1, maxFrames * 3 / 4));
        }

        /** The same settings with another decode timeout. */
        public Settings withDecodeTimeout(Duration timeout) {
            return new Settings(
                    maxFrames, maxSide, maxPixels, probeTimeout, timeout, sceneThreshold, keyFramesOnlyAfter);
        }

        /** The same settings with another frame bound. */
        public Settings withMaxFrames(int frames) {
            return new Settings(
                    frames, maxSide, maxPixels, probeTimeout, decodeTimeout, sceneThreshold, keyFramesOnlyAfter);
        }
    }

    /**
     * An analyser running {@code ffmpeg} and the {@code ffprobe} beside it.
     *
     * @param ffmpeg path of the ffmpeg executable (need not exist: videos are then stored with a note)
     */
    public FfmpegVideoAnalyser(Path ffmpeg, Settings settings) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        Path dir = ffmpeg.toAbsolutePath().getParent();
        String probeName = ffmpeg.getFileName().toString().replace("ffmpeg", "ffprobe");
        this.ffprobe = dir == null ? Path.of(probeName) : dir.resolve(probeName);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The ffmpeg to use: {@code configured} when given (a path), else the first {@code ffmpeg} on
     * {@code PATH}, else {@code /usr/bin/ffmpeg}.
     */
    public static Path locate(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (d.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(d, "ffmpeg");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return Path.of("/usr/bin/ffmpeg");
    }

    /** The ffmpeg this analyser runs. */
    public Path ffmpeg() {
        return ffmpeg;
    }

    /** Whether ffmpeg and ffprobe exist and are executable. */
    public boolean available() {
        return Files.isExecutable(ffmpeg) && Files.isExecutable(ffprobe);
    }

    @Override
    public MediaMetadata probe(Path file, String name) {
        return probeResult(file).metadata();
    }

    @Override
    public VideoAnalysis analyse(Path file, String name) {
        ProbeResult probe = probeResult(file);
        if (!probe.ok()) {
            return new VideoAnalysis(probe.metadata(), List.of(), false, "video not analysed: " + probe.error());
        }
        String summary = probe.summary();
        if (probe.width() > 0 && (long) probe.width() * probe.height() > settings.maxPixels()) {
            return new VideoAnalysis(
                    probe.metadata(),
                    List.of(),
                    false,
                    "video not analysed: " + probe.width() + "×" + probe.height()
                            + " pixels a frame exceeds the bound of " + settings.maxPixels() + " pixels; " + summary);
        }
        Sampling s = sample(file, probe.duration());
        long coded = s.frames().stream().filter(MediaPart::hasRegions).count();
        String what = s.frames().size() + (s.frames().size() == 1 ? " frame" : " frames") + " hashed"
                + (s.keyFramesOnly() ? " (key frames only)" : "")
                + (s.frames().size() >= settings.maxFrames()
                        ? " (the bound of " + settings.maxFrames() + " frames)"
                        : "")
                + (coded > 0
                        ? "; " + coded + " scene " + (coded == 1 ? "frame" : "frames") + " coded for crop matching"
                        : "");
        String note;
        if (s.stopped() != null) {
            note = (s.frames().isEmpty() ? "video not analysed: " : "video partly analysed: ") + s.stopped() + "; "
                    + what + "; " + summary;
        } else {
            note = "video: " + summary + "; " + what;
        }
        return new VideoAnalysis(probe.metadata(), s.frames(), !s.frames().isEmpty(), note);
    }

    private ProbeResult probeResult(Path file) {
        if (!Files.isExecutable(ffprobe)) {
            return ProbeResult.failed(
                    (Files.isExecutable(ffmpeg) ? "ffprobe not found at " + ffprobe : "ffmpeg not found at " + ffmpeg)
                            + " (install Debian's ffmpeg package or set DALEEL_FFMPEG)");
        }
        List<String> cmd = List.of(
                ffprobe.toString(),
                "-v",
                "error",
                "-print_format",
                "flat",
                "-show_format",
                "-show_streams",
                "file:" + file.toAbsolutePath());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (IOException e) {
            return ProbeResult.failed("could not run " + ffprobe + ": " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            ErrorTail errors = ErrorTail.start(p.getErrorStream(), null);
            Thread watchdog = Thread.ofVirtual().start(() -> kill(p, settings.probeTimeout()));
            byte[] out = p.getInputStream().readNBytes(4 << 20);
            p.getInputStream().close();
            boolean exited = p.waitFor(settings.probeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            watchdog.interrupt();
            errors.join();
            if (!exited) {
                p.destroyForcibly();
                return ProbeResult.failed("ffprobe took longer than " + seconds(settings.probeTimeout()));
            }
            if (p.exitValue() != 0) {
                String why = errors.lastLine();
                return ProbeResult.failed(
                        "ffprobe could not read it" + (why.isEmpty() ? " (exit " + p.exitValue() + ")" : ": " + why));
            }
            return ProbeResult.parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            p.destroyForcibly();
            return ProbeResult.failed("ffprobe failed: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return ProbeResult.failed("interrupted while probing");
        }
    }

    private Sampling sample(Path file, double duration) {
        if (!Files.isExecutable(ffmpeg)) {
            return new Sampling(
                    List.of(),
                    "ffmpeg not found at " + ffmpeg + " (install Debian's ffmpeg package or set DALEEL_FFMPEG)",
                    false);
        }
        double interval = settings.interval(duration);
        boolean keyOnly = duration > settings.keyFramesOnlyAfter().toSeconds();
        String select = String.format(
                Locale.ROOT,
                "select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,%.3f)+gt(scene\\,%.3f)*gte(t-prev_selected_t\\,0.2)'",
                interval,
                settings.sceneThreshold());
        String scale = "scale=w='min(" + settings.maxSide() + "\\,iw)':h='min(" + settings.maxSide()
                + "\\,ih)':force_original_aspect_ratio=decrease";
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-nostats"));
        cmd.addAll(List.of("-loglevel", "info"));
        if (keyOnly) {
            cmd.addAll(List.of("-skip_frame", "nokey"));
        }
        cmd.addAll(List.of(
                "-i",
                "file:" + file.toAbsolutePath(),
                "-map",
                "0:v:0",
                "-an",
                "-sn",
                "-dn",
                "-vf",
                select + "," + scale + ",showinfo",
                "-fps_mode",
                "vfr",
                "-frames:v",
                Integer.toString(settings.maxFrames()),
                "-f",
                "image2pipe",
                "-c:v",
                "ppm",
                "-pix_fmt",
                "rgb24",
                "pipe:1"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            return new Sampling(List.of(), "could not run " + ffmpeg + ": " + e.getMessage(), keyOnly);
        }
        List<PdqHash> hashes = new ArrayList<>();
        Map<Integer, String> sceneCodes = new TreeMap<>();
        List<Double> times = new ArrayList<>();
        boolean[] timedOut = {false};
        String stopped = null;
        try {
            p.getOutputStream().close();
            ErrorTail errors = ErrorTail.start(p.getErrorStream(), times);
            Thread watchdog = Thread.ofVirtual().start(() -> timedOut[0] = kill(p, settings.decodeTimeout()));
            try (InputStream in = new BufferedInputStream(p.getInputStream(), 1 << 16)) {
                BufferedImage frame;
                PdqHash scene = null;
                while (hashes.size() < settings.maxFrames() && (frame = Ppm.read(in, settings.maxSide())) != null) {
                    PdqHash h = hasher.hash(frame);
                    if (h.quality() >= 50 && (scene == null || h.hash().distance(scene.hash()) > NEW_SCENE_BITS)) {
                        scene = h;
                        sceneCodes.put(
                                hashes.size(), cropMatcher.regionCodes(frame).encode());
                    }
                    hashes.add(h);
                }
            } catch (IOException e) {
                stopped = "could not read a frame from ffmpeg: " + e.getMessage();
            }
            boolean exited = p.waitFor(5, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            watchdog.interrupt();
            watchdog.join();
            errors.join();
            if (timedOut[0]) {
                stopped = "stopped after the decode bound of " + seconds(settings.decodeTimeout());
            } else if (stopped == null && exited && p.exitValue() != 0) {
                String why = errors.lastLine();
                stopped = "ffmpeg could not decode it" + (why.isEmpty() ? " (exit " + p.exitValue() + ")" : ": " + why);
            } else if (stopped == null && !exited) {
                stopped = "ffmpeg did not finish";
            } else if (stopped == null && hashes.isEmpty()) {
                stopped = "ffmpeg found no frame to decode";
            }
        } catch (IOException e) {
            p.destroyForcibly();
            stopped = "ffmpeg failed: " + e.getMessage();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            stopped = "interrupted while decoding";
        }
        List<MediaPart> frames = new ArrayList<>(hashes.size());
        Map<Integer, String> coded = spread(sceneCodes);
        synchronized (times) {
            for (int i = 0; i < hashes.size(); i++) {
                double t = i < times.size() ? times.get(i) : (i == 0 ? 0 : -1);
                if (t < 0) {
                    t = frames.isEmpty() ? 0 : frames.getLast().frameMillis() / 1000.0; // time not reported
                }
                PdqHash h = hashes.get(i);
                frames.add(MediaPart.frame(h.hash().toHex(), h.quality(), Math.round(t * 1000))
                        .withRegions(coded.getOrDefault(i, "")));
            }
        }
        return new Sampling(frames, stopped, keyOnly);
    }

    /** At most {@value #MAX_CODED_FRAMES} of the scene frames' codes, evenly spread over them. */
    private static Map<Integer, String> spread(Map<Integer, String> scenes) {
        if (scenes.size() <= MAX_CODED_FRAMES) {
            return scenes;
        }
        List<Integer> frames = new ArrayList<>(scenes.keySet());
        Map<Integer, String> out = new TreeMap<>();
        for (int k = 0; k < MAX_CODED_FRAMES; k++) {
            int frame = frames.get((int) ((long) k * (frames.size() - 1) / (MAX_CODED_FRAMES - 1)));
            out.put(frame, scenes.get(frame));
        }
        return out;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0
                ? d.toSeconds() + " s"
                : new java.math.BigDecimal(d.toMillis())
                                .movePointLeft(3)
                                .stripTrailingZeros()
                                .toPlainString() + " s";
    }

    /** Waits {@code timeout} for {@code p}; kills it and returns true when it is still running. */
    private static boolean kill(Process p, Duration timeout) {
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return true;
            }
        } catch (InterruptedException e) {
            // the run ended first
        }
        return false;
    }

    private record Sampling(List<MediaPart> frames, String stopped, boolean keyFramesOnly) {}

    /** Drains a process's stderr: frame times from showinfo lines, and the last error lines. */
    private static final class ErrorTail {
        private final Thread thread;
        private final Deque<String> lines = new ArrayDeque<>();

        private ErrorTail(InputStream err, List<Double> times) {
            this.thread = Thread.ofVirtual().start(() -> drain(err, times));
        }

        static ErrorTail start(InputStream err, List<Double> times) {
            return new ErrorTail(err, times);
        }

        private void drain(InputStream err, List<Double> times) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains("Parsed_showinfo")) {
                        Matcher m = PTS_TIME.matcher(line);
                        if (times != null && m.find() && line.contains(" n:")) {
                            synchronized (times) {
                                if (times.size() < 100_000) {
                                    times.add(Double.parseDouble(m.group(1)));
                                }
                            }
                        }
                        continue;
                    }
                    String l = line.strip();
                    if (l.isEmpty() || isChatter(l)) {
                        continue;
                    }
                    synchronized (lines) {
                        lines.addLast(l.length() > 300 ? l.substring(0, 300) : l);
                        if (lines.size() > MAX_ERROR_LINES) {
                            lines.removeFirst();
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the process died; what was read is kept
            }
        }

        private static boolean isChatter(String l) {
            return l.startsWith("Input #")
                    || l.startsWith("Output #")
                    || l.startsWith("Stream")
                    || l.startsWith("Metadata:")
                    || l.startsWith("Duration:")
                    || l.startsWith("Press [q]")
                    || l.startsWith("frame=")
                    || l.startsWith("video:")
                    || l.contains(" : ")
                    || l.startsWith("Side data:")
                    || l.startsWith("Stream mapping:")
                    || l.startsWith("[out#")
                    || l.startsWith("encoder");
        }

        void join() throws InterruptedException {
            thread.join(5000);
        }

        String lastLine() {
            synchronized (lines) {
                return lines.isEmpty() ? "" : lines.getLast();
            }
        }
    }
}
