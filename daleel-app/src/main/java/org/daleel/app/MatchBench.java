package org.daleel.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.daleel.core.InvalidInputException;
import org.daleel.match.Hash256;
import org.daleel.match.HashMatch;
import org.daleel.media.index.BruteForceHashIndex;
import org.daleel.media.index.PackedMultiIndexHashIndex;

/**
 * {@code daleel bench match}: Hamming radius search over many PDQ-sized hashes, the multi-index
 * adapter ({@link PackedMultiIndexHashIndex}) against the brute-force reference in the same run, on
 * one thread; then the multi-index's open time (it is built persisted in {@code dir}, and reopened
 * from its log).
 *
 * <p>Data: {@code hashes} uniformly random 256-bit hashes, of which {@code queries} groups of
 * {@value #PLANTED} are planted near a secret centre at known distances (spread over 0..45 bits, so
 * about 70% lie within radius 31 and the rest just beyond it). Each query is a group's centre (not
 * itself stored): its true hits are known, and every query's result is checked against them. A
 * sample of queries also runs through the brute-force index, whose results must be identical.
 */
final class MatchBench {
    static final int PLANTED = 10;
    private static final int MAX_PLANTED_DISTANCE = 45;

    private final int hashes;
    private final int queries;
    private final int bruteQueries;
    private final int radius;
    private final Path dir;

    MatchBench(Path dir, int hashes, int queries, int bruteQueries, int radius) {
        if (hashes < 10L * PLANTED || hashes < (long) queries * PLANTED || queries < 1 || bruteQueries < 1) {
            throw new InvalidInputException("bench match --hashes " + hashes + ": expected at least " + 10 * PLANTED
                    + " and at least " + PLANTED + " per query (" + queries + " queries)");
        }
        if (radius < 0) {
            throw new InvalidInputException("bench match radius " + radius + ": expected 0 or more bits");
        }
        this.hashes = hashes;
        this.queries = queries;
        this.bruteQueries = Math.min(bruteQueries, queries);
        this.radius = radius;
        this.dir = dir;
    }

    void run() {
        Hash256[] centres = new Hash256[queries];
        int[][] plantedDistances = new int[queries][PLANTED];
        long heap0 = usedHeapAfterGc();
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        // The multi-index is persisted (each add appended to its log, as in an archive), so that its
        // open (replaying the log into the tables) can be timed below.
        PackedMultiIndexHashIndex mih = PackedMultiIndexHashIndex.open(dir);
        generate(centres, plantedDistances, mih::add);
        double mihBuild = (System.nanoTime() - t0) / 1e9;
        double mihBuildCpu = (cpuNanos() - cpu0) / 1e9;
        long heap1 = usedHeapAfterGc();
        t0 = System.nanoTime();
        cpu0 = cpuNanos();
        BruteForceHashIndex brute = BruteForceHashIndex.inMemory();
        generate(centres, plantedDistances, brute::add);
        double bruteBuild = (System.nanoTime() - t0) / 1e9;
        double bruteBuildCpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "match: %,d hashes (%,d planted near %,d query centres at 0..%d bits, the rest uniform random)%n"
                        + "  built: multi-index (PackedMultiIndexHashIndex, with its log on disk) %.1f s (%.1f s CPU),"
                        + " brute force (in memory) %.1f s (%.1f s CPU)%n",
                hashes,
                (long) queries * PLANTED,
                queries,
                MAX_PLANTED_DISTANCE,
                mihBuild,
                mihBuildCpu,
                bruteBuild,
                bruteBuildCpu);
        System.out.printf(
                Locale.ROOT,
                "  memory: multi-index %.0f bytes/hash (array sizes; %.0f measured on the heap),"
                        + " brute force %.0f bytes/hash (array sizes)%n",
                mih.memoryBytes() / (double) hashes,
                (heap1 - heap0) / (double) hashes,
                brute.memoryBytes() / (double) hashes);

