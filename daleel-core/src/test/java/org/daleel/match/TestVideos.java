package org.daleel.match;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes test videos with Debian's ffmpeg. The video tests need it ({@code .ci/run} installs it);
 * without it they fail saying so, unless {@code -Ddaleel.skipVideoTests=true} skips them on purpose.
 */
public final class TestVideos {
    private TestVideos() {}

    /** The ffmpeg the tests use ({@code /usr/bin/ffmpeg}), failing or skipping when it is missing. */
    public static Path ffmpeg() {
        Path ffmpeg = Path.of("/usr/bin/ffmpeg");
        if (Boolean.getBoolean("daleel.skipVideoTests")) {
            org.junit.jupiter.api.Assumptions.abort("video tests skipped (-Ddaleel.skipVideoTests=true)");
        }
        if (!Files.isExecutable(ffmpeg) || !Files.isExecutable(Path.of("/usr/bin/ffprobe"))) {
            throw new IllegalStateException("/usr/bin/ffmpeg and /usr/bin/ffprobe are needed for the video tests:"
                    + " apt-get install ffmpeg (or run with -Ddaleel.skipVideoTests=true)");
        }
        return ffmpeg;
    }

    /** Runs {@code ffmpeg -v error -y ARGS} (60 s at most) and returns {@code out}. */
    public static Path make(Path out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg().toString(), "-nostdin", "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readNBytes(64 * 1024);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("ffmpeg did not finish in 60 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + cmd + "\n" + new String(log, StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * A video showing each picture in turn for {@code seconds} seconds, encoded by {@code codecArgs}
     * (for example {@code -c:v libx264 -pix_fmt yuv420p}).
     */
    public static Path slideshow(Path out, List<Path> pictures, double seconds, String... codecArgs)
            throws IOException, InterruptedException {
        Path list = out.resolveSibling(out.getFileName() + ".txt");
        StringBuilder s = new StringBuilder();
        for (Path p : pictures) {
            s.append("file '")
                    .append(p.toAbsolutePath())
                    .append("'\nduration ")
                    .append(seconds)
                    .append('\n');
        }
        s.append("file '").append(pictures.getLast().toAbsolutePath()).append("'\n");
        Files.writeString(list, s.toString(), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(
                "-f", "concat", "-safe", "0", "-i", list.toString(), "-vf", "fps=25,scale=640:-2", "-fps_mode", "cfr"));
        args.addAll(List.of(codecArgs));
        return make(out, args.toArray(String[]::new));
    }
}
