package org.daleel.media.index;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashMatch;

/**
 * Exact Hamming-radius search by multi-index hashing (Norouzi, Punjani and Fleet, CVPR 2012) laid
 * out for sequential reads: the index for whole-picture and frame hashes.
 *
 * <p>The 256 bits are split into 16 substrings of 16 bits. By the pigeonhole principle, two hashes
 * within {@code r = 16q + a} bits (0 &lt;= a &lt; 16) differ by at most {@code q} bits in one of
 * substrings {@code 0..a} or by at most {@code q - 1} in one of the others; at radius 31 every
 * table is probed at its key and the 16 values one bit away (272 bucket reads per search).
 *
 * <p>Each of the 16 tables keeps, for each of the 65,536 values of its substring, one packed
 * bucket ({@link PackedBucket}): a {@code long[]} holding, per entry, 96 other bits of its hash
 * (table {@code k} in word {@code w = k / 4} keeps word {@code w + 1} and half of word
 * {@code w + 2}, all outside its own substring) side by side, 12 bytes per entry, and the entries'
 * slots after them. A search streams the probed buckets and checks each entry against those inline
 * bits first: an entry can be within the radius only if the bits on which the probed value differs
 * plus its inline distance are within it. For a random entry, 96 inline bits within 30 of the query happens with probability about
 * 2·10<sup>-4</sup>, so the full hash (a random read) is fetched for a handful of entries per
 * search, not for every candidate. An entry met in several tables is reported by the first table
 * whose probe covers it (recognised from its substring distances), so results are exact and need
 * no per-search set. When the probes would cost more than a scan (large radii, small indexes) the
 * search scans instead.
 *
 * <p>Buckets are separate arrays that grow by a quarter when full, so an add appends to 16 buckets
 * (O(1) amortised, no rebuild of the tables ever) and a remove moves the bucket's last entry into the
 * hole; there is no second, unsorted part to scan. On open the {@link HashLog} is replayed into the
 * entries, then the tables are built at once with exact-sized buckets. A search first reads the
 * reference and count of every probed bucket (independent reads that overlap), then streams them.
 *
 * <p>Memory: 16 bytes per entry in each of the 16 tables (12 inline, 4 for the slot), plus bucket
 * growth slack (up to a quarter; none after an open), plus the entries themselves (hash, id and id map, about 80 bytes); figures
 * at 10 million hashes in docs/benchmarks.md ({@code daleel bench match}). Thread-safe (see
 * {@link HashIndex}).
 */
public final class PackedMultiIndexHashIndex extends LoggedHashIndex {
    private static final int SUBSTRINGS = 16;
    private static final int WIDTH = Masks16.WIDTH;
    private static final int VALUES = Masks16.VALUES;

    /**
     * Cost of probing one value and of streaming one entry there, in units of one scanned entry
     * (measured roughly with {@code daleel bench match}: a bucket start is a random read, an entry
     * is 12 bytes against 32).
     */
    private static final double BUCKET_COST = 32;

    private static final double ENTRY_COST = 0.4;

    /** Probed buckets read ahead at a time (at 10 million entries about 470 KB, within a core's L2 cache). */
    private static final int WINDOW = 256;

    /** When to use the tables rather than a scan. */
    enum Strategy {
        /** Tables unless the estimated probe cost exceeds a scan. */
        AUTO,
        /** Always the tables (tests of exactness at any radius and size). */
        TABLES
    }

    private final Strategy strategy;

    /** {@code buckets[k][v]}: the bucket of value {@code v} of substring {@code k}, or null when empty. */
    private final long[][][] buckets = new long[SUBSTRINGS][VALUES][];

    /**
     * The sum of the longs a search read ahead: stored in a field of the index (which outlives the
     * search) so that the compiler cannot drop those reads. Nothing reads it; searches may overwrite
     * each other's.
     */
    private long readAhead;

    private PackedMultiIndexHashIndex(Strategy strategy) {
        this.strategy = strategy;
    }

    /** An index held only in memory. */
    public static PackedMultiIndexHashIndex inMemory() {
        return new PackedMultiIndexHashIndex(Strategy.AUTO);
    }

    static PackedMultiIndexHashIndex inMemory(Strategy strategy) {
        return new PackedMultiIndexHashIndex(strategy);
    }

    /**
     * Opens (creating when absent) the index persisted in {@code dir}, rebuilding the tables from
     * its log.
     *
     * @throws org.daleel.core.ConflictException when another open index holds the directory
     * @throws org.daleel.core.IntegrityException when the log is damaged
     */
    public static PackedMultiIndexHashIndex open(Path dir) {
        return open(dir, Strategy.AUTO);
    }

