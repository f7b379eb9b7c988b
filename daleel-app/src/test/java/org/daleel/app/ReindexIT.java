package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daleel reindex} rebuilds deleted or damaged derived indexes from the catalog and the stored
 * originals, through the real CLI: search and match work again afterwards, nothing is left aside.
 */
@Timeout(600)
class ReindexIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void deleted_search_and_media_indexes_are_rebuilt_from_the_catalog() throws Exception {
        Path data = tmp.resolve("data");
        Path report = tmp.resolve("report.txt");
        Files.writeString(
                report,
                "Barrel bombs struck the Bustan al-Qasr district of Aleppo on 3 December 2016.",
                StandardCharsets.UTF_8);
        Path photo = tmp.resolve("photo.png");
        ImageIO.write(MediaIT.photo(2016), "png", photo.toFile());
        Cli.run(data, "import", report.toString(), photo.toString()).assertOk();

        // A user removes both derived indexes (or a disk fault damaged them).
        deleteTree(data.resolve("index"));
        deleteTree(data.resolve("media"));

        Cli.Result rebuilt = Cli.run(data, "reindex", "--json").assertOk();
        JsonNode r = JSON.readTree(rebuilt.out());
        assertThat(r.path("items").asLong()).isEqualTo(2);
        assertThat(r.path("rebuilt").toString()).isEqualTo("[\"search\",\"media\"]");

        JsonNode hits = JSON.readTree(
                Cli.run(data, "search", "barrel", "--json").assertOk().out());
        assertThat(hits.path("total").asLong()).isEqualTo(1);
        JsonNode matches = JSON.readTree(
                Cli.run(data, "match", photo.toString(), "--json").assertOk().out());
        assertThat(matches.findValuesAsText("id"))
                .as("the picture is found again after the media rebuild")
                .hasSize(1);
        try (Stream<Path> left = Files.list(data)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".old-"));
        }

        // One index only, the other left as it is.
        Cli.Result searchOnly = Cli.run(data, "reindex", "--search").assertOk();
        assertThat(searchOnly.out()).contains("rebuilt the search index from the catalog: 2 items");
        assertThat(JSON.readTree(Cli.run(data, "match", photo.toString(), "--json")
                                .assertOk()
                                .out())
                        .findValuesAsText("id"))
                .hasSize(1);
    }

    @Test
    void reindex_without_an_archive_says_so() throws Exception {
        Cli.Result r = Cli.run(tmp.resolve("none"), "reindex");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("no archive at");
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
