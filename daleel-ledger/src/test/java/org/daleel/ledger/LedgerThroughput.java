package org.daleel.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.daleel.item.ItemIds;

/**
 * Manual measurement, not a test: {@code java -cp ... org.daleel.ledger.LedgerThroughput [threads]
 * [appends]} appends realistic entries to a fresh ledger in a temporary directory and prints
 * appends per second.
 */
public final class LedgerThroughput {
    private LedgerThroughput() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path dir = Files.createTempDirectory("ledger-throughput");
        byte[] sample = new LedgerEntry(
                        EntryKind.CAPTURE,
                        ItemIds.next(Instant.now()),
                        List.of(
                                new PayloadDigest("warc", "ab".repeat(32), 123_456),
                                new PayloadDigest("payload", "cd".repeat(32), 5321)),
                        "cli:bench",
                        Instant.now(),
                        "daleel/0.1.0",
                        "")
                .encode();
        try (FileLedger ledger = FileLedger.open(dir, "daleel.bench/ledger")) {
            AtomicInteger left = new AtomicInteger(total);
            long start = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        while (left.getAndDecrement() > 0) {
                            ledger.append(sample);
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
            }
            for (Thread w : workers) {
                w.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%d threads, %d appends of %d bytes in %.2f s: %.0f appends/s%n",
                    threads, ledger.size(), sample.length, seconds, ledger.size() / seconds);
            long verifyStart = System.nanoTime();
            LedgerVerification v = ledger.verify();
            System.out.printf("verify: %s in %.2f s%n", v.message(), (System.nanoTime() - verifyStart) / 1e9);
        }
    }
}
