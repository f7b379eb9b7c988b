package org.daleel.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real appending JVM with SIGKILL at a random moment, twice, and checks after each kill
 * that every acknowledged entry is there with its bytes, that the tree verifies and that the
 * checkpoint on disk signs the stored tree. The seed is printed for reproduction.
 */
class FileLedgerCrashTest {
    private static final Pattern ACK = Pattern.compile("ack (\\d+) (\\S+) \\.");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void every_acknowledged_entry_survives_a_sigkill_and_the_tree_verifies() throws Exception {
        long seed = System.nanoTime();
        System.out.println("FileLedgerCrashTest seed " + seed);
        Random random = new Random(seed);
        Map<Long, String> acked = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            List<String> lines = runAndKill(round, 10 + random.nextInt(60), random.nextInt(150));
            for (String line : lines) {
                Matcher m = ACK.matcher(line);
                if (m.matches()) {
                    assertThat(acked.put(Long.parseLong(m.group(1)), m.group(2)))
                            .as("index %s acknowledged twice", m.group(1))
                            .isNull();
                }
            }
            assertThat(acked)
                    .as("the child acknowledged appends before it was killed")
                    .isNotEmpty();
            try (FileLedger ledger = FileLedger.open(dir, FileLedgerTest.ORIGIN)) {
                long max =
                        acked.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
                assertThat(ledger.size()).isGreaterThan(max);
                for (Map.Entry<Long, String> a : acked.entrySet()) {
                    assertThat(ledger.entry(a.getKey()))
                            .as("entry %d", a.getKey())
                            .isEqualTo(CrashAppender.bytes(a.getValue()));
                }
                assertThat(ledger.verify()).isInstanceOf(LedgerVerification.Intact.class);
                Checkpoint c = Checkpoint.open(
                        SignedNote.parse(ledger.checkpoint()), NoteVerifier.parse(ledger.verifierKey()));
                assertThat(c.size()).isEqualTo(ledger.size());
                assertThat(c.root()).isEqualTo(ledger.rootHash(c.size()));
                System.out.println(
                        "round " + round + ": " + acked.size() + " acknowledged, " + ledger.size() + " stored");
            }
        }
    }

    /** Starts the appender, waits for {@code minAcks} acknowledgements plus {@code extraMillis}, kills it. */
    private List<String> runAndKill(int round, int minAcks, int extraMillis) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-Xshare:auto",
                        "-cp",
                        classpath,
                        CrashAppender.class.getName(),
                        dir.toString(),
                        Integer.toString(round),
                        "4")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the pipe breaks when the child dies mid-line; what was read is kept
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (lines.size() < minAcks && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("appender still running").isTrue();
            Thread.sleep(extraMillis);
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix
            child.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        return new ArrayList<>(lines);
    }
}
