package org.daleel.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.daleel.core.IntegrityException;

/**
 * The ledger directory's layout and its durable file operations:
 *
 * <pre>
 * ledger/
 *   lock          held (OS file lock) by the one process that writes
 *   log.key       signer key, PRIVATE+KEY+... (owner read/write only)
 *   log.vkey      verifier key, public
 *   checkpoint    latest signed checkpoint (replaced atomically)
 *   tile/...      hash tiles and entry bundles, c2sp.org/tlog-tiles paths
 * </pre>
 *
 * Tile writes are not atomic: a tile file is trusted only once a checkpoint covers it, and files
 * beyond the checkpoint are removed on open. Directory entries are synced with {@link #syncDirs()}.
 * Full tiles are immutable and cached. Not thread-safe for writes (one committer at a time); reads
 * of full tiles are safe from any thread.
 */
final class LedgerFiles {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int CACHED_TILES = 64;
    private static final int FORCE_GROUP = 256; // files open at once while a batch is forced

    private final Path dir;
    private final Set<Path> dirtyDirs = new LinkedHashSet<>();
    private final Map<TilePath, byte[]> cache = new LinkedHashMap<>(CACHED_TILES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TilePath, byte[]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    LedgerFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path lock() {
        return dir.resolve("lock");
    }

    Path key() {
        return dir.resolve("log.key");
    }

    Path vkey() {
        return dir.resolve("log.vkey");
    }

    Path checkpoint() {
        return dir.resolve("checkpoint");
    }

    /** The history of verifier keys ({@link KeyHistory}). */
    Path vkeys() {
        return dir.resolve("vkeys");
    }

    /** The next signer key while a key rotation is under way (owner only). */
    Path nextKey() {
        return dir.resolve("log.key.next");
    }

    Path tiles() {
        return dir.resolve("tile");
    }

    Path file(TilePath t) {
        return dir.resolve(t.path());
    }

    /** The bytes of a tile, or empty when the file does not exist. */
    Optional<byte[]> read(TilePath t) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file(t)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** A full hash tile (8192 bytes) or entry bundle, cached; missing or short files are integrity errors. */
    byte[] readFull(TilePath t) throws IOException {
        synchronized (cache) {
            byte[] hit = cache.get(t);
            if (hit != null) {
                return hit;
            }
        }
        byte[] b = read(t).orElseThrow(() -> new IntegrityException("ledger tile " + file(t) + " is missing"));
        if (!t.isEntryBundle() && b.length != TilePath.FULL * 32) {
            throw new IntegrityException("ledger tile " + file(t) + ": expected 8192 bytes, found " + b.length);
        }
        synchronized (cache) {
            cache.put(t, b);
        }
        return b;
    }

    /**
     * Writes tiles and forces them all to disk before returning; their directories are synced by the
     * next {@link #syncDirs()}. The forces run concurrently so that the file system can make them
     * durable in one journal commit (ext4's jbd2 and XFS's log batch concurrent fsyncs): a batch
     * costs about one round of fsyncs, not one per file.
     */
    void writeAll(List<TreeEdge.TileWrite> writes) throws IOException {
        for (int from = 0; from < writes.size(); from += FORCE_GROUP) {
            List<FileChannel> open = new ArrayList<>();
            try {
                for (TreeEdge.TileWrite w : writes.subList(from, Math.min(writes.size(), from + FORCE_GROUP))) {
                    open.add(writeUnforced(w));
                }
                forceAll(open);
            } finally {
                for (FileChannel ch : open) {
                    ch.close();
                }
            }
        }
    }

    /**
     * Commits a batch in two rounds of fsyncs: the tiles, the new checkpoint (as a temporary file) and
     * every directory that gained an entry are written and then forced concurrently; only then is the
     * temporary file renamed over {@code checkpoint} and the ledger directory forced. The checkpoint
     * therefore never becomes visible before the tiles it signs are durable.
     */
    void commit(List<TreeEdge.TileWrite> writes, byte[] checkpoint, Set<PosixFilePermission> permissions)
            throws IOException {
        int last = writes.isEmpty() ? 0 : (writes.size() - 1) / FORCE_GROUP * FORCE_GROUP;
        writeAll(writes.subList(0, last)); // huge batches: all but the last group, forced group by group
        Path target = checkpoint();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        List<FileChannel> open = new ArrayList<>();
        try {
            for (TreeEdge.TileWrite w : writes.subList(last, writes.size())) {
                open.add(writeUnforced(w));
            }
            FileAttribute<?>[] attrs = isPosix(target)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                    : new FileAttribute<?>[0];
            FileChannel cp =
                    FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs);
            open.add(cp);
            writeFully(cp, checkpoint);
            if (isPosix(dir)) {
                for (Path d : dirtyDirs) {
                    open.add(FileChannel.open(d, StandardOpenOption.READ));
                }
            }
            forceAll(open);
        } finally {
            for (FileChannel ch : open) {
                ch.close();
            }
        }
        dirtyDirs.clear();
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDir(dir);
    }

