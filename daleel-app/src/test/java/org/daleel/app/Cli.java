package org.daleel.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code daleel} CLI in a child JVM on the test class path, as a user would. */
final class Cli {
    private Cli() {}

    /** Output of one run. */
    record Result(int exit, String out, String err) {
        Result assertOk() {
            if (exit != 0) {
                throw new AssertionError("daleel exited " + exit + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    /** A run of a command that takes no data directory ({@code analyze}, {@code eval}). */
    static Result runWithoutData(String... args) throws IOException, InterruptedException {
        return run(null, args);
    }

    static ProcessBuilder builder(Path data, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        if (data != null) {
            cmd.add("--data");
            cmd.add(data.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DALEEL_DATA");
        return pb;
    }

    static Result run(Path data, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("daleel-out", ".txt");
        Path err = Files.createTempFile("daleel-err", ".txt");
        try {
            Process p = builder(data, args)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("daleel " + String.join(" ", args) + " did not finish in 3 minutes");
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
