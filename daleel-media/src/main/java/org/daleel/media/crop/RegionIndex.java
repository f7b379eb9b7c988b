package org.daleel.media.crop;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.daleel.core.InvalidInputException;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashMatch;
import org.daleel.media.index.BruteForceHashIndex;
import org.daleel.media.index.MultiIndexHashIndex;

/**
 * The archive side of the crop-robust matcher: each archived picture's region codes, in two
 * {@link HashIndex} instances.
 *
 * <ul>
 *   <li>{@code keys}: the coarse codes, searched by radius (a {@link MultiIndexHashIndex}).
 *   <li>{@code pdq}: the regions' PDQ codes, only read back by id ({@link HashIndex#find}) to
 *       confirm a candidate; a {@link BruteForceHashIndex} costs least memory. Entry
 *       {@value #FRAME} of each picture holds the picture's width and height (not a hash), so a
 *       match can report its region in fractions.
 * </ul>
 *
 * Entry ids are {@code imageId * 64 + regionNumber} ({@link #entryId}), so {@code imageId} must lie
 * in {@code 0 .. Long.MAX_VALUE / 64}. Regions whose quality is under the threshold (50, Meta's
 * recommendation) are not indexed. Thread-safety, durability and errors are those of the two
 * indexes; {@link #add} of a picture already present replaces its regions. Closing closes both.
 */
public final class RegionIndex implements AutoCloseable {
    /** Region numbers per picture (ids reserve 6 bits). */
    public static final int MAX_REGIONS = 64;

    /** Number of the per-picture entry that stores the frame size. */
    public static final int FRAME = MAX_REGIONS - 1;

    private final MultiIndexHashIndex keys;
    private final HashIndex pdq;
    private final int minQuality;

    /**
     * An index over two hash indexes (empty or holding entries written by this class).
     *
     * @param minQuality regions of lower quality are skipped by {@link #add}
     */
    public RegionIndex(MultiIndexHashIndex keys, HashIndex pdq, int minQuality) {
        if (keys == pdq) {
            throw new IllegalArgumentException("keys and pdq: expected two different indexes, found the same one");
        }
        this.keys = keys;
        this.pdq = pdq;
        this.minQuality = minQuality;
    }

    /** Held in memory only: multi-index hashing for keys, a flat array for PDQ codes; quality 50. */
    public static RegionIndex inMemory() {
        return new RegionIndex(
                MultiIndexHashIndex.inMemory(MultiIndexHashIndex.SubstringLayout.DIAGONAL),
                BruteForceHashIndex.inMemory(),
                50);
    }

    /**
     * Persisted under {@code dir} ({@code dir/keys} and {@code dir/pdq}, see {@link HashIndex});
     * quality 50.
     */
    public static RegionIndex open(Path dir) {
        MultiIndexHashIndex k =
                MultiIndexHashIndex.open(dir.resolve("keys"), MultiIndexHashIndex.SubstringLayout.DIAGONAL);
        try {
            return new RegionIndex(k, BruteForceHashIndex.open(dir.resolve("pdq")), 50);
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
        remove(imageId);
        for (RegionHash r : regions) {
            if (r.number() == FRAME) {
                throw new InvalidInputException("region number " + FRAME + ": reserved for the frame size");
            }
            if (r.quality() >= minQuality) {
                long id = entryId(imageId, r.number());
                pdq.add(id, r.pdq());
                keys.add(id, r.key());
            }
        }
        pdq.add(entryId(imageId, FRAME), new Hash256(width, height, 0, 0));
    }

    /** Removes a picture's regions; false when it had none. */
    public boolean remove(long imageId) {
        boolean any = false;
        for (int n = 0; n < MAX_REGIONS; n++) {
            long id = entryId(imageId, n);
            any |= keys.remove(id);
            any |= pdq.remove(id);
        }
        return any;
    }

    /** Number of indexed regions (keys). */
    public int size() {
        return keys.size();
    }

    List<HashMatch> searchKeys(Hash256 key, int radius) {
        return keys.search(key, radius);
    }

    /** Keys within {@code radius} that share a 16-bit substring with {@code key}: 16 bucket reads. */
    List<HashMatch> candidateKeys(Hash256 key, int radius) {
        return keys.searchSharingSubstring(key, radius);
    }

    Optional<Hash256> key(long entryId) {
        return keys.find(entryId);
    }

    Optional<Hash256> pdq(long entryId) {
        return pdq.find(entryId);
    }

    /** Width and height of an indexed picture, when known. */
    Optional<int[]> frame(long imageId) {
        return pdq.find(entryId(imageId, FRAME)).map(h -> new int[] {(int) h.w0(), (int) h.w1()});
    }

    /** Closes both indexes. */
    @Override
    public void close() {
        try {
            keys.close();
        } finally {
            pdq.close();
        }
    }
}
