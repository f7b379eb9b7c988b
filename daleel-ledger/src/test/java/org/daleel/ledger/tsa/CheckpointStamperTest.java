package org.daleel.ledger.tsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.daleel.custody.CheckpointStamp;
import org.daleel.ledger.FileLedger;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.ledger.TimestampAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints are time-stamped in the background; a TSA outage never holds appends up. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckpointStamperTest {
    private static final CheckpointStamper.Options FAST =
            new CheckpointStamper.Options(1, Duration.ZERO, Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private LedgerCustodyLog open(URI tsa, CheckpointStamper.Options options) throws IOException {
        LedgerCustodyLog log = LedgerCustodyLog.open(dir.resolve("ledger"), "daleel.test/stamper");
        TimestampStore store = log.timestampStore();
        return log.stamping(new CheckpointStamper(
                new TimestampClient(tsa, options.timeout(), 256 * 1024), store, options, warnings::add));
    }

    private static byte[] entry(int i) {
        return ("{\"entry\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_last_checkpoint_is_stamped_and_every_token_verifies_against_the_log() throws Exception {
        try (LocalTsa tsa = new LocalTsa()) {
            long size;
            try (LedgerCustodyLog log = open(tsa.url(), FAST)) {
                for (int i = 0; i < 20; i++) {
                    log.ledger().append(entry(i));
                }
                size = log.size();
            }
            TimestampStore store = new TimestampStore(dir.resolve("ledger/timestamps"));
            assertThat(store.sizes()).contains(size);
            assertThat(new String(store.note(size).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(dir.resolve("ledger/checkpoint")));
            try (FileLedger ledger = FileLedger.openReadOnly(dir.resolve("ledger"))) {
                List<CheckpointStamp> stamps =
                        new TimestampAudit(ledger, store, TimestampVerifier.withoutTrustedRoots()).run();
                assertThat(stamps)
                        .isNotEmpty()
                        .allSatisfy(s -> assertThat(s.problems()).isEmpty());
                assertThat(stamps.getLast().tsa()).contains("Daleel Test TSA");
                assertThat(stamps.getLast().serial()).isNotEmpty();
            }
            assertThat(store.status().orElseThrow().ok()).isTrue();
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void a_tsa_that_never_answers_does_not_hold_appends_up_and_the_outage_is_reported() throws Exception {
        try (ServerSocket blackhole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        accepted.add(blackhole.accept()); // read nothing, answer nothing
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            URI url = URI.create("http://127.0.0.1:" + blackhole.getLocalPort() + "/tsa");
            var options = new CheckpointStamper.Options(3, Duration.ZERO, Duration.ofSeconds(2));
            try (LedgerCustodyLog log = open(url, options)) {
                for (int i = 0; i < 200; i++) {
                    log.ledger().append(entry(i));
                }
                // every append was acknowledged while the first request still hangs
                assertThat(log.size()).isEqualTo(200);
                assertThat(Files.exists(log.timestampStore().tokenFile(200))).isFalse();
            }
            TimestampStore store = new TimestampStore(dir.resolve("ledger/timestamps"));
            assertThat(store.sizes()).isEmpty();
            StampingStatus status = store.status().orElseThrow();
            assertThat(status.ok()).isFalse();
            assertThat(status.line()).contains("FAILED").contains(url.toString());
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("was not time-stamped"));
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void a_tsa_error_is_retried_and_the_next_success_covers_the_checkpoint() throws Exception {
        try (LocalTsa tsa = new LocalTsa()) {
            tsa.mode.set(LocalTsa.Mode.HTTP_500);
            var options = new CheckpointStamper.Options(5, Duration.ZERO, Duration.ofSeconds(5));
            try (LedgerCustodyLog log = open(tsa.url(), options)) {
                log.ledger().append(entry(1));
                TimestampStore store = log.timestampStore();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (store.status().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(store.status().orElseThrow().line()).contains("HTTP 500");
                tsa.mode.set(LocalTsa.Mode.HONEST);
                while ((store.sizes().isEmpty() || !store.status().orElseThrow().ok())
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(store.sizes()).containsExactly(1L);
                assertThat(store.status().orElseThrow().ok()).isTrue();
            }
        }
    }

    @Test
    void stamps_from_before_a_key_rotation_verify_with_the_old_key_and_later_ones_with_the_new() throws Exception {
        try (LocalTsa tsa = new LocalTsa()) {
            String oldKey;
            try (LedgerCustodyLog log = open(tsa.url(), FAST)) {
                log.ledger().append(entry(0));
                log.ledger().append(entry(1));
                oldKey = log.verifierKey();
            }
            TimestampStore store = new TimestampStore(dir.resolve("ledger/timestamps"));
            assertThat(store.sizes()).contains(2L);
            String newKey;
            try (LedgerCustodyLog log = open(tsa.url(), FAST)) {
                log.rotateKey("cli:amina", java.time.Instant.now(), "daleel/test", "rotation under stamping");
                log.ledger().append(entry(3));
                newKey = log.verifierKey();
            }
            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(store.sizes()).contains(2L, 4L);
            try (FileLedger ledger = FileLedger.openReadOnly(dir.resolve("ledger"))) {
                List<CheckpointStamp> stamps =
                        new TimestampAudit(ledger, store, TimestampVerifier.withoutTrustedRoots()).run();
                assertThat(stamps)
                        .hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(s -> assertThat(s.problems()).isEmpty());
                // the checkpoint stamped before the rotation carries the old key's signature only
                var stamped = org.daleel.ledger.note.SignedNote.parse(Files.readString(store.noteFile(2)));
                assertThat(stamped.verifiedBy(org.daleel.ledger.note.NoteVerifier.parse(oldKey)))
                        .isTrue();
                assertThat(stamped.verifiedBy(org.daleel.ledger.note.NoteVerifier.parse(newKey)))
                        .isFalse();
            }
        }
    }

    @Test
    void a_changed_token_or_note_is_named_by_the_audit() throws Exception {
        try (LocalTsa tsa = new LocalTsa()) {
            try (LedgerCustodyLog log = open(tsa.url(), FAST)) {
                for (int i = 0; i < 3; i++) {
                    log.ledger().append(entry(i));
                }
            }
            TimestampStore store = new TimestampStore(dir.resolve("ledger/timestamps"));
            long size = store.sizes().getLast();
            byte[] note = Files.readAllBytes(store.noteFile(size));
            note[note.length / 3] ^= 1;
            Files.write(store.noteFile(size), note);
            try (FileLedger ledger = FileLedger.openReadOnly(dir.resolve("ledger"))) {
                CheckpointStamp s =
                        new TimestampAudit(ledger, store, TimestampVerifier.withoutTrustedRoots()).check(size);
                assertThat(s.problems())
                        .anySatisfy(p -> assertThat(p).contains("message imprint: expected SHA-256"))
                        .anySatisfy(p -> assertThat(p).contains(size + ".checkpoint"));
            }
            note[note.length / 3] ^= 1;
            Files.write(store.noteFile(size), note);
            byte[] token = Files.readAllBytes(store.tokenFile(size));
            token[token.length - 10] ^= 1;
            Files.write(store.tokenFile(size), token);
            try (FileLedger ledger = FileLedger.openReadOnly(dir.resolve("ledger"))) {
                CheckpointStamp s =
                        new TimestampAudit(ledger, store, TimestampVerifier.withoutTrustedRoots()).check(size);
                assertThat(s.ok()).isFalse();
                assertThat(s.status()).contains(size + ".tsr").contains("expected SHA-256");
            }
        }
    }
}
