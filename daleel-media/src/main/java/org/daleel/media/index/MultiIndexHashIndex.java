package org.daleel.media.index;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashMatch;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index
 * Hashing", CVPR 2012) over two partitions of the bits, for the crop matcher's region keys: an
 * exact radius search, and {@link #searchSharingSubstring}, a candidate lookup that reads one value
 * per table. Whole-picture and frame hashes use {@link PackedMultiIndexHashIndex}, which is faster
 * for the exact search on evenly spread hashes.
 *
 * <p>The 256 bits are split into 16 substrings of 16 bits in each of two partitions (see
 * {@link SubstringLayout#DIAGONAL}); each substring has a table from its values to the entries
 * holding that value. By the pigeonhole principle, if two hashes differ in at most
 * {@code r = 16q + a} bits (0 &lt;= a &lt; 16), then one of substrings {@code 0..a} of a partition
 * differs in at most {@code q} bits or one of the others in at most {@code q - 1}. The exact search
 * probes the first partition's tables at every value within that substring radius, then checks each
 * candidate's full distance; a candidate that an earlier table already yielded is recognised from
 * its substring distances and skipped, so no per-search set is needed. Results are therefore exact.
 * When the probes would cost more than reading every entry (large radii) the search scans instead.
 *
 * <p>Each table is a head array over the substring's values and a next array over the entry slots
 * (flat int arrays, no object per bucket), so an add links the entry into 32 chains. Memory: 40
 * bytes per entry for hash and id, about 40 for the id map, and 4 bytes per table for its next
 * slot, plus the head arrays (8 MiB). Persisted as described in {@link HashLog} when opened on a
 * directory. Thread-safe (see {@link HashIndex}).
 */
public final class MultiIndexHashIndex extends LoggedHashIndex {
    private static final int EMPTY = -1;
    private static final int WIDTH = Masks16.WIDTH;

    /** Substrings in a partition: the exact search uses the first partition's tables. */
    private static final int EXACT = Hash256.BITS / WIDTH;

    /** Tables: two partitions. */
    private static final int TABLES = 2 * EXACT;

    /** When to use the tables rather than a scan. */
    enum Strategy {
        /** Tables unless the estimated probe cost exceeds a scan. */
        AUTO,
        /** Always the tables (tests of exactness at any radius). */
        TABLES
    }

    /**
     * Which bits form each substring. Results never depend on it (any partition is exact); speed
     * does: a table works best when its bits are independent of each other, so that its entries are
     * evenly spread over its values.
     */
    public enum SubstringLayout {
        /**
         * Two partitions of 16 substrings of 16 bits each (32 tables). Substring {@code k < 16} takes
         * from each row {@code i} of the 16x16 bit matrix (bits {@code 16i..16i+15}) the bit in
         * column {@code (7i + k) mod 16}: one bit of every row and of every column, neighbours 7
         * columns apart; substrings {@code 16..31} do the same with steps of 5. For codes whose
         * neighbouring coefficients are correlated (the crop matcher's keys): on 120,000 such keys
         * it cut the entries per value read twentyfold against consecutive runs. The exact search
         * uses the first partition; {@link #searchSharingSubstring} uses both, so that it misses
         * far fewer entries.
         */
        DIAGONAL
    }

    private final Strategy strategy;

    /** {@code heads[k][v]}: the first slot whose substring {@code k} is {@code v}, or -1. */
    private final int[][] heads = new int[TABLES][Masks16.VALUES];

    /** {@code next[k][s]}: the next slot with the same substring {@code k} as slot {@code s}, or -1. */
    private final int[][] next = new int[TABLES][];

    private MultiIndexHashIndex(Strategy strategy) {
        this.strategy = strategy;
        for (int k = 0; k < TABLES; k++) {
            Arrays.fill(heads[k], EMPTY);
            next[k] = new int[entries.capacity()];
        }
    }

    /**
     * An index held only in memory.
     *
     * @param layout the substrings ({@link SubstringLayout#DIAGONAL}, the only layout)
     */
    public static MultiIndexHashIndex inMemory(SubstringLayout layout) {
        return new MultiIndexHashIndex(Strategy.AUTO);
    }

    static MultiIndexHashIndex inMemory(Strategy strategy) {
        return new MultiIndexHashIndex(strategy);
    }

    /**
     * Opens (creating when absent) the index persisted in {@code dir}, rebuilding the tables from
     * its log. The layout is not stored: the tables are rebuilt from the log on every open.
     *
     * @param layout the substrings ({@link SubstringLayout#DIAGONAL}, the only layout)
     * @throws org.daleel.core.ConflictException when another open index holds the directory
     * @throws org.daleel.core.IntegrityException when the log is damaged
     */
    public static MultiIndexHashIndex open(Path dir, SubstringLayout layout) {
        MultiIndexHashIndex index = new MultiIndexHashIndex(Strategy.AUTO);
        index.attach(dir);
        return index;
    }

    /** Number of substrings (tables) in use. */
    int substrings() {
        return TABLES;
    }

    /** Substring {@code k} of {@code hash}, as the tables key it. */
    int substringOf(Hash256 hash, int k) {
        return substring(hash.w0(), hash.w1(), hash.w2(), hash.w3(), k);
    }

    private static long word(long w0, long w1, long w2, long w3, int i) {
        return switch (i) {
            case 0 -> w3;
            case 1 -> w2;
            case 2 -> w1;
            default -> w0;
        };
    }

    /** Substring {@code k} of the hash with words {@code w0..w3} (Meta's bit numbering). */
    private static int substring(long w0, long w1, long w2, long w3, int k) {
        int v = 0;
        int step = k < EXACT ? 7 : 5;
        for (int i = 0; i < 16; i++) {
            long word = word(w0, w1, w2, w3, i >>> 2);
            int shift = (i & 3) * 16 + ((step * i + k) & 15);
            v |= (int) ((word >>> shift) & 1L) << i;
        }
        return v;
    }

    private static int substring(long[] w, int o, int k) {
        return substring(w[o], w[o + 1], w[o + 2], w[o + 3], k);
    }

    @Override
    void linked(int slot) {
        if (next[0].length < entries.capacity()) {
            for (int k = 0; k < TABLES; k++) {
                next[k] = Arrays.copyOf(next[k], entries.capacity());
            }
        }
        long[] w = entries.words();
        int o = slot * 4;
        for (int k = 0; k < TABLES; k++) {
            int v = substring(w, o, k);
            next[k][slot] = heads[k][v];
            heads[k][v] = slot;
        }
    }

    @Override
    void linkedAll() {
        for (int k = 0; k < TABLES; k++) {
            next[k] = new int[entries.capacity()];
        }
        for (int s = 0, n = entries.size(); s < n; s++) {
            linked(s);
        }
    }

    @Override
    void unlinked(int slot) {
        long[] w = entries.words();
        int o = slot * 4;
        for (int k = 0; k < TABLES; k++) {
            int v = substring(w, o, k);
            int[] nk = next[k];
            int s = heads[k][v];
            if (s == slot) {
                heads[k][v] = nk[slot];
                continue;
            }
            while (s != EMPTY && nk[s] != slot) {
                s = nk[s];
            }
            if (s != EMPTY) {
                nk[s] = nk[slot];
            }
        }
    }

    @Override
    void collect(Hash256 query, int radius, List<HashMatch> out) {
        // Pigeonhole radii over one partition: r = 16q + a; substrings 0..a get q, the others q - 1.
        int q = radius / EXACT;
        int a = radius % EXACT;
        int[] sub = new int[EXACT];
        double tableCost = 0;
        int n = entries.size();
        for (int k = 0; k < EXACT; k++) {
            sub[k] = Math.min(k <= a ? q : q - 1, WIDTH);
            // Measured: a probed value and each entry under it cost about 25 times a scanned entry
            // (random versus sequential reads).
            tableCost += Masks16.ball(sub[k]) * (1 + n / (double) Masks16.VALUES) * 25;
        }
        if (strategy == Strategy.AUTO && tableCost >= n) {
            scan(query, radius, out);
            return;
        }
        long[] qw = {query.w0(), query.w1(), query.w2(), query.w3()};
        int[] work = new int[256];
        for (int k = 0; k < EXACT; k++) {
            if (sub[k] < 0) {
                continue;
            }
            work = probe(k, sub[k], qw, radius, sub, work, out);
        }
    }

    /**
     * Probes table {@code k} at every value within {@code r} bits of the query's substring and checks
     * the entries there. Two passes, so that memory reads do not wait for one another: first the
     * head of every probed value (independent reads), then a work list of slots whose hash reads
     * are independent too; each checked slot appends the next slot of its chain.
     */
    private int[] probe(int k, int r, long[] qw, int radius, int[] sub, int[] work, List<HashMatch> out) {
        int[] head = heads[k];
        int[] nk = next[k];
        int key = substring(qw[0], qw[1], qw[2], qw[3], k);
        int[] list = work;
        int size = 0;
        int s = head[key];
        if (s != EMPTY) {
            list[size++] = s;
        }
        for (int weight = 1; weight <= r; weight++) {
            if (weight <= Masks16.LISTED_WEIGHT) {
                int[] masks = Masks16.listed(weight);
                if (list.length - size < masks.length) {
                    list = Arrays.copyOf(list, Math.max(list.length * 2, size + masks.length));
                }
                for (int mask : masks) {
                    s = head[key ^ mask];
                    list[size] = s;
                    size += s == EMPTY ? 0 : 1;
                }
                continue;
            }
            for (long mask = Masks16.first(weight); mask < Masks16.VALUES; mask = Masks16.next(mask)) {
                s = head[key ^ (int) mask];
                if (s != EMPTY) {
                    if (size == list.length) {
                        list = Arrays.copyOf(list, size * 2);
                    }
                    list[size++] = s;
                }
            }
        }
        long[] w = entries.words();
        long q0 = qw[0], q1 = qw[1], q2 = qw[2], q3 = qw[3];
        for (int i = 0; i < size; i++) {
            s = list[i];
            int o = s * 4;
            long x0 = w[o] ^ q0, x1 = w[o + 1] ^ q1, x2 = w[o + 2] ^ q2, x3 = w[o + 3] ^ q3;
            int d = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
            // Most candidates are far; only a match needs the (dearer) duplicate check.
            if (d <= radius && !seenInEarlierTable(x0, x1, x2, x3, k, sub)) {
                out.add(new HashMatch(entries.id(s), d));
            }
            int after = nk[s];
            if (after != EMPTY) {
                if (size == list.length) {
                    list = Arrays.copyOf(list, size * 2);
                }
                list[size++] = after;
            }
        }
        return list;
    }

    /**
     * A candidate lookup, not an exact search: the entries within {@code radius} of {@code query}
     * that also agree with it exactly on at least one substring. It reads one value per table
     * instead of every value within the pigeonhole radius, so it costs about as much as an exact
     * search at a radius of one less than the number of tables, whatever {@code radius}. With
     * {@link SubstringLayout#DIAGONAL} (two partitions into 16 substrings of 16 bits) it returns the
     * same as {@link #search} for {@code radius <= 15}; beyond, an entry at distance {@code d} is
     * missed only when every substring of both partitions differs, which for bits spread at random
     * happens with probability about {@code (1 - (1 - d/256)^16)^32}: 0.2% at 25 bits, 4% at 34.
     * Sorted like {@link #search}. Thread-safe.
     *
     * @throws org.daleel.core.InvalidInputException when {@code radius} is negative
     */
    public List<HashMatch> searchSharingSubstring(Hash256 query, int radius) {
        return read(query, radius, this::collectSharing);
    }

    private void collectSharing(Hash256 query, int radius, List<HashMatch> out) {
        long[] w = entries.words();
        long q0 = query.w0(), q1 = query.w1(), q2 = query.w2(), q3 = query.w3();
        // A work list of (table, slot) pairs: the heads of all tables first, then each checked slot
        // appends its chain's next, so that the chains of different tables are read side by side.
        int[] tables = new int[64];
        int[] slots = new int[tables.length];
        int size = 0;
        for (int k = 0; k < TABLES; k++) {
            int s = heads[k][substring(q0, q1, q2, q3, k)];
            if (s != EMPTY) {
                tables[size] = k;
                slots[size++] = s;
            }
        }
        for (int i = 0; i < size; i++) {
            int k = tables[i];
            int s = slots[i];
            int o = s * 4;
            long x0 = w[o] ^ q0, x1 = w[o + 1] ^ q1, x2 = w[o + 2] ^ q2, x3 = w[o + 3] ^ q3;
            int d = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
            if (d <= radius && !sharedEarlier(x0, x1, x2, x3, k)) {
                out.add(new HashMatch(entries.id(s), d));
            }
            int after = next[k][s];
            if (after != EMPTY) {
                if (size == slots.length) {
                    tables = Arrays.copyOf(tables, size * 2);
                    slots = Arrays.copyOf(slots, size * 2);
                }
                tables[size] = k;
                slots[size++] = after;
            }
        }
    }

    /** True when a substring before {@code k} is equal too (the candidate was met in that table). */
    private static boolean sharedEarlier(long x0, long x1, long x2, long x3, int k) {
        for (int j = 0; j < k; j++) {
            if (substring(x0, x1, x2, x3, j) == 0) {
                return true;
            }
        }
        return false;
    }

    /** True when a table before {@code k} probed this candidate's value (so it was already checked). */
    private static boolean seenInEarlierTable(long x0, long x1, long x2, long x3, int k, int[] sub) {
        for (int j = 0; j < k; j++) {
            if (sub[j] >= 0 && Integer.bitCount(substring(x0, x1, x2, x3, j)) <= sub[j]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long memoryBytes() {
        long bytes = super.memoryBytes();
        for (int k = 0; k < TABLES; k++) {
            bytes += 4L * heads[k].length + 4L * next[k].length;
        }
        return bytes;
    }
}
