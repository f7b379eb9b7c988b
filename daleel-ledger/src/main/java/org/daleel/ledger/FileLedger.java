package org.daleel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.daleel.core.ConflictException;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.ledger.merkle.MerkleTree;
import org.daleel.ledger.merkle.NodeHashes;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.NoteSigner;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;

/**
 * {@link LedgerStore} in a directory, laid out as a c2sp.org/tlog-tiles log (see
 * {@code FORMAT.md}): entry bundles and hash tiles under {@code tile/}, the latest signed
 * {@code checkpoint}, and the log's Ed25519 key ({@code log.key}, owner-only).
 *
 * <p>Appends are group-committed: the first waiting appender commits every queued entry at once
 * (tiles written and forced, directories synced, then the checkpoint replaced atomically) while the
 * others wait; each batch costs one set of fsyncs. The checkpoint is written only after the tiles
 * it covers are durable, and {@link #append} returns only after the checkpoint is, so every
 * acknowledged entry is covered by the checkpoint on disk.
 *
 * <p>On open the checkpoint is the anchor: its signature is checked, the partial tiles it needs are
 * loaded and must hash to its root, and tile files it does not cover (the torn tail of a batch
 * that crashed before its checkpoint) are removed. A checkpoint missing while tiles exist, or one
 * that does not match the tiles, is an {@link IntegrityException}: the ledger never re-signs a tree
 * it cannot reproduce.
 *
 * <p>One process at a time: the directory is locked ({@code lock}) while open; a second open throws
 * {@link ConflictException}. Thread-safe; reads never wait for a commit ({@link #verify()} holds
 * commits off while it re-reads the directory).
 *
 * <p>Readers in other processes use {@link #openReadOnly(Path)}: no lock, no key, no recovery;
 * they see the checkpoint current at open time and may not append.
 */
public final class FileLedger implements LedgerStore {
    private static final int READ_ATTEMPTS = 5;

    private final LedgerFiles files;
    private final Optional<FileLock> lock; // empty when read-only
    private final boolean writable;
    private volatile Optional<NoteSigner> signer; // empty when read-only; replaced by a key rotation
    private volatile NoteVerifier verifier;
    private volatile KeyHistory history;
    private volatile String historyProblem; // null when the key history file is well-formed
    private volatile LedgerState state;
    private volatile CheckpointListener listener = (size, note) -> {};

    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition batchDone = queueLock.newCondition();
    private final List<Pending> queue = new ArrayList<>(); // guarded by queueLock
    private boolean committing; // guarded by queueLock
    private boolean closed; // guarded by queueLock
    private Throwable failure; // guarded by queueLock; set when a commit failed half-way

    private static final class Pending {
        final byte[] entry;
        long index = -1;
        boolean done;
        Throwable error;

        Pending(byte[] entry) {
            this.entry = entry;
        }
    }

    private FileLedger(
            LedgerFiles files,
            Optional<FileLock> lock,
            Optional<NoteSigner> signer,
            NoteVerifier verifier,
            LedgerState state)
            throws IOException {
        this.files = files;
        this.lock = lock;
        this.writable = signer.isPresent();
        this.signer = signer;
        this.verifier = verifier;
        this.state = state;
        loadHistory();
    }

    private void loadHistory() throws IOException {
        try {
            history = LedgerRecovery.loadHistory(files, verifier);
            historyProblem = null;
        } catch (InvalidInputException e) {
            history = KeyHistory.of(verifier);
            historyProblem = "key history " + files.vkeys() + " is malformed: " + e.getMessage();
        }
    }

