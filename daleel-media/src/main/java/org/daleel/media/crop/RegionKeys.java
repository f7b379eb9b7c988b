package org.daleel.media.crop;

import java.util.Arrays;
import org.daleel.match.Hash256;

/**
 * The lookup structure of the region keys: which archived keys share a long substring with a query
 * key, so that a lookup reads few keys even in a large archive.
 *
 * <p>Each of {@value #TABLES} tables samples {@value #BITS} of the key's 256 bits (bit-sampling
 * locality-sensitive hashing): two keys {@code d} bits apart agree on one table's bits with
 * probability about {@code (1 - d/256)^22}, so a lookup misses a key at distance 16 in 0.02 % of
 * cases, at 25 in 3 %, at 34 in 21 % (for bits spread at random; a true match has several aligned
 * window-region pairs, so the matcher misses far fewer pictures than pairs: with these tables it
 * finds as many as with the former 32 tables of 16 bits, docs/media-evaluation.md). Each table takes
 * one bit of each of the 16 rows of the 16x16 coefficient matrix on a diagonal through the columns,
 * and 6 rows a second time on the opposite diagonal.
 *
 * <p>A table's value is hashed to one of {@code 2^k} buckets, {@code k = log2(size)} up to
 * {@value #BITS} (rebuilt when the size crosses a power of two, like an open hash table). Keys of
 * different pictures are not spread evenly over the values (on synthetic pictures a value holds
 * about 25 times as many keys of other pictures as even spreading would give), so a bucket that
 * holds more than {@value #MAX_BUCKET} keys is not read: a lookup reads at most {@code TABLES x}
 * {@value #MAX_BUCKET} keys whatever the size (figures in docs/benchmarks.md, {@code daleel bench
 * crop}). Memory per key: 40 bytes for the key and id, about 24 for the id map, {@code 4 x}
 * {@value #TABLES} for the chains and up to {@code 6 x} {@value #TABLES} for the bucket heads and
 * counts.
 *
 * <p>Not thread-safe: {@link RegionIndex} locks.
 */
final class RegionKeys {
    /** Bits per table. */
    static final int BITS = 22;

    /** Number of tables. */
    static final int TABLES = 32;

    /**
     * Buckets holding more keys than this are not read: a value that many keys share says little
     * about which picture a key is of (stop words, in text retrieval), and skipping them bounds a
     * lookup at {@code TABLES x} this many keys.
     */
    static final int MAX_BUCKET = 32;

    private static final int MIN_BUCKET_BITS = 10;
    private static final char SATURATED = Character.MAX_VALUE;
    private static final int EMPTY = -1;

    /**
     * {@code MASKS[t][i]}: table {@code t}'s bits among key bits {@code 64i..64i+63} (word {@code 3 -
     * i} of a {@link Hash256}).
     */
    private static final long[][] MASKS = masks(positions());

    private long[] words = new long[16 * 4];
    private long[] ids = new long[16];
    private int size;
    private final SlotMap slots = new SlotMap();

    private int bucketBits;
    private int[][] heads;
    /** Keys per bucket (saturating: a saturated count stays so until the tables are rebuilt). */
    private char[][] counts;

    private int[][] next;

    RegionKeys() {
        shape(MIN_BUCKET_BITS);
    }

    /** Receives the keys a lookup found. */
    interface Hits {
        void hit(long id, int distance);
    }

    private static int[][] positions() {
        int[][] out = new int[TABLES][BITS];
        // Odd steps through the columns (a permutation of them), one diagonal per table; the rows
        // taken twice run on the opposite diagonal, so that they meet no bit of the first pass.
        int[] steps = {1, 3, 5, 7, 9, 11, 13, 15};
        for (int t = 0; t < TABLES; t++) {
            int step = steps[t % steps.length];
            int offset = (t * 5 + t / steps.length * 3) & 15;
            for (int j = 0; j < BITS; j++) {
                int row;
                int column;
                if (j < 16) {
                    row = j;
                    column = (step * row + offset) & 15;
                } else {
                    row = (2 * (j - 16) + t) & 15;
                    column = (offset + 8 - step * row) & 15;
                    if (column == ((step * row + offset) & 15)) {
                        column = (column + 8) & 15;
                    }
                }
                out[t][j] = row * 16 + column;
            }
        }
        return out;
    }

