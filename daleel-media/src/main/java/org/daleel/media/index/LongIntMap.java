package org.daleel.media.index;

import java.util.Arrays;

/**
 * Open-addressing map from long keys to non-negative int values (entry slots), without boxing:
 * about 24 bytes per entry at the maximum load of one half. Not thread-safe; callers lock.
 */
final class LongIntMap {
    private static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, ABSENT);
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The value for {@code key}, or -1 when absent. */
    int get(long key) {
        for (int i = index(key); ; i = (i + 1) & mask) {
            int v = values[i];
            if (v == ABSENT) {
                return ABSENT;
            }
            if (keys[i] == key) {
                return v;
            }
        }
    }

    /** Sets the value for {@code key} (which must be non-negative). */
    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value " + value + ": expected a non-negative slot");
        }
        for (int i = index(key); ; i = (i + 1) & mask) {
            if (values[i] == ABSENT) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    /** Removes {@code key}; returns its value, or -1 when absent. */
    int remove(long key) {
        for (int i = index(key); ; i = (i + 1) & mask) {
            int v = values[i];
            if (v == ABSENT) {
                return ABSENT;
            }
            if (keys[i] == key) {
                shiftBack(i);
                size--;
                return v;
            }
        }
    }

    /** Backward-shift deletion keeps every probe chain unbroken without tombstones. */
    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == ABSENT) {
                values[hole] = ABSENT;
                return;
            }
            int home = index(keys[i]);
            // Move entry i into the hole unless its home lies cyclically in (hole, i].
            boolean homeBetween = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
            if (!homeBetween) {
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
        values = new int[oldValues.length * 2];
        Arrays.fill(values, ABSENT);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != ABSENT) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Approximate heap bytes held by the arrays. */
    long memoryBytes() {
        return (long) keys.length * (Long.BYTES + Integer.BYTES);
    }
}
