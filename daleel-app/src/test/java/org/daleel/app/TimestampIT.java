package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.daleel.ledger.tsa.LocalTsa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3161 time-stamps of ledger checkpoints end to end, through the CLI in child processes and a
 * real BouncyCastle TSA on 127.0.0.1: {@code daleel config} sets the TSA, an import is stamped,
 * {@code openssl ts -verify} accepts the token, {@code verify} and {@code verify-package} check it
 * and name a changed token, and a TSA that is down never stops an import.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TimestampIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void an_import_is_time_stamped_and_the_token_checks_with_openssl_verify_and_verify_package() throws Exception {
        Path data = tmp.resolve("data");
        try (LocalTsa tsa = new LocalTsa()) {
            Path ca = tmp.resolve("ca.pem");
            Path tsaPem = tmp.resolve("tsa.pem");
            Files.writeString(ca, LocalTsa.pem(tsa.ca));
            Files.writeString(tsaPem, LocalTsa.pem(tsa.tsa));
            Cli.run(data, "config", "set", "ledger.tsa.url", tsa.url().toString())
                    .assertOk();
            Cli.run(data, "config", "set", "ledger.tsa.ca-file", ca.toString()).assertOk();
            assertThat(Cli.run(data, "config", "get", "ledger.tsa.url")
                            .assertOk()
                            .out()
                            .strip())
                    .isEqualTo(tsa.url().toString());

            Path notes = tmp.resolve("notes.txt");
            Files.writeString(notes, "Witness statement, 3 March.\n", StandardCharsets.UTF_8);
            String id = JSON.readTree(Cli.run(data, "import", notes.toString(), "--json")
                            .assertOk()
                            .out())
                    .get(0)
                    .path("id")
                    .asText();

            long size = JSON.readTree(Cli.run(data, "ledger", "checkpoint", "--json")
                            .assertOk()
                            .out())
                    .path("size")
                    .asLong();
            JsonNode list = JSON.readTree(
                    Cli.run(data, "ledger", "timestamps", "--json").assertOk().out());
            assertThat(list.path("timestamps")).isNotEmpty();
            JsonNode last = list.path("timestamps").get(list.path("timestamps").size() - 1);
            assertThat(last.path("size").asLong()).isEqualTo(size);
            assertThat(last.path("status").asText()).isEqualTo("valid");
            assertThat(last.path("tsa").asText()).contains("Daleel Test TSA");
            assertThat(last.path("serial").asText()).isNotEmpty();

            Path stamps = data.resolve("ledger/timestamps");
            Path token = stamps.resolve(size + ".tsr");
            if (opensslPresent()) {
                String ok = openssl(
                        "ts",
                        "-verify",
                        "-data",
                        stamps.resolve(size + ".checkpoint").toString(),
                        "-in",
                        token.toString(),
                        "-token_in",
                        "-CAfile",
                        ca.toString(),
                        "-untrusted",
                        tsaPem.toString());
                assertThat(ok).contains("Verification: OK");
            }

            Cli.Result stampNow = Cli.run(data, "ledger", "timestamp").assertOk();
            assertThat(stampNow.out())
                    .contains("checkpoint " + size + " was already time-stamped")
                    .contains("valid");

            Cli.Result verified = Cli.run(data, "verify").assertOk();
            assertThat(verified.out()).contains("RFC 3161 time-stamps checked").contains("0 failed");

            Path wacz = tmp.resolve("evidence.wacz");
            Cli.run(data, "export", "--format", "wacz", id, "--output", wacz.toString())
                    .assertOk();
            Cli.Result pkg = Cli.run(data, "verify-package", wacz.toString()).assertOk();
            assertThat(pkg.out())
                    .contains("time-stamp: the checkpoint of " + size + " entries existed by")
                    .contains("RFC 3161 time-stamps valid");

            String member = "custody/timestamps/" + size + ".tsr";
            Path changedPackage = tmp.resolve("changed.wacz");
            Files.write(changedPackage, flipInside(wacz, member));
            Cli.Result badPkg = Cli.run(data, "verify-package", changedPackage.toString(), "--json");
            assertThat(badPkg.exit()).isEqualTo(6);
            assertThat(JSON.readTree(badPkg.out()).path("problems").findValuesAsText("file"))
                    .contains(member);

            byte[] bytes = Files.readAllBytes(token);
            bytes[bytes.length / 2] ^= 1;
            Files.write(token, bytes);
            Cli.Result bad = Cli.run(data, "verify");
            assertThat(bad.exit()).isEqualTo(6);
            assertThat(bad.out()).contains(token.toString()).contains("expected SHA-256");
        }
    }

    @Test
    void a_tsa_that_is_down_never_stops_an_import_and_the_outage_is_reported() throws Exception {
        Path data = tmp.resolve("data");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: connections are refused
        }
        String url = "http://127.0.0.1:" + port + "/tsa";
        Cli.run(data, "config", "set", "ledger.tsa.url", url).assertOk();
        Cli.run(data, "config", "set", "ledger.tsa.retries", "0").assertOk();
        Path dir = Files.createDirectories(tmp.resolve("files"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve("f" + i + ".txt"), "report " + i + "\n", StandardCharsets.UTF_8);
        }
        Cli.Result imported = Cli.run(data, "import", dir.toString(), "--json").assertOk();
        assertThat(JSON.readTree(imported.out())).hasSize(20);
        assertThat(imported.err()).contains("was not time-stamped").contains(url);

        Cli.Result listed = Cli.run(data, "ledger", "timestamps").assertOk();
        assertThat(listed.out()).contains("time-stamping FAILED").contains(url).contains("no time-stamps stored");
        Cli.Result now = Cli.run(data, "ledger", "timestamp");
        assertThat(now.exit()).isEqualTo(1);
        assertThat(now.err()).contains("TSA " + url);
        Cli.Result verified = Cli.run(data, "verify").assertOk();
        assertThat(verified.out()).contains("no RFC 3161 time-stamps stored").contains("20 ok");
    }

    @Test
    void config_accepts_only_known_keys_and_valid_values_and_names_both() throws Exception {
        Path data = tmp.resolve("data");
        Cli.Result badUrl = Cli.run(data, "config", "set", "ledger.tsa.url", "ftp://tsa.example/");
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.err())
                .contains("ledger.tsa.url")
                .contains("ftp://tsa.example/")
                .contains("http");
        Cli.Result badKey = Cli.run(data, "config", "set", "ledger.tsa.colour", "blue");
        assertThat(badKey.exit()).isEqualTo(2);
        assertThat(badKey.err()).contains("ledger.tsa.colour").contains("ledger.tsa.url");
        Cli.Result badTimeout = Cli.run(data, "config", "set", "ledger.tsa.timeout", "10 minutes");
        assertThat(badTimeout.exit()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("ledger.tsa.timeout").contains("10 minutes");

        Cli.run(data, "config", "set", "ledger.tsa.timeout", "3s").assertOk();
        assertThat(Cli.run(data, "config", "list").assertOk().out())
                .contains("ledger.tsa.timeout = 3s")
                .contains("ledger.tsa.url = (none)  [default]");
        Cli.run(data, "config", "unset", "ledger.tsa.timeout").assertOk();
        assertThat(Cli.run(data, "config", "get", "ledger.tsa.timeout")
                        .assertOk()
                        .out()
                        .strip())
                .isEqualTo("10s");
        Cli.Result none = Cli.run(data, "ledger", "timestamp");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("ledger.tsa.url");

        Path ca = tmp.resolve("ca.pem");
        Files.writeString(ca, "not read yet\n", StandardCharsets.UTF_8);
        Cli.run(data, "config", "set", "ledger.tsa.ca-file", ca.toString()).assertOk();
        Files.delete(ca); // a setting that went stale turns time-stamping off, never the archive
        Path note = tmp.resolve("note.txt");
        Files.writeString(note, "still archived\n", StandardCharsets.UTF_8);
        Cli.Result imported = Cli.run(data, "import", note.toString()).assertOk();
        assertThat(imported.err())
                .contains("checkpoints are not time-stamped")
                .contains("ledger.tsa.ca-file")
                .contains(ca.toString());
    }

    /** The package with one byte flipped in the middle of STORED member {@code name}. */
    private static byte[] flipInside(Path wacz, String name) throws IOException {
        byte[] member;
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            member = zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
        byte[] bytes = Files.readAllBytes(wacz);
        for (int i = 0; i + member.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + member.length, member, 0, member.length)) {
                bytes[i + member.length / 2] ^= 1;
                return bytes;
            }
        }
        throw new AssertionError(name + " is not stored uncompressed in " + wacz);
    }

    private static boolean opensslPresent() {
        try {
            openssl("version");
            return true;
        } catch (IOException | InterruptedException | AssertionError e) {
            return false;
        }
    }

    private static String openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
