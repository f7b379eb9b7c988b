package org.daleel.ledger.tsa;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Time-stamps checkpoints in the background: {@link #offer} hands over a newly committed checkpoint
 * and returns at once (it never blocks an append); one worker thread asks the TSA for a token over
 * the newest checkpoint offered, stores it with its chain and validation ({@link TimestampStore})
 * and records the outcome ({@link StampingStatus}). Checkpoints offered while a request is under
 * way, or within {@code interval} of the last token, are covered by the next token (each checkpoint
 * is consistent with the earlier ones), so a burst of appends costs one request. A failed request
 * is retried with doubling backoff from 1 s (at most 60 s); when a newer checkpoint arrives the
 * retries move to it. A TSA outage is reported through {@code warnings} and the status, never
 * thrown. {@link #close} stamps the last checkpoint offered (one attempt, bounded by the client's
 * timeout) and reports what stays unstamped. Thread-safe.
 */
public final class CheckpointStamper implements AutoCloseable {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /**
     * How often and how persistently to stamp.
     *
     * @param retries retries after a failed request, 0 or more
     * @param interval least time between two tokens, zero or more
     * @param timeout the client's bound on one request (close waits about this long)
     */
    public record Options(int retries, Duration interval, Duration timeout) {
        public Options {
            if (retries < 0 || interval.isNegative() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(
                        "stamper options: retries " + retries + ", interval " + interval + ", timeout " + timeout);
            }
        }
    }

    private final TimestampClient client;
    private final TimestampStore store;
    private final Options options;
    private final Consumer<String> warnings;
    private final Thread worker;

    private final Object monitor = new Object();
    private long pendingSize = -1; // guarded by monitor
    private byte[] pendingNote; // guarded by monitor
    private long lastOffered = -1; // guarded by monitor
    private long lastStored = -1; // guarded by monitor
    private long lastTokenNanos; // guarded by monitor
    private boolean stampedOnce; // guarded by monitor
    private boolean closing; // guarded by monitor
    private String lastError = ""; // guarded by monitor

    /**
     * Starts the worker thread.
     *
     * @param warnings receives one line per checkpoint the TSA could not stamp after every retry
     */
    public CheckpointStamper(TimestampClient client, TimestampStore store, Options options, Consumer<String> warnings) {
        this.client = client;
        this.store = store;
        this.options = options;
        this.warnings = warnings;
        this.worker = Thread.ofPlatform().daemon().name("daleel-tsa-stamper").unstarted(this::work);
        worker.start();
    }

    /** The TSA this stamper asks. */
    public String tsa() {
        return client.url().toString();
    }

    /**
     * Hands over the checkpoint at {@code size} (its exact note bytes) to be time-stamped; returns at
     * once. Older or already stored checkpoints are ignored.
     */
    public void offer(long size, String note) {
        if (size <= 0) {
            return; // the empty tree vouches for nothing
        }
        synchronized (monitor) {
            if (closing || Long.compareUnsigned(size, lastOffered) <= 0 && lastOffered >= 0) {
                return;
            }
            lastOffered = size;
            pendingSize = size;
            pendingNote = note.getBytes(StandardCharsets.UTF_8);
            monitor.notifyAll();
        }
    }

    /**
     * Time-stamps the checkpoint at {@code size} now, in the calling thread (one request, no retry),
     * stores the token and records the outcome.
     *
     * @throws TimestampException naming the TSA when it fails
     */
    public CheckpointTimestamp stampNow(long size, byte[] note) {
        return attempt(size, note);
    }

    private CheckpointTimestamp attempt(long size, byte[] note) {
        CheckpointTimestamp stamp;
        try {
            stamp = client.stamp(note);
            store.write(size, note, stamp);
        } catch (TimestampException | java.io.UncheckedIOException e) {
            String message = e.getMessage();
            recordStatus(new StampingStatus(tsa(), Instant.now(), size, false, message));
            synchronized (monitor) {
                lastError = message;
            }
            throw e instanceof TimestampException t ? t : new TimestampException(message, e);
        }
        recordStatus(new StampingStatus(
                tsa(), Instant.now(), size, true, "token genTime " + stamp.genTime() + " by " + stamp.tsaName()));
        synchronized (monitor) {
            if (Long.compareUnsigned(size, lastStored) > 0 || lastStored < 0) {
                lastStored = size;
            }
            lastTokenNanos = System.nanoTime();
            stampedOnce = true;
        }
        return stamp;
    }

    private void recordStatus(StampingStatus status) {
        try {
            store.writeStatus(status);
        } catch (java.io.UncheckedIOException e) {
            warnings.accept("could not record the time-stamping status in " + store.dir() + ": " + e.getMessage());
        }
    }

    private void work() {
        while (true) {
            long size;
            byte[] note;
            synchronized (monitor) {
                while (pendingSize < 0 && !closing) {
                    waitQuietly(0);
                }
                if (pendingSize < 0) {
                    return;
                }
                long due = stampedOnce ? lastTokenNanos + options.interval().toNanos() - System.nanoTime() : 0;
                if (due > 0 && !closing) {
                    waitQuietly(Math.max(1, due / 1_000_000));
                    continue;
                }
                size = pendingSize;
                note = pendingNote;
                pendingSize = -1;
                pendingNote = null;
            }
            stampWithRetries(size, note);
        }
    }

    private void stampWithRetries(long size, byte[] note) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 0; ; attempt++) {
            try {
                attempt(size, note);
                return;
            } catch (TimestampException e) {
                synchronized (monitor) {
                    if (pendingSize >= 0) {
                        return; // a newer checkpoint is waiting: it covers this one, retry with it
                    }
                    if (attempt >= options.retries() || closing) {
                        warnings.accept("checkpoint " + size + " was not time-stamped: " + e.getMessage()
                                + " (the archive is unaffected; 'daleel ledger timestamp' tries again)");
                        return;
                    }
                    waitQuietly(backoff.toMillis());
                    if (closing && pendingSize < 0) {
                        warnings.accept("checkpoint " + size + " was not time-stamped: " + e.getMessage()
                                + " (the archive is unaffected; 'daleel ledger timestamp' tries again)");
                        return;
                    }
                    if (pendingSize >= 0) {
                        return;
                    }
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            monitor.wait(millis);
        } catch (InterruptedException e) {
            closing = true; // only close() interrupts the worker
        }
    }

    /** The size of the newest checkpoint this stamper stored a token for, or -1. */
    public long lastStored() {
        synchronized (monitor) {
            return lastStored;
        }
    }

    /**
     * Stamps the last checkpoint offered if it is not yet stamped (one attempt, bounded by the
     * client's timeout), stops the worker and reports a checkpoint that stays unstamped.
     */
    @Override
    public void close() {
        synchronized (monitor) {
            closing = true;
            monitor.notifyAll();
        }
        try {
            worker.join(options.timeout().plusSeconds(2).toMillis());
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (monitor) {
            if (lastOffered > 0
                    && (lastStored < 0 || Long.compareUnsigned(lastStored, lastOffered) < 0)
                    && pendingSize >= 0) {
                warnings.accept("checkpoint " + lastOffered + " was not time-stamped before closing"
                        + (lastError.isEmpty() ? "" : " (" + lastError + ")")
                        + "; 'daleel ledger timestamp' stamps the latest checkpoint");
            }
        }
    }
}
