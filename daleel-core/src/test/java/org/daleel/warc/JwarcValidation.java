package org.daleel.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.netpreserve.jwarc.HeaderValidator;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Checks a WARC file with jwarc, the way an outside archivist would: {@code jwarc validate} in a
 * child JVM (block and payload digests, HTTP Content-Length against the payload, WARC 1.1 header
 * rules) and jwarc's strict WARC 1.1 header validator in process (no unknown fields, standard values).
 * Shipped in core's test-jar for the capture and export tests.
 */
public final class JwarcValidation {
    private JwarcValidation() {}

    /** Runs {@code java -cp jwarc.jar org.netpreserve.jwarc.tools.WarcTool validate FILE}; asserts exit 0. */
    public static void assertJwarcValidates(Path warc) throws IOException, InterruptedException {
        Path jar;
        try {
            jar = Path.of(WarcReader.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jwarc jar", e);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("jwarc-validate", ".log");
        try {
            Process p = new ProcessBuilder(
                            java.toString(),
                            "-Xshare:auto",
                            "-cp",
                            jar.toString(),
                            "org.netpreserve.jwarc.tools.WarcTool",
                            "validate",
                            "-j",
                            "1",
                            warc.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as("jwarc validate finished within 60 s").isTrue();
            assertThat(p.exitValue())
                    .as("jwarc validate %s exit status; output:%n%s", warc, output)
                    .isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Violations of WARC 1.1 header rules, extensions forbidden, with the record offset; empty when valid. */
    public static List<String> strictHeaderViolations(Path warc) throws IOException {
        HeaderValidator validator = HeaderValidator.warc_1_1(true);
        List<String> violations = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            reader.onWarning(w -> violations.add("reader warning: " + w));
            for (WarcRecord record : reader) {
                long offset = reader.position();
                validator.validate(record.headers()).forEach(v -> violations.add("record at " + offset + ": " + v));
            }
        }
        return violations;
    }
}
