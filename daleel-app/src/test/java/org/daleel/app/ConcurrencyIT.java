package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one data directory: two imports at once take turns on the writer lock, and
 * CLI commands hand their writes to a running {@code daleel serve}.
 */
class ConcurrencyIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path folder(String name, int from, int to) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int i = from; i < to; i++) {
            Files.writeString(
                    dir.resolve("n" + i + ".txt"),
                    "Detention report number " + i + " token" + i,
                    StandardCharsets.UTF_8);
        }
        return dir;
    }

    @Test
    void two_imports_at_once_lose_nothing_and_store_shared_files_once() throws Exception {
        Path data = tmp.resolve("data");
        Path a = folder("a", 0, 60);
        Path b = folder("b", 30, 90); // files 30..59 have the same bytes in both folders
        Process pa = Cli.builder(data, "import", a.toString(), "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Process pb = Cli.builder(data, "import", b.toString(), "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String outA = new String(pa.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String outB = new String(pb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(pa.waitFor(2, TimeUnit.MINUTES) && pb.waitFor(2, TimeUnit.MINUTES))
                .isTrue();
        assertThat(pa.exitValue()).isZero();
        assertThat(pb.exitValue()).isZero();
        Set<String> ids = new HashSet<>();
        JSON.readTree(outA).forEach(r -> ids.add(r.path("id").asText()));
        JSON.readTree(outB).forEach(r -> ids.add(r.path("id").asText()));
        assertThat(ids).hasSize(90);
        JsonNode all = JSON.readTree(Cli.run(data, "search", "detention", "--json", "--limit", "1")
                .assertOk()
                .out());
        assertThat(all.path("total").asLong()).isEqualTo(90);
    }

    @Test
    void cli_writes_go_through_a_running_server_and_cli_reads_see_them() throws Exception {
        Path data = tmp.resolve("data");
        Process server = Cli.builder(data, "serve", "--port", "0", "--allow-private")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (Site site = new Site();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String url = null;
            while ((line = out.readLine()) != null) {
                if (line.contains("web UI and API:")) {
                    url = line.replaceAll(".*(http://[^/ ]+).*", "$1");
                    break;
                }
            }
            assertThat(url).as("server printed its address").startsWith("http://127.0.0.1:");
            assertThat(data.resolve("server.json")).isRegularFile();

            Cli.Result captured = Cli.run(data, "capture", site.url("report.html"), "--allow-private", "--json")
                    .assertOk();
            String id = JSON.readTree(captured.out()).path("id").asText();
            Cli.Result imported = Cli.run(data, "import", folder("c", 0, 5).toString(), "--json")
                    .assertOk();
            assertThat(JSON.readTree(imported.out())).hasSize(5);

            // The server commits its index every second; CLI readers see the commit.
            JsonNode hits = null;
            for (int i = 0; i < 50; i++) {
                hits = JSON.readTree(Cli.run(data, "search", "pumping station", "--json")
                        .assertOk()
                        .out());
                if (hits.path("total").asLong() > 0) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(hits.path("hits").findValuesAsText("id")).contains(id);
            Cli.run(data, "show", id).assertOk();
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook stops the server and releases the data dir
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(data.resolve("server.json")).doesNotExist();
        // The lock is free again: a local writer can take it.
        Files.writeString(tmp.resolve("late.txt"), "late arrival");
        Cli.run(data, "import", tmp.resolve("late.txt").toString()).assertOk();
    }
}
