package org.daleel.ledger.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.daleel.core.InvalidInputException;
import org.daleel.ledger.note.Checkpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimestampClientTest {

    private static LocalTsa tsa;
    static final byte[] NOTE = note(5);

    static byte[] note(long size) {
        String body = new Checkpoint("example.org/daleel-test", size, new byte[32]).body();
        return (body + "\n\u2014 example.org/daleel-test AAAAAGZha2Ugc2lnbmF0dXJl\n").getBytes(StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void start() throws Exception {
        tsa = new LocalTsa();
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @BeforeEach
    void honest() {
        tsa.mode.set(LocalTsa.Mode.HONEST);
    }

    @Test
    void stamps_a_checkpoint_note_and_records_chain_and_validation() {
        Instant before = Instant.now().minusSeconds(1);
        CheckpointTimestamp stamp = new TimestampClient(tsa.url()).stamp(NOTE);

        assertThat(stamp.genTime()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(stamp.tsaName()).isEqualTo("CN=Daleel Test TSA,O=Daleel Tests");
        assertThat(stamp.chainDer()).containsExactly(LocalTsa.der(tsa.tsa), LocalTsa.der(tsa.ca));
        assertThat(stamp.validation())
                .startsWith("valid at stamping")
                .contains("timeStamping", tsa.url().toString());
        assertThat(TimestampVerifier.withoutTrustedRoots().verify(stamp, NOTE).problems())
                .isEmpty();
    }

    @Test
    void a_response_with_another_nonce_is_rejected() {
        tsa.mode.set(LocalTsa.Mode.WRONG_NONCE);
        assertThatThrownBy(() -> new TimestampClient(tsa.url()).stamp(NOTE))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining(tsa.url().toString())
                .hasMessageContaining("expected nonce");
    }

    @Test
    void a_response_for_another_imprint_is_rejected() {
        tsa.mode.set(LocalTsa.Mode.WRONG_IMPRINT);
        assertThatThrownBy(() -> new TimestampClient(tsa.url()).stamp(NOTE))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining(tsa.url().toString())
                .hasMessageContaining("expected message imprint");
    }

    @Test
    void garbage_from_the_tsa_is_named_with_its_url() {
        tsa.mode.set(LocalTsa.Mode.GARBAGE);
        assertThatThrownBy(() -> new TimestampClient(tsa.url()).stamp(NOTE))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining("TSA " + tsa.url())
                .hasMessageContaining("expected a DER TimeStampResp");
    }

    @Test
    void http_500_from_the_tsa_is_named_with_its_url() {
        tsa.mode.set(LocalTsa.Mode.HTTP_500);
        assertThatThrownBy(() -> new TimestampClient(tsa.url()).stamp(NOTE))
                .isInstanceOf(TimestampException.class)
                .hasMessage("TSA " + tsa.url() + ": expected HTTP 200 with a time-stamp response, found HTTP 500");
    }

    @Test
    void a_rejection_names_status_and_reason() {
        tsa.mode.set(LocalTsa.Mode.REJECT);
        assertThatThrownBy(() -> new TimestampClient(tsa.url()).stamp(NOTE))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining(tsa.url().toString())
                .hasMessageContaining("expected status granted, found status 2")
                .hasMessageContaining("test TSA is closed");
    }

    @Test
    void a_response_larger_than_the_bound_is_refused() {
        assertThatThrownBy(() -> new TimestampClient(tsa.url(), Duration.ofSeconds(10), 100).stamp(NOTE))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining("at most 100 bytes");
    }

    @Test
    void an_unreachable_tsa_is_named_with_its_url() throws Exception {
        URI closed;
        try (LocalTsa gone = new LocalTsa()) {
            closed = gone.url();
        }
        assertThatThrownBy(() -> new TimestampClient(closed, Duration.ofSeconds(5), 1000).stamp(NOTE))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining("TSA " + closed + ": request failed");
    }

    @Test
    void only_http_urls_are_accepted() {
        assertThatThrownBy(() -> new TimestampClient(URI.create("file:///etc/passwd")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file:///etc/passwd");
    }
}
