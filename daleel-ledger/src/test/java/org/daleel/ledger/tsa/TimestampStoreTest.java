package org.daleel.ledger.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.daleel.core.IntegrityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampStoreTest {

    private static final byte[] NOTE = TimestampClientTest.note(12);
    private static LocalTsa tsa;
    private static CheckpointTimestamp stamp;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        tsa = new LocalTsa();
        stamp = new TimestampClient(tsa.url()).stamp(NOTE);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void a_written_timestamp_reads_back_equal_and_verifies() {
        TimestampStore store = new TimestampStore(dir.resolve("ledger/timestamps"));
        assertThat(store.read(12)).isEmpty();
        assertThat(store.sizes()).isEmpty();

        store.write(12, NOTE, stamp);

        CheckpointTimestamp read = store.read(12).orElseThrow();
        assertThat(read.tokenDer()).isEqualTo(stamp.tokenDer());
        assertThat(read.genTime()).isEqualTo(stamp.genTime());
        assertThat(read.tsaName()).isEqualTo(stamp.tsaName());
        assertThat(read.validation()).isEqualTo(stamp.validation());
        assertThat(read.chainDer()).containsExactlyElementsOf(stamp.chainDer());
        assertThat(store.sizes()).containsExactly(12L);
        assertThat(store.tokenFile(12)).hasFileName("12.tsr");
        assertThat(dir.resolve("ledger/timestamps/12.properties")).exists();
        assertThat(dir.resolve("ledger/timestamps")).isDirectoryNotContaining("glob:**.tmp");
        assertThat(TimestampVerifier.withoutTrustedRoots().verify(read, NOTE).ok())
                .isTrue();
    }

    @Test
    void any_changed_byte_of_the_stored_token_is_detected_on_read() throws Exception {
        TimestampStore store = new TimestampStore(dir);
        store.write(12, NOTE, stamp);
        byte[] original = Files.readAllBytes(store.tokenFile(12));
        for (int i = 0; i < original.length; i += 7) {
            byte[] changed = original.clone();
            changed[i] ^= 0x40;
            Files.write(store.tokenFile(12), changed);
            assertThatThrownBy(() -> store.read(12))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("12.tsr: expected SHA-256");
        }
    }

    @Test
    void a_token_without_its_sidecar_is_named() throws Exception {
        TimestampStore store = new TimestampStore(dir);
        store.write(3, NOTE, stamp);
        Files.delete(dir.resolve("3.properties"));
        assertThatThrownBy(() -> store.read(3))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("3.properties: expected the sidecar of");
    }
}
