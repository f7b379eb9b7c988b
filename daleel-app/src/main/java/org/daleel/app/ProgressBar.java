package org.daleel.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal ({@code [#####-----] 512/1024 files 48.2/s}), redrawn in
 * place on stderr at most ten times a second. Silent when stderr is not a terminal, so scripts and
 * logs get clean output.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long total;
    private final String unit;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private long done;

    ProgressBar(PrintStream out, long total, String unit, boolean enabled) {
        this.out = out;
        this.total = total;
        this.unit = unit;
        this.enabled = enabled && total > 1;
    }

    /** A bar on stderr, shown only when the process has a terminal. */
    static ProgressBar onTerminal(long total, String unit) {
        return new ProgressBar(System.err, total, unit, System.console() != null);
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (enabled && (now - lastDraw > 100_000_000L || done == total)) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        int filled = (int) (WIDTH * done / Math.max(1, total));
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        out.printf(Locale.ROOT, "\r[%s] %d/%d %s %.1f/s", bar, done, total, unit, rate);
        out.flush();
    }

    @Override
    public void close() {
        if (enabled) {
            out.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            out.flush();
        }
    }
}
