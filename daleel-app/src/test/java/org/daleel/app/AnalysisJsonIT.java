package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.daleel.archive.DataDir;
import org.daleel.archive.ItemOptions;
import org.daleel.archive.LocalArchive;
import org.daleel.core.Version;
import org.daleel.web.DaleelServer;
import org.daleel.web.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON shape of an analysed item, pinned: {@code daleel show --json}'s {@code analysis}, {@code
 * GET /api/items/{id}}'s and {@code GET /api/items/{id}/analysis} are one and the same (one writer,
 * {@code AnalysisJson}), with exactly the documented fields; {@code daleel analyze --json} keeps the
 * field names of DESIGN.md (docs/analysis-json.md).
 */
@Timeout(300)
class AnalysisJsonIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT = "Barrel bombs on Darayya\n\nOn 20 August 2016, Syrian government forces"
            + " dropped barrel bombs on Darayya, south-west of Damascus, killing 12 civilians.";

    @TempDir
    Path tmp;

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void show_json_and_the_api_write_the_same_analysis_with_the_documented_fields() throws Exception {
        Path data = tmp.resolve("data");
        Path file = tmp.resolve("darayya.txt");
        Files.writeString(file, REPORT, StandardCharsets.UTF_8);
        String id;
        JsonNode fromItem;
        JsonNode fromAnalysis;
        try (LocalArchive archive = Wiring.openWriter(DataDir.at(data))) {
            id = archive.importFile(file, ItemOptions.of("test")).item().id();
            try (DaleelServer server = new DaleelServer(
                            ServerConfig.defaults(Version.current()).withPort(0), archive, archive.custody())
                    .start()) {
                HttpClient http = HttpClient.newHttpClient();
                fromItem = get(http, server, "/api/items/" + id).path("analysis");
                fromAnalysis = get(http, server, "/api/items/" + id + "/analysis");
            }
        }
        JsonNode fromShow = JSON.readTree(
                        Cli.run(data, "show", id, "--json").assertOk().out())
                .path("analysis");

        assertThat(fromItem).isEqualTo(fromAnalysis).isEqualTo(fromShow);
        JsonNode a = fromShow;
        assertThat(fields(a))
                .containsExactly("version", "language", "places", "actors", "dates", "events", "quantities");
        assertThat(fields(a.path("places").get(0)))
                .containsExactly(
                        "source",
                        "text",
                        "start",
                        "end",
                        "geonameId",
                        "name",
                        "nameAr",
                        "countryCode",
                        "admin1",
                        "featureCode",
                        "lat",
                        "lon",
                        "within");
        assertThat(fields(a.path("places").get(0).path("within").get(0))).containsExactly("geonameId", "name", "level");
        assertThat(fields(a.path("actors").get(0)))
                .containsExactly("text", "start", "end", "id", "name", "type", "role");
        assertThat(fields(a.path("dates").get(0))).containsExactly("text", "start", "end", "value");
        assertThat(fields(a.path("events").get(0)))
                .containsExactly("type", "label", "text", "start", "end", "actors", "places", "date");
        JsonNode killed = a.path("quantities").get(0);
        assertThat(fields(killed))
                .containsExactly(
                        "text",
                        "start",
                        "end",
                        "value",
                        "approximate",
                        "unit",
                        "what",
                        "event",
                        "places",
                        "actors",
                        "date");
        assertThat(killed.path("value").isIntegralNumber())
                .as("a whole count is written as an integer")
                .isTrue();
        String text = REPORT;
        JsonNode place = a.path("places").get(0);
        assertThat(text.substring(place.path("start").asInt(), place.path("end").asInt()))
                .as("UTF-16 offsets into the item's text")
                .isEqualTo(place.path("text").asText());
    }

    @Test
    void analyze_json_keeps_the_field_names_of_the_design() throws Exception {
        Path file = tmp.resolve("darayya.txt");
        Files.writeString(file, REPORT, StandardCharsets.UTF_8);
        JsonNode a = JSON.readTree(Cli.run(tmp.resolve("data"), "analyze", file.toString(), "--json")
                .assertOk()
                .out());

        assertThat(fields(a)).containsExactly("language", "places", "actors", "dates", "quantities", "events");
        assertThat(fields(a.path("places").get(0)))
                .containsExactly(
                        "text", "start", "end", "geonameId", "name", "countryCode", "admin1", "lat", "lon", "form");
        assertThat(fields(a.path("actors").get(0)))
                .containsExactly("text", "start", "end", "id", "name", "type", "role");
        assertThat(fields(a.path("dates").get(0))).containsExactly("text", "start", "end", "value");
        assertThat(fields(a.path("quantities").get(0)))
                .containsExactly("text", "start", "end", "value", "unit", "what", "approximate");
        assertThat(fields(a.path("events").get(0)))
                .containsExactly("type", "text", "start", "end", "actors", "places", "date");
    }

    private static JsonNode get(HttpClient http, DaleelServer server, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
