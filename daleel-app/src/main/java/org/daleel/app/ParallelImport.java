package org.daleel.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.daleel.archive.Archive;
import org.daleel.archive.ImportResult;
import org.daleel.archive.ItemOptions;
import org.daleel.core.DaleelException;

/**
 * Imports files on a few threads so that hashing, extraction and the disk flushes of one file overlap
 * with the work on others (each item is still committed on its own, so every reported result is
 * durable), and reports results in input order.
 */
final class ParallelImport {
    /** Receives each file's outcome, in input order. */
    interface Listener {
        void imported(Path file, ImportResult result);

        void failed(Path file, DaleelException error);
    }

    private ParallelImport() {}

    static void run(Archive archive, List<Path> files, ItemOptions options, int threads, Listener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "daleel-import");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<ImportResult>> window = new ArrayDeque<>();
            Deque<Path> names = new ArrayDeque<>();
            int next = 0;
            int inFlight = Math.max(1, threads) * 4;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < inFlight) {
                    Path file = files.get(next++);
                    window.add(pool.submit(() -> archive.importFile(file, options)));
                    names.add(file);
                }
                Path file = names.poll();
                try {
                    listener.imported(file, window.poll().get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof DaleelException d) {
                        listener.failed(file, d);
                    } else if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    } else {
                        throw new DaleelException(file + ": " + e.getCause(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaleelException("import interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
