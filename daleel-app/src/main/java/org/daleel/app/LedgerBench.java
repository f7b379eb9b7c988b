package org.daleel.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.daleel.item.ItemIds;
import org.daleel.ledger.EntryKind;
import org.daleel.ledger.FileLedger;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.ledger.LedgerEntry;
import org.daleel.ledger.PayloadDigest;
import org.daleel.ledger.merkle.MerkleTree;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.SignedNote;
import org.daleel.ledger.tsa.CheckpointStamper;
import org.daleel.ledger.tsa.TimestampClient;

/**
 * {@code daleel bench ledger}: the custody ledger's speed against the published bars (Tessera about
 * 10,000 durable appends/s on NVMe, Trillian about 65/s per tree, Sunlight a checkpoint within about
 * 1 s): (a) durable appends per second, batched ({@code appendAll}) and from many concurrent
 * appenders (group commit), every one acknowledged only after its tiles and checkpoint are fsynced;
 * (b) time from an append to the checkpoint covering it being published (readable by another
 * process); (c) inclusion proofs in a log of {@code entries} entries built with the bulk path; (d)
 * the hashing {@code daleel verify} does, in MB/s next to {@code sha256sum} on the same files.
 */
final class LedgerBench {
    private final Path dir;
    private final long entries;
    private final int hashMiB;

    LedgerBench(Path dir, long entries, int hashMiB) {
        this.dir = dir;
        this.entries = entries;
        this.hashMiB = hashMiB;
    }

