package org.daleel.media.index;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashMatch;

/**
 * Exact Hamming-radius search by multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in
 * Hamming Space with Multi-Index Hashing", CVPR 2012).
 *
 * <p>The 256 bits are split into {@code m} disjoint substrings; each has a table from its values to
 * the entries holding that value. By the pigeonhole principle, if two hashes differ in at most
 * {@code r = mq + a} bits (0 &lt;= a &lt; m), then one of substrings {@code 0..a} differs in at most
 * {@code q} bits or one of the others in at most {@code q - 1}. A search probes each table at every
 * value within that substring radius, then checks each candidate's full distance; a candidate that
 * an earlier table already yielded is recognised from its substring distances and skipped, so no
 * per-search set is needed. Results are therefore exact. When the probes would cost more than
 * reading every entry (large radii) the search scans instead.
 *
 * <p>Substring length follows the number of entries, as the paper advises (about {@code log2 n}
 * bits): 16 substrings of 16 bits up to 2^17 entries, then longer and fewer ones (11 of 23 or 24
 * bits from 2^23 entries, the most), so that a probed value holds about one entry whatever the
 * size. The tables are rebuilt from the entries when the size crosses a power of two (and on open),
 * so an add costs O(1) amortised. With {@link SubstringLayout#DIAGONAL} the substrings stay 16 of
 * 16 bits. Each table is a head array over the substring's values and a next array over the entry
 * slots (flat int arrays, no object per bucket).
 *
 * <p>Memory at 10 million random entries: about 190 bytes per entry (40 for hash and id, about 40
 * for the id map, 44 for the next arrays, 47 for the heads, with growth slack); figures in
 * docs/benchmarks.md ({@code daleel bench match}). Persisted as described in {@link HashLog} when
 * opened on a directory. Thread-safe (see {@link HashIndex}).
 */
public final class MultiIndexHashIndex extends LoggedHashIndex {
    private static final int MIN_BITS = 16;
    private static final int MAX_BITS = 23;
    private static final int EMPTY = -1;

    /** Masks are listed in advance up to this many bits set; beyond, they are enumerated on the fly. */
    private static final int LISTED_WEIGHT = 4;

    /**
     * {@code MASKS[width - MIN_BITS][weight]}: every {@code width}-bit mask with {@code weight} bits
     * set, for widths up to {@code MAX_BITS + 1} (the longest substring), so that probing is a plain
     * loop of independent reads.
     */
    private static final int[][][] MASKS = new int[MAX_BITS + 2 - MIN_BITS][LISTED_WEIGHT + 1][];

