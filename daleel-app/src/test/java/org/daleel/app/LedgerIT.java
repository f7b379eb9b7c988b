package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custody ledger from the command line, in child processes: checkpoint, vkey, entry, prove and
 * verify checked with an independent RFC 9162 / Ed25519 check written here from the specs; verify
 * names the item and file of a flipped byte; the read commands work while {@code daleel serve}
 * writes the same data directory.
 */
class LedgerIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void a_captured_page_is_provable_offline_and_a_flipped_byte_in_a_blob_or_warc_is_named() throws Exception {
        Path data = tmp.resolve("data");
        String id;
        try (Site site = new Site()) {
            id = JSON.readTree(Cli.run(data, "capture", site.url("report.html"), "--allow-private", "--json")
                            .assertOk()
                            .out())
                    .path("id")
                    .asText();
        }
        String note = Cli.run(data, "ledger", "checkpoint").assertOk().out();
        String vkey = Cli.run(data, "ledger", "vkey").assertOk().out().strip();
        assertThat(vkey).startsWith(Wiring.LEDGER_ORIGIN_PREFIX);
        assertThat(note).startsWith(vkey.substring(0, vkey.indexOf('+')) + "\n1\n");
        assertSigned(note, vkey);

        String receipt = Cli.run(data, "ledger", "prove", id).assertOk().out();
        assertThat(receipt).endsWith(note);
        long index = Long.parseLong(receipt.split("\n")[1].substring("index ".length()));
        Cli.Result entry =
                Cli.run(data, "ledger", "entry", Long.toString(index)).assertOk();
        assertThat(entry.out())
                .startsWith("{\"actor\":")
                .contains("\"item\":\"" + id + "\"")
                .contains("\"kind\":\"CAPTURE\"")
                .doesNotEndWith("\n");
        assertIncluded(entry.out().getBytes(StandardCharsets.UTF_8), receipt);
        JsonNode proved = JSON.readTree(
                Cli.run(data, "ledger", "prove", id, "--json").assertOk().out());
        assertThat(proved.path("receipt").asText()).isEqualTo(receipt);

        Cli.Result clean = Cli.run(data, "verify").assertOk();
        assertThat(clean.out()).contains("checked 1 items, 1 ok, 0 failed").contains("ledger intact");

