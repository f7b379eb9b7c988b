package org.daleel.ledger.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.tsp.TimeStampResponse;
import org.daleel.core.IntegrityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimestampVerifierTest {

    private static final byte[] NOTE = TimestampClientTest.note(7);
    private static LocalTsa tsa;
    private static CheckpointTimestamp stamp;

    @BeforeAll
    static void start() throws Exception {
        tsa = new LocalTsa();
        stamp = new TimestampClient(tsa.url()).stamp(NOTE);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static CheckpointTimestamp withToken(byte[] token) {
        return new CheckpointTimestamp(token, stamp.genTime(), stamp.tsaName(), stamp.chainDer(), stamp.validation());
    }

    @Test
    void a_stored_token_verifies_offline_against_its_note() {
        TimestampVerification result = TimestampVerifier.withoutTrustedRoots().verify(stamp, NOTE);
        assertThat(result.ok()).isTrue();
        assertThat(result.genTime()).isEqualTo(stamp.genTime());
        assertThat(result.tsaName()).isEqualTo("CN=Daleel Test TSA,O=Daleel Tests");
        assertThat(TimestampVerifier.withoutTrustedRoots().verifyOrThrow(stamp, NOTE, "checkpoint 7"))
                .isEqualTo(stamp.genTime());
    }

    @Test
    void every_changed_byte_of_the_note_is_detected_as_an_imprint_mismatch() {
        for (int i = 0; i < NOTE.length; i++) {
            byte[] changed = NOTE.clone();
            changed[i] ^= 0x01;
            assertThat(TimestampVerifier.withoutTrustedRoots()
                            .verify(stamp, changed)
                            .problems())
                    .as("byte %d", i)
                    .singleElement()
                    .asString()
                    .startsWith("message imprint: expected SHA-256");
        }
    }

    @Test
    void a_changed_byte_in_the_signed_part_of_the_token_is_detected() {
        byte[] token = stamp.tokenDer();
        byte[] imprint = TokenCheck.sha256(NOTE);
        int at = indexOf(token, imprint);
        assertThat(at).isPositive();
        byte[] changedImprint = token.clone();
        changedImprint[at + 5] ^= 0x01;
        assertThat(TimestampVerifier.withoutTrustedRoots()
                        .verify(withToken(changedImprint), NOTE)
                        .problems())
                .anySatisfy(p -> assertThat(p).startsWith("message imprint"))
                .anySatisfy(p -> assertThat(p).startsWith("token signature"));

        byte[] changedSignature = token.clone();
        changedSignature[changedSignature.length - 3] ^= 0x01; // inside the ECDSA signature, the last field
        assertThat(TimestampVerifier.withoutTrustedRoots()
                        .verify(withToken(changedSignature), NOTE)
                        .problems())
                .singleElement()
                .asString()
                .startsWith("token signature by CN=Daleel Test TSA");
    }

    @Test
    void a_truncated_token_is_named() {
        byte[] token = stamp.tokenDer();
        TimestampVerification result = TimestampVerifier.withoutTrustedRoots()
                .verify(withToken(Arrays.copyOf(token, token.length - 10)), NOTE);
        assertThat(result.problems()).singleElement().asString().startsWith("stored token: expected a DER RFC 3161");
        assertThatThrownBy(() -> TimestampVerifier.withoutTrustedRoots()
                        .verifyOrThrow(withToken(Arrays.copyOf(token, 10)), NOTE, "checkpoint 7"))
                .isInstanceOf(IntegrityException.class)
                .hasMessageStartingWith("checkpoint 7: RFC 3161 time-stamp does not verify: stored token");
    }

    @Test
    void a_missing_signer_certificate_is_named() {
        CheckpointTimestamp noChain =
                new CheckpointTimestamp(stamp.tokenDer(), stamp.genTime(), stamp.tsaName(), List.of(), "");
        assertThat(TimestampVerifier.withoutTrustedRoots().verify(noChain, NOTE).problems())
                .singleElement()
                .asString()
                .startsWith("signer certificate: expected the certificate that signed the token");
    }

    @Test
    void a_recorded_gentime_that_disagrees_with_the_token_is_named() {
        CheckpointTimestamp moved = new CheckpointTimestamp(
                stamp.tokenDer(), stamp.genTime().minusSeconds(3600), stamp.tsaName(), stamp.chainDer(), "");
        assertThat(TimestampVerifier.withoutTrustedRoots().verify(moved, NOTE).problems())
                .singleElement()
                .asString()
                .startsWith("genTime: recorded");
    }

    @Test
    void trusted_roots_accept_the_tsa_root_and_refuse_another() throws Exception {
        assertThat(TimestampVerifier.trusting(List.of(LocalTsa.der(tsa.ca)))
                        .verify(stamp, NOTE)
                        .ok())
                .isTrue();
        try (LocalTsa other = new LocalTsa()) {
            assertThat(TimestampVerifier.trusting(List.of(LocalTsa.der(other.ca)))
                            .verify(stamp, NOTE)
                            .problems())
                    .singleElement()
                    .asString()
                    .startsWith("trust: expected the chain to end at a trusted root");
        }
    }

    @Test
    void a_token_verifies_after_its_tsa_certificate_expired_because_it_is_checked_at_gentime() throws Exception {
        Instant genTime = Instant.now().minus(Duration.ofDays(30));
        try (LocalTsa old = new LocalTsa(genTime.minus(Duration.ofDays(1)), genTime.plus(Duration.ofDays(1)))) {
            byte[] imprint = TokenCheck.sha256(NOTE);
            TimeStampResponse response =
                    old.respond(LocalTsa.requestFor(imprint, BigInteger.TEN), LocalTsa.Mode.HONEST, genTime);
            byte[] token = response.getTimeStampToken().getEncoded();
            CheckpointTimestamp expired = new CheckpointTimestamp(
                    token,
                    response.getTimeStampToken().getTimeStampInfo().getGenTime().toInstant(),
                    "CN=Daleel Test TSA,O=Daleel Tests",
                    List.of(LocalTsa.der(old.tsa), LocalTsa.der(old.ca)),
                    "");
            assertThat(old.tsa.isValidOn(new java.util.Date())).isFalse();
            assertThat(TimestampVerifier.trusting(List.of(LocalTsa.der(old.ca)))
                            .verify(expired, NOTE)
                            .problems())
                    .isEmpty();
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