    /**
     * Opens an existing ledger for reading while another process (or handle) may be writing it: takes
     * no lock, needs only the public {@code log.vkey}, changes nothing on disk. Reads see the
     * checkpoint current at open time, checked against the verifier key; {@link #append} throws
     * {@link ConflictException}.
     *
     * @throws NotFoundException when {@code dir} holds no ledger
     * @throws IntegrityException when the checkpoint or the tiles it needs fail their checks
     */
    public static FileLedger openReadOnly(Path dir) throws IOException {
        LedgerFiles files = new LedgerFiles(dir.toAbsolutePath().normalize());
        // A writer may replace the checkpoint and delete the partial tiles of the old one while we
        // read, or rotate its key: retry with the newer checkpoint and key.
        for (int attempt = 1; ; attempt++) {
            NoteVerifier verifier;
            try {
                verifier = NoteVerifier.parse(Files.readString(files.vkey(), java.nio.charset.StandardCharsets.UTF_8)
                        .strip());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new NotFoundException("no ledger in " + files.dir() + " (no log.vkey)");
            } catch (InvalidInputException e) {
                throw new IntegrityException(
                        "ledger verifier key " + files.vkey() + " is malformed: " + e.getMessage(), e);
            }
            String note;
            try {
                note = Files.readString(files.checkpoint(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new NotFoundException("no ledger checkpoint in " + files.dir() + " yet");
            }
            try {
                Checkpoint c = Checkpoint.open(SignedNote.parse(note), verifier);
                TreeEdge edge = LedgerRecovery.loadEdge(files, c.size());
                byte[] root = edge.root();
                if (!java.security.MessageDigest.isEqual(root, c.root())) {
                    throw new IntegrityException("ledger " + files.dir() + ": the partial tiles for size " + c.size()
                            + " do not hash to the checkpoint's root");
                }
                return new FileLedger(
                        files, Optional.empty(), Optional.empty(), verifier, new LedgerState(edge, note, root));
            } catch (IntegrityException | InvalidInputException e) {
                if (attempt >= READ_ATTEMPTS || checkpointIs(files, note)) {
                    throw e instanceof IntegrityException ie
                            ? ie
                            : new IntegrityException(
                                    "ledger checkpoint " + files.checkpoint() + " is malformed: " + e.getMessage(), e);
                }
            }
        }
    }

    private static boolean checkpointIs(LedgerFiles files, String note) throws IOException {
        try {
            return Files.readString(files.checkpoint(), java.nio.charset.StandardCharsets.UTF_8)
                    .equals(note);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    /** True when this handle was opened with {@link #openReadOnly(Path)}. */
    public boolean readOnly() {
        return !writable;
    }

    /** The verifier keys this log has signed with, each with the tree size from which it signs. */
    public KeyHistory keyHistory() {
        return history;
    }

    /** Builds the {@link EntryKind#KEY_ROTATION} entry for a rotation from one key to another. */
    @FunctionalInterface
    public interface RotationEntry {
        /** The encoded entry recording the rotation from {@code oldKey} to {@code newKey} (C2SP vkeys). */
        byte[] entry(String oldKey, String newKey);
    }

    /**
     * Rotates the signing key: makes a new Ed25519 key (same name), appends the rotation entry that
     * {@code entry} builds, and signs the checkpoint covering it with both the old and the new key;
     * later checkpoints are signed by the new key only. The new key is stored owner-only in {@code
     * log.key}, its verifier key in {@code log.vkey}, and added to the history ({@code vkeys}) as
     * signing from the size of that checkpoint. A crash part-way is finished or undone on the next
     * open (see {@code FORMAT.md}).
     *
     * @return the rotation entry's index
     * @throws InvalidInputException when the built entry is not a KEY_ROTATION entry naming both keys
     * @throws ConflictException when this ledger is open read-only
     */
    public long rotateKey(RotationEntry entry) throws IOException {
        if (!writable) {
            throw new ConflictException("ledger " + files.dir() + " is open read-only; the process that holds "
                    + files.lock() + " writes it");
        }
        exclusive(true);
        try {
            queueLock.lock();
            try {
                if (closed) {
                    throw new IllegalStateException("ledger " + files.dir() + " is closed");
                }
                if (failure != null) {
                    throw new IOException(
                            "ledger " + files.dir() + " stopped after a failed write; reopen it to recover", failure);
                }
            } finally {
                queueLock.unlock();
            }
            try {
                return rotate(entry);
            } catch (IntegrityException | IOException e) {
                queueLock.lock();
                try {
                    failure = e; // state on disk is unknown: reopen to finish or undo the rotation
                } finally {
                    queueLock.unlock();
                }
                throw e;
            }
        } finally {
            exclusive(false);
        }
    }

    private long rotate(RotationEntry build) throws IOException {
        NoteSigner old = signer.orElseThrow();
        NoteSigner next = LedgerRecovery.newKey(old.name());
        String oldKey = old.verifier().vkey();
        String newKey = next.verifier().vkey();
        byte[] entry = build.entry(oldKey, newKey);
        LedgerEntry decoded = LedgerEntry.decode(entry);
        if (decoded.kind() != EntryKind.KEY_ROTATION
                || !decoded.oldKey().equals(oldKey)
                || !decoded.newKey().equals(newKey)) {
            throw new InvalidInputException("key rotation: expected a KEY_ROTATION entry from " + oldKey + " to "
                    + newKey + ", found a " + decoded.kind() + " entry");
        }
        if (historyProblem != null) {
            throw new IntegrityException(historyProblem + "; repair it before rotating the key");
        }
        LedgerFiles.writeAtomically(
                files.nextKey(),
                (next.skey() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                LedgerFiles.OWNER_ONLY);
        LedgerState before = state;
        TreeEdge.Grown grown = before.edge().append(List.of(entry));
        byte[] root = grown.edge().root();
        long size = grown.edge().size();
        Checkpoint checkpoint = new Checkpoint(old.name(), size, root);
        String note = checkpoint
                .sign(old)
                .withSignature(next.sign(checkpoint.body()).signatures().get(0))
                .format();
        files.commit(
                grown.writes(), note.getBytes(java.nio.charset.StandardCharsets.UTF_8), LedgerRecovery.PUBLIC_READ);
        state = new LedgerState(grown.edge(), note, root);
        KeyHistory rotated = LedgerRecovery.completeRotation(files, old.verifier(), next, size);
        history = rotated;
        verifier = next.verifier();
        signer = Optional.of(next);
        afterCommit(size, note, grown);
        return before.edge().size();
    }

    private void exclusive(boolean take) {
        queueLock.lock();
        try {
            if (take) {
                while (committing) {
                    batchDone.awaitUninterruptibly();
                }
                committing = true;
            } else {
                committing = false;
                batchDone.signalAll();
            }
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Opens the ledger in {@code dir}, creating it (with a new signing key named {@code origin})
     * when the directory holds none.
     *
     * @param origin the log's name and checkpoint origin, e.g. {@code daleel.example/archive}; a
     *     schema-less URL without spaces or {@code +}
     * @throws ConflictException when another process or handle holds the ledger, or the ledger in
     *     {@code dir} has another origin
     * @throws IntegrityException when the stored checkpoint or tiles fail their checks
     */
    public static FileLedger open(Path dir, String origin) throws IOException {
        return open(dir, origin, true);
    }

    /**
     * Opens an existing ledger.
     *
     * @throws NotFoundException when {@code dir} holds no ledger
     */
    public static FileLedger open(Path dir) throws IOException {
        return open(dir, "", false);
    }

    private static FileLedger open(Path dir, String origin, boolean create) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (!create && !Files.isRegularFile(abs.resolve("log.key"))) {
            throw new NotFoundException("no ledger in " + abs + " (no log.key)");
        }
        Files.createDirectories(abs);
        LedgerFiles files = new LedgerFiles(abs);
        FileChannel channel = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new ConflictException(
                    "ledger " + abs + " is already open (another process or handle holds " + files.lock() + ")");
        }
        try {
            NoteSigner signer =
                    LedgerRecovery.finishRotation(files, LedgerRecovery.loadOrCreateKey(files, origin, create));
            return new FileLedger(
                    files,
                    Optional.of(lock),
                    Optional.of(signer),
                    signer.verifier(),
                    LedgerRecovery.recover(files, signer));
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /** Receives every checkpoint a writable ledger commits. */
    @FunctionalInterface
    public interface CheckpointListener {
        /**
         * Called in the committing thread right after the checkpoint at {@code size} is durable;
         * must return quickly and not call back into the ledger's append.
         */
        void committed(long size, String note);
    }

    /** Sets the one listener told of every checkpoint committed from now on. */
    public void onCheckpoint(CheckpointListener l) {
        this.listener = java.util.Objects.requireNonNull(l, "listener");
    }

    /** The log's name, which is also its checkpoint origin. */
    public String origin() {
        return verifier.name();
    }

    /** The directory this ledger lives in. */
    public Path dir() {
        return files.dir();
    }

    @Override
    public long append(byte[] entry) throws IOException {
        return appendAll(List.of(entry)).get(0);
    }

    /**
     * Appends entries as consecutive indices in one commit (with whatever else is queued) and
     * returns their indices once they are durable and checkpointed.
     */
    @Override
    public List<Long> appendAll(List<byte[]> entries) throws IOException {
        if (!writable) {
            throw new ConflictException("ledger " + files.dir() + " is open read-only; the process that holds "
                    + files.lock() + " writes it");
        }
        List<Pending> mine = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY_BYTES) {
                throw new InvalidInputException(
                        "ledger entry of " + entry.length + " bytes; at most " + MAX_ENTRY_BYTES + " are allowed");
            }
            mine.add(new Pending(entry.clone()));
        }
        if (mine.isEmpty()) {
            return List.of();
        }
        Pending me = mine.get(mine.size() - 1);
        List<Pending> batch = null;
        queueLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("ledger " + files.dir() + " is closed");
            }
            queue.addAll(mine);
            while (!me.done && committing) {
                batchDone.awaitUninterruptibly();
            }
            if (!me.done) {
                if (closed) {
                    queue.removeAll(mine);
                    throw new IllegalStateException(
                            "ledger " + files.dir() + " was closed before the entry was committed");
                }
                if (failure != null) {
                    queue.removeAll(mine);
                    throw new IOException(
                            "ledger " + files.dir() + " stopped after a failed write; reopen it to recover", failure);
                }
                committing = true;
                batch = new ArrayList<>(queue);
                queue.clear();
            }
        } finally {
            queueLock.unlock();
        }
        if (batch != null) {
            commitAndRelease(batch);
        }
        if (me.error instanceof IOException e) {
            throw new IOException("ledger append failed: " + e.getMessage(), e);
        }
        if (me.error instanceof RuntimeException e) {
            throw e;
        }
        if (me.error != null) {
            throw new IllegalStateException("ledger append failed", me.error);
        }
        List<Long> indices = new ArrayList<>(mine.size());
        mine.forEach(p -> indices.add(p.index));
        return indices;
    }

    /** Commits a batch as the leader, then wakes every waiting appender. */
    private void commitAndRelease(List<Pending> batch) {
        Throwable error = null;
        try {
            commit(batch);
        } catch (IOException | RuntimeException | Error e) {
            error = e instanceof UncheckedIOException u ? u.getCause() : e;
        } finally {
            queueLock.lock();
            try {
                for (Pending p : batch) {
                    p.done = true;
                    p.error = error;
                }
                if (error != null) {
                    failure = error; // state on disk is now unknown: no more appends until reopened
                }
                committing = false;
                batchDone.signalAll();
            } finally {
                queueLock.unlock();
            }
        }
    }

    private void commit(List<Pending> batch) throws IOException {
        LedgerState before = state;
        List<byte[]> entries = new ArrayList<>(batch.size());
        batch.forEach(p -> entries.add(p.entry));
        TreeEdge.Grown grown = before.edge().append(entries);
        byte[] root = grown.edge().root();
        NoteSigner key = signer.orElseThrow();
        String note =
                new Checkpoint(key.name(), grown.edge().size(), root).sign(key).format();
        // Tiles, directories and the new checkpoint forced together, then the checkpoint renamed into
        // place: only now are the new entries part of the log (two rounds of fsyncs per batch).
        files.commit(
                grown.writes(), note.getBytes(java.nio.charset.StandardCharsets.UTF_8), LedgerRecovery.PUBLIC_READ);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).index = before.edge().size() + i;
        }
        state = new LedgerState(grown.edge(), note, root);
        afterCommit(grown.edge().size(), note, grown);
    }

    private void afterCommit(long size, String note, TreeEdge.Grown grown) {
        try {
            listener.committed(size, note);
        } catch (RuntimeException e) {
            // The entries are durable and acknowledged; what a listener does with the checkpoint
            // (time-stamping) must never fail the append. Listeners report their own problems.
        }
        for (TilePath full : grown.completed()) {
            try {
                files.deletePartials(full);
            } catch (IOException e) {
                // The entries are durable and acknowledged; leftover partial tiles are harmless and
                // removed by the next open (LedgerFiles.removeBeyond).
            }
        }
    }

    @Override
    public long size() {
        return state.edge().size();
    }

    @Override
    public byte[] entry(long index) throws IOException {
        TreeEdge edge = state.edge();
        if (index < 0 || index >= edge.size()) {
            throw new NotFoundException("ledger entry " + index + ": the ledger has " + edge.size() + " entries");
        }
        long bundle = index >>> 8;
        if (bundle < TreeEdge.fullTiles(edge.size(), 0)) {
            TilePath p = TilePath.entries(bundle, TilePath.FULL);
            List<byte[]> entries;
            try {
                entries = TreeEdge.decodeBundle(files.readFull(p));
            } catch (IllegalArgumentException e) {
                throw new IntegrityException("ledger bundle " + files.file(p) + ": " + e.getMessage(), e);
            }
            if (entries.size() != TilePath.FULL) {
                throw new IntegrityException(
                        "ledger bundle " + files.file(p) + ": expected 256 entries, found " + entries.size());
            }
            return entries.get((int) (index & 0xff));
        }
        return edge.bundleEntry(index).clone();
    }

    /** Receives entries in index order from {@link #scan}. */
    public interface EntryVisitor {
        /** Entry {@code index} with its exact bytes. */
        void visit(long index, byte[] entry);
    }

    /** Visits entries {@code from} (inclusive) to {@code to} (exclusive) of the current checkpoint, bundle by bundle. */
    public void scan(long from, long to, EntryVisitor visitor) throws IOException {
        TreeEdge edge = state.edge();
        if (from < 0 || to > edge.size() || from > to) {
            throw new InvalidInputException("ledger scan " + from + ".." + to + " is outside 0.." + edge.size());
        }
        long fullBundles = TreeEdge.fullTiles(edge.size(), 0);
        long i = from;
        while (i < to) {
            long bundle = i >>> 8;
            if (bundle < fullBundles) {
                TilePath p = TilePath.entries(bundle, TilePath.FULL);
                List<byte[]> entries;
                try {
                    entries = TreeEdge.decodeBundle(files.read(p)
                            .orElseThrow(
                                    () -> new IntegrityException("ledger bundle " + files.file(p) + " is missing")));
                } catch (IllegalArgumentException e) {
                    throw new IntegrityException("ledger bundle " + files.file(p) + ": " + e.getMessage(), e);
                }
                if (entries.size() != TilePath.FULL) {
                    throw new IntegrityException(
                            "ledger bundle " + files.file(p) + ": expected 256 entries, found " + entries.size());
                }
                long end = Math.min(to, (bundle + 1) << 8);
                for (; i < end; i++) {
                    visitor.visit(i, entries.get((int) (i & 0xff)));
                }
            } else {
                visitor.visit(i, edge.bundleEntry(i).clone());
                i++;
            }
        }
    }

    /**
     * A file of the tiled log that the current checkpoint covers ({@code tile/...}), as stored;
     * empty when there is no such file or the path is not a tile path.
     */
    Optional<byte[]> tile(String path) throws IOException {
        Optional<TilePath> t = TilePath.parse(path);
        if (t.isEmpty() || !LedgerFiles.covered(t.get(), state.edge().size())) {
            return Optional.empty();
        }
        return files.read(t.get());
    }

    @Override
    public String checkpoint() {
        return state.note();
    }

    @Override
    public String verifierKey() {
        return verifier.vkey();
    }

    @Override
    public byte[] rootHash(long size) throws IOException {
        LedgerState s = state;
        requireSize(size, s);
        return size == s.edge().size() ? s.root().clone() : unwrap(() -> MerkleTree.root(size, nodes(s.edge())));
    }

    @Override
    public List<byte[]> inclusionProof(long index, long size) throws IOException {
        LedgerState s = state;
        requireSize(size, s);
        if (index < 0 || index >= size) {
            throw new NotFoundException("ledger entry " + index + ": not in the tree of " + size + " entries");
        }
        return unwrap(() -> MerkleTree.inclusionProof(index, size, nodes(s.edge())));
    }

    @Override
    public List<byte[]> consistencyProof(long oldSize, long newSize) throws IOException {
        LedgerState s = state;
        requireSize(newSize, s);
        if (oldSize <= 0 || oldSize > newSize) {
            throw new InvalidInputException(
                    "consistency proof: expected 0 < old size <= new size, found " + oldSize + " and " + newSize);
        }
        return unwrap(() -> MerkleTree.consistencyProof(oldSize, newSize, nodes(s.edge())));
    }

    @Override
    public String tlogProof(long index) throws IOException {
        LedgerState s = state;
        long size = s.edge().size();
        if (index < 0 || index >= size) {
            throw new NotFoundException("ledger entry " + index + ": the ledger has " + size + " entries");
        }
        List<byte[]> proof = unwrap(() -> MerkleTree.inclusionProof(index, size, nodes(s.edge())));
        return new TlogProof(new byte[0], index, proof, SignedNote.parse(s.note())).format();
    }

    @Override
    public LedgerVerification verify() throws IOException {
        // No commit may run meanwhile: it would replace the checkpoint and delete partial tiles
        // under the audit. Appends queue up and are committed together afterwards.
        exclusive(true);
        try {
            LedgerVerification result = audit();
            return result instanceof LedgerVerification.Intact intact ? auditKeys(intact) : result;
        } finally {
            exclusive(false);
        }
    }

    /** The key history against the log: well-formed, ends at log.vkey, chain of rotations, checkpoint signatures. */
    private LedgerVerification auditKeys(LedgerVerification.Intact intact) throws IOException {
        if (readOnly()) {
            loadHistory();
        }
        if (historyProblem != null) {
            return new LedgerVerification.Damaged(historyProblem);
        }
        KeyHistory h = history;
        if (!h.current().equals(verifier)) {
            return new LedgerVerification.Damaged(
                    "key history " + files.vkeys() + ": expected its last key to be " + verifier.vkey() + " ("
                            + files.vkey() + "), found " + h.current().vkey());
        }
        LedgerState s = state;
        List<KeyHistory.Rotation> rotations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        scan(0, s.edge().size(), (index, entry) -> {
            if (KeyHistory.mayBeRotation(entry)) {
                try {
                    LedgerEntry e = LedgerEntry.decode(entry);
                    if (e.kind() == EntryKind.KEY_ROTATION) {
                        rotations.add(KeyHistory.Rotation.of(index, e));
                    }
                } catch (InvalidInputException e) {
                    problems.add(
                            "ledger entry " + index + " looks like a key rotation but is malformed: " + e.getMessage());
                }
            }
        });
        problems.addAll(h.checkChain(rotations));
        h.checkSignatures(SignedNote.parse(s.note()), s.edge().size()).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return new LedgerVerification.Damaged(String.join("; ", problems));
        }
        return intact;
    }

