package org.daleel.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link BlobStore} contract; every adapter's test extends this class. */
public abstract class BlobStoreContract {
    @TempDir
    protected Path tempDir;

    protected BlobStore store;

    /** A new, empty store (files may live under {@code dir}). */
    protected abstract BlobStore newStore(Path dir) throws IOException;

    @BeforeEach
    void setUp() throws IOException {
        store = newStore(tempDir);
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stores_bytes_under_their_sha256_and_reads_them_back() throws IOException {
        BlobRef ref = store.put(bytes("في داريا"), 1000);
        assertThat(ref.sha256()).isEqualTo(Digests.sha256Hex("في داريا".getBytes(StandardCharsets.UTF_8)));
        assertThat(ref.created()).isTrue();
        assertThat(ref.size()).isEqualTo("في داريا".getBytes(StandardCharsets.UTF_8).length);
        try (InputStream in = store.open(ref.sha256())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("في داريا");
        }
        assertThat(store.contains(ref.sha256())).isTrue();
        assertThat(store.size(ref.sha256())).isEqualTo(ref.size());
        store.verify(ref.sha256());
    }

    @Test
    void stores_the_same_bytes_once() throws IOException {
        BlobRef first = store.put(bytes("same"), 100);
        BlobRef second = store.put(bytes("same"), 100);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.created()).isFalse();
    }

    @Test
    void stores_empty_payloads() throws IOException {
        BlobRef ref = store.put(bytes(""), 100);
        assertThat(ref.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        try (InputStream in = store.open(ref.sha256())) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void refuses_payloads_over_the_bound_and_keeps_nothing() throws IOException {
        assertThatThrownBy(() -> store.put(bytes("0123456789"), 5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("5 bytes");
        assertThat(store.contains(Digests.sha256Hex("0123456789".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }

    @Test
    void absent_blob_is_not_found_and_named() {
        String absent = "a".repeat(64);
        assertThatThrownBy(() -> store.open(absent))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(absent);
        assertThatThrownBy(() -> store.size(absent)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void malformed_digest_is_invalid_input() {
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.contains("ABC")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void concurrent_writers_of_the_same_and_different_bytes_lose_nothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BlobRef>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String payload = "payload-" + (i % 16);
                futures.add(pool.submit(() -> store.put(bytes(payload), 1000)));
            }
            long created = 0;
            for (Future<BlobRef> f : futures) {
                BlobRef ref = f.get();
                store.verify(ref.sha256());
                if (ref.created()) {
                    created++;
                }
            }
            assertThat(created).isBetween(16L, 64L);
            for (int i = 0; i < 16; i++) {
                assertThat(store.contains(Digests.sha256Hex(("payload-" + i).getBytes(StandardCharsets.UTF_8))))
                        .isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
