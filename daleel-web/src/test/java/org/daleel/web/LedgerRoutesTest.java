package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.daleel.ledger.tsa.LocalTsa;
import org.daleel.ledger.tsa.TimestampClient;
import org.daleel.ledger.tsa.TimestampStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custody ledger over HTTP: API routes and the read-only tiled log under /ledger/. */
class LedgerRoutesTest {
    @TempDir
    static Path data;

    static WebFixture web;
    static JsonNode captured;

    @BeforeAll
    static void start() throws IOException {
        web = new WebFixture(data);
        captured = web.capturePage();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void checkpoint_and_vkey_are_served_as_json_and_the_note_byte_for_byte() throws IOException {
        JsonNode cp = WebFixture.json(web.get("/api/ledger/checkpoint"));
        assertThat(cp.path("origin").asText()).isEqualTo("daleel.local/test");
        assertThat(cp.path("size").asLong())
                .isEqualTo(web.archive.custody().size())
                .isGreaterThanOrEqualTo(1);
        assertThat(cp.path("note").asText()).isEqualTo(web.archive.custody().checkpoint());
        var raw = web.get("/ledger/checkpoint");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(raw.body()).isEqualTo(web.archive.custody().checkpoint());
        JsonNode vkey = WebFixture.json(web.get("/api/ledger/vkey"));
        assertThat(vkey.path("vkey").asText())
                .startsWith("daleel.local/test+")
                .isEqualTo(web.archive.custody().verifierKey());
    }

    @Test
    void proof_of_an_item_is_a_receipt_whose_leaf_is_in_the_served_entry_bundle() throws IOException {
        String id = captured.path("id").asText();
        JsonNode proof = WebFixture.json(web.get("/api/items/" + id + "/proof"));
        assertThat(proof.path("item").asText()).isEqualTo(id);
        long index = proof.path("index").asLong();
        assertThat(proof.path("receipt").asText()).startsWith("c2sp.org/tlog-proof@v1\nindex " + index + "\n");
        long size = web.archive.custody().size();
        var bundle = web.getBytes(web.server.baseUrl() + "/ledger/tile/entries/000.p/" + size);
        assertThat(bundle.statusCode()).isEqualTo(200);
        byte[] entry = web.archive.custody().entry(index);
        assertThat(new String(bundle.body(), StandardCharsets.ISO_8859_1))
                .contains(new String(entry, StandardCharsets.ISO_8859_1));
        assertThat(new String(entry, StandardCharsets.UTF_8))
                .contains(id)
                .contains(captured.path("sha256").asText());
        var leaves = web.getBytes(web.server.baseUrl() + "/ledger/tile/0/000.p/" + size);
        assertThat(leaves.statusCode()).isEqualTo(200);
        assertThat(leaves.body()).hasSize((int) size * 32);
        byte[] leaf = java.util.Arrays.copyOfRange(leaves.body(), (int) index * 32, (int) index * 32 + 32);
        assertThat(leaf).isEqualTo(leafHash(entry));
        if (size == 1) {
            String root = web.archive.custody().checkpoint().split("\n")[2];
            assertThat(Base64.getEncoder().encodeToString(leaf)).isEqualTo(root);
        }
    }

    @Test
    void time_stamps_are_listed_checked_and_served_for_openssl() throws Exception {
        JsonNode none = WebFixture.json(web.get("/api/ledger/timestamps"));
        assertThat(none.path("count").asInt()).isZero();
        assertThat(none.path("timestamps")).isEmpty();
        long size = web.archive.custody().size();
        byte[] note = web.archive.custody().checkpoint().getBytes(StandardCharsets.UTF_8);
        TimestampStore store = new TimestampStore(data.resolve("ledger/timestamps"));
        try (LocalTsa tsa = new LocalTsa()) {
            store.write(size, note, new TimestampClient(tsa.url()).stamp(note));
        }
        JsonNode list = WebFixture.json(web.get("/api/ledger/timestamps"));
        assertThat(list.path("count").asInt()).isEqualTo(1);
        JsonNode stamp = list.path("timestamps").get(0);
        assertThat(stamp.path("size").asLong()).isEqualTo(size);
        assertThat(stamp.path("status").asText()).isEqualTo("valid");
        assertThat(stamp.path("tsa").asText()).contains("Daleel Test TSA");
        var token = web.getBytes(web.server.baseUrl() + stamp.path("token").asText());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).isEqualTo(java.nio.file.Files.readAllBytes(store.tokenFile(size)));
        var checkpoint =
                web.getBytes(web.server.baseUrl() + stamp.path("checkpoint").asText());
        assertThat(checkpoint.body()).isEqualTo(note);

        byte[] changed = note.clone();
        changed[changed.length / 2] ^= 1;
        java.nio.file.Files.write(store.noteFile(size), changed);
        JsonNode bad = WebFixture.json(web.get("/api/ledger/timestamps"));
        assertThat(bad.path("timestamps").get(0).path("status").asText()).isEqualTo("invalid");
        assertThat(bad.path("timestamps").get(0).path("problems").toString()).contains("message imprint");
        java.nio.file.Files.write(store.noteFile(size), note);
        assertThat(web.get("/ledger/timestamps/" + size + ".properties").statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_signing_key_and_unknown_paths_are_never_served() throws IOException {
        assertThat(web.get("/ledger/log.key").statusCode()).isEqualTo(404);
        assertThat(web.get("/ledger/tile/../log.key").statusCode()).isIn(400, 404);
        assertThat(web.get("/ledger/tile/..%2Flog.key").statusCode()).isIn(400, 404);
        assertThat(web.get("/ledger/tile/0/999").statusCode()).isEqualTo(404);
        assertThat(web.get("/api/items/01JD0000000000000000000000/proof").statusCode())
                .isEqualTo(404);
    }

    private static byte[] leafHash(byte[] entry) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((byte) 0);
            return md.digest(entry);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
