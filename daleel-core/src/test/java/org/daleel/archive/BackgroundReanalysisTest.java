package org.daleel.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The background job over a fake archive whose analyses carry an analyzer version: it brings every
 * older-version analysis up to date with its progress visible, and stops cleanly when closed.
 */
@Timeout(60)
class BackgroundReanalysisTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Stored analyses by item id: the version of the analyzer that made each; written per batch. */
    private static final class FakeArchive implements BackgroundReanalysis.Work {
        final Map<String, String> versions = new ConcurrentHashMap<>();
        final List<long[]> progress = new ArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);
        final boolean slow;

        /** {@code slow}: analysing an item takes until the job is asked to stop. */
        FakeArchive(int old, int current, boolean slow) {
            for (int i = 0; i < old; i++) {
                versions.put("old-" + i, "text-1");
            }
            for (int i = 0; i < current; i++) {
                versions.put("new-" + i, "text-2");
            }
            this.slow = slow;
        }

        long stale() {
            return versions.values().stream().filter(v -> !v.equals("text-2")).count();
        }

        /** Like LocalArchive.reanalyse: batches of 3, each written whole or not at all. */
        @Override
        public long run(LocalArchive.Progress report, BooleanSupplier stop) {
            List<String> todo = versions.entrySet().stream()
                    .filter(e -> !e.getValue().equals("text-2"))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            long done = 0;
            report.update(0, todo.size());
            for (int from = 0; from < todo.size(); from += 3) {
                List<String> batch = todo.subList(from, Math.min(todo.size(), from + 3));
                for (String ignored : batch) {
                    if (stop.getAsBoolean()) {
                        return done;
                    }
                    started.countDown();
                    while (slow && !stop.getAsBoolean()) {
                        Thread.onSpinWait();
                    }
                }
                batch.forEach(id -> versions.put(id, "text-2"));
                done += batch.size();
                report.update(done, todo.size());
            }
            return done;
        }
    }

    @Test
    void refreshes_every_older_version_analysis_and_reports_its_progress() throws Exception {
        FakeArchive archive = new FakeArchive(10, 4, false);
        List<long[]> reported = java.util.Collections.synchronizedList(new ArrayList<>());

        try (BackgroundReanalysis job =
                BackgroundReanalysis.start(archive, (done, total) -> reported.add(new long[] {done, total}), WAIT)) {
            assertThat(job.await(WAIT)).as("finished").isTrue();

            assertThat(archive.stale()).isZero();
            assertThat(job.status()).isEqualTo(new ReanalysisStatus(ReanalysisStatus.State.FINISHED, 10, 10, ""));
            assertThat(job.status().percent()).isEqualTo(100);
            assertThat(job.status().active()).isFalse();
        }
        assertThat(reported).extracting(r -> r[0]).containsExactly(0L, 3L, 6L, 9L, 10L);
        assertThat(reported).extracting(r -> r[1]).containsOnly(10L);
    }

    @Test
    void closing_stops_it_between_items_leaving_whole_batches_and_the_rest_stale() throws Exception {
        FakeArchive archive = new FakeArchive(10, 0, true);
        BackgroundReanalysis job = BackgroundReanalysis.start(archive, LocalArchive.Progress.NONE, WAIT);
        assertThat(archive.started.await(30, TimeUnit.SECONDS)).isTrue();

        ReanalysisStatus running = job.status();
        assertThat(running.state()).isEqualTo(ReanalysisStatus.State.RUNNING);
        assertThat(running.total()).isEqualTo(10);
        assertThat(running.percent()).isZero();
        assertThat(running.active()).isTrue();

        job.close(); // the item in progress ends, then the job stops

        assertThat(job.await(Duration.ofMillis(1))).as("the thread ended").isTrue();
        ReanalysisStatus stopped = job.status();
        assertThat(stopped.state()).isEqualTo(ReanalysisStatus.State.STOPPED);
        assertThat(stopped.done()).as("a batch is written whole or not at all").isZero();
        assertThat(archive.stale()).as("what was not written is still stale").isEqualTo(10 - stopped.done());
        job.close(); // idempotent
    }

    @Test
    void a_failing_run_is_reported_with_its_reason() throws Exception {
        BackgroundReanalysis.Work failing = (progress, stop) -> {
            progress.update(0, 5);
            throw new IllegalStateException("catalog locked");
        };
        try (BackgroundReanalysis job = BackgroundReanalysis.start(failing, LocalArchive.Progress.NONE, WAIT)) {
            assertThat(job.await(WAIT)).isTrue();

            assertThat(job.status())
                    .isEqualTo(new ReanalysisStatus(ReanalysisStatus.State.FAILED, 5, 0, "catalog locked"));
        }
    }

    @Test
    void nothing_stale_finishes_at_once_and_no_job_means_none() throws Exception {
        try (BackgroundReanalysis job =
                BackgroundReanalysis.start(new FakeArchive(0, 3, false), LocalArchive.Progress.NONE, WAIT)) {
            assertThat(job.await(WAIT)).isTrue();
            assertThat(job.status().state()).isEqualTo(ReanalysisStatus.State.FINISHED);
            assertThat(job.status().percent()).isEqualTo(100);
        }
        assertThat(ReanalysisStatus.NONE.active()).isFalse();
    }
}
