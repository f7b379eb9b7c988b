package org.daleel.archive;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Re-analyses stale items on a background thread: the job {@code daleel serve} starts so that items
 * analysed by an older analyzer version (older gazetteer, thesaurus or rules) get this version's
 * analysis without the user running {@code daleel reanalyze --all}.
 *
 * <p>The work itself is {@link LocalArchive#reanalyse(boolean, LocalArchive.Progress,
 * BooleanSupplier)}: batches analysed outside the archive's write lock and written under it, the
 * search index committed before the catalog records the analyses, so a crash or a stop leaves only
 * items the next start picks up again. {@link #close()} asks the work to stop (it checks between
 * items, abandoning an unwritten batch) and waits for it. Thread-safe.
 */
public final class BackgroundReanalysis implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackgroundReanalysis.class.getName());

    /** The work: analyses items, reporting to {@code progress}, returning soon after {@code stop} says so. */
    @FunctionalInterface
    public interface Work {
        /**
         * Does the work.
         *
         * @return items analysed
         */
        long run(LocalArchive.Progress progress, BooleanSupplier stop);
    }

    private final Thread thread;
    private final Duration stopWait;
    private volatile boolean stopping;
    private volatile ReanalysisStatus status = new ReanalysisStatus(ReanalysisStatus.State.COUNTING, 0, 0, "");

    private BackgroundReanalysis(Work work, LocalArchive.Progress report, Duration stopWait) {
        this.stopWait = Objects.requireNonNull(stopWait, "stopWait");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(report, "report");
        this.thread = new Thread(() -> run(work, report), "daleel-reanalysis");
        thread.setDaemon(true);
    }

    /**
     * Starts {@code work} on its own thread, also reporting its progress to {@code report}; {@link
     * #close()} waits at most {@code stopWait} for it to stop.
     */
    public static BackgroundReanalysis start(Work work, LocalArchive.Progress report, Duration stopWait) {
        BackgroundReanalysis job = new BackgroundReanalysis(work, report, stopWait);
        job.thread.start();
        return job;
    }

    private void run(Work work, LocalArchive.Progress report) {
        try {
            work.run(
                    (done, total) -> {
                        status = new ReanalysisStatus(ReanalysisStatus.State.RUNNING, total, done, "");
                        report.update(done, total);
                    },
                    () -> stopping);
            ReanalysisStatus s = status;
            status = new ReanalysisStatus(
                    stopping && (s.state() == ReanalysisStatus.State.COUNTING || s.done() < s.total())
                            ? ReanalysisStatus.State.STOPPED
                            : ReanalysisStatus.State.FINISHED,
                    s.total(),
                    s.done(),
                    "");
        } catch (RuntimeException e) {
            ReanalysisStatus s = status;
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            status = new ReanalysisStatus(ReanalysisStatus.State.FAILED, s.total(), s.done(), problem);
            LOG.log(System.Logger.Level.WARNING, "re-analysis of stale items stopped: " + problem, e);
        }
    }

    /** Where the job stands. */
    public ReanalysisStatus status() {
        return status;
    }

    /**
     * Waits up to {@code timeout} for the job to end by itself.
     *
     * @return true when it has ended
     */
    public boolean await(Duration timeout) throws InterruptedException {
        thread.join(timeout);
        return !thread.isAlive();
    }

    /**
     * Asks the job to stop after the item it is analysing (an unwritten batch is abandoned, to be
     * redone by the next start) and waits for it, at most the stop wait given at start. Idempotent.
     */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(stopWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "re-analysis did not stop within " + stopWait.toSeconds() + " s; closing the archive anyway");
        }
    }
}
