package org.daleel.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.daleel.catalog.Catalog;
import org.daleel.catalog.CatalogContract;
import org.daleel.core.DaleelException;
import org.daleel.core.IntegrityException;
import org.daleel.core.NotFoundException;
import org.daleel.item.Item;
import org.daleel.item.ItemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SqliteCatalogTest extends CatalogContract {

    @Override
    protected Catalog newCatalog(Path dir) {
        return SqliteCatalog.open(dbFile(dir));
    }

    private static Path dbFile(Path dir) {
        return dir.resolve("catalog.db");
    }

    private Path dbFile() {
        return dbFile(dir);
    }

    @Test
    void open_creates_the_file_and_missing_parent_directories() {
        Path nested = dir.resolve("new archive/دليل/catalog.db");

        try (SqliteCatalog created = SqliteCatalog.open(nested)) {
            created.add(item(ItemKind.FILE, sha(1)), List.of());
            assertThat(created.file()).isEqualTo(nested.toAbsolutePath());
        }

        assertThat(nested).isRegularFile();
        try (SqliteCatalog reopened = SqliteCatalog.open(nested)) {
            assertThat(reopened.count()).isEqualTo(1);
        }
    }

    @Test
    void migrations_are_recorded_in_flyway_schema_history() throws SQLException {
        try (Connection c = jdbc();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, description, success FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("version")).isEqualTo("1");
            assertThat(rs.getString("description")).isEqualTo("items");
            assertThat(rs.getBoolean("success")).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("version")).isEqualTo("2");
            assertThat(rs.getString("description")).isEqualTo("analysis");
            assertThat(rs.getBoolean("success")).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("version")).isEqualTo("3");
            assertThat(rs.getString("description")).isEqualTo("quantities");
            assertThat(rs.getBoolean("success")).isTrue();
            assertThat(rs.next()).as("three migrations").isFalse();
        }
        try (Connection c = jdbc()) {
            assertThat(SchemaMigration.version(c)).isEqualTo(SchemaMigration.SCHEMA_VERSION);
        }
    }

    @Test
    void a_version_2_catalog_is_migrated_and_keeps_its_analyses_without_quantities() throws SQLException {
        Item added = catalog.add(item(ItemKind.CAPTURE, sha(1)), List.of(), fullAnalysis("v1"));
        catalog.close();
        // Make the file what schema version 2 wrote: no quantities table, no version 3 in the history.
        try (Connection c = jdbc();
                Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE item_quantities");
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '3'");
            assertThat(SchemaMigration.version(c)).isEqualTo(2);
        }

        try (SqliteCatalog reopened = SqliteCatalog.open(dbFile())) {
            var expected = fullAnalysis("v1");
            assertThat(reopened.analysis(added.id()))
                    .contains(new org.daleel.item.ItemAnalysis(
                            expected.version(),
                            expected.language(),
                            expected.places(),
                            expected.actors(),
                            expected.dates(),
                            expected.events()));
            reopened.putAnalysis(added.id(), expected);
            assertThat(reopened.analysis(added.id())).contains(expected);
        }
        try (Connection c = jdbc()) {
            assertThat(SchemaMigration.version(c)).isEqualTo(3);
        }
    }

    @Test
    void database_is_in_wal_mode_with_full_sync_foreign_keys_and_a_busy_timeout() throws SQLException {
        try (Connection c = jdbc();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        SqliteConnections connections = new SqliteConnections(dbFile());
        try (Connection c = connections.writable();
                Statement s = c.createStatement()) {
            assertThat(pragma(s, "synchronous")).as("2 = FULL").isEqualTo(2);
            assertThat(pragma(s, "foreign_keys")).isEqualTo(1);
            assertThat(pragma(s, "busy_timeout")).isEqualTo(30_000);
        }
    }

    @Test
    void resources_cannot_point_at_a_missing_item() throws SQLException {
        SqliteConnections connections = new SqliteConnections(dbFile());
        try (Connection c = connections.writable();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO resources VALUES"
                            + " ('01JD0000000000000000000000', 0, 'https://x', 200, 'text/css', '" + sha(1)
                            + "', 1, 0)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    @Timeout(120)
    void two_instances_on_one_file_writing_from_several_threads_lose_nothing_and_dedup_files() throws Exception {
        int threads = 3;
        int perThread = 20;
        try (SqliteCatalog other = SqliteCatalog.open(dbFile())) {
            List<Catalog> instances = List.of(catalog, other);
            ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
            List<Future<List<Item>>> added = new ArrayList<>();
            List<Future<Integer>> created = new ArrayList<>();
            for (Catalog instance : instances) {
                for (int t = 0; t < threads; t++) {
                    int base = (instances.indexOf(instance) * threads + t) * 1000;
                    added.add(pool.submit(() -> {
                        List<Item> mine = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            mine.add(instance.add(item(ItemKind.CAPTURE, sha(base + i)), resourcesOf(i % 4)));
                        }
                        return mine;
                    }));
                    created.add(pool.submit(() -> {
                        int n = 0;
                        for (int i = 0; i < perThread; i++) {
                            n += instance.addIfAbsent(item(ItemKind.FILE, sha(777_000 + i)))
                                            .created()
                                    ? 1
                                    : 0;
                        }
                        return n;
                    }));
                }
            }
            List<Item> all = new ArrayList<>();
            for (Future<List<Item>> f : added) {
                all.addAll(f.get(100, TimeUnit.SECONDS));
            }
            int files = 0;
            for (Future<Integer> f : created) {
                files += f.get(100, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(files)
                    .as("one item per file digest across both instances")
                    .isEqualTo(perThread);
            Set<Long> seqs = new HashSet<>();
            for (Item item : all) {
                seqs.add(item.seq());
                assertThat(other.get(item.id())).isEqualTo(item);
                // item i of each thread has digest sha(base + i), base a multiple of 1000, and i % 4 resources
                int i = (int) (Long.parseLong(item.sha256().substring(56), 16) % 1000);
                assertThat(catalog.resources(item.id())).containsExactlyElementsOf(resourcesOf(i % 4));
            }
            assertThat(seqs).hasSize(all.size());
            long expected = (long) threads * 2 * perThread + perThread;
            assertThat(catalog.count()).isEqualTo(expected);
            assertThat(other.count()).isEqualTo(expected);
            assertThat(other.listAfter(0, 10_000)).extracting(Item::seq).isSorted();
            for (int i = 0; i < perThread; i++) {
                assertThat(catalog.listBySha256(sha(777_000 + i))).hasSize(1);
            }
        }
    }

    @Test
    @Timeout(60)
    void a_reader_on_another_instance_never_sees_an_item_without_its_resources() throws Exception {
        try (SqliteCatalog reader = SqliteCatalog.openReadOnly(dbFile())) {
            assertReadersSeeWholeItems(catalog, reader, 60);
        }
    }

    @Test
    void read_only_open_reads_what_a_writer_added_and_refuses_writes() {
        Item stored = catalog.add(fullCapture(), resourcesOf(2));
        catalog.close();

        try (SqliteCatalog reader = SqliteCatalog.openReadOnly(dbFile())) {
            assertThat(reader.get(stored.id())).isEqualTo(stored);
            assertThat(reader.resources(stored.id())).containsExactlyElementsOf(resourcesOf(2));
            assertThatThrownBy(() -> reader.add(item(ItemKind.FILE, sha(2)), List.of()))
                    .isInstanceOf(DaleelException.class)
                    .hasMessageContaining("read-only")
                    .hasMessageContaining(dbFile().toString());
            assertThat(reader.count()).isEqualTo(1);
        } finally {
            catalog = newCatalog(dir);
        }
    }

    @Test
    void read_only_open_of_a_missing_file_throws_not_found_naming_the_path_and_creates_nothing() {
        Path missing = dir.resolve("nowhere/catalog.db");

        assertThatThrownBy(() -> SqliteCatalog.openReadOnly(missing))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(missing.toString());
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void opening_a_file_that_is_not_a_database_throws_integrity_naming_the_path() throws Exception {
        Path notADatabase = dir.resolve("notes.txt");
        Files.writeString(notADatabase, "this is not a SQLite database, it is a text file of some length. ".repeat(20));

        assertThatThrownBy(() -> SqliteCatalog.open(notADatabase))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining(notADatabase.toString());
        assertThatThrownBy(() -> SqliteCatalog.openReadOnly(notADatabase))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining(notADatabase.toString());
    }

    @Test
    void refuses_a_catalog_whose_schema_is_newer_than_this_code() throws SQLException {
        try (Connection c = jdbc();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', 0, 1)");
        }
        catalog.close();

        try {
            assertThatThrownBy(() -> SqliteCatalog.open(dbFile()))
                    .isInstanceOf(DaleelException.class)
                    .hasMessageContaining("schema version 99")
                    .hasMessageContaining(dbFile().toString());
            assertThatThrownBy(() -> SqliteCatalog.openReadOnly(dbFile()))
                    .isInstanceOf(DaleelException.class)
                    .hasMessageContaining("schema version 99");
        } finally {
            try (Connection c = jdbc();
                    Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '99'");
            }
            catalog = newCatalog(dir);
        }
    }

    @Test
    void operations_on_a_closed_catalog_fail_naming_the_file() {
        catalog.close();

        assertThatThrownBy(() -> catalog.count())
                .isInstanceOf(DaleelException.class)
                .hasMessageContaining("closed")
                .hasMessageContaining(dbFile().toString());
        assertThatThrownBy(() -> catalog.add(item(ItemKind.FILE, sha(1)), List.of()))
                .isInstanceOf(DaleelException.class)
                .hasMessageContaining("closed");
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dbFile());
    }

    private static int pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
