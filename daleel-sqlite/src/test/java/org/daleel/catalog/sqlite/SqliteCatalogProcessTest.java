package org.daleel.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.daleel.item.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SQLite catalogs shared by separate processes, and killed in the middle of writing. */
class SqliteCatalogProcessTest {
    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(90)
    void every_acknowledged_add_survives_kill_9_of_the_writing_process() throws Exception {
        Path db = dir.resolve("catalog.db");
        Process writer = start("add", db.toString());
        BufferedReader lines = lines(writer);
        assertThat(lines.readLine()).isEqualTo("ready");
        go(writer);

        List<String> acknowledged = new ArrayList<>();
        while (acknowledged.size() < 40) {
            String line = lines.readLine();
            assertThat(line).as("writer output").isNotNull().startsWith("added ");
            acknowledged.add(line.substring("added ".length()));
        }
        writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (SqliteCatalog reopened = SqliteCatalog.open(db)) {
            assertThat(reopened.count()).isGreaterThanOrEqualTo(acknowledged.size());
            for (String id : acknowledged) {
                Item item = reopened.get(id);
                long n = Long.parseLong(item.title().substring("item ".length()));
                assertThat(reopened.resources(id)).containsExactlyElementsOf(CatalogWriterProcess.resources(n));
            }
            // whatever was committed after the last line we read is whole too
            for (Item item : reopened.listAfter(0, 10_000)) {
                assertThat(reopened.resources(item.id())).hasSize(2);
            }
        }
    }

    @Test
    @Timeout(90)
    void two_processes_importing_the_same_files_into_a_new_catalog_create_one_item_per_digest() throws Exception {
        Path db = dir.resolve("new/catalog.db");
        int files = 40;
        Process first = start("import", db.toString(), Integer.toString(files));
        Process second = start("import", db.toString(), Integer.toString(files));
        BufferedReader firstLines = lines(first);
        BufferedReader secondLines = lines(second);
        assertThat(firstLines.readLine()).isEqualTo("ready");
        assertThat(secondLines.readLine()).isEqualTo("ready");
        go(first);
        go(second);

        int created = createdCount(firstLines.readLine()) + createdCount(secondLines.readLine());
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(second.exitValue()).isZero();

        assertThat(created).isEqualTo(files);
        try (SqliteCatalog catalog = SqliteCatalog.openReadOnly(db)) {
            assertThat(catalog.count()).isEqualTo(files);
            for (int i = 0; i < files; i++) {
                assertThat(catalog.listBySha256(CatalogWriterProcess.sha(i))).hasSize(1);
            }
        }
    }

    private static int createdCount(String line) {
        assertThat(line).as("importer output").isNotNull().startsWith("created ");
        return Integer.parseInt(line.substring("created ".length()));
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CatalogWriterProcess.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        started.add(process);
        return process;
    }

    private static BufferedReader lines(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void go(Process process) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