    private FileChannel writeUnforced(TreeEdge.TileWrite w) throws IOException {
        Path f = file(w.path());
        createDirectories(f.getParent());
        FileChannel ch = FileChannel.open(
                f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeFully(ch, w.content());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        dirtyDirs.add(f.getParent());
        return ch;
    }

    /** Forces the directory entries of files and directories created since the last call. */
    void syncDirs() throws IOException {
        List<FileChannel> open = new ArrayList<>();
        try {
            if (isPosix(dir)) {
                for (Path d : dirtyDirs) {
                    open.add(FileChannel.open(d, StandardOpenOption.READ));
                }
            }
            forceAll(open);
        } finally {
            for (FileChannel ch : open) {
                ch.close();
            }
        }
        dirtyDirs.clear();
    }

    /** Forces every channel, concurrently when there are several; the first failure is thrown. */
    private static void forceAll(List<FileChannel> channels) throws IOException {
        if (channels.size() == 1) {
            channels.getFirst().force(true);
            return;
        }
        if (channels.isEmpty()) {
            return;
        }
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Void>> forced = new ArrayList<>();
            for (FileChannel ch : channels) {
                forced.add(pool.submit(() -> {
                    ch.force(true);
                    return null;
                }));
            }
            for (var f : forced) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException("fsync failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while forcing ledger tiles to disk");
                }
            }
        }
    }

    /**
     * Replaces {@code target} atomically: writes a temporary file in the same directory, forces it,
     * renames it over the target and forces the directory. Readers see the old or the new bytes.
     */
    static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        FileAttribute<?>[] attrs = isPosix(target)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
        try (FileChannel ch =
                FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
            writeFully(ch, content);
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDir(target.getParent());
    }

    /** Deletes the partial versions of a tile that is now full (c2sp.org/tlog-tiles allows it). */
    void deletePartials(TilePath full) throws IOException {
        deleteTree(dir.resolve(full.path() + ".p"));
    }

    /**
     * Removes what a checkpoint of {@code size} does not cover: full tiles and partial tiles beyond
     * it (writes of a batch that never got its checkpoint), and partial tiles whose full tile
     * exists. Keeps partial tiles of earlier checkpoints of the current tile. Returns what it removed.
     */
    List<String> removeBeyond(long size) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(tiles())) {
            return removed;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tiles())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
            Optional<TilePath> t = TilePath.parse(rel);
            if (t.isPresent() && !covered(t.get(), size)) {
                Files.delete(f);
                dirtyDirs.add(f.getParent());
                removed.add(rel);
            }
        }
        syncDirs();
        return removed;
    }

    /** True when a checkpoint of {@code size} needs (or may keep) this tile. */
    static boolean covered(TilePath t, long size) {
        int level = t.isEntryBundle() ? 0 : t.level();
        long full = TreeEdge.fullTiles(size, level);
        if (!t.isPartial()) {
            return t.index() < full;
        }
        return t.index() == full && t.width() <= TreeEdge.width(size, level);
    }

    private void createDirectories(Path d) throws IOException {
        if (Files.isDirectory(d)) {
            return;
        }
        createDirectories(d.getParent());
        try {
            Files.createDirectory(d);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(d)) {
                throw e;
            }
        }
        dirtyDirs.add(d.getParent());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void writeFully(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    static void syncDir(Path d) throws IOException {
        if (!isPosix(d)) {
            return; // directories cannot be opened for syncing on Windows; NTFS journals renames
        }
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
