package org.daleel.media.crop;

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
import org.daleel.media.index.BruteForceHashIndex;

/**
 * The archive side of the crop-robust matcher: each archived picture's region codes.
 *
 * <ul>
 *   <li>The coarse keys, looked up by {@link RegionKeys} (tables of long key substrings, so that a
 *       lookup costs about the same at any archive size). When persisted, they are also written to
 *       a {@link BruteForceHashIndex} log ({@code dir/keys}), from which the tables are rebuilt on
 *       open.
 *   <li>{@code pdq}: the regions' PDQ codes, only read back by id ({@link HashIndex#find}) to
 *       confirm a candidate; a {@link BruteForceHashIndex} costs least memory. Entry
 *       {@value #FRAME} of each picture holds the picture's width and height (not a hash), so a
 *       match can report its region in fractions.
 * </ul>
 *
 * Entry ids are {@code imageId * 64 + regionNumber} ({@link #entryId}), so {@code imageId} must lie
 * in {@code 0 .. Long.MAX_VALUE / 64}. Regions whose quality is under the threshold (50, Meta's
 * recommendation) are not indexed. Thread-safe (lookups run side by side, writes exclusive); a
 * persisted index writes each add to its logs before returning (see {@link HashIndex}); {@link #add}
 * of a picture already present replaces its regions. Closing closes both logs.
 */
public final class RegionIndex implements AutoCloseable {
    /** Region numbers per picture (ids reserve 6 bits). */
    public static final int MAX_REGIONS = 64;

    /** Number of the per-picture entry that stores the frame size. */
    public static final int FRAME = MAX_REGIONS - 1;

    private final RegionKeys keys = new RegionKeys();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Where the keys are persisted; an empty in-memory index when the whole index is in memory. */
    private final HashIndex keyLog;

    private final boolean persisted;
    private final HashIndex pdq;
    private final int minQuality;

    private RegionIndex(HashIndex keyLog, boolean persisted, HashIndex pdq, int minQuality) {
        this.keyLog = keyLog;
        this.persisted = persisted;
        this.pdq = pdq;
        this.minQuality = minQuality;
    }

    /** Held in memory only; quality 50. */
    public static RegionIndex inMemory() {
        return new RegionIndex(BruteForceHashIndex.inMemory(), false, BruteForceHashIndex.inMemory(), 50);
    }

    /**
     * Persisted under {@code dir} ({@code dir/keys} and {@code dir/pdq}, logs as described in
     * {@link HashIndex}; an index written by earlier versions, whose keys were in a multi-index
     * log of the same format, opens as is); quality 50.
     */
    public static RegionIndex open(Path dir) {
        BruteForceHashIndex k = BruteForceHashIndex.open(dir.resolve("keys"));
        try {
            RegionIndex index = new RegionIndex(k, true, BruteForceHashIndex.open(dir.resolve("pdq")), 50);
            k.forEach(index.keys::put);
            return index;
        } catch (RuntimeException e) {
            k.close();
            throw e;
        }
    }

    /** The entry id of region {@code number} of picture {@code imageId}. */
    public static long entryId(long imageId, int number) {
        if (imageId < 0 || imageId > Long.MAX_VALUE / MAX_REGIONS) {
            throw new InvalidInputException("image id " + imageId + ": expected 0.." + Long.MAX_VALUE / MAX_REGIONS
                    + " (6 bits go to the region)");
        }
        if (number < 0 || number >= MAX_REGIONS) {
            throw new InvalidInputException("region number " + number + ": expected 0.." + (MAX_REGIONS - 1));
        }
        return imageId * MAX_REGIONS + number;
    }

    /** The picture of an entry id. */
    public static long imageId(long entryId) {
        return entryId / MAX_REGIONS;
    }

    /** The region number of an entry id. */
    public static int regionNumber(long entryId) {
        return (int) (entryId % MAX_REGIONS);
    }

