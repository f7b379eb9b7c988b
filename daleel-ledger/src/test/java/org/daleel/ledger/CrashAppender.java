package org.daleel.ledger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link FileLedgerCrashTest}: appends from several threads until it is killed,
 * printing {@code ack <index> <token> .} after each append returns. The entry's bytes are
 * {@link #bytes(String)} of the token. Stops by itself after 30 seconds in case nobody kills it.
 */
public final class CrashAppender {
    private CrashAppender() {}

    static byte[] bytes(String token) {
        return ("crash-test " + token + " " + "p".repeat(token.hashCode() & 63)).getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String round = args[1];
        int threads = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (FileLedger ledger = FileLedger.open(dir, FileLedgerTest.ORIGIN)) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int seq = 0; System.nanoTime() < deadline; seq++) {
                        String token = "r" + round + "t" + thread + "s" + seq;
                        try {
                            long index = ledger.append(bytes(token));
                            synchronized (out) {
                                out.println("ack " + index + " " + token + " .");
                                out.flush();
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }));
            }
            for (Thread w : workers) {
                w.join();
            }
        }
    }
}
