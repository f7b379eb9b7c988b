package org.daleel.archive;

import java.util.Objects;

/**
 * Where the background re-analysis of stale items stands (see {@link BackgroundReanalysis}): items
 * analysed by an older analyzer version are analysed again after {@code daleel serve} starts.
 *
 * @param state what the job is doing
 * @param total items to re-analyse, counted when the job started (0 while counting)
 * @param done items re-analysed so far
 * @param problem why it failed, "" otherwise
 */
public record ReanalysisStatus(State state, long total, long done, String problem) {
    /** No background re-analysis in this process (a CLI command, a remote archive). */
    public static final ReanalysisStatus NONE = new ReanalysisStatus(State.NONE, 0, 0, "");

    /** Validates. */
    public ReanalysisStatus {
        Objects.requireNonNull(state, "state");
        problem = Objects.requireNonNullElse(problem, "");
        if (total < 0 || done < 0) {
            throw new IllegalArgumentException("re-analysis counts must not be negative: " + done + "/" + total);
        }
    }

    /** Whole percent done, 0..100 (100 when there is nothing to do). */
    public int percent() {
        return total == 0 ? (state == State.RUNNING ? 0 : 100) : (int) Math.min(100, done * 100 / total);
    }

    /** True while the job counts or analyses. */
    public boolean active() {
        return state == State.COUNTING || state == State.RUNNING;
    }

    /** States of the job; {@link #label()} is the name used in JSON. */
    public enum State {
        /** No job was started. */
        NONE,
        /** Counting the stale items (loading the analyzer first). */
        COUNTING,
        /** Analysing: {@code done} of {@code total}. */
        RUNNING,
        /** Every stale item was analysed again (or there were none). */
        FINISHED,
        /** Stopped at shutdown; the items left are picked up by the next start. */
        STOPPED,
        /** Stopped by an error ({@code problem}); the items left are picked up by the next start. */
        FAILED;

        /** Lowercase name, as in the API. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
