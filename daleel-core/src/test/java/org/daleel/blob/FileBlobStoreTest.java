package org.daleel.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.daleel.core.IntegrityException;
import org.junit.jupiter.api.Test;

class FileBlobStoreTest extends BlobStoreContract {

    @Override
    protected BlobStore newStore(Path dir) throws IOException {
        return new FileBlobStore(dir.resolve("blobs"));
    }

    private FileBlobStore files() {
        return (FileBlobStore) store;
    }

    @Test
    void lays_blobs_out_by_digest_prefix() throws IOException {
        BlobRef ref = store.put(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), 10);
        Path path = files().pathOf(ref.sha256());
        assertThat(path).isRegularFile();
        assertThat(path.getParent().getFileName().toString())
                .isEqualTo(ref.sha256().substring(2, 4));
        assertThat(path.getParent().getParent().getFileName().toString())
                .isEqualTo(ref.sha256().substring(0, 2));
    }

    @Test
    void a_changed_byte_is_found_and_named() throws IOException {
        BlobRef ref = store.put(new ByteArrayInputStream("evidence".getBytes(StandardCharsets.UTF_8)), 100);
        Path path = files().pathOf(ref.sha256());
        Files.writeString(path, "Evidence");
        assertThatThrownBy(() -> store.verify(ref.sha256()))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining(ref.sha256())
                .hasMessageContaining(path.toString());
    }

    @Test
    void a_truncated_blob_fails_when_read_to_the_end() throws IOException {
        BlobRef ref = store.put(new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8)), 100);
        Path path = files().pathOf(ref.sha256());
        InputStream in = store.open(ref.sha256());
        Files.writeString(path, "01234");
        // The stream was opened on the old length; reading the shortened file reports it.
        assertThatThrownBy(in::readAllBytes)
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("expected 10 bytes");
        in.close();
    }

    @Test
    void sweeps_temporary_files_left_by_a_crashed_writer() throws IOException {
        Files.writeString(files().root().resolve("tmp").resolve("dead.part"), "half");
        assertThat(files().sweepTemporaryFiles()).isEqualTo(1);
        try (var left = Files.list(files().root().resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }
}
