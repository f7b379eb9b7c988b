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
 * <p>The 256 bits are split into 16 disjoint 16-bit substrings (by default substring {@code k} is
 * bits {@code 16k..16k+15}, Meta's word {@code k}; see {@link SubstringLayout}); each has a table from its 65536 values to the entries
 * holding that value. By the pigeonhole principle, if two hashes differ in at most
 * {@code r = 16q + a} bits (0 &lt;= a &lt; 16), then one of substrings {@code 0..a} differs in at
 * most {@code q} bits or one of the others in at most {@code q - 1}. A search probes each table at
 * every value within that substring radius, then checks each candidate's full distance; a
 * candidate that an earlier table already yielded is recognised from its substring distances and
 * skipped, so no per-search set is needed. Results are therefore exact. When the probes would cost
 * more than reading every entry (large radii) the search scans instead.
 *
 * <p>Memory: about 180 bytes per entry at a million entries (40 for id and hash, about 24 for the
 * id map, the rest the 16 bucket arrays). Query time at a million random entries: about 0.2 ms at
 * radius 31 against 1.6 ms for a scan. Persisted as described in {@link HashLog} when opened on a
 * directory. Thread-safe (see {@link HashIndex}).
 */
public final class MultiIndexHashIndex extends LoggedHashIndex {
    static final int SUBSTRINGS = 16;
    private static final int SUB_BITS = 16;
    private static final int BUCKETS = 1 << SUB_BITS;

    /** Every 16-bit mask, ordered by number of set bits. */
    private static final int[] MASKS_BY_WEIGHT = new int[BUCKETS];

    /** {@code WITHIN[w]}: how many masks have at most {@code w} set bits (a prefix of the above). */
    private static final int[] WITHIN = new int[SUB_BITS + 1];

    static {
        int n = 0;
        for (int w = 0; w <= SUB_BITS; w++) {
            for (int m = 0; m < BUCKETS; m++) {
                if (Integer.bitCount(m) == w) {
                    MASKS_BY_WEIGHT[n++] = m;
                }
            }
            WITHIN[w] = n;
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
     * Which bits form each of the 16 substrings. Results never depend on it (any partition is exact);
     * speed does: a table works best when its 16 bits are independent of each other, so that its
     * buckets are evenly filled.
     */
    public enum SubstringLayout {
        /**
         * Substring {@code k} is bits {@code 16k..16k+15}: Meta's word {@code k}, one row of PDQ's
         * 16x16 DCT block, whose coefficients are nearly independent.
         */
        CONTIGUOUS {
            @Override
            int substring(long w0, long w1, long w2, long w3, int k) {
                long word = switch (k >>> 2) {
                    case 0 -> w3;
                    case 1 -> w2;
                    case 2 -> w1;
                    default -> w0;
                };
                return (int) (word >>> ((k & 3) * SUB_BITS)) & 0xFFFF;
            }
        },
        /**
         * Substring {@code k} takes from each row {@code i} of the 16x16 bit matrix (bits
         * {@code 16i..16i+15}) the bit in column {@code (7i + k) mod 16}: one bit of every row and
         * of every column, neighbours 7 columns apart. For codes whose neighbouring coefficients are
         * correlated (the crop matcher's keys): on 120,000 such keys it cut the entries per bucket
         * read twentyfold against {@link #CONTIGUOUS}.
         */
        DIAGONAL {
            @Override
            int substring(long w0, long w1, long w2, long w3, int k) {
                int v = 0;
                for (int i = 0; i < SUB_BITS; i++) {
                    long word = switch (i >>> 2) {
                        case 0 -> w3;
                        case 1 -> w2;
                        case 2 -> w1;
                        default -> w0;
                    };
                    int shift = (i & 3) * SUB_BITS + ((7 * i + k) & (SUB_BITS - 1));
                    v |= (int) ((word >>> shift) & 1L) << i;
                }
                return v;
            }
        };

        /** Substring {@code k} (0..15) of the hash with words {@code w0..w3}. */
        abstract int substring(long w0, long w1, long w2, long w3, int k);
    }

    private final Strategy strategy;
    private final SubstringLayout layout;

    /**
     * The bucket of each (substring, value): index {@code k * 65536 + value}; element 0 holds the
     * number of slots, elements 1.. the slots. Contiguous slots let a search issue its hash reads
     * independently of one another, where a linked list would wait for each in turn.
     */
    private final int[][] buckets = new int[SUBSTRINGS * BUCKETS][];

    private MultiIndexHashIndex(Strategy strategy, SubstringLayout layout) {
        this.strategy = strategy;
        this.layout = layout;
    }

    /** An index held only in memory, with {@link SubstringLayout#CONTIGUOUS} substrings. */
    public static MultiIndexHashIndex inMemory() {
        return new MultiIndexHashIndex(Strategy.AUTO, SubstringLayout.CONTIGUOUS);
    }

    /** An index held only in memory, with the given substrings. */
    public static MultiIndexHashIndex inMemory(SubstringLayout layout) {
        return new MultiIndexHashIndex(Strategy.AUTO, layout);
    }

    static MultiIndexHashIndex inMemory(Strategy strategy, SubstringLayout layout) {
        return new MultiIndexHashIndex(strategy, layout);
    }

    /**
     * Opens (creating when absent) the index persisted in {@code dir}, rebuilding the tables from
     * its log, with {@link SubstringLayout#CONTIGUOUS} substrings.
     *
     * @throws org.daleel.core.ConflictException when another open index holds the directory
     * @throws org.daleel.core.IntegrityException when the log is damaged
     */
    public static MultiIndexHashIndex open(Path dir) {
        return open(dir, Strategy.AUTO, SubstringLayout.CONTIGUOUS);
    }

    /**
     * As {@link #open(Path)}, with the given substrings. The layout is not stored: the tables are
     * rebuilt from the log on every open, so an index may be reopened with another layout.
     */
    public static MultiIndexHashIndex open(Path dir, SubstringLayout layout) {
        return open(dir, Strategy.AUTO, layout);
    }

    static MultiIndexHashIndex open(Path dir, Strategy strategy, SubstringLayout layout) {
        MultiIndexHashIndex index = new MultiIndexHashIndex(strategy, layout);
        index.attach(dir);
        return index;
    }

    /** Substring {@code k} of the hash whose words start at {@code w[o]}. */
    private int substring(long[] w, int o, int k) {
        return layout.substring(w[o], w[o + 1], w[o + 2], w[o + 3], k);
    }

    private int substring(long w0, long w1, long w2, long w3, int k) {
        return layout.substring(w0, w1, w2, w3, k);
    }

    @Override
    void linked(int slot) {
        long[] w = entries.words();
        int o = slot * 4;
        for (int k = 0; k < SUBSTRINGS; k++) {
            int b = k * BUCKETS + substring(w, o, k);
            int[] bucket = buckets[b];
            if (bucket == null) {
                bucket = buckets[b] = new int[4];
            } else if (bucket[0] + 1 == bucket.length) {
                bucket = buckets[b] = Arrays.copyOf(bucket, bucket.length + (bucket.length >> 1));
            }
            bucket[++bucket[0]] = slot;
        }
    }

    @Override
    void unlinked(int slot) {
        long[] w = entries.words();
        int o = slot * 4;
        for (int k = 0; k < SUBSTRINGS; k++) {
            int[] bucket = buckets[k * BUCKETS + substring(w, o, k)];
            int n = bucket[0];
            for (int i = 1; i <= n; i++) {
                if (bucket[i] == slot) {
                    bucket[i] = bucket[n];
                    bucket[0] = n - 1;
                    break;
                }
            }
        }
    }

    @Override
    void collect(Hash256 query, int radius, List<HashMatch> out) {
        // Pigeonhole radii: r = 16q + a; substrings 0..a get q, the others q - 1.
        int q = radius / SUBSTRINGS;
        int a = radius % SUBSTRINGS;
        int[] sub = new int[SUBSTRINGS];
        long probes = 0;
        for (int k = 0; k < SUBSTRINGS; k++) {
            sub[k] = Math.min(k <= a ? q : q - 1, SUB_BITS);
            probes += sub[k] < 0 ? 0 : WITHIN[sub[k]];
        }
        int n = entries.size();
        if (strategy == Strategy.AUTO) {
            // Measured (1M entries): a probed bucket and each candidate in it cost about 25 times
            // a scanned entry (random versus sequential reads). Buckets hold n / 65536 on average.
            double tableCost = probes * (1 + n / (double) BUCKETS) * 25;
            if (tableCost >= n) {
                scan(query, radius, out);
                return;
            }
        }
        long[] w = entries.words();
        long q0 = query.w0(), q1 = query.w1(), q2 = query.w2(), q3 = query.w3();
        for (int k = 0; k < SUBSTRINGS; k++) {
            if (sub[k] < 0) {
                continue;
            }
            int key = substring(q0, q1, q2, q3, k);
            int limit = WITHIN[sub[k]];
            for (int p = 0; p < limit; p++) {
                int[] bucket = buckets[k * BUCKETS + (key ^ MASKS_BY_WEIGHT[p])];
                if (bucket == null) {
                    continue;
                }
                for (int i = 1, end = bucket[0]; i <= end; i++) {
                    int s = bucket[i];
                    int o = s * 4;
                    long x0 = w[o] ^ q0, x1 = w[o + 1] ^ q1, x2 = w[o + 2] ^ q2, x3 = w[o + 3] ^ q3;
                    int d = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
                    // Most candidates are far; only a match needs the (dearer) duplicate check.
                    if (d <= radius && !seenInEarlierTable(x0, x1, x2, x3, k, sub)) {
                        out.add(new HashMatch(entries.id(s), d));
                    }
                }
            }
        }
    }

    /**
     * A candidate lookup, not an exact search: the entries within {@code radius} of {@code query}
     * that also agree with it exactly on at least one of the 16 substrings. It reads one bucket per
     * table (16 in all) instead of every bucket within the pigeonhole radius, so it costs about as
     * much as an exact search at radius 15, whatever {@code radius}. For {@code radius <= 15} it
     * returns the same as {@link #search}; beyond, an entry at distance {@code d} is missed only
     * when every substring differs, which for bits spread at random happens with probability about
     * {@code (1 - (1 - d/256)^16)^16}: 0.3% at 20 bits, 4% at 25, 20% at 34. Sorted like
     * {@link #search}. Thread-safe.
     *
     * @throws org.daleel.core.InvalidInputException when {@code radius} is negative
     */
    public List<HashMatch> searchSharingSubstring(Hash256 query, int radius) {
        return read(query, radius, this::collectSharing);
    }

    private void collectSharing(Hash256 query, int radius, List<HashMatch> out) {
        long[] w = entries.words();
        long q0 = query.w0(), q1 = query.w1(), q2 = query.w2(), q3 = query.w3();
        for (int k = 0; k < SUBSTRINGS; k++) {
            int[] bucket = buckets[k * BUCKETS + substring(q0, q1, q2, q3, k)];
            if (bucket == null) {
                continue;
            }
            for (int i = 1, end = bucket[0]; i <= end; i++) {
                int s = bucket[i];
                int o = s * 4;
                long x0 = w[o] ^ q0, x1 = w[o + 1] ^ q1, x2 = w[o + 2] ^ q2, x3 = w[o + 3] ^ q3;
                int d = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
                if (d <= radius && !sharedEarlier(x0, x1, x2, x3, k)) {
                    out.add(new HashMatch(entries.id(s), d));
                }
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

    /** True when a table before {@code k} probed this candidate's bucket (so it was already checked). */
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
        long bytes = super.memoryBytes() + (long) buckets.length * Integer.BYTES;
        for (int[] bucket : buckets) {
            if (bucket != null) {
                bytes += 16 + 4L * bucket.length;
            }
        }
        return bytes;
    }
}
