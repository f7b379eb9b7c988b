package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.daleel.analysis.item.TextItemAnalyzer;
import org.daleel.archive.BackgroundReanalysis;
import org.daleel.archive.ItemOptions;
import org.daleel.archive.LocalArchive;
import org.daleel.archive.ReanalysisStatus;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemAnalyzer;
import org.daleel.meta.GpsPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items analysed by an older analyzer version are analysed again in the background of a real
 * archive: the API's health route and the search page show the progress, the analyses come out
 * current, and closing the archive meanwhile stops the job without a half-written batch.
 */
@Timeout(300)
class ReanalysisWebTest {
    private static final TextItemAnalyzer ANALYZER = TextItemAnalyzer.loadingDefault();
    private static final String OLD = "text-1/places-1/actors-1";

    @TempDir
    Path data;

    /** The real analyzer, each analysis waiting for a permit (a decorator: slow on demand). */
    private static final class Gated implements ItemAnalyzer {
        final Semaphore permits = new Semaphore(0);

        @Override
        public String version() {
            return ANALYZER.version();
        }

        @Override
        public ItemAnalysis analyze(Item item, Optional<GpsPosition> gps) {
            try {
                if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate not opened within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return ANALYZER.analyze(item, gps);
        }

        @Override
        public Optional<KnownPlace> findPlace(String nameOrId) {
            return ANALYZER.findPlace(nameOrId);
        }
    }

    /** Three reports stored and analysed, then their analyses marked as made by an older analyzer. */
    private List<String> archiveOfAnOlderAnalyzer() throws Exception {
        List<String> ids = new ArrayList<>();
        try (LocalArchive archive = TestArchive.open(data, ANALYZER)) {
            for (String text : List.of(
                    "Shelling killed five people in Douma on 3 March 2016.",
                    "قصفت طائرات النظام مدينة منبج يوم 12 حزيران 2016، ما أدى إلى مقتل سبعة مدنيين.",
                    "An airstrike hit a bakery in Darayya on 20 August 2016.")) {
                ids.add(archive.importStream(
                                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                                "r" + ids.size() + ".txt",
                                ItemOptions.of("test"))
                        .item()
                        .id());
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db"));
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE item_analysis SET version = '" + OLD + "'"))
                    .isEqualTo(3);
        }
        return ids;
    }

    @Test
    void health_and_search_page_show_the_progress_until_every_stale_item_is_current() throws Exception {
        List<String> ids = archiveOfAnOlderAnalyzer();
        Gated gated = new Gated();
        HttpClient http = HttpClient.newHttpClient();
        try (LocalArchive archive = TestArchive.open(data, gated);
                DaleelServer server = new DaleelServer(
                                ServerConfig.defaults("test").withPort(0), archive, archive.custody())
                        .start()) {
            assertThat(archive.countStale()).isEqualTo(3);
            assertThat(WebFixture.json(get(http, server, "/api/health"))
                            .path("reanalysis")
                            .path("state")
                            .asText())
                    .as("before the job starts")
                    .isEqualTo("none");

            BackgroundReanalysis job = archive.startReanalysis(LocalArchive.Progress.NONE);
            JsonNode running = waitForState(http, server, "running");
            assertThat(running.path("total").asLong()).isEqualTo(3);
            assertThat(running.path("done").asLong()).isZero();
            assertThat(running.path("percent").asInt()).isZero();
            assertThat(get(http, server, "/").body()).contains("Re-analysing 3 items with the new analyzer: 0%");
            assertThat(get(http, server, "/search?q=Douma").body())
                    .contains("Re-analysing 3 items with the new analyzer: 0%");

            gated.permits.release(3);
            assertThat(job.await(Duration.ofMinutes(2))).isTrue();

            JsonNode finished =
                    WebFixture.json(get(http, server, "/api/health")).path("reanalysis");
            assertThat(finished.path("state").asText()).isEqualTo("finished");
            assertThat(finished.path("done").asLong()).isEqualTo(3);
            assertThat(finished.path("percent").asInt()).isEqualTo(100);
            assertThat(get(http, server, "/").body()).doesNotContain("Re-analysing");
            assertThat(archive.countStale()).isZero();
            for (String id : ids) {
                assertThat(WebFixture.json(get(http, server, "/api/items/" + id + "/analysis"))
                                .path("version")
                                .asText())
                        .isEqualTo(ANALYZER.version());
            }
            assertThat(WebFixture.json(get(http, server, "/api/search?place=Douma"))
                            .path("total")
                            .asLong())
                    .as("the re-analysed items are searchable by what the analysis found")
                    .isEqualTo(1);
        }
    }

    @Test
    void closing_the_archive_stops_the_job_cleanly_and_the_next_start_finishes_it() throws Exception {
        archiveOfAnOlderAnalyzer();
        Gated gated = new Gated();
        LocalArchive archive = TestArchive.open(data, gated);
        BackgroundReanalysis job = archive.startReanalysis(LocalArchive.Progress.NONE);
        gated.permits.release(1); // the first item is analysed, the second waits
        Thread closer = new Thread(archive::close, "closer");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (gated.permits.availablePermits() > 0 || !gated.permits.hasQueuedThreads()) {
            assertThat(System.nanoTime()).as("the job reached the second item").isLessThan(deadline);
            Thread.sleep(10);
        }
        closer.start();
        // close() asked the job to stop and is waiting for it (a timed join)
        while (closer.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("close() waits for the job").isLessThan(deadline);
            Thread.sleep(10);
        }
        gated.permits.release(10);
        closer.join(TimeUnit.SECONDS.toMillis(120));

        assertThat(closer.isAlive()).as("close() returned").isFalse();
        assertThat(job.status().state()).isEqualTo(ReanalysisStatus.State.STOPPED);
        assertThat(job.status().done()).as("the unwritten batch was abandoned").isZero();
        try (LocalArchive reopened = TestArchive.open(data, ANALYZER)) {
            assertThat(reopened.countStale())
                    .as("all still stale, none half-written")
                    .isEqualTo(3);
            BackgroundReanalysis again = reopened.startReanalysis(LocalArchive.Progress.NONE);
            assertThat(again.await(Duration.ofMinutes(2))).isTrue();
            assertThat(again.status().state()).isEqualTo(ReanalysisStatus.State.FINISHED);
            assertThat(reopened.countStale()).isZero();
        }
    }

    private static JsonNode waitForState(HttpClient http, DaleelServer server, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            JsonNode r = WebFixture.json(get(http, server, "/api/health")).path("reanalysis");
            if (r.path("state").asText().equals(state)) {
                return r;
            }
            assertThat(System.nanoTime()).as("state " + state + ", last " + r).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static HttpResponse<String> get(HttpClient http, DaleelServer server, String path)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
