package org.daleel.analysis.gazetteer;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable hash table from normalised name keys to lists of int values, stored in a handful of
 * primitive arrays (one char pool, offsets, postings, open-addressing slots). Lookups take any
 * {@link CharSequence} (a reused {@code StringBuilder} during text scanning) and allocate nothing.
 *
 * <p>Thread-safe once built. {@link #write} and {@link #read} give the compact on-disk form used by
 * the gazetteer cache.
 */
public final class NameTable {
    private final char[] pool;
    private final int[] keyStart;
    private final int[] postStart;
    private final int[] postings;
    private final int[] slots;
    private final int mask;

    private NameTable(char[] pool, int[] keyStart, int[] postStart, int[] postings) {
        this(pool, keyStart, postStart, postings, slots(pool, keyStart));
    }

    private NameTable(char[] pool, int[] keyStart, int[] postStart, int[] postings, int[] slots) {
        this.pool = pool;
        this.keyStart = keyStart;
        this.postStart = postStart;
        this.postings = postings;
        this.slots = slots;
        this.mask = slots.length - 1;
    }

    private static int[] slots(char[] pool, int[] keyStart) {
        int keys = keyStart.length - 1;
        int cap = Integer.highestOneBit(Math.max(4, keys * 2 - 1)) << 1;
        int[] slots = new int[cap];
        int mask = cap - 1;
        for (int k = 0; k < keys; k++) {
            int h = hash(pool, keyStart[k], keyStart[k + 1]) & mask;
            while (slots[h] != 0) {
                h = (h + 1) & mask;
            }
            slots[h] = k + 1;
        }
        return slots;
    }

    /** Number of distinct keys. */
    public int keys() {
        return keyStart.length - 1;
    }

    /** Index of {@code key}, or -1 when absent. */
    public int find(CharSequence key) {
        int len = key.length();
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + key.charAt(i);
        }
        h = mix(h) & mask;
        while (true) {
            int s = slots[h];
            if (s == 0) {
                return -1;
            }
            int k = s - 1;
            int from = keyStart[k];
            if (keyStart[k + 1] - from == len && same(key, from, len)) {
                return k;
            }
            h = (h + 1) & mask;
        }
    }

    private boolean same(CharSequence key, int from, int len) {
        for (int i = 0; i < len; i++) {
            if (pool[from + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** First postings position of key index {@code k}. */
    public int from(int k) {
        return postStart[k];
    }

    /** Postings position after the last of key index {@code k}. */
    public int to(int k) {
        return postStart[k + 1];
    }

    /** The value at postings position {@code p}. */
    public int posting(int p) {
        return postings[p];
    }

    /** The key text of key index {@code k} (allocates; for diagnostics and tests). */
    public String key(int k) {
        return new String(pool, keyStart[k], keyStart[k + 1] - keyStart[k]);
    }

    private static int hash(char[] a, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + a[i];
        }
        return mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /** Writes the table: lengths, then the arrays (including the hash slots) as raw big-endian values. */
    public void write(DataOutputStream out) throws IOException {
        BinaryIO.writeChars(out, pool);
        BinaryIO.writeInts(out, keyStart);
        BinaryIO.writeInts(out, postStart);
        BinaryIO.writeInts(out, postings);
        BinaryIO.writeInts(out, slots);
    }

    /** Reads a table written by {@link #write} from {@code in}, advancing its position. */
    public static NameTable read(ByteBuffer in) throws IOException {
        char[] pool = BinaryIO.readChars(in);
        int[] keyStart = BinaryIO.readInts(in);
        int[] postStart = BinaryIO.readInts(in);
        int[] postings = BinaryIO.readInts(in);
        int[] slots = BinaryIO.readInts(in);
        if (keyStart.length == 0
                || postStart.length != keyStart.length
                || Integer.bitCount(slots.length) != 1
                || slots.length < keyStart.length) {
            throw new IOException("name table: inconsistent array lengths");
        }
        return new NameTable(pool, keyStart, postStart, postings, slots);
    }

    /** Collects key/value pairs; duplicates of a pair are kept once. Not thread-safe. */
    public static final class Builder {
        private final Map<String, int[]> map = new HashMap<>();

        /** Adds {@code value} under {@code key}; empty keys are ignored. */
        public void add(String key, int value) {
            if (key.isEmpty()) {
                return;
            }
            int[] list = map.get(key);
            if (list == null) {
                map.put(key, new int[] {1, value});
                return;
            }
            int n = list[0];
            for (int i = 1; i <= n; i++) {
                if (list[i] == value) {
                    return;
                }
            }
            if (n + 1 == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                map.put(key, list);
            }
            list[n + 1] = value;
            list[0] = n + 1;
        }

        /** Keeps for {@code key} the maximum of the stored value and {@code value} (a single value per key). */
        public void max(String key, int value) {
            int[] list = map.get(key);
            if (list == null) {
                map.put(key, new int[] {1, value});
            } else if (list[1] < value) {
                list[1] = value;
            }
        }

        /** Builds the immutable table. */
        public NameTable build() {
            int keys = map.size();
            int chars = 0;
            int posts = 0;
            for (Map.Entry<String, int[]> e : map.entrySet()) {
                chars += e.getKey().length();
                posts += e.getValue()[0];
            }
            char[] pool = new char[chars];
            int[] keyStart = new int[keys + 1];
            int[] postStart = new int[keys + 1];
            int[] postings = new int[posts];
            int k = 0;
            int c = 0;
            int p = 0;
            for (Map.Entry<String, int[]> e : map.entrySet()) {
                String key = e.getKey();
                key.getChars(0, key.length(), pool, c);
                keyStart[k] = c;
                postStart[k] = p;
                c += key.length();
                int[] list = e.getValue();
                System.arraycopy(list, 1, postings, p, list[0]);
                p += list[0];
                k++;
            }
            keyStart[keys] = c;
            postStart[keys] = p;
            return new NameTable(pool, keyStart, postStart, postings);
        }
    }
}
