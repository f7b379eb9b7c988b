package org.daleel.media.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.daleel.core.InvalidInputException;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashMatch;

/**
 * What the in-memory {@link HashIndex} adapters share: dense entry storage, a read-write lock
 * (concurrent searches, exclusive writes), and optional persistence in a {@link HashLog} that is
 * appended to before memory changes and replayed on open. Subclasses keep their search structure in
 * step through {@link #linked} and {@link #unlinked}.
 */
abstract sealed class LoggedHashIndex implements HashIndex permits BruteForceHashIndex, PackedMultiIndexHashIndex {
    /** Compact on open once superseded records outnumber live ones by this factor (and a margin). */
    private static final int COMPACT_FACTOR = 2;

    private static final int COMPACT_MARGIN = 1024;

    final HashEntries entries = new HashEntries(1024);
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private HashLog log;
    private volatile boolean closed;

    /** While the log is replayed on open: the entries change, the search structure is built after. */
    private boolean replaying;

    /**
     * Opens the log in {@code dir}, replays it into the entries, builds the search structure from
     * them at once ({@link #linkedAll}), and compacts the log when mostly superseded records.
     */
    final void attach(Path dir) {
        replaying = true;
        log = HashLog.open(dir, new HashLog.Replay() {
            @Override
            public void add(long id, Hash256 hash) {
                put(id, hash);
            }

            @Override
            public void remove(long id) {
                delete(id);
            }
        });
        replaying = false;
        linkedAll();
        if (log.records() > (long) COMPACT_FACTOR * entries.size() + COMPACT_MARGIN) {
            log.rewrite(entries);
        }
    }

    /** Called after slot {@code slot} received a new hash (added, replaced or moved in). */
    abstract void linked(int slot);

    /** Called before slot {@code slot} loses its hash (removed, replaced or moved away). */
    abstract void unlinked(int slot);

    /**
     * Called once on open, after the log was replayed into the entries (no {@link #linked} or
     * {@link #unlinked} calls were made meanwhile): builds the search structure for every slot.
     */
    abstract void linkedAll();

    /** Adds every entry within {@code radius} of {@code query} to {@code out}, in any order. */
    abstract void collect(Hash256 query, int radius, List<HashMatch> out);

    @Override
    public final void add(long id, Hash256 hash) {
        lock.writeLock().lock();
        try {
            ensureOpen();
            if (log != null) {
                log.appendAdd(id, hash);
            }
            put(id, hash);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public final boolean remove(long id) {
        lock.writeLock().lock();
        try {
            ensureOpen();
            if (entries.slotOf(id) < 0) {
                return false;
            }
            if (log != null) {
                log.appendRemove(id);
            }
            return delete(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public final Optional<Hash256> find(long id) {
        lock.readLock().lock();
        try {
            ensureOpen();
            int s = entries.slotOf(id);
            return s < 0 ? Optional.empty() : Optional.of(entries.hash(s));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public final List<HashMatch> search(Hash256 query, int radius) {
        return read(query, radius, this::collect);
    }

    /** A way of collecting matches, run under the read lock. */
    interface Collector {
        void collect(Hash256 query, int radius, List<HashMatch> out);
    }

    /** Runs {@code collector} under the read lock (radius checked and capped) and sorts its result. */
    final List<HashMatch> read(Hash256 query, int radius, Collector collector) {
        if (radius < 0) {
            throw new InvalidInputException("hash search radius " + radius + ": expected 0 or more bits");
        }
        int r = Math.min(radius, Hash256.BITS);
        List<HashMatch> out = new ArrayList<>();
        lock.readLock().lock();
        try {
            ensureOpen();
            collector.collect(query, r, out);
        } finally {
            lock.readLock().unlock();
        }
        Collections.sort(out);
        return out;
    }

    @Override
    public final int size() {
        lock.readLock().lock();
        try {
            ensureOpen();
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Rewrites the log to hold only the live entries (atomically: temporary file, flush, rename).
     * No-op for an in-memory index.
     */
    public final void compact() {
        lock.writeLock().lock();
        try {
            ensureOpen();
            if (log != null) {
                log.rewrite(entries);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public final void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (log != null) {
                log.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Linear scan of every entry: the reference search, and the fallback for large radii. */
    final void scan(Hash256 query, int radius, List<HashMatch> out) {
        long[] w = entries.words();
        long q0 = query.w0(), q1 = query.w1(), q2 = query.w2(), q3 = query.w3();
        int n = entries.size();
        for (int s = 0, o = 0; s < n; s++, o += 4) {
            int d = Long.bitCount(w[o] ^ q0)
                    + Long.bitCount(w[o + 1] ^ q1)
                    + Long.bitCount(w[o + 2] ^ q2)
                    + Long.bitCount(w[o + 3] ^ q3);
            if (d <= radius) {
                out.add(new HashMatch(entries.id(s), d));
            }
        }
    }

    /** Receives entries from {@link #forEach}. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(long id, Hash256 hash);
    }

    /**
     * Calls {@code visitor} with every entry, in no particular order, under the read lock (so that a
     * structure kept beside this index can be rebuilt from it when opened).
     */
    public final void forEach(EntryVisitor visitor) {
        lock.readLock().lock();
        try {
            ensureOpen();
            for (int s = 0, n = entries.size(); s < n; s++) {
                visitor.visit(entries.id(s), entries.hash(s));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Approximate heap bytes held by the entries and the search structure. */
    public long memoryBytes() {
        return entries.memoryBytes();
    }

    private void put(long id, Hash256 hash) {
        int s = entries.slotOf(id);
        if (replaying) {
            if (s >= 0) {
                entries.set(s, hash);
            } else {
                entries.append(id, hash);
            }
            return;
        }
        if (s >= 0) {
            unlinked(s);
            entries.set(s, hash);
        } else {
            s = entries.append(id, hash);
        }
        linked(s);
    }

    private boolean delete(long id) {
        int s = entries.slotOf(id);
        if (s < 0) {
            return false;
        }
        if (replaying) {
            entries.removeSlot(s);
            return true;
        }
        int last = entries.size() - 1;
        unlinked(s);
        if (last != s) {
            unlinked(last);
        }
        entries.removeSlot(s);
        if (last != s) {
            linked(s);
        }
        return true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("hash index is closed");
        }
    }
}
