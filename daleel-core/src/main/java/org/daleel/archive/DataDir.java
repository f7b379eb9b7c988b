package org.daleel.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The data directory and its layout (documented in ARCHITECTURE.md):
 *
 * <pre>
 * daleel-data/
 *   blobs/ab/cd/&lt;sha256&gt;     original payloads, content-addressed (blobs/tmp/ for writes in progress)
 *   warcs/*.warc.gz             WARC files of captures and imported WARCs (warcs/tmp/ for writes in progress)
 *   catalog.db                  SQLite catalog (WAL mode), the source of truth
 *   index/                      Lucene full-text index, derived from the catalog
 *   media/                      perceptual hashes of image items (PDQ and crop regions), derived from the catalog
 *   ledger/                     custody ledger: a C2SP tiled Merkle log (checkpoint, tile/, log.vkey) and its
 *                               signing key log.key (owner-only); format in daleel-ledger/FORMAT.md
 *   settings.properties         user settings (daleel config; {@link Settings})
 *   write.lock                  held by the one process that writes (a CLI command or daleel serve)
 *   server.json                 address of a running daleel serve, for CLI commands to hand writes to
 * </pre>
 */
public final class DataDir {
    private final Path root;

    private DataDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The data directory at {@code root} (not created until {@link #create()}). */
    public static DataDir at(Path root) {
        return new DataDir(root);
    }

    /** Creates the directory skeleton when missing. */
    public DataDir create() throws IOException {
        Files.createDirectories(blobs());
        Files.createDirectories(warcTmp());
        Files.createDirectories(index());
        return this;
    }

    /** True when this looks like an initialised data directory (it has a catalog). */
    public boolean exists() {
        return Files.isRegularFile(catalogFile());
    }

    public Path root() {
        return root;
    }

    public Path blobs() {
        return root.resolve("blobs");
    }

    public Path warcs() {
        return root.resolve("warcs");
    }

    public Path warcTmp() {
        return warcs().resolve("tmp");
    }

    public Path catalogFile() {
        return root.resolve("catalog.db");
    }

    public Path index() {
        return root.resolve("index");
    }

    /** The media index's directory: PDQ and region hashes of image items (derived, rebuildable). */
    public Path media() {
        return root.resolve("media");
    }

    /** The custody ledger's directory (created by the first writer). */
    public Path ledger() {
        return root.resolve("ledger");
    }

    public Path serverFile() {
        return root.resolve("server.json");
    }

    public Path lockFile() {
        return root.resolve("write.lock");
    }

    /**
     * Takes the single-writer lock without waiting.
     *
     * @return the held lock, or empty when another process (or this one) holds it
     */
    public Optional<WriterLock> tryLockWriter() throws IOException {
        Files.createDirectories(root);
        FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new WriterLock(ch, lock));
        } catch (OverlappingFileLockException e) {
            ch.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The held single-writer lock of a data directory; released on close or process exit. */
    public static final class WriterLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private WriterLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