    private static long[][] masks(int[][] positions) {
        long[][] out = new long[TABLES][4];
        for (int t = 0; t < TABLES; t++) {
            for (int k : positions[t]) {
                out[t][k >>> 6] |= 1L << (k & 63);
            }
            int bits = 0;
            for (long m : out[t]) {
                bits += Long.bitCount(m);
            }
            if (bits != BITS) {
                throw new IllegalStateException("table " + t + ": expected " + BITS + " distinct bits, found " + bits);
            }
        }
        return out;
    }

    int size() {
        return size;
    }

    /** Adds or replaces the key of {@code id}. */
    void put(long id, Hash256 key) {
        int s = slots.get(id);
        if (s >= 0) {
            unlink(s);
            set(s, key);
            link(s);
            return;
        }
        if (size == ids.length) {
            int cap = ids.length * 2;
            ids = Arrays.copyOf(ids, cap);
            words = Arrays.copyOf(words, cap * 4);
            for (int t = 0; t < TABLES; t++) {
                next[t] = Arrays.copyOf(next[t], cap);
            }
        }
        s = size++;
        ids[s] = id;
        set(s, key);
        slots.put(id, s);
        int want = targetBits(size);
        if (want != bucketBits) {
            shape(want);
            for (int i = 0; i < size; i++) {
                link(i);
            }
        } else {
            link(s);
        }
    }

    /** Removes the key of {@code id}; false when absent. */
    boolean remove(long id) {
        int s = slots.get(id);
        if (s < 0) {
            return false;
        }
        unlink(s);
        slots.remove(id);
        int last = --size;
        if (s != last) {
            unlink(last);
            ids[s] = ids[last];
            System.arraycopy(words, last * 4, words, s * 4, 4);
            slots.put(ids[s], s);
            link(s);
        }
        return true;
    }

    /** The key of {@code id}, or null when absent (package-internal; {@link RegionIndex} wraps it). */
    Hash256 find(long id) {
        int s = slots.get(id);
        return s < 0 ? null : Hash256.ofWords(words, s * 4);
    }

    /**
     * Reports each key within {@code radius} of {@code key} that agrees with it on all the bits of
     * at least one table whose bucket holds at most {@value #MAX_BUCKET} keys, once.
     */
    void lookup(Hash256 key, int radius, Hits hits) {
        long q0 = key.w0(), q1 = key.w1(), q2 = key.w2(), q3 = key.w3();
        long[] w = words;
        int[] found = new int[8];
        int nFound = 0;
        int shift = 32 - bucketBits;
        for (int t = 0; t < TABLES; t++) {
            int v = value(q0, q1, q2, q3, t);
            int b = bucket(v, shift);
            if (counts[t][b] > MAX_BUCKET) {
                continue;
            }
            int[] nt = next[t];
            for (int s = heads[t][b]; s != EMPTY; s = nt[s]) {
                int o = s * 4;
                int d = Long.bitCount(w[o] ^ q0)
                        + Long.bitCount(w[o + 1] ^ q1)
                        + Long.bitCount(w[o + 2] ^ q2)
                        + Long.bitCount(w[o + 3] ^ q3);
                if (d > radius || value(w[o], w[o + 1], w[o + 2], w[o + 3], t) != v) {
                    continue; // far, or only in the same bucket by the hash of another value
                }
                boolean seen = false;
                for (int i = 0; i < nFound && !seen; i++) {
                    seen = found[i] == s;
                }
                if (seen) {
                    continue;
                }
                if (nFound == found.length) {
                    found = Arrays.copyOf(found, nFound * 2);
                }
                found[nFound++] = s;
                hits.hit(ids[s], d);
            }
        }
    }

    /** Keys in the buckets that a lookup of {@code key} reads (its cost, for measurements). */
    int keysRead(Hash256 key) {
        int shift = 32 - bucketBits;
        int count = 0;
        for (int t = 0; t < TABLES; t++) {
            int b = bucket(value(key.w0(), key.w1(), key.w2(), key.w3(), t), shift);
            if (counts[t][b] <= MAX_BUCKET) {
                count += counts[t][b];
            }
        }
        return count;
    }

    /** Approximate heap bytes. */
    long memoryBytes() {
        long b = (long) ids.length * 40 + slots.memoryBytes();
        for (int t = 0; t < TABLES; t++) {
            b += 6L * heads[t].length + 4L * next[t].length;
        }
        return b;
    }

    private static int targetBits(int n) {
        int log2 = 31 - Integer.numberOfLeadingZeros(Math.max(1, n));
        return Math.max(MIN_BUCKET_BITS, Math.min(BITS, log2));
    }