    void run() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        byte[] sample = sampleEntry();
        appends(sample);
        proofs();
        hashing();
    }

    private static byte[] sampleEntry() {
        return new LedgerEntry(
                        EntryKind.CAPTURE,
                        ItemIds.next(Instant.now()),
                        List.of(
                                new PayloadDigest("payload", "cd".repeat(32), 5321),
                                new PayloadDigest("warc", "ab".repeat(32), 123_456)),
                        "cli:bench",
                        Instant.now(),
                        "daleel/0.1.0",
                        "https://example.org/report.html")
                .encode();
    }

    /** (a) and (b). */
    private void appends(byte[] sample) throws IOException, InterruptedException {
        try (FileLedger ledger = FileLedger.open(dir.resolve("batched"), "daleel.bench/batched")) {
            int batch = 1000;
            int total = 100_000;
            long start = System.nanoTime();
            for (int done = 0; done < total; done += batch) {
                ledger.appendAll(java.util.Collections.nCopies(batch, sample));
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "ledger (a) batched appends: %,d entries of %d bytes in batches of %d in %.2f s: %,.0f durable"
                            + " appends/s (%,.0f fsynced commits/s)%n",
                    total,
                    sample.length,
                    batch,
                    s,
                    total / s,
                    total / batch / s);
        }
        for (int threads : new int[] {1, 16, 64}) {
            concurrent(sample, threads, threads == 1 ? 500 : threads * 500);
        }
        withTsaDown(sample);
    }

    /** (a) again with time-stamping on and a TSA that accepts connections but never answers. */
    private void withTsaDown(byte[] sample) throws IOException, InterruptedException {
        try (java.net.ServerSocket blackhole =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        held.add(blackhole.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the run
                }
            });
            var url = java.net.URI.create("http://127.0.0.1:" + blackhole.getLocalPort() + "/tsa");
            var options = new CheckpointStamper.Options(3, java.time.Duration.ZERO, java.time.Duration.ofSeconds(2));
            int total = 64 * 500;
            long start;
            double s;
            List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (LedgerCustodyLog log = LedgerCustodyLog.open(dir.resolve("tsa-down"), "daleel.bench/tsa-down")) {
                log.stamping(new CheckpointStamper(
                        new TimestampClient(url, options.timeout(), 1 << 16),
                        log.timestampStore(),
                        options,
                        warnings::add));
                AtomicInteger left = new AtomicInteger(total);
                start = System.nanoTime();
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < 64; t++) {
                    workers.add(Thread.ofPlatform().start(() -> {
                        try {
                            while (left.getAndDecrement() > 0) {
                                log.ledger().append(sample);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
                }
                for (Thread w : workers) {
                    w.join();
                }
                s = (System.nanoTime() - start) / 1e9;
            }
            for (java.net.Socket socket : held) {
                socket.close();
            }
            System.out.printf(
                    Locale.ROOT,
                    "ledger (a) 64 concurrent appenders, time-stamping on, TSA never answering: %,d appends in %.2f s:"
                            + " %,.0f durable appends/s; %d outage warning(s)%n",
                    total,
                    s,
                    total / s,
                    warnings.size());
        }
    }

    private void concurrent(byte[] sample, int threads, int total) throws IOException, InterruptedException {
        Path ledgerDir = dir.resolve("concurrent-" + threads);
        try (FileLedger ledger = FileLedger.open(ledgerDir, "daleel.bench/concurrent")) {
            AtomicInteger left = new AtomicInteger(total);
            long[] published = new long[total];
            AtomicInteger sampled = new AtomicInteger();
            long start = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        while (left.getAndDecrement() > 0) {
                            long t0 = System.nanoTime();
                            long index = ledger.append(sample);
                            // published: the checkpoint file another process reads covers the entry
                            long size = Checkpoint.parse(SignedNote.parse(Files.readString(
                                                    ledgerDir.resolve("checkpoint"), StandardCharsets.UTF_8))
                                            .text())
                                    .size();
                            if (size <= index) {
                                throw new IllegalStateException("append " + index + " returned before the"
                                        + " checkpoint on disk covered it (size " + size + ")");
                            }
                            published[sampled.getAndIncrement()] = System.nanoTime() - t0;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Thread w : workers) {
                w.join();
            }
            double s = (System.nanoTime() - start) / 1e9;
            long[] lat = Arrays.copyOf(published, sampled.get());
            Arrays.sort(lat);
            System.out.printf(
                    Locale.ROOT,
                    "ledger (a) %d concurrent appenders (group commit): %,d appends in %.2f s: %,.0f durable"
                            + " appends/s%n",
                    threads,
                    total,
                    s,
                    total / s);
            System.out.printf(
                    Locale.ROOT,
                    "ledger (b) append to published checkpoint, %d appenders: median %.1f ms, p99 %.1f ms, max %.1f"
                            + " ms%n",
                    threads,
                    lat[lat.length / 2] / 1e6,
                    lat[(int) (lat.length * 0.99)] / 1e6,
                    lat[lat.length - 1] / 1e6);
        }
    }

    /** (c): a log of {@code entries} entries built with batched appends, then random inclusion proofs. */
    private void proofs() throws IOException {
        Path big = dir.resolve("big");
        int batch = 1 << 16;
        long start = System.nanoTime();
        try (FileLedger ledger = FileLedger.open(big, "daleel.bench/big")) {
            List<byte[]> chunk = new ArrayList<>(batch);
            for (long i = 0; i < entries; ) {
                chunk.clear();
                for (int k = 0; k < batch && i < entries; k++, i++) {
                    chunk.add(ByteBuffer.allocate(16).putLong(i).putLong(~i).array());
                }
                ledger.appendAll(chunk);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "ledger (c) built a log of %,d entries (16 bytes each) with batched appends in %.1f s%n",
                entries,
                (System.nanoTime() - start) / 1e9);
        try (FileLedger ledger = FileLedger.openReadOnly(big)) {
            long size = ledger.size();
            byte[] root = ledger.rootHash(size);
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 2000; i++) { // warm-up: JIT and page cache
                ledger.inclusionProof(random.nextLong(size), size);
            }
            int n = 10_000;
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                long index = random.nextLong(size);
                long t0 = System.nanoTime();
                List<byte[]> proof = ledger.inclusionProof(index, size);
                times[i] = System.nanoTime() - t0;
                if (i % 1000 == 0) {
                    byte[] leaf = MerkleTree.leafHash(ledger.entry(index));
                    if (!MerkleTree.verifyInclusion(index, size, leaf, proof, root)) {
                        throw new IllegalStateException("inclusion proof of entry " + index + " does not verify");
                    }
                }
            }
            Arrays.sort(times);
            System.out.printf(
                    Locale.ROOT,
                    "ledger (c) inclusion proof at %,d entries (%d random entries, from the tiles on disk):"
                            + " median %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    size,
                    n,
                    times[n / 2] / 1e6,
                    times[(int) (n * 0.99)] / 1e6,
                    times[n - 1] / 1e6);
        }
        Trees.delete(big);
    }

    /** (d): verify's hashing routine, on every core as verify runs it, next to sha256sum on the same files. */
    private void hashing() throws IOException, InterruptedException {
        Path files = Files.createDirectories(dir.resolve("hash"));
        int count = 32;
        int mib = Math.max(1, hashMiB / count);
        SplittableRandom random = new SplittableRandom(7);
        List<Path> paths = new ArrayList<>();
        byte[] block = new byte[1 << 20];
        for (int f = 0; f < count; f++) {
            Path p = files.resolve(String.format(Locale.ROOT, "blob-%02d", f));
            try (var out = Files.newOutputStream(p)) {
                for (int m = 0; m < mib; m++) {
                    for (int i = 0; i < block.length; i += 8) {
                        ByteBuffer.wrap(block, i, 8).putLong(random.nextLong());
                    }
                    out.write(block);
                }
            }
            paths.add(p);
        }
        long bytes = (long) count * mib << 20;
        for (int round = 1; round <= 2; round++) {
            long t0 = System.nanoTime();
            paths.parallelStream().forEach(VerifyCommand::hash);
            double daleel = (System.nanoTime() - t0) / 1e9;
            double sequential = timeCommand(List.of("sha256sum"), paths);
            double parallel = timeCommand(List.of("xargs", "-P", "2", "-n", "16", "sha256sum"), paths);
            System.out.printf(
                    Locale.ROOT,
                    "ledger (d) round %d, %,d MiB in %d files (page cache warm): daleel verify hashing %.0f MB/s;"
                            + " sha256sum %.0f MB/s; 2 x sha256sum (xargs -P 2) %.0f MB/s%n",
                    round,
                    bytes >> 20,
                    count,
                    bytes / daleel / 1e6,
                    bytes / sequential / 1e6,
                    bytes / parallel / 1e6);
        }
        Trees.delete(files);
    }

    /** Seconds {@code command} takes over {@code files} (names on stdin for xargs, else as arguments). */
    private static double timeCommand(List<String> command, List<Path> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        boolean xargs = command.getFirst().equals("xargs");
        if (!xargs) {
            files.forEach(p -> cmd.add(p.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (xargs) {
                for (Path f : files) {
                    in.write((f + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed or timed out");
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
