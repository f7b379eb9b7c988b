package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.daleel.archive.DataDir;
import org.daleel.archive.ItemOptions;
import org.daleel.archive.LocalArchive;
import org.daleel.item.Item;
import org.daleel.search.SearchFilter;
import org.daleel.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items stored before analysis existed are analysed and re-indexed when a writer opens the archive,
 * with progress reported, once: reopening does nothing more.
 */
@Timeout(300)
class BackfillTest {
    @TempDir
    Path tmp;

    private static final SearchQuery ALEPPO = new SearchQuery(
            "", "", "", null, null, 0, 10, new SearchFilter(List.of("170062"), List.of(), List.of(), null, null));

    @Test
    void a_writer_analyses_items_stored_without_analysis_and_reindexes_them_once() throws Exception {
        DataDir dir = DataDir.at(tmp.resolve("data"));
        Path report = tmp.resolve("tall-rifat.txt");
        Files.writeString(
                report,
                "Islamic State fighters shelled the village of Tall Rifat north of Aleppo on 3 March 2016.",
                StandardCharsets.UTF_8);
        Item item;
        try (LocalArchive archive = Wiring.openWriter(dir)) {
            item = archive.importFile(report, ItemOptions.of("test")).item();
            assertThat(archive.search(ALEPPO).total()).isEqualTo(1);
        }
        // An archive of an older version: no analysis rows, and an index without analysis fields.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.catalogFile());
                Statement s = c.createStatement()) {
            for (String table : List.of("item_places", "item_actors", "item_dates", "item_events", "item_analysis")) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        try (var index = org.daleel.search.lucene.LuceneSearchIndex.openWriter(dir.index())) {
            index.index(item);
            index.commit(index.committedSeq());
        }

        List<long[]> progress = new ArrayList<>();
        try (LocalArchive archive = Wiring.openWriter(dir)) {
            assertThat(archive.search(ALEPPO).total())
                    .as("analysed when the writer opened")
                    .isEqualTo(1);
            assertThat(archive.analysis(item.id())).isPresent();
            assertThat(archive.countUnanalysed(false)).isZero();
            assertThat(archive.reanalyse(true, (done, total) -> progress.add(new long[] {done, total})))
                    .as("nothing is stale")
                    .isZero();
        }
        assertThat(progress).isEmpty();
        try (LocalArchive archive = Wiring.openWriter(dir)) {
            assertThat(archive.search(ALEPPO).total()).isEqualTo(1);
            assertThat(archive.analysis(item.id()).orElseThrow().places())
                    .extracting(p -> p.geonameId())
                    .contains(163476L);
        }
    }

    @Test
    void an_archive_analysed_before_quantities_were_stored_gets_them_from_reanalyse_all() throws Exception {
        DataDir dir = DataDir.at(tmp.resolve("data"));
        Path report = tmp.resolve("darayya.txt");
        Files.writeString(
                report,
                "On 20 August 2016, Syrian government forces dropped barrel bombs on Darayya, killing 12 civilians.",
                StandardCharsets.UTF_8);
        Item item;
        try (LocalArchive archive = Wiring.openWriter(dir)) {
            item = archive.importFile(report, ItemOptions.of("test")).item();
        }
        // What schema version 2 and analyzer text-1 left: no quantities table, an older analyzer version.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.catalogFile());
                Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE item_quantities");
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '3'");
            s.executeUpdate("UPDATE item_analysis SET version = 'text-1/places-1/actors-1'");
        }

        try (LocalArchive archive = Wiring.openWriter(dir)) {
            assertThat(archive.analysis(item.id()).orElseThrow().quantities())
                    .as("migrated, still without quantities")
                    .isEmpty();
            assertThat(archive.countUnanalysed(true)).isEqualTo(1);
            assertThat(archive.reanalyse(true, (done, total) -> {})).isEqualTo(1);
            var killed = archive.analysis(item.id()).orElseThrow().quantities().getFirst();
            assertThat(killed.what()).isEqualTo("killed");
            assertThat(killed.value()).isEqualTo(12.0);
            assertThat(killed.date()).isEqualTo("2016-08-20");
            assertThat(archive.analysis(item.id()).orElseThrow().mainEventFatalities())
                    .isEqualTo(12);
        }
    }

    @Test
    void reanalyse_reports_progress_over_every_unanalysed_item() throws Exception {
        DataDir dir = DataDir.at(tmp.resolve("data"));
        try (LocalArchive archive = Wiring.openWriter(dir)) {
            for (int i = 0; i < 3; i++) {
                Path f = tmp.resolve("r" + i + ".txt");
                Files.writeString(f, "Shelling hit Manbij, report " + i + ".", StandardCharsets.UTF_8);
                archive.importFile(f, ItemOptions.of("test"));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.catalogFile());
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM item_places");
            s.executeUpdate("DELETE FROM item_events");
            s.executeUpdate("DELETE FROM item_analysis");
        }
        List<long[]> progress = new ArrayList<>();
        try (LocalArchive archive = Wiring.openWriter(dir, Wiring.ANALYZER)) {
            // openWriter already analysed them; analyse again as if they had been missed:
            assertThat(archive.countUnanalysed(false)).isZero();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.catalogFile());
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE item_analysis SET version = 'old'");
        }
        try (LocalArchive archive = Wiring.openWriter(dir)) {
            assertThat(archive.countUnanalysed(true)).isEqualTo(3);
            assertThat(archive.reanalyse(true, (done, total) -> progress.add(new long[] {done, total})))
                    .isEqualTo(3);
            assertThat(archive.countUnanalysed(true)).isZero();
        }
        assertThat(progress).isNotEmpty();
        assertThat(progress.getLast()).containsExactly(3, 3);
    }
}
