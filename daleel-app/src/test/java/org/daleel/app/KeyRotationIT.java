package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daleel ledger rotate-key} from the command line: the rotation entry, the co-signed
 * checkpoint, the key history, {@code verify} over the rotation chain, and evidence packages of
 * items logged before and after the rotation checked offline by {@code verify-package}.
 */
@Timeout(300)
class KeyRotationIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String importFile(Path data, String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        String out = Cli.run(data, "import", file.toString()).assertOk().out();
        return out.split("\t")[1];
    }

    @Test
    void a_rotated_key_co_signs_its_checkpoint_and_receipts_from_before_and_after_verify_offline() throws Exception {
        Path data = tmp.resolve("data");
        String before = importFile(data, "before.txt", "logged before the rotation");
        String oldKey = Cli.run(data, "ledger", "vkey").assertOk().out().strip();

        JsonNode rotated = JSON.readTree(
                Cli.run(data, "ledger", "rotate-key", "--reason", "\u062a\u062f\u0648\u064a\u0631 yearly", "--json")
                        .assertOk()
                        .out());
        String newKey = rotated.path("newKey").asText();
        assertThat(rotated.path("oldKey").asText()).isEqualTo(oldKey);
        assertThat(rotated.path("index").asLong()).isEqualTo(1);
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(Cli.run(data, "ledger", "vkey").assertOk().out()).isEqualTo(newKey + "\n");
        assertThat(Cli.run(data, "ledger", "vkey", "--all").assertOk().out())
                .isEqualTo("0 " + oldKey + "\n2 " + newKey + "\n");
        assertThat(Files.getPosixFilePermissions(data.resolve("ledger/log.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String entry = Cli.run(data, "ledger", "entry", "1").assertOk().out();
        assertThat(entry)
                .contains("\"kind\":\"KEY_ROTATION\"")
                .contains("\"oldKey\":\"" + oldKey + "\"")
                .contains("\"newKey\":\"" + newKey + "\"")
                .contains("\"note\":\"\u062a\u062f\u0648\u064a\u0631 yearly\"")
                .contains("\"actor\":\"cli:")
                .contains("\"tool\":\"daleel/");
        String note = Cli.run(data, "ledger", "checkpoint").assertOk().out();
        SignedNote cosigned = SignedNote.parse(note);
        assertThat(cosigned.verifiedBy(NoteVerifier.parse(oldKey))).isTrue();
        assertThat(cosigned.verifiedBy(NoteVerifier.parse(newKey))).isTrue();
        assertThat(Cli.run(data, "verify").assertOk().out()).contains("ledger intact");

        // the checkpoint at the rotation's size signed by the new key only is named
        Path checkpoint = data.resolve("ledger/checkpoint");
        NoteVerifier old = NoteVerifier.parse(oldKey);
        Files.writeString(
                checkpoint,
                new SignedNote(
                                cosigned.text(),
                                cosigned.signatures().stream()
                                        .filter(s -> !old.matches(s))
                                        .toList())
                        .format());
        Cli.Result newOnly = Cli.run(data, "verify");
        assertThat(newOnly.exit()).isEqualTo(6);
        assertThat(newOnly.out())
                .contains("checkpoint of size 2 (key rotation)")
                .contains("found none by the old key");
        Files.writeString(checkpoint, note);

        String after = importFile(data, "after.txt", "logged after the rotation");
        String later = Cli.run(data, "ledger", "checkpoint").assertOk().out();
        assertThat(SignedNote.parse(later).signatures()).hasSize(1);
        assertThat(SignedNote.parse(later).verifiedBy(NoteVerifier.parse(newKey)))
                .isTrue();
        assertThat(Cli.run(data, "verify").assertOk().out())
                .contains("checked 2 items, 2 ok, 0 failed")
                .contains("ledger intact");

        Path wacz = tmp.resolve("package.wacz");
        Cli.run(data, "export", "--format", "wacz", "--output", wacz.toString(), before, after)
                .assertOk();
        assertThat(Cli.run(data, "verify-package", wacz.toString()).assertOk().out())
                .contains("3 receipts: all hold")
                .contains("  0 " + oldKey + "\n  2 " + newKey + "\n");
        // a package whose key history does not match its rotation entry is named offline
        Path forged = tmp.resolve("forged.wacz");
        String otherOld = org.daleel.ledger.note.NoteSigner.generate(oldKey.substring(0, oldKey.indexOf('+')))
                .verifier()
                .vkey();
        try (var in = new java.util.zip.ZipFile(wacz.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(forged))) {
            for (var e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("custody/vkeys")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace(oldKey, otherOld)
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Cli.Result badPackage = Cli.run(data, "verify-package", forged.toString());
        assertThat(badPackage.exit()).isEqualTo(6);
        assertThat(badPackage.out())
                .contains("FAILED custody/vkeys: key rotation entry 1: expected old key " + otherOld);

        // a history whose first key is not the one the rotation entry names
        Path vkeys = data.resolve("ledger/vkeys");
        String history = Files.readString(vkeys, StandardCharsets.UTF_8);
        String other = org.daleel.ledger.note.NoteSigner.generate(oldKey.substring(0, oldKey.indexOf('+')))
                .verifier()
                .vkey();
        Files.writeString(vkeys, history.replace(oldKey, other));
        Cli.Result tampered = Cli.run(data, "verify");
        assertThat(tampered.exit()).isEqualTo(6);
        assertThat(tampered.out()).contains("key rotation entry 1: expected old key " + other);
    }
}
