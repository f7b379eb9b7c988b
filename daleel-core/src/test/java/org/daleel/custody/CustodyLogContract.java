package org.daleel.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.daleel.core.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link CustodyLog} contract; each adapter's test extends this and opens a fresh, empty log. */
public abstract class CustodyLogContract {
    protected static final String ITEM_A = "01JD0000000000000000000001";
    protected static final String ITEM_B = "01JD0000000000000000000002";
    protected static final String SHA = "a".repeat(64);

    protected CustodyLog log;

    /** A new, empty, writable log. */
    protected abstract CustodyLog openEmpty() throws Exception;

    @BeforeEach
    void openLog() throws Exception {
        log = openEmpty();
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    protected static CustodyEvent capture(String item, String note) {
        return new CustodyEvent(
                CustodyEvent.Kind.CAPTURE,
                item,
                List.of(
                        new CustodyEvent.Digest(CustodyEvent.PAYLOAD, SHA, 12),
                        new CustodyEvent.Digest(CustodyEvent.WARC, "b".repeat(64), 345)),
                "cli:tester",
                Instant.parse("2026-11-25T12:00:00.123Z"),
                "daleel/test",
                note);
    }

    @Test
    void appends_count_from_zero_and_read_back_equal() throws Exception {
        assertThat(log.size()).isZero();
        assertThat(log.append(capture(ITEM_A, "first"))).isZero();
        assertThat(log.append(capture(ITEM_B, ""))).isEqualTo(1);
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.event(0)).isEqualTo(capture(ITEM_A, "first"));
        assertThat(log.event(1)).isEqualTo(capture(ITEM_B, ""));
    }

    @Test
    void append_all_returns_consecutive_indices_in_order() throws Exception {
        log.append(capture(ITEM_A, ""));
        assertThat(log.appendAll(List.of(capture(ITEM_B, "1"), capture(ITEM_A, "2"), capture(ITEM_B, "3"))))
                .containsExactly(1L, 2L, 3L);
        assertThat(log.event(2).note()).isEqualTo("2");
    }

    @Test
    void indices_of_an_item_follow_appends() throws Exception {
        log.append(capture(ITEM_A, ""));
        log.append(capture(ITEM_B, ""));
        assertThat(log.indices(ITEM_A)).containsExactly(0L);
        log.append(capture(ITEM_A, "again"));
        assertThat(log.indices(ITEM_A)).containsExactly(0L, 2L);
        assertThat(log.indices("01JD0000000000000000000009")).isEmpty();
    }

    @Test
    void reads_past_the_end_are_not_found() throws Exception {
        log.append(capture(ITEM_A, ""));
        assertThatThrownBy(() -> log.entry(1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> log.receipt(5)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void checkpoint_and_receipt_are_c2sp_text() throws Exception {
        log.append(capture(ITEM_A, ""));
        log.append(capture(ITEM_B, ""));
        assertThat(log.checkpoint().split("\n")[1]).isEqualTo("2");
        assertThat(log.verifierKey()).matches("[^+]+\\+[0-9a-f]{8}\\+[A-Za-z0-9/=]+");
        String receipt = log.receipt(1);
        assertThat(receipt).startsWith("c2sp.org/tlog-proof@v1\nindex 1\n").endsWith(log.checkpoint());
        assertThat(log.published("checkpoint"))
                .hasValueSatisfying(b -> assertThat(new String(b, java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(log.checkpoint()));
        assertThat(log.published("log.key")).isEmpty();
        assertThat(log.published("../log.key")).isEmpty();
    }
}