    static PackedMultiIndexHashIndex open(Path dir, Strategy strategy) {
        PackedMultiIndexHashIndex index = new PackedMultiIndexHashIndex(strategy);
        index.attach(dir);
        return index;
    }

    private static long word(long w0, long w1, long w2, long w3, int i) {
        return switch (i & 3) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            default -> w3;
        };
    }

    /** Substring {@code k}: bits {@code 16(k mod 4)..+15} of word {@code k / 4}. */
    private static int substring(long w0, long w1, long w2, long w3, int k) {
        return (int) (word(w0, w1, w2, w3, k >>> 2) >>> ((k & 3) << 4)) & (VALUES - 1);
    }

    /** 32 inline bits of table {@code k}: half of word {@code k / 4 + 2}. */
    private static int inlineLow(long w0, long w1, long w2, long w3, int k) {
        return (int) (word(w0, w1, w2, w3, (k >>> 2) + 2) >>> ((k & 1) << 5));
    }

    /** The other 64 inline bits of table {@code k}: word {@code k / 4 + 1}. */
    private static long inlineHigh(long w0, long w1, long w2, long w3, int k) {
        return word(w0, w1, w2, w3, (k >>> 2) + 1);
    }

    @Override
    void linked(int slot) {
        long[] w = entries.words();
        int o = slot * 4;
        long w0 = w[o], w1 = w[o + 1], w2 = w[o + 2], w3 = w[o + 3];
        for (int k = 0; k < SUBSTRINGS; k++) {
            long[][] table = buckets[k];
            int v = substring(w0, w1, w2, w3, k);
            table[v] = PackedBucket.append(table[v], slot, inlineLow(w0, w1, w2, w3, k), inlineHigh(w0, w1, w2, w3, k));
        }
    }

    /**
     * Builds every table from the entries at once (on open): buckets counted first, then allocated
     * at their exact size and filled in slot order with plain stores.
     */
    @Override
    void linkedAll() {
        long[] w = entries.words();
        int n = entries.size();
        int[] counts = new int[VALUES];
        for (int k = 0; k < SUBSTRINGS; k++) {
            Arrays.fill(counts, 0);
            for (int o = 0; o < 4 * n; o += 4) {
                counts[substring(w[o], w[o + 1], w[o + 2], w[o + 3], k)]++;
            }
            long[][] table = buckets[k];
            for (int v = 0; v < VALUES; v++) {
                table[v] = counts[v] == 0 ? null : PackedBucket.withCapacity(counts[v]);
            }
            PackedBucket.Filler filler = new PackedBucket.Filler(table);
            for (int s = 0, o = 0; s < n; s++, o += 4) {
                long w0 = w[o], w1 = w[o + 1], w2 = w[o + 2], w3 = w[o + 3];
                filler.put(
                        substring(w0, w1, w2, w3, k), s, inlineLow(w0, w1, w2, w3, k), inlineHigh(w0, w1, w2, w3, k));
            }
            filler.finish();
        }
    }

    @Override
    void unlinked(int slot) {
        long[] w = entries.words();
        int o = slot * 4;
        for (int k = 0; k < SUBSTRINGS; k++) {
            int v = substring(w[o], w[o + 1], w[o + 2], w[o + 3], k);
            buckets[k][v] = PackedBucket.remove(buckets[k][v], slot);
        }
    }

    @Override
    void collect(Hash256 query, int radius, List<HashMatch> out) {
        // Pigeonhole radii: r = 16q + a; substrings 0..a get q, the others q - 1 (negative: skipped).
        int q = radius / SUBSTRINGS;
        int a = radius % SUBSTRINGS;
        int[] sub = new int[SUBSTRINGS];
        int n = entries.size();
        double perBucket = BUCKET_COST + ENTRY_COST * n / VALUES;
        double tableCost = 0;
        for (int k = 0; k < SUBSTRINGS; k++) {
            sub[k] = Math.min(k <= a ? q : q - 1, WIDTH);
            tableCost += Masks16.ball(sub[k]) * perBucket;
        }
        if (strategy == Strategy.AUTO && tableCost >= n) {
            scan(query, radius, out);
            return;
        }
        new Probe(query, radius, sub, out).run();
    }

    /** One search: the query's words, radius and per-table radii, and where matches go. */
    private final class Probe {
        private final long q0, q1, q2, q3;
        private final int radius;
        private final int[] sub;
        private final List<HashMatch> out;

        /** The non-empty probed buckets, each with its table and the bits its value differs by. */
        private long[][] found = new long[SUBSTRINGS * (1 + WIDTH)][];

        private int[] tableAndWeight = new int[found.length];
        private int size;

        Probe(Hash256 query, int radius, int[] sub, List<HashMatch> out) {
            q0 = query.w0();
            q1 = query.w1();
            q2 = query.w2();
            q3 = query.w3();
            this.radius = radius;
            this.sub = sub;
            this.out = out;
        }

        /**
         * Two passes, so that the random reads overlap: first every probed bucket of every table
         * (independent reads of its reference and header), then each bucket is streamed.
         */
        void run() {
            for (int k = 0; k < SUBSTRINGS; k++) {
                long[][] table = buckets[k];
                int key = substring(q0, q1, q2, q3, k);
                for (int weight = 0; weight <= sub[k]; weight++) {
                    if (weight <= Masks16.LISTED_WEIGHT) {
                        for (int mask : Masks16.listed(weight)) {
                            gather(table[key ^ mask], k, weight);
                        }
                        continue;
                    }
                    for (long mask = Masks16.first(weight); mask < VALUES; mask = Masks16.next(mask)) {
                        gather(table[key ^ (int) mask], k, weight);
                    }
                }
            }
            // Buckets are read ahead a window at a time, one window ahead of the checks, so that
            // what was read ahead is still in the cache when it is checked.
            touch(0, Math.min(size, WINDOW));
            int k = -1;
            int low = 0;
            long high = 0;
            for (int i = 0; i < size; i++) {
                if (i % WINDOW == 0) {
                    touch(i + WINDOW, Math.min(size, i + 2 * WINDOW));
                }
                int tw = tableAndWeight[i];
                if (tw >>> 8 != k) {
                    k = tw >>> 8;
                    low = inlineLow(q0, q1, q2, q3, k);
                    high = inlineHigh(q0, q1, q2, q3, k);
                }
                // The probed value differs from the query's in exactly (tw & 0xFF) bits.
                bucket(found[i], k, low, high, radius - (tw & 0xFF));
            }
        }

        /**
         * Reads one long of every cache line of probed buckets {@code from..to-1} before they are
         * checked: these reads are independent of each other, so the processor keeps many in flight
         * at once, whereas the checking loop would wait for each bucket's first lines in turn.
         */
        private void touch(int from, int to) {
            long sum = 0;
            for (int i = from; i < to; i++) {
                long[] b = found[i];
                int end = PackedBucket.pair(PackedBucket.count(b) + 1);
                for (int j = 8; j < end; j += 8) {
                    sum += b[j];
                }
            }
            readAhead = sum;
        }

        private void gather(long[] b, int k, int weight) {
            // Reading the count here starts the header's memory read, overlapping the others'.
            if (b == null || b[0] == 0) {
                return;
            }
            if (size == found.length) {
                found = Arrays.copyOf(found, size * 2);
                tableAndWeight = Arrays.copyOf(tableAndWeight, size * 2);
            }
            found[size] = b;
            tableAndWeight[size++] = k << 8 | weight;
        }

        private void bucket(long[] b, int k, int low, long high, int budget) {
            int count = PackedBucket.count(b);
            int end = PackedBucket.pair(count & ~1);
            int i = 0;
            for (int p = 1; p < end; p += 3, i += 2) {
                long lows = b[p + 2];
                int d0 = Long.bitCount(b[p] ^ high) + Integer.bitCount((int) lows ^ low);
                int d1 = Long.bitCount(b[p + 1] ^ high) + Integer.bitCount((int) (lows >>> 32) ^ low);
                if (d0 <= budget) {
                    check(PackedBucket.slot(b, i), k);
                }
                if (d1 <= budget) {
                    check(PackedBucket.slot(b, i + 1), k);
                }
            }
            if (i < count && Long.bitCount(b[end] ^ high) + Integer.bitCount((int) b[end + 2] ^ low) <= budget) {
                check(PackedBucket.slot(b, i), k);
            }
        }

        /** Full distance of a candidate that passed the inline bits; reported by its first table only. */
        private void check(int slot, int k) {
            long[] w = entries.words();
            int o = slot * 4;
            long x0 = w[o] ^ q0, x1 = w[o + 1] ^ q1, x2 = w[o + 2] ^ q2, x3 = w[o + 3] ^ q3;
            int d = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
            if (d > radius) {
                return;
            }
            for (int j = 0; j < k; j++) {
                if (Integer.bitCount(substring(x0, x1, x2, x3, j)) <= sub[j]) {
                    return; // table j probed it already
                }
            }
            out.add(new HashMatch(entries.id(slot), d));
        }
    }

    @Override
    public long memoryBytes() {
        // Array sizes: the entries, one reference per value and table, and the buckets.
        long bytes = super.memoryBytes() + 4L * SUBSTRINGS * VALUES;
        for (long[][] table : buckets) {
            for (long[] b : table) {
                if (b != null) {
                    bytes += PackedBucket.bytes(b);
                }
            }
        }
        return bytes;
    }
}