    private void shape(int b) {
        bucketBits = b;
        heads = new int[TABLES][1 << b];
        counts = new char[TABLES][1 << b];
        next = new int[TABLES][ids.length];
        for (int[] h : heads) {
            Arrays.fill(h, EMPTY);
        }
    }

    private void set(int s, Hash256 key) {
        int o = s * 4;
        words[o] = key.w0();
        words[o + 1] = key.w1();
        words[o + 2] = key.w2();
        words[o + 3] = key.w3();
    }

    private void link(int s) {
        int o = s * 4;
        int shift = 32 - bucketBits;
        for (int t = 0; t < TABLES; t++) {
            int b = bucket(value(words[o], words[o + 1], words[o + 2], words[o + 3], t), shift);
            next[t][s] = heads[t][b];
            heads[t][b] = s;
            if (counts[t][b] != SATURATED) {
                counts[t][b]++;
            }
        }
    }

    private void unlink(int s) {
        int o = s * 4;
        int shift = 32 - bucketBits;
        for (int t = 0; t < TABLES; t++) {
            int b = bucket(value(words[o], words[o + 1], words[o + 2], words[o + 3], t), shift);
            int[] nt = next[t];
            if (counts[t][b] != SATURATED) {
                counts[t][b]--;
            }
            int h = heads[t][b];
            if (h == s) {
                heads[t][b] = nt[s];
                continue;
            }
            while (h != EMPTY && nt[h] != s) {
                h = nt[h];
            }
            if (h != EMPTY) {
                nt[h] = nt[s];
            }
        }
    }

    private static int bucket(int value, int shift) {
        return (value * 0x9E3779B1) >>> shift;
    }

    /**
     * Table {@code t}'s value of the key with words {@code w0..w3} (bit k lives in word {@code 3 -
     * k/64}): the table's bits of each word gathered by {@link Long#compress} (one instruction where
     * the processor has it) and the four runs concatenated.
     */
    private static int value(long w0, long w1, long w2, long w3, int t) {
        long[] m = MASKS[t];
        long v = Long.compress(w3, m[0]);
        int shift = Long.bitCount(m[0]);
        v |= Long.compress(w2, m[1]) << shift;
        shift += Long.bitCount(m[1]);
        v |= Long.compress(w1, m[2]) << shift;
        shift += Long.bitCount(m[2]);
        v |= Long.compress(w0, m[3]) << shift;
        return (int) v;
    }

    /** Open-addressing map from ids to slots (no boxing), backward-shift deletion. */
    private static final class SlotMap {
        private long[] keys = new long[32];
        private int[] values = filled(32);
        private int count;

        private static int[] filled(int n) {
            int[] v = new int[n];
            Arrays.fill(v, EMPTY);
            return v;
        }

        int get(long id) {
            int mask = keys.length - 1;
            for (int i = home(id, mask); ; i = (i + 1) & mask) {
                if (values[i] == EMPTY) {
                    return EMPTY;
                }
                if (keys[i] == id) {
                    return values[i];
                }
            }
        }

        void put(long id, int slot) {
            int mask = keys.length - 1;
            for (int i = home(id, mask); ; i = (i + 1) & mask) {
                if (values[i] == EMPTY) {
                    keys[i] = id;
                    values[i] = slot;
                    if (++count * 2 > keys.length) {
                        grow();
                    }
                    return;
                }
                if (keys[i] == id) {
                    values[i] = slot;
                    return;
                }
            }
        }

        void remove(long id) {
            int mask = keys.length - 1;
            int i = home(id, mask);
            while (values[i] != EMPTY && keys[i] != id) {
                i = (i + 1) & mask;
            }
            if (values[i] == EMPTY) {
                return;
            }
            count--;
            int hole = i;
            while (true) {
                i = (i + 1) & mask;
                if (values[i] == EMPTY) {
                    values[hole] = EMPTY;
                    return;
                }
                int h = home(keys[i], mask);
                boolean between = hole <= i ? (hole < h && h <= i) : (hole < h || h <= i);
                if (!between) {
                    keys[hole] = keys[i];
                    values[hole] = values[i];
                    hole = i;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = filled(oldValues.length * 2);
            count = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != EMPTY) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int home(long id, int mask) {
            long h = id * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        long memoryBytes() {
            return (long) keys.length * 12;
        }
    }
}