    static {
        for (int width = MIN_BITS; width <= MAX_BITS + 1; width++) {
            for (int weight = 0; weight <= LISTED_WEIGHT; weight++) {
                int count = (int) (ball(width, weight) - ball(width, weight - 1));
                int[] list = new int[count];
                int n = 0;
                long mask = (1L << weight) - 1;
                while (mask < (1L << width)) {
                    list[n++] = (int) mask;
                    if (mask == 0) {
                        break;
                    }
                    long c = mask & -mask;
                    long t = mask + c;
                    mask = (((t ^ mask) >>> 2) / c) | t;
                }
                MASKS[width - MIN_BITS][weight] = list;
            }
        }
    }

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
         * Runs of consecutive bits in Meta's numbering (at 16 bits, substring {@code k} is Meta's
         * word {@code k}, one row of PDQ's 16x16 DCT block, whose coefficients are nearly
         * independent); their length grows with the number of entries.
         */
        CONTIGUOUS,
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
    private final SubstringLayout layout;
    /** Substring length forced by a test; 0 to follow the size. */
    private final int forcedBits;

    /** Substring count, and each substring's first bit (Meta's numbering) and length. */
    private int m;

    /** The substrings {@code 0..exact-1} partition the bits; the exact search uses them. */
    private int exact;

    private int[] starts;
    private int[] widths;
    private int bits;
    /** {@code heads[k][v]}: the first slot whose substring {@code k} is {@code v}, or -1. */
    private int[][] heads;
    /** {@code next[k][s]}: the next slot with the same substring {@code k} as slot {@code s}, or -1. */
    private int[][] next;

    private MultiIndexHashIndex(Strategy strategy, SubstringLayout layout, int forcedBits) {
        this.strategy = strategy;
        this.layout = layout;
        this.forcedBits = forcedBits;
        shape(targetBits(0));
    }

    /** An index held only in memory, with {@link SubstringLayout#CONTIGUOUS} substrings. */
    public static MultiIndexHashIndex inMemory() {
        return new MultiIndexHashIndex(Strategy.AUTO, SubstringLayout.CONTIGUOUS, 0);
    }

    /** An index held only in memory, with the given substrings. */
    public static MultiIndexHashIndex inMemory(SubstringLayout layout) {
        return new MultiIndexHashIndex(Strategy.AUTO, layout, 0);
    }

    static MultiIndexHashIndex inMemory(Strategy strategy, SubstringLayout layout, int forcedBits) {
        return new MultiIndexHashIndex(strategy, layout, forcedBits);
    }

    /**
     * Opens (creating when absent) the index persisted in {@code dir}, rebuilding the tables from
     * its log, with {@link SubstringLayout#CONTIGUOUS} substrings.
     *
     * @throws org.daleel.core.ConflictException when another open index holds the directory
     * @throws org.daleel.core.IntegrityException when the log is damaged
     */
    public static MultiIndexHashIndex open(Path dir) {
        return open(dir, SubstringLayout.CONTIGUOUS);
    }

    /**
     * As {@link #open(Path)}, with the given substrings. The layout is not stored: the tables are
     * rebuilt from the log on every open, so an index may be reopened with another layout.
     */
    public static MultiIndexHashIndex open(Path dir, SubstringLayout layout) {
        MultiIndexHashIndex index = new MultiIndexHashIndex(Strategy.AUTO, layout, 0);
        index.attach(dir);
        return index;
    }

    /** Number of substrings (tables) in use. */
    int substrings() {
        return m;
    }

    /** Substring {@code k} of {@code hash}, as the tables key it. */
    int substringOf(Hash256 hash, int k) {
        return substring(hash.w0(), hash.w1(), hash.w2(), hash.w3(), k);
    }

    private int targetBits(int size) {
        if (layout == SubstringLayout.DIAGONAL) {
            return MIN_BITS;
        }
        if (forcedBits > 0) {
            return forcedBits;
        }
        int log2 = 31 - Integer.numberOfLeadingZeros(Math.max(1, size));
        return Math.max(MIN_BITS, Math.min(MAX_BITS, log2));
    }

    /** Sets up empty tables for substrings of about {@code b} bits: {@code 256 / b} of them. */
    private void shape(int b) {
        bits = b;
        exact = Hash256.BITS / b;
        m = layout == SubstringLayout.DIAGONAL ? 2 * exact : exact;
        int base = Hash256.BITS / exact;
        int extra = Hash256.BITS % exact;
        starts = new int[m];
        widths = new int[m];
        heads = new int[m][];
        next = new int[m][];
        int start = 0;
        for (int k = 0; k < m; k++) {
            widths[k] = base + (k < extra ? 1 : 0);
            starts[k] = start % Hash256.BITS;
            start += widths[k];
            heads[k] = new int[1 << widths[k]];
            Arrays.fill(heads[k], EMPTY);
            next[k] = new int[Math.max(16, entries.capacity())];
        }
    }

    private static long word(long w0, long w1, long w2, long w3, int i) {
        return switch (i) {
            case 0 -> w3;
            case 1 -> w2;
            case 2 -> w1;
            default -> w0;
        };
    }

    /** Substring {@code k} of the hash with words {@code w0..w3}. */
    private int substring(long w0, long w1, long w2, long w3, int k) {
        if (layout == SubstringLayout.DIAGONAL) {
            int v = 0;
            int step = k < 16 ? 7 : 5;
            for (int i = 0; i < 16; i++) {
                long word = word(w0, w1, w2, w3, i >>> 2);
                int shift = (i & 3) * 16 + ((step * i + k) & 15);
                v |= (int) ((word >>> shift) & 1L) << i;
            }
            return v;
        }
        int start = starts[k];
        int width = widths[k];
        int lo = start & 63;
        int wi = start >>> 6;
        long value = word(w0, w1, w2, w3, wi) >>> lo;
        if (lo + width > 64) {
            value |= word(w0, w1, w2, w3, wi + 1) << (64 - lo);
        }
        return (int) (value & ((1L << width) - 1));
    }

    private int substring(long[] w, int o, int k) {
        return substring(w[o], w[o + 1], w[o + 2], w[o + 3], k);
    }

    @Override
    void linked(int slot) {
        int want = targetBits(entries.size());
        if (want > bits) {
            rebuild(want); // links every slot, this one included
            return;
        }
        if (next[0].length < entries.capacity()) {
            for (int k = 0; k < m; k++) {
                next[k] = Arrays.copyOf(next[k], entries.capacity());
            }
        }
        long[] w = entries.words();
        int o = slot * 4;
        for (int k = 0; k < m; k++) {
            int v = substring(w, o, k);
            next[k][slot] = heads[k][v];
            heads[k][v] = slot;
        }
    }

    @Override
    void linkedAll() {
        rebuild(targetBits(entries.size()));
    }

    private void rebuild(int b) {
        shape(b);
        long[] w = entries.words();
        for (int s = 0, n = entries.size(); s < n; s++) {
            int o = s * 4;
            for (int k = 0; k < m; k++) {
                int v = substring(w, o, k);
                next[k][s] = heads[k][v];
                heads[k][v] = s;
            }
        }
    }

    @Override
    void unlinked(int slot) {
        long[] w = entries.words();
        int o = slot * 4;
        for (int k = 0; k < m; k++) {
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
        // Pigeonhole radii over one partition: r = mq + a; substrings 0..a get q, the others q - 1.
        int q = radius / exact;
        int a = radius % exact;
        int[] sub = new int[exact];
        double tableCost = 0;
        int n = entries.size();
        for (int k = 0; k < exact; k++) {
            sub[k] = Math.min(k <= a ? q : q - 1, widths[k]);
            // Measured: a probed value and each entry under it cost about 25 times a scanned entry
            // (random versus sequential reads).
            tableCost += ball(widths[k], sub[k]) * (1 + n / (double) (1 << widths[k])) * 25;
        }
        if (strategy == Strategy.AUTO && tableCost >= n) {
            scan(query, radius, out);
            return;
        }
        long[] qw = {query.w0(), query.w1(), query.w2(), query.w3()};
        int[] work = new int[256];
        for (int k = 0; k < exact; k++) {
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
        int width = widths[k];
        int[] list = work;
        int size = 0;
        int s = head[key];
        if (s != EMPTY) {
            list[size++] = s;
        }
        for (int weight = 1; weight <= r; weight++) {
            if (weight <= LISTED_WEIGHT && width - MIN_BITS < MASKS.length) {
                int[] masks = MASKS[width - MIN_BITS][weight];
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
            // Every mask with this many bits set, in increasing order (Gosper's hack).
            long mask = (1L << weight) - 1;
            while (mask < (1L << width)) {
                s = head[key ^ (int) mask];
                if (s != EMPTY) {
                    if (size == list.length) {
                        list = Arrays.copyOf(list, size * 2);
                    }
                    list[size++] = s;
                }
                long c = mask & -mask;
                long t = mask + c;
                mask = (((t ^ mask) >>> 2) / c) | t;
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

    /** Number of values within {@code r} bits of one value of {@code width} bits (0 when r &lt; 0). */
    private static double ball(int width, int r) {
        double total = 0;
        double c = 1;
        for (int i = 0; i <= r; i++) {
            total += c;
            c = c * (width - i) / (i + 1);
        }
        return total;
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
        int[] tables = new int[Math.max(64, 2 * m)];
        int[] slots = new int[tables.length];
        int size = 0;
        for (int k = 0; k < m; k++) {
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
    private boolean sharedEarlier(long x0, long x1, long x2, long x3, int k) {
        for (int j = 0; j < k; j++) {
            if (substring(x0, x1, x2, x3, j) == 0) {
                return true;
            }
        }
        return false;
    }

    /** True when a table before {@code k} probed this candidate's value (so it was already checked). */
    private boolean seenInEarlierTable(long x0, long x1, long x2, long x3, int k, int[] sub) {
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
        for (int k = 0; k < m; k++) {
            bytes += 4L * heads[k].length + 4L * next[k].length;
        }
        return bytes;
    }
}
