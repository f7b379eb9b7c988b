package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an upgrade of the analyzer: short commands say once, on stderr, how many items an older
 * analyzer analysed, without blocking on them; {@code daleel serve} re-analyses them in the
 * background; then nothing more is said.
 */
@Timeout(600)
class StaleAnalysisIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTICE = "analysed by an older analyzer (facets, maps and timeline may be out of"
            + " date); run `daleel reanalyze --all`, or `daleel serve` does it in the background.";

    @TempDir
    Path tmp;

    private static void makeStale(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE item_analysis SET version = 'text-1/places-1/actors-1'");
        }
    }

    private static long lines(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).count();
    }

    @Test
    void short_commands_name_the_stale_items_once_until_they_are_analysed_again() throws Exception {
        Path data = tmp.resolve("data");
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        Files.writeString(reports.resolve("douma.txt"), "Shelling killed five people in Douma on 3 March 2016.");
        Files.writeString(reports.resolve("darayya.txt"), "An airstrike hit a bakery in Darayya on 20 August 2016.");
        Cli.Result imported = Cli.run(data, "import", reports.toString()).assertOk();
        assertThat(imported.err()).as("freshly analysed: nothing to say").doesNotContain("older analyzer");

        makeStale(data);

        Cli.Result search = Cli.run(data, "search", "Douma").assertOk();
        assertThat(lines(search.err(), NOTICE)).as("once").isEqualTo(1);
        assertThat(search.err()).contains("daleel: 2 items were " + NOTICE);
        assertThat(search.out()).doesNotContain("older analyzer");
        assertThat(Files.readAllLines(data.resolve("analyzer.version")))
                .as("the version is remembered, so the next commands need not load the gazetteer")
                .hasSize(2)
                .last()
                .asString()
                .startsWith("text-");
        String id = JSON.readTree(Cli.run(data, "search", "Douma", "--json").out())
                .path("hits")
                .get(0)
                .path("id")
                .asText();
        Cli.Result shown = Cli.run(data, "show", id, "--json").assertOk();
        assertThat(JSON.readTree(shown.out()).path("analysis").path("version").asText())
                .as("stdout stays JSON; the old analysis is still shown")
                .isEqualTo("text-1/places-1/actors-1");
        assertThat(lines(shown.err(), NOTICE)).isEqualTo(1);
        Cli.Result missing = Cli.run(data, "show", "01JD0000000000000000000000");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err())
                .as("a failing command prints its one error line only")
                .doesNotContain(NOTICE);
        assertThat(Cli.run(data, "verify").err())
                .as("not a command that shows analyses")
                .doesNotContain(NOTICE);

        Cli.Result reanalysed = Cli.run(data, "reanalyze", "--all").assertOk();
        assertThat(reanalysed.out()).startsWith("2 items analysed");
        assertThat(Cli.run(data, "search", "Douma").assertOk().err())
                .as("N is 0: nothing")
                .doesNotContain("older analyzer");
    }

    @Test
    void serve_re_analyses_the_stale_items_in_the_background_and_reports_it() throws Exception {
        Path data = tmp.resolve("data");
        Path report = tmp.resolve("douma.txt");
        Files.writeString(report, "Shelling killed five people in Douma on 3 March 2016.");
        Cli.run(data, "import", report.toString()).assertOk();
        makeStale(data);

        Process server = Cli.builder(data, "serve", "--port", "0")
                .redirectErrorStream(true)
                .start();
        StringBuilder printed = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String url = null;
            while ((line = out.readLine()) != null) {
                printed.append(line).append('\n');
                if (line.contains("web UI and API:")) {
                    url = line.replaceAll(".*(http://[^/ ]+).*", "$1");
                    break;
                }
            }
            assertThat(url).as("server printed its address: " + printed).startsWith("http://127.0.0.1:");
            HttpClient http = HttpClient.newHttpClient();
            JsonNode reanalysis = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/api/health"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                reanalysis = JSON.readTree(health.body()).path("reanalysis");
                if (reanalysis.path("state").asText().equals("finished")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(reanalysis.path("state").asText()).isEqualTo("finished");
            assertThat(reanalysis.path("total").asLong()).isEqualTo(1);
            assertThat(reanalysis.path("percent").asInt()).isEqualTo(100);
            assertThat(Cli.run(data, "search", "Douma").assertOk().err())
                    .as("a server is writing: it re-analyses, the CLI says nothing")
                    .doesNotContain("older analyzer");
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Cli.Result after = Cli.run(data, "show", "--json", firstId(data)).assertOk();
        assertThat(after.err()).doesNotContain("older analyzer");
        assertThat(JSON.readTree(after.out()).path("analysis").path("version").asText())
                .startsWith("text-")
                .isNotEqualTo("text-1/places-1/actors-1");
    }

    private static String firstId(Path data) throws Exception {
        return JSON.readTree(
                        Cli.run(data, "search", "Douma", "--json").assertOk().out())
                .path("hits")
                .get(0)
                .path("id")
                .asText();
    }
}
