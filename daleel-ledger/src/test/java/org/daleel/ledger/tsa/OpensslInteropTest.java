package org.daleel.ledger.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens made through {@link TimestampClient} and stored by {@link TimestampStore} verify with {@code openssl ts}. */
class OpensslInteropTest {

    @TempDir
    Path dir;

    private record Run(int exit, String output) {}

    private static Run openssl(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("openssl timed out");
        }
        return new Run(p.exitValue(), out);
    }

    private static boolean opensslPresent(Path cwd) {
        try {
            return openssl(cwd, "version").exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void openssl_ts_verify_accepts_the_stored_token_and_refuses_a_changed_note() throws Exception {
        assumeTrue(opensslPresent(dir), "openssl is not installed");
        byte[] note = TimestampClientTest.note(42);
        try (LocalTsa tsa = new LocalTsa()) {
            TimestampStore store = new TimestampStore(dir.resolve("timestamps"));
            store.write(42, note, new TimestampClient(tsa.url()).stamp(note));
            Files.write(dir.resolve("checkpoint"), note);
            Files.writeString(dir.resolve("ca.pem"), LocalTsa.pem(tsa.ca));
            Files.writeString(dir.resolve("tsa.pem"), LocalTsa.pem(tsa.tsa));
            String token = store.tokenFile(42).toString();

            Run ok = openssl(
                    dir,
                    "ts",
                    "-verify",
                    "-data",
                    "checkpoint",
                    "-token_in",
                    "-in",
                    token,
                    "-CAfile",
                    "ca.pem",
                    "-untrusted",
                    "tsa.pem");
            assertThat(ok.exit()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("Verification: OK");

            Files.write(dir.resolve("changed"), TimestampClientTest.note(43));
            Run changed = openssl(
                    dir,
                    "ts",
                    "-verify",
                    "-data",
                    "changed",
                    "-token_in",
                    "-in",
                    token,
                    "-CAfile",
                    "ca.pem",
                    "-untrusted",
                    "tsa.pem");
            assertThat(changed.exit()).as(changed.output()).isNotZero();
            assertThat(changed.output()).contains("Verification: FAILED");
        }
    }
}
