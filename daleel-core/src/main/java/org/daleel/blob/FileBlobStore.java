package org.daleel.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;

/**
 * {@link BlobStore} on the local file system: {@code <root>/ab/cd/<sha256>}, written to
 * {@code <root>/tmp/}, fsynced, then atomically renamed into place (and the directory fsynced), so a
 * crash leaves either the whole blob or only a temporary file that {@link #sweepTemporaryFiles()}
 * removes. Safe for several processes: two writers of the same bytes race to the same final name and
 * both rename an identical file.
 */
public final class FileBlobStore implements BlobStore {
    private static final int BUFFER = 64 * 1024;
    private final Path root;
    private final Path tmp;

    /** Opens (creating when needed) a blob store rooted at {@code root}. */
    public FileBlobStore(Path root) throws IOException {
        this.root = root;
        this.tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    /** The directory this store lives in. */
    public Path root() {
        return root;
    }

    /** The file a digest is stored under (it may not exist). */
    public Path pathOf(String sha256) {
        Digests.requireSha256Hex(sha256);
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    @Override
    public BlobRef put(InputStream in, long maxBytes) throws IOException {
        Path temp = tmp.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = Digests.sha256();
        long size = 0;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new InvalidInputException("payload exceeds the bound of " + maxBytes + " bytes");
                    }
                    digest.update(buf, 0, n);
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                }
                out.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            return moveIntoPlace(temp, sha, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public BlobRef put(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in, Long.MAX_VALUE);
        }
    }

    private BlobRef moveIntoPlace(Path temp, String sha, long size) throws IOException {
        Path target = pathOf(sha);
        if (Files.exists(target) && Files.size(target) == size) {
            return new BlobRef(sha, size, false);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("blob store " + root + " is on a file system without atomic rename", e);
        } catch (FileAlreadyExistsException e) {
            return new BlobRef(sha, size, false);
        }
        fsyncDirectory(target.getParent());
        return new BlobRef(sha, size, true);
    }

    /** Flushes a directory entry so a rename survives power loss (POSIX; a no-op where unsupported). */
    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open directories; the rename is still atomic there.
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public long size(String sha256) throws IOException {
        try {
            return Files.size(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw notFound(sha256);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path path = pathOf(sha256);
        long expected;
        InputStream in;
        try {
            expected = Files.size(path);
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw notFound(sha256);
        }
        return new LengthCheckingStream(in, sha256, expected, path);
    }

    @Override
    public void verify(String sha256) throws IOException {
        Path path = pathOf(sha256);
        MessageDigest digest = Digests.sha256();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw notFound(sha256);
        }
        String found = HexFormat.of().formatHex(digest.digest());
        if (!found.equals(sha256)) {
            throw new IntegrityException(
                    "blob sha256:" + sha256 + ": expected this digest, found sha256:" + found + " (" + path + ")");
        }
    }

    /** Deletes temporary files left by writers that crashed. Call only when no writer is active. */
    public int sweepTemporaryFiles() throws IOException {
        int removed = 0;
        try (var files = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
                removed++;
            }
        }
        return removed;
    }

    private NotFoundException notFound(String sha256) {
        return new NotFoundException("blob sha256:" + sha256 + " is not in the blob store (" + pathOf(sha256) + ")");
    }

    /** Checks the length at end of stream: a truncated blob is reported, not silently served. */
    private static final class LengthCheckingStream extends FilterInputStream {
        private final String sha256;
        private final long expected;
        private final Path path;
        private long read;

        LengthCheckingStream(InputStream in, String sha256, long expected, Path path) {
            super(in);
            this.sha256 = sha256;
            this.expected = expected;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            } else {
                check();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
            } else if (n < 0) {
                check();
            }
            return n;
        }

        private void check() {
            if (read != expected) {
                throw new IntegrityException("blob sha256:" + sha256 + ": expected " + expected + " bytes, read " + read
                        + " (" + path + ")");
            }
        }
    }
}