    /**
     * Indexes a picture's regions (those of quality {@code >= minQuality}), replacing any it had.
     *
     * @param width the picture's width in pixels, as decoded
     * @param height its height
     */
    public void add(long imageId, int width, int height, List<RegionHash> regions) {
        for (RegionHash r : regions) {
            if (r.number() == FRAME) {
                throw new InvalidInputException("region number " + FRAME + ": reserved for the frame size");
            }
        }
        lock.writeLock().lock();
        try {
            removeLocked(imageId);
            for (RegionHash r : regions) {
                if (r.quality() >= minQuality) {
                    long id = entryId(imageId, r.number());
                    pdq.add(id, r.pdq());
                    if (persisted) {
                        keyLog.add(id, r.key());
                    }
                    keys.put(id, r.key());
                }
            }
            pdq.add(entryId(imageId, FRAME), new Hash256(width, height, 0, 0));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Indexes the regions of {@code codes} under {@code imageId}, replacing any it had. */
    public void add(long imageId, RegionCodes codes) {
        add(imageId, codes.width(), codes.height(), codes.regions());
    }

    /**
     * The indexed regions of a picture with its size (those of quality under the threshold were not
     * kept), so that they can be written out again; empty when the picture has none.
     */
    public Optional<RegionCodes> codes(long imageId) {
        Optional<int[]> frame = frame(imageId);
        if (frame.isEmpty()) {
            return Optional.empty();
        }
        List<Region> layout = RegionLayout.archive(frame.get()[0], frame.get()[1]);
        List<RegionHash> out = new ArrayList<>();
        for (int n = 0; n < layout.size(); n++) {
            long id = entryId(imageId, n);
            Optional<Hash256> k = key(id);
            Optional<Hash256> p = pdq(id);
            if (k.isPresent() && p.isPresent()) {
                out.add(new RegionHash(n, layout.get(n), k.get(), p.get(), 100));
            }
        }
        return Optional.of(new RegionCodes(frame.get()[0], frame.get()[1], out));
    }

    /** Removes a picture's regions; false when it had none. */
    public boolean remove(long imageId) {
        lock.writeLock().lock();
        try {
            return removeLocked(imageId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean removeLocked(long imageId) {
        boolean any = false;
        for (int n = 0; n < MAX_REGIONS; n++) {
            long id = entryId(imageId, n);
            if (keys.remove(id) && persisted) {
                keyLog.remove(id);
            }
            any |= pdq.remove(id);
        }
        return any;
    }

    /** Number of indexed regions (keys). */
    public int size() {
        lock.readLock().lock();
        try {
            return keys.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Approximate heap bytes of the key tables (the PDQ codes' index not included). */
    public long keyMemoryBytes() {
        lock.readLock().lock();
        try {
            return keys.memoryBytes();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Keys within {@code radius} that agree with {@code key} on one of {@link RegionKeys}' long
     * substrings: {@value RegionKeys#TABLES} bucket reads, whatever the size.
     */
    void candidateKeys(Hash256 key, int radius, RegionKeys.Hits hits) {
        lock.readLock().lock();
        try {
            keys.lookup(key, radius, hits);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Keys that a lookup of {@code key} reads (for measurements). */
    int keysRead(Hash256 key) {
        lock.readLock().lock();
        try {
            return keys.keysRead(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** {@link #candidateKeys} as a list, nearest first (tests and measurements). */
    List<HashMatch> candidateKeys(Hash256 key, int radius) {
        List<HashMatch> out = new ArrayList<>();
        candidateKeys(key, radius, (id, d) -> out.add(new HashMatch(id, d)));
        Collections.sort(out);
        return out;
    }

    Optional<Hash256> key(long entryId) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(keys.find(entryId));
        } finally {
            lock.readLock().unlock();
        }
    }

    Optional<Hash256> pdq(long entryId) {
        return pdq.find(entryId);
    }

    /** Width and height of an indexed picture, when known. */
    Optional<int[]> frame(long imageId) {
        return pdq.find(entryId(imageId, FRAME)).map(h -> new int[] {(int) h.w0(), (int) h.w1()});
    }

    /** Closes both logs. */
    @Override
    public void close() {
        try {
            keyLog.close();
        } finally {
            pdq.close();
        }
    }
}
