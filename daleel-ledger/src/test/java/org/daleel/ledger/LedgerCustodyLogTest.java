package org.daleel.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.daleel.core.ConflictException;
import org.daleel.custody.CustodyEvent;
import org.daleel.custody.CustodyLog;
import org.daleel.custody.CustodyLogContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerCustodyLogTest extends CustodyLogContract {
    @TempDir
    Path tmp;

    @Override
    protected CustodyLog openEmpty() throws Exception {
        return LedgerCustodyLog.open(tmp.resolve("ledger"), "daleel.local/test");
    }

    @Test
    void a_read_only_handle_reads_while_the_writer_holds_the_lock_and_refuses_appends() throws Exception {
        log.append(capture(ITEM_A, ""));
        log.append(capture(ITEM_B, ""));
        try (LedgerCustodyLog reader = LedgerCustodyLog.openReadOnly(tmp.resolve("ledger"))) {
            assertThat(reader.checkpoint()).isEqualTo(log.checkpoint());
            assertThat(reader.verifierKey()).isEqualTo(log.verifierKey());
            assertThat(reader.indices(ITEM_B)).containsExactly(1L);
            assertThat(reader.receipt(1)).isEqualTo(log.receipt(1));
            assertThat(reader.ledger().verify()).isInstanceOf(LedgerVerification.Intact.class);
            assertThatThrownBy(() -> reader.append(capture(ITEM_A, ""))).isInstanceOf(ConflictException.class);
        }
        assertThat(log.append(capture(ITEM_A, ""))).isEqualTo(2); // the writer is unaffected
    }

    @Test
    void the_signing_key_is_owner_only_and_never_published() throws Exception {
        Path key = tmp.resolve("ledger").resolve("log.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        log.append(capture(ITEM_A, ""));
        assertThat(log.published("tile/0/000.p/1")).isPresent();
        assertThat(log.published("tile/entries/000.p/1"))
                .hasValueSatisfying(b -> assertThat(b.length).isGreaterThan(2));
        assertThat(log.published("tile/0/001")).isEmpty();
    }

    @Test
    void rebuilding_the_item_map_of_a_large_log_is_fast() throws Exception {
        int n = 20_000;
        List<CustodyEvent> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new CustodyEvent(
                    CustodyEvent.Kind.IMPORT,
                    String.format("01JD%022d", i),
                    List.of(new CustodyEvent.Digest("payload", SHA, i)),
                    "cli:bench",
                    Instant.EPOCH,
                    "daleel/test",
                    ""));
            if (batch.size() == 2000) {
                log.appendAll(batch);
                batch.clear();
            }
        }
        log.close();
        long t0 = System.nanoTime();
        log = LedgerCustodyLog.open(tmp.resolve("ledger"), "daleel.local/test");
        long opened = System.nanoTime();
        assertThat(log.indices(String.format("01JD%022d", 12_345))).containsExactly(12_345L);
        long mapped = System.nanoTime();
        System.out.printf(
                "custody map: open %.1f ms, rebuild of %d entries %.1f ms%n",
                (opened - t0) / 1e6, n, (mapped - opened) / 1e6);
    }
}
