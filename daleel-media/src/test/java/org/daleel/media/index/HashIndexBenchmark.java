package org.daleel.media.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashIndexContract;

/**
 * Manual measurement, not a test: one million random hashes; query times per radius for the
 * multi-index and brute-force adapters, heap per entry, and persisted build and reopen times.
 *
 * <pre>java -Xmx2g -cp target/classes:target/test-classes:$CORE_JAR org.daleel.media.index.HashIndexBenchmark [n]</pre>
 */
public final class HashIndexBenchmark {
    private HashIndexBenchmark() {}

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random random = new Random(1);
        Hash256[] hashes = new Hash256[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = new Hash256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        }

        long heap0 = usedHeap();
        long t0 = System.nanoTime();
        MultiIndexHashIndex mih = MultiIndexHashIndex.inMemory();
        for (int i = 0; i < n; i++) {
            mih.add(i, hashes[i]);
        }
        long build = System.nanoTime() - t0;
        long heap1 = usedHeap();
        System.out.printf(
                "multi-index: %d entries built in %.0f ms; heap %.1f bytes/entry measured, %.1f by array sizes%n",
                n, build / 1e6, (heap1 - heap0) / (double) n, mih.memoryBytes() / (double) n);

        BruteForceHashIndex brute = BruteForceHashIndex.inMemory();
        for (int i = 0; i < n; i++) {
            brute.add(i, hashes[i]);
        }
        System.out.printf("brute force: heap %.1f bytes/entry by array sizes%n", brute.memoryBytes() / (double) n);

        for (int radius : new int[] {0, 8, 16, 24, 31, 40, 48, 64}) {
            report("multi-index", mih, hashes, radius, random);
        }
        report("brute force", brute, hashes, 31, random);

        Path dir = Files.createTempDirectory("hash-index-bench");
        t0 = System.nanoTime();
        try (MultiIndexHashIndex persisted = MultiIndexHashIndex.open(dir)) {
            for (int i = 0; i < n; i++) {
                persisted.add(i, hashes[i]);
            }
        }
        long write = System.nanoTime() - t0;
        t0 = System.nanoTime();
        try (MultiIndexHashIndex reopened = MultiIndexHashIndex.open(dir)) {
            System.out.printf(
                    "persisted: %d adds in %.0f ms (log %d MB); reopen and rebuild %.0f ms, size %d%n",
                    n,
                    write / 1e6,
                    Files.size(dir.resolve(HashLog.LOG_FILE)) >> 20,
                    (System.nanoTime() - t0) / 1e6,
                    reopened.size());
        }
        Files.delete(dir.resolve(HashLog.LOG_FILE));
        Files.delete(dir.resolve(HashLog.LOCK_FILE));
        Files.delete(dir);
    }

    /** Queries near stored entries (a planted neighbour at radius / 2) and far from them. */
    private static void report(String name, HashIndex index, Hash256[] hashes, int radius, Random random) {
        int queries = 400;
        double[] times = new double[queries];
        long found = 0;
        for (int warm = 0; warm < 50; warm++) {
            index.search(hashes[random.nextInt(hashes.length)], radius);
        }
        for (int q = 0; q < queries; q++) {
            Hash256 query = HashIndexContract.atDistance(hashes[random.nextInt(hashes.length)], radius / 2, random);
            long t = System.nanoTime();
            found += index.search(query, radius).size();
            times[q] = (System.nanoTime() - t) / 1e3;
        }
        Arrays.sort(times);
        System.out.printf(
                "%s radius %2d: median %8.1f us, p90 %8.1f us, p99 %8.1f us, %.2f matches/query%n",
                name,
                radius,
                times[queries / 2],
                times[queries * 9 / 10],
                times[queries * 99 / 100],
                found / (double) queries);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