        // Warm-up, then timed queries on this one thread.
        for (int q = 0; q < Math.min(queries, 200); q++) {
            mih.search(centres[q], radius);
        }
        long[] mihNanos = new long[queries];
        long[] mihCpu = new long[queries];
        List<List<HashMatch>> mihResults = new ArrayList<>(queries);
        long hits = 0;
        for (int q = 0; q < queries; q++) {
            long c = cpuNanos();
            long t = System.nanoTime();
            List<HashMatch> found = mih.search(centres[q], radius);
            mihNanos[q] = System.nanoTime() - t;
            mihCpu[q] = cpuNanos() - c;
            mihResults.add(found);
            hits += found.size();
            checkPlanted(q, found, plantedDistances[q]);
        }
        long[] bruteNanos = new long[bruteQueries];
        long[] bruteCpu = new long[bruteQueries];
        brute.search(centres[0], radius);
        for (int q = 0; q < bruteQueries; q++) {
            long c = cpuNanos();
            long t = System.nanoTime();
            List<HashMatch> found = brute.search(centres[q], radius);
            bruteNanos[q] = System.nanoTime() - t;
            bruteCpu[q] = cpuNanos() - c;
            if (!found.equals(mihResults.get(q))) {
                throw new IllegalStateException("bench match: query " + q + ": multi-index found " + mihResults.get(q)
                        + ", brute force " + found);
            }
        }
        // CPU time of this thread is what one core spends; wall time also counts waiting for a core
        // on a shared machine. Both are printed; the speed-up uses CPU time.
        double mihMedian = BenchCommand.pct(mihCpu, 50);
        double bruteMedian = BenchCommand.pct(bruteCpu, 50);
        System.out.printf(
                Locale.ROOT,
                "  radius %d, one thread, %,d queries (%.1f hits per query; every planted hash within the radius"
                        + " found, none beyond):%n",
                radius,
                queries,
                hits / (double) queries);
        System.out.printf(
                Locale.ROOT,
                "    multi-index: median %.3f ms CPU (p90 %.3f, p99 %.3f); wall median %.3f ms (p90 %.3f)%n",
                mihMedian,
                BenchCommand.pct(mihCpu, 90),
                BenchCommand.pct(mihCpu, 99),
                BenchCommand.pct(mihNanos, 50),
                BenchCommand.pct(mihNanos, 90));
        System.out.printf(
                Locale.ROOT,
                "    brute force: median %.2f ms CPU; wall median %.2f ms, over %d queries with results identical"
                        + " to the multi-index%n",
                bruteMedian,
                BenchCommand.pct(bruteNanos, 50),
                bruteQueries);
        System.out.printf(Locale.ROOT, "    multi-index is %.0fx faster (median CPU time)%n", bruteMedian / mihMedian);
        brute.close();
        mih.close();
        brute = null;
        mih = null;
        reopen(centres, mihResults);
    }

    /** Times the multi-index's open (replaying its log), then checks the reopened index's results. */
    private void reopen(Hash256[] centres, List<List<HashMatch>> before) {
        usedHeapAfterGc(); // the closed indexes' memory is free again before the open is timed
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        try (PackedMultiIndexHashIndex reopened = PackedMultiIndexHashIndex.open(dir)) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            if (reopened.size() != hashes) {
                throw new IllegalStateException(
                        "bench match: reopened multi-index holds " + reopened.size() + " hashes, not " + hashes);
            }
            for (int q = 0; q < bruteQueries; q++) {
                List<HashMatch> found = reopened.search(centres[q], radius);
                if (!found.equals(before.get(q))) {
                    throw new IllegalStateException("bench match: query " + q + ": reopened multi-index found " + found
                            + ", before " + before.get(q));
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "  open: the multi-index reopened from its log (%,d hashes) in %.1f s (%.1f s CPU),"
                            + " %.0f bytes/hash (buckets built at their exact size); the first %d queries give"
                            + " the same results%n",
                    hashes,
                    seconds,
                    cpu,
                    reopened.memoryBytes() / (double) hashes,
                    bruteQueries);
        }
    }

    /** Receives the generated hashes. */
    private interface Sink {
        void add(long id, Hash256 hash);
    }

    /**
     * Generates the data (the same on every call, so that the two indexes get it without a third
     * copy held in memory): the query centres, each planted hash's distance, and every hash.
     */
    private void generate(Hash256[] centres, int[][] plantedDistances, Sink sink) {
        SplittableRandom random = new SplittableRandom(20261125L);
        // Planted groups first take ids 0 .. queries * PLANTED - 1; the rest is noise.
        long id = 0;
        for (int q = 0; q < queries; q++) {
            centres[q] = random(random);
            for (int p = 0; p < PLANTED; p++, id++) {
                int d = random.nextInt(MAX_PLANTED_DISTANCE + 1);
                plantedDistances[q][p] = d;
                sink.add(id, atDistance(centres[q], d, random));
            }
        }
        for (; id < hashes; id++) {
            sink.add(id, random(random));
        }
    }

    /** Every planted hash within the radius is found, with its distance; none beyond it. */
    private void checkPlanted(int q, List<HashMatch> found, int[] distances) {
        long first = (long) q * PLANTED;
        int within = 0;
        for (int p = 0; p < PLANTED; p++) {
            long want = first + p;
            int d = distances[p];
            boolean present = found.contains(new HashMatch(want, d));
            if (present != (d <= radius)) {
                throw new IllegalStateException("bench match: query " + q + ": planted hash " + want + " at " + d
                        + " bits " + (present ? "found beyond" : "missed within") + " radius " + radius);
            }
            within += d <= radius ? 1 : 0;
        }
        if (found.size() < within) {
            throw new IllegalStateException("bench match: query " + q + ": fewer results than planted hits");
        }
    }

    private static Hash256 random(SplittableRandom random) {
        return new Hash256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** {@code hash} with exactly {@code bits} distinct bits flipped. */
    private static Hash256 atDistance(Hash256 hash, int bits, SplittableRandom random) {
        int[] positions = new int[Hash256.BITS];
        Arrays.setAll(positions, i -> i);
        Hash256 out = hash;
        for (int i = 0; i < bits; i++) {
            int j = i + random.nextInt(Hash256.BITS - i);
            int t = positions[i];
            positions[i] = positions[j];
            positions[j] = t;
            out = out.flip(positions[i]);
        }
        return out;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
