package org.daleel.media.index;

/**
 * The layout of one bucket of {@link PackedMultiIndexHashIndex}: a {@code long[]} of length
 * {@code 1 + 2c} for a capacity of {@code c} entries ({@code c} even). Long 0 is the entry count.
 * Then come the entries in pairs, three longs per pair: the two entries' 64 high inline bits, then
 * both 32 low inline bits (entry {@code 2p} in the low half); a search streams only this part, 12
 * bytes per entry. Last, at {@code 1 + 3c/2}, the entries' slots, two per long, read only for an
 * entry whose inline bits are close enough. Static helpers; callers lock.
 */
final class PackedBucket {
    private static final long LOW_HALF = 0xFFFF_FFFFL;

    private PackedBucket() {}

    /** A bucket for {@code count} entries, rounded up to an even capacity, holding none yet. */
    static long[] withCapacity(int count) {
        return new long[1 + 2 * ((count + 1) & ~1)];
    }

    static int count(long[] b) {
        return (int) b[0];
    }

    private static int capacity(long[] b) {
        return (b.length - 1) >>> 1;
    }

    /** Index of the first long of entry {@code i}'s pair. */
    static int pair(int i) {
        return 1 + 3 * (i >>> 1);
    }

    static int slot(long[] b, int i) {
        return (int) (b[1 + 3 * (capacity(b) >>> 1) + (i >>> 1)] >>> ((i & 1) << 5));
    }

    /** Writes entry {@code i} (its slot and inline bits), leaving the count as it is. */
    private static void set(long[] b, int i, int slot, int low, long high) {
        int p = pair(i);
        int shift = (i & 1) << 5;
        b[p + (i & 1)] = high;
        b[p + 2] = (b[p + 2] & ~(LOW_HALF << shift)) | ((low & LOW_HALF) << shift);
        int s = 1 + 3 * (capacity(b) >>> 1) + (i >>> 1);
        b[s] = (b[s] & ~(LOW_HALF << shift)) | ((slot & LOW_HALF) << shift);
    }

    /** Appends an entry; returns the bucket, a larger copy when it was full (or a new one for null). */
    static long[] append(long[] b, int slot, int low, long high) {
        int count = b == null ? 0 : count(b);
        if (b == null || count == capacity(b)) {
            long[] grown = withCapacity(count + Math.max(2, count >>> 2));
            if (b != null) {
                int oldPairs = 3 * (capacity(b) >>> 1);
                System.arraycopy(b, 0, grown, 0, 1 + oldPairs);
                System.arraycopy(b, 1 + oldPairs, grown, 1 + 3 * (capacity(grown) >>> 1), capacity(b) >>> 1);
            }
            b = grown;
        }
        set(b, count, slot, low, high);
        b[0] = count + 1;
        return b;
    }

    /**
     * Removes the entry of {@code slot}, moving the last entry into its place; returns the bucket,
     * or null when it is now empty.
     *
     * @throws IllegalStateException when the bucket does not hold {@code slot}
     */
    static long[] remove(long[] b, int slot) {
        int count = count(b);
        int i = 0;
        while (i < count && slot(b, i) != slot) {
            i++;
        }
        if (i == count) {
            throw new IllegalStateException("hash index: slot " + slot + " missing from its bucket");
        }
        int last = count - 1;
        if (i != last) {
            int p = pair(last);
            int low = (int) (b[p + 2] >>> ((last & 1) << 5));
            set(b, i, slot(b, last), low, b[p + (last & 1)]);
        }
        b[0] = last;
        return last == 0 ? null : b;
    }

    /** Heap bytes of a bucket (array header included). */
    static long bytes(long[] b) {
        return 16 + 8L * b.length;
    }

    /**
     * Fills buckets allocated at their exact size ({@link #withCapacity}) for a bulk build with plain
     * stores only: the first entry of each pair waits in a small array per value until the second
     * comes (or {@link #finish}), so no bucket long is read back while filling.
     */
    static final class Filler {
        private final long[][] table;
        private final int[] filled;
        private final int[] waitingLow;
        private final int[] waitingSlot;

        Filler(long[][] table) {
            this.table = table;
            filled = new int[table.length];
            waitingLow = new int[table.length];
            waitingSlot = new int[table.length];
        }

        void put(int v, int slot, int low, long high) {
            long[] b = table[v];
            int i = filled[v]++;
            int p = pair(i);
            if ((i & 1) == 0) {
                b[p] = high;
                waitingLow[v] = low;
                waitingSlot[v] = slot;
                return;
            }
            b[p + 1] = high;
            b[p + 2] = (waitingLow[v] & LOW_HALF) | ((long) low << 32);
            b[1 + 3 * (capacity(b) >>> 1) + (i >>> 1)] = (waitingSlot[v] & LOW_HALF) | ((long) slot << 32);
        }

        /** Stores the waiting entries of odd-sized buckets and every bucket's count. */
        void finish() {
            for (int v = 0; v < table.length; v++) {
                long[] b = table[v];
                int n = filled[v];
                if (b == null) {
                    continue;
                }
                if ((n & 1) != 0) {
                    b[pair(n - 1) + 2] = waitingLow[v] & LOW_HALF;
                    b[1 + 3 * (capacity(b) >>> 1) + (n >>> 1)] = waitingSlot[v] & LOW_HALF;
                }
                b[0] = n;
            }
        }
    }
}