        JsonNode item =
                JSON.readTree(Cli.run(data, "show", id, "--json").assertOk().out());
        String sha = item.path("sha256").asText();
        Path blob = data.resolve("blobs")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
        Path warc =
                data.resolve("warcs").resolve(item.path("warc").path("fileName").asText());
        flipByte(blob);
        flipByte(warc);
        Cli.Result tampered = Cli.run(data, "verify");
        assertThat(tampered.exit()).isEqualTo(6);
        assertThat(tampered.out())
                .contains("FAILED " + id + " " + blob + ": payload SHA-256 does not match the ledger (expected " + sha)
                .contains("FAILED " + id + " " + warc + ": warc SHA-256 does not match the ledger (expected "
                        + item.path("warc").path("sha256").asText())
                .contains("checked 1 items, 0 ok, 1 failed");
        JsonNode report = JSON.readTree(Cli.run(data, "verify", "--json").out());
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("problems").findValuesAsText("file")).contains(blob.toString(), warc.toString());
        assertThat(report.path("problems").findValuesAsText("item")).containsOnly(id);
    }

    @Test
    void verify_reports_an_interrupted_write_as_a_note_and_a_damaged_entry_as_a_failure() throws Exception {
        Path data = tmp.resolve("data");
        Files.writeString(tmp.resolve("exhibit.txt"), "an exhibit");
        Cli.run(data, "import", tmp.resolve("exhibit.txt").toString()).assertOk();
        // What a crash between the ledger append and the catalog commit leaves: an entry for an
        // item the catalog never got.
        String lost = "01JD0000000000000000000042";
        try (var log = Wiring.openLedgerWriter(org.daleel.archive.DataDir.at(data))) {
            log.append(new org.daleel.custody.CustodyEvent(
                    org.daleel.custody.CustodyEvent.Kind.IMPORT,
                    lost,
                    List.of(new org.daleel.custody.CustodyEvent.Digest("payload", "c".repeat(64), 3)),
                    "cli:test",
                    java.time.Instant.now(),
                    "daleel/test",
                    "lost.txt"));
        }
        Cli.Result noted = Cli.run(data, "verify").assertOk();
        assertThat(noted.out())
                .contains("note " + lost + ": ledger entry for an item that never reached the catalog")
                .contains("checked 1 items, 1 ok, 0 failed");

        Path bundle = data.resolve("ledger/tile/entries/000.p/2");
        byte[] bytes = Files.readAllBytes(bundle);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("lost.txt");
        bytes[at] ^= 1;
        Files.write(bundle, bytes);
        Cli.Result damaged = Cli.run(data, "verify");
        assertThat(damaged.exit()).isEqualTo(6);
        assertThat(damaged.out())
                .contains("FAILED ledger " + data.resolve("ledger"))
                .contains("ledger entry 1");
    }

    @Test
    void verify_names_a_catalog_item_without_a_ledger_entry_and_ledger_commands_explain_a_missing_ledger()
            throws Exception {
        Path data = tmp.resolve("data");
        Cli.Result none = Cli.run(data, "ledger", "checkpoint");
        assertThat(none.exit()).isEqualTo(3);
        assertThat(none.err()).contains("no custody ledger in " + data.resolve("ledger"));

        Files.writeString(tmp.resolve("old.txt"), "archived before the ledger");
        String old = JSON.readTree(
                        Cli.run(data, "import", tmp.resolve("old.txt").toString(), "--json")
                                .assertOk()
                                .out())
                .get(0)
                .path("id")
                .asText();
        Files.move(data.resolve("ledger"), tmp.resolve("ledger-gone"));
        Files.writeString(tmp.resolve("new.txt"), "archived with a new ledger");
        Cli.run(data, "import", tmp.resolve("new.txt").toString()).assertOk();
        Cli.Result result = Cli.run(data, "verify");
        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.out())
                .contains("FAILED " + old + ": no ledger entry records this catalog item")
                .contains("checked 2 items, 1 ok, 1 failed");
    }

    @Test
    void ledger_reads_and_verify_work_while_serve_writes_the_data_directory() throws Exception {
        Path data = tmp.resolve("served");
        Files.writeString(tmp.resolve("first.txt"), "first exhibit");
        Cli.run(data, "import", tmp.resolve("first.txt").toString()).assertOk();
        Process server = Cli.builder(data, "serve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("web UI and API:")) {
                // wait for the server to listen
            }
            assertThat(line).as("server started").isNotNull();
            Files.writeString(tmp.resolve("second.txt"), "second exhibit");
            JsonNode second = JSON.readTree(
                    Cli.run(data, "import", tmp.resolve("second.txt").toString(), "--json")
                            .assertOk()
                            .out());
            String id = second.get(0).path("id").asText();

            String note = Cli.run(data, "ledger", "checkpoint").assertOk().out();
            assertThat(note.split("\n")[1]).isEqualTo("2");
            assertSigned(note, Cli.run(data, "ledger", "vkey").assertOk().out().strip());
            String receipt = Cli.run(data, "ledger", "prove", id).assertOk().out();
            assertIncluded(
                    Cli.run(data, "ledger", "entry", "1").assertOk().out().getBytes(StandardCharsets.UTF_8), receipt);
            assertThat(Cli.run(data, "ledger", "consistency", "1", "2")
                            .assertOk()
                            .out()
                            .strip()
                            .lines())
                    .hasSize(1);
            assertThat(Cli.run(data, "verify").assertOk().out()).contains("checked 2 items, 2 ok, 0 failed");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Checks the note's Ed25519 signature line for the key, as any C2SP verifier would. */
    static void assertSigned(String note, String vkey) throws Exception {
        String[] v = vkey.split("\\+");
        byte[] key = Base64.getDecoder().decode(v[2]);
        assertThat(key).hasSize(33);
        assertThat(key[0]).isEqualTo((byte) 1);
        byte[] id = MessageDigest.getInstance("SHA-256")
                .digest(concat((v[0] + "\n").getBytes(StandardCharsets.UTF_8), key));
        assertThat(HexFormat.of().formatHex(id, 0, 4)).isEqualTo(v[1]);
        int split = note.indexOf("\n\n");
        byte[] body = note.substring(0, split + 1).getBytes(StandardCharsets.UTF_8);
        String sigLine = note.substring(split + 2)
                .lines()
                .filter(l -> l.startsWith("\u2014 " + v[0] + " "))
                .findFirst()
                .orElseThrow();
        byte[] sig = Base64.getDecoder().decode(sigLine.substring(sigLine.lastIndexOf(' ') + 1));
        assertThat(HexFormat.of().formatHex(sig, 0, 4)).isEqualTo(v[1]);
        byte[] der = concat(HexFormat.of().parseHex("302a300506032b6570032100"), Arrays.copyOfRange(key, 1, 33));
        PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(pub);
        ed.update(body);
        assertThat(ed.verify(Arrays.copyOfRange(sig, 4, sig.length)))
                .as("checkpoint signature")
                .isTrue();
    }

    /** RFC 9162 s2.1.3.2: the receipt's inclusion proof leads from the entry to its checkpoint's root. */
    static void assertIncluded(byte[] entry, String receipt) throws Exception {
        String[] lines = receipt.split("\n", -1);
        assertThat(lines[0]).isEqualTo("c2sp.org/tlog-proof@v1");
        long fn = Long.parseLong(lines[1].substring(6));
        int i = 2;
        List<byte[]> path = new ArrayList<>();
        while (!lines[i].isEmpty()) {
            path.add(Base64.getDecoder().decode(lines[i++]));
        }
        long sn = Long.parseLong(lines[i + 2]) - 1;
        byte[] root = Base64.getDecoder().decode(lines[i + 3]);
        byte[] r = sha(new byte[] {0}, entry);
        for (byte[] p : path) {
            assertThat(sn).as("proof too long").isPositive();
            if ((fn & 1) == 1 || fn == sn) {
                r = sha(new byte[] {1}, p, r);
                if ((fn & 1) == 0) {
                    while (fn != 0 && (fn & 1) == 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = sha(new byte[] {1}, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        assertThat(sn).isZero();
        assertThat(r).as("root from the inclusion proof").isEqualTo(root);
    }

    private static void flipByte(Path file) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 1);
        }
    }

    private static byte[] sha(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