    private LedgerVerification audit() throws IOException {
        LedgerState s = state;
        if (readOnly()) {
            // The writer may move on meanwhile (new checkpoint, partial tiles deleted): audit again
            // when the checkpoint changed under the audit.
            for (int attempt = 1; ; attempt++) {
                String before = Files.readString(files.checkpoint(), java.nio.charset.StandardCharsets.UTF_8);
                LedgerVerification result = new LedgerAudit(files, verifier).run();
                if (result instanceof LedgerVerification.Intact
                        || attempt >= READ_ATTEMPTS
                        || checkpointIs(files, before)) {
                    return result;
                }
            }
        }
        LedgerVerification result = new LedgerAudit(files, verifier).run();
        if (result instanceof LedgerVerification.Intact intact
                && (intact.size() != s.edge().size()
                        || !intact.rootBase64().equals(Base64.getEncoder().encodeToString(s.root())))) {
            return new LedgerVerification.Damaged(
                    "the checkpoint on disk (size " + intact.size() + ") is not the one this ledger wrote (size "
                            + s.edge().size() + "): " + files.checkpoint() + " was replaced");
        }
        return result;
    }

    @Override
    public void close() {
        queueLock.lock();
        try {
            closed = true;
            while (committing) {
                batchDone.awaitUninterruptibly();
            }
        } finally {
            queueLock.unlock();
        }
        if (lock.isEmpty()) {
            return;
        }
        try {
            FileLock held = lock.get();
            if (held.isValid()) {
                held.release();
            }
            held.channel().close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing ledger " + files.dir(), e);
        }
    }

    @Override
    public String toString() {
        return "FileLedger[" + files.dir() + ", " + verifier.name() + ", size " + size()
                + (readOnly() ? ", read-only]" : "]");
    }

    private static void requireSize(long size, LedgerState s) {
        if (size < 0 || size > s.edge().size()) {
            throw new InvalidInputException(
                    "tree size " + size + " is outside 0.." + s.edge().size());
        }
    }

    /** Perfect subtree hashes: from full tiles on disk, or from the in-memory partial tiles. */
    private NodeHashes nodes(TreeEdge edge) {
        return (level, index) -> {
            int tileLevel = level >>> 3;
            long tile = (index << (level & 7)) >>> 8;
            if (tile >= TreeEdge.fullTiles(edge.size(), tileLevel)) {
                return edge.partialNode(level, index);
            }
            byte[] full;
            try {
                full = files.readFull(TilePath.hashes(tileLevel, tile, TilePath.FULL));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int height = level & 7;
            int from = (int) ((index << height) & 0xff);
            return TreeEdge.perfectRoot(TreeEdge.splitHashes(full), from, 1 << height);
        };
    }

    private static <T> T unwrap(Supplier<T> work) throws IOException {
        try {
            return work.get();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
