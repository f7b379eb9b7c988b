package org.daleel.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.daleel.core.InvalidInputException;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.NoteSigner;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLedgerRotationTest {
    static final String ORIGIN = FileLedgerTest.ORIGIN;
    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    static long rotate(FileLedger ledger, String reason) throws IOException {
        return ledger.rotateKey(
                (oldKey, newKey) -> LedgerEntry.keyRotation(oldKey, newKey, "cli:amina", T, "daleel/test", reason)
                        .encode());
    }

    @Test
    void rotation_co_signs_its_checkpoint_then_signs_with_the_new_key_only_and_keeps_the_history() throws IOException {
        String oldKey;
        String newKey;
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            FileLedgerTest.appendAll(ledger, 0, 3);
            oldKey = ledger.verifierKey();
            assertThat(rotate(ledger, "yearly")).isEqualTo(3);
            newKey = ledger.verifierKey();
            assertThat(newKey).isNotEqualTo(oldKey).startsWith(ORIGIN + "+");
            SignedNote cosigned = SignedNote.parse(ledger.checkpoint());
            assertThat(cosigned.signatures()).hasSize(2);
            assertThat(cosigned.verifiedBy(NoteVerifier.parse(oldKey))).isTrue();
            assertThat(cosigned.verifiedBy(NoteVerifier.parse(newKey))).isTrue();
            LedgerEntry e = LedgerEntry.decode(ledger.entry(3));
            assertThat(e.kind()).isEqualTo(EntryKind.KEY_ROTATION);
            assertThat(e.oldKey()).isEqualTo(oldKey);
            assertThat(e.newKey()).isEqualTo(newKey);
            assertThat(e.note()).isEqualTo("yearly");
            ledger.append(FileLedgerTest.entry(4));
            SignedNote later = SignedNote.parse(ledger.checkpoint());
            assertThat(later.signatures()).hasSize(1);
            assertThat(later.verifiedBy(NoteVerifier.parse(newKey))).isTrue();
            assertThat(ledger.verify()).isInstanceOf(LedgerVerification.Intact.class);
        }
        assertThat(Files.readString(dir.resolve("vkeys"))).isEqualTo("0 " + oldKey + "\n4 " + newKey + "\n");
        assertThat(Files.readString(dir.resolve("log.vkey")).strip()).isEqualTo(newKey);
        assertThat(Files.getPosixFilePermissions(dir.resolve("log.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(NoteSigner.parse(Files.readString(dir.resolve("log.key")))
                        .verifier()
                        .vkey())
                .isEqualTo(newKey);
        assertThat(Files.exists(dir.resolve("log.key.next"))).isFalse();
        try (FileLedger reader = FileLedger.openReadOnly(dir)) {
            KeyHistory h = reader.keyHistory();
            assertThat(h.at(3).vkey()).isEqualTo(oldKey);
            assertThat(h.at(4).vkey()).isEqualTo(newKey);
            assertThat(h.rotatedAt(4).orElseThrow().vkey()).isEqualTo(oldKey);
            assertThat(reader.verify()).isInstanceOf(LedgerVerification.Intact.class);
        }
        try (FileLedger again = FileLedger.open(dir)) {
            assertThat(again.verifierKey()).isEqualTo(newKey);
            assertThat(again.append(FileLedgerTest.entry(5))).isEqualTo(5);
        }
    }

    @Test
    void verify_names_a_tampered_history_and_a_rotation_checkpoint_without_the_old_signature() throws IOException {
        String oldKey;
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            FileLedgerTest.appendAll(ledger, 0, 2);
            oldKey = ledger.verifierKey();
            rotate(ledger, "");
        }
        // a checkpoint at the rotation's size signed by the new key only
        String note = Files.readString(dir.resolve("checkpoint"));
        SignedNote both = SignedNote.parse(note);
        NoteVerifier old = NoteVerifier.parse(oldKey);
        SignedNote newOnly = new SignedNote(
                both.text(),
                both.signatures().stream().filter(s -> !old.matches(s)).toList());
        Files.writeString(dir.resolve("checkpoint"), newOnly.format());
        try (FileLedger reader = FileLedger.openReadOnly(dir)) {
            assertThat(reader.verify().message())
                    .contains("checkpoint of size 3 (key rotation)")
                    .contains("found none by the old key");
        }
        Files.writeString(dir.resolve("checkpoint"), note);
        // the history names another first key than the one the rotation entry records
        String other = LedgerRecovery.newKey(ORIGIN).verifier().vkey();
        String history = Files.readString(dir.resolve("vkeys"));
        Files.writeString(dir.resolve("vkeys"), history.replace(oldKey, other));
        try (FileLedger reader = FileLedger.openReadOnly(dir)) {
            assertThat(reader.verify().message())
                    .contains("key rotation entry 2: expected old key " + other)
                    .contains("found " + oldKey);
        }
        // the history loses its rotation
        Files.writeString(
                dir.resolve("vkeys"), history.lines().skip(1).findFirst().orElseThrow() + "\n");
        try (FileLedger reader = FileLedger.openReadOnly(dir)) {
            assertThat(reader.verify()).isInstanceOf(LedgerVerification.Damaged.class);
        }
    }

    @Test
    void a_crash_after_the_co_signed_checkpoint_is_finished_on_open_and_one_before_it_is_undone() throws IOException {
        String oldKey;
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            FileLedgerTest.appendAll(ledger, 0, 2);
            oldKey = ledger.verifierKey();
        }
        // before: a next key was written but its entry never committed
        NoteSigner stray = LedgerRecovery.newKey(ORIGIN);
        Files.writeString(dir.resolve("log.key.next"), stray.skey() + "\n");
        try (FileLedger ledger = FileLedger.open(dir)) {
            assertThat(ledger.verifierKey()).isEqualTo(oldKey);
            assertThat(Files.exists(dir.resolve("log.key.next"))).isFalse();
            assertThat(ledger.size()).isEqualTo(2);
        }
        // after: simulate a crash right after the co-signed checkpoint by restoring the old key files
        String oldSkey = Files.readString(dir.resolve("log.key"));
        String oldHistory = Files.readString(dir.resolve("vkeys"));
        String newKey;
        try (FileLedger ledger = FileLedger.open(dir)) {
            rotate(ledger, "crash");
            newKey = ledger.verifierKey();
        }
        Files.move(dir.resolve("log.key"), dir.resolve("log.key.next"));
        Files.writeString(dir.resolve("log.key"), oldSkey);
        Files.writeString(dir.resolve("vkeys"), oldHistory);
        Files.writeString(dir.resolve("log.vkey"), oldKey + "\n");
        try (FileLedger ledger = FileLedger.open(dir)) {
            assertThat(ledger.verifierKey()).isEqualTo(newKey);
            assertThat(ledger.keyHistory().keys()).hasSize(2);
            assertThat(ledger.verify()).isInstanceOf(LedgerVerification.Intact.class);
            ledger.append(FileLedgerTest.entry(3));
            assertThat(Checkpoint.open(SignedNote.parse(ledger.checkpoint()), NoteVerifier.parse(newKey))
                            .size())
                    .isEqualTo(4);
        }
        assertThat(Files.exists(dir.resolve("log.key.next"))).isFalse();
    }

    @Test
    void rotation_refuses_an_entry_that_does_not_record_both_keys_and_read_only_handles() throws IOException {
        try (FileLedger ledger = FileLedger.open(dir, ORIGIN)) {
            FileLedgerTest.appendAll(ledger, 0, 1);
            String before = ledger.verifierKey();
            assertThatThrownBy(() ->
                            ledger.rotateKey((o, n) -> LedgerEntry.keyRotation(n, o, "cli:amina", T, "daleel/test", "")
                                    .encode()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("expected a KEY_ROTATION entry from " + before);
            assertThat(ledger.verifierKey()).isEqualTo(before);
            assertThat(ledger.size()).isEqualTo(1);
            assertThat(Files.exists(dir.resolve("log.key.next"))).isFalse();
            try (FileLedger reader = FileLedger.openReadOnly(dir)) {
                assertThatThrownBy(() -> rotate(reader, "")).isInstanceOf(org.daleel.core.ConflictException.class);
            }
        }
    }

    @Test
    void key_rotation_entries_encode_both_keys_canonically() {
        String a = LedgerRecovery.newKey(ORIGIN).verifier().vkey();
        String b = LedgerRecovery.newKey(ORIGIN).verifier().vkey();
        LedgerEntry e = LedgerEntry.keyRotation(a, b, "cli:amina", T, "daleel/test", "compromised laptop");
        byte[] bytes = e.encode();
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .startsWith(
                        "{\"actor\":\"cli:amina\",\"digests\":[],\"item\":\"\",\"kind\":\"KEY_ROTATION\",\"newKey\":\""
                                + b + "\",\"note\":\"compromised laptop\",\"oldKey\":\"" + a + "\",\"time\":");
        assertThat(LedgerEntry.decode(bytes)).isEqualTo(e);
        assertThatThrownBy(() -> LedgerEntry.keyRotation(a, a, "cli:amina", T, "daleel/test", ""))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new LedgerEntry(
                        EntryKind.IMPORT,
                        org.daleel.item.ItemIds.next(T),
                        List.of(),
                        "cli:amina",
                        T,
                        "daleel/test",
                        "",
                        a,
                        b))
                .isInstanceOf(InvalidInputException.class);
    }
}
