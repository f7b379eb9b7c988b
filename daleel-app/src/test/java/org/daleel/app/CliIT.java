package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end in child processes: capture, import, search (English and Arabic), show, errors. */
class CliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void captures_a_loopback_page_only_when_private_addresses_are_allowed_then_finds_and_shows_it() throws Exception {
        Path data = tmp.resolve("data");
        try (Site site = new Site()) {
            Cli.Result refused = Cli.run(data, "capture", site.url("report.html"));
            assertThat(refused.exit()).isEqualTo(4);
            assertThat(refused.err()).contains("127.0.0.1").doesNotContain("Exception");
            assertThat(refused.err().strip().lines()).hasSize(1);

            Cli.Result captured = Cli.run(
                            data,
                            "capture",
                            site.url("report.html"),
                            "--allow-private",
                            "--json",
                            "--note",
                            "water station",
                            "--claimed-place",
                            "Darayya")
                    .assertOk();
            JsonNode item = JSON.readTree(captured.out());
            String id = item.path("id").asText();
            assertThat(id).hasSize(26);
            assertThat(item.path("url").asText()).isEqualTo(site.url("report.html"));
            assertThat(item.path("sha256").asText()).matches("[0-9a-f]{64}");
            assertThat(item.path("capturedAt").asText()).isNotBlank();

            JsonNode hits = JSON.readTree(Cli.run(data, "search", "pumping station", "--json")
                    .assertOk()
                    .out());
            assertThat(hits.path("total").asLong()).isEqualTo(1);
            assertThat(hits.path("hits").get(0).path("id").asText()).isEqualTo(id);
            assertThat(hits.path("hits").get(0).path("snippet").asText()).contains("<b>");

            for (String spelling : new String[] {"داريا", "داريّا", "دارَيّا"}) {
                JsonNode ar = JSON.readTree(
                        Cli.run(data, "search", spelling, "--json").assertOk().out());
                assertThat(ar.path("total").asLong()).as(spelling).isEqualTo(1);
            }

            JsonNode shown =
                    JSON.readTree(Cli.run(data, "show", id, "--json").assertOk().out());
            assertThat(shown.path("title").asText()).isEqualTo("Shelling reported near Darayya water station");
            assertThat(shown.path("text").asText()).contains("pumping station").doesNotContain("Subscribe");
            assertThat(shown.path("published").asText()).isEqualTo("2016-08-20");
            assertThat(shown.path("language").asText()).isEqualTo("en");
            assertThat(shown.path("provenance").path("claimedPlace").asText()).isEqualTo("Darayya");
            assertThat(shown.path("resources").findValuesAsText("url"))
                    .contains(site.url("style.css"), site.url("station.png"));
            assertThat(shown.path("warc").path("fileName").asText()).endsWith(".warc.gz");
            assertThat(data.resolve("warcs")
                            .resolve(shown.path("warc").path("fileName").asText()))
                    .isRegularFile();

            String plain = Cli.run(data, "show", id).assertOk().out();
            assertThat(plain).contains("sha256:").contains("في داريا");
        }
    }

    @Test
    void imports_folders_once_and_reports_duplicates() throws Exception {
        Path data = tmp.resolve("data");
        Path in = Files.createDirectories(tmp.resolve("in/sub"));
        Files.writeString(tmp.resolve("in/a.txt"), "Evacuation convoy left Aleppo at dawn.\n", StandardCharsets.UTF_8);
        Files.writeString(
                in.resolve("b.html"),
                "<html><head><title>قصف حلب</title></head><body><article><p>قصف على الأحياء الشرقية في حلب.</p></article></body></html>",
                StandardCharsets.UTF_8);
        Files.write(in.resolve("empty.pdf"), new byte[0]);
        Files.write(in.resolve("garbage.bin"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0x7f});

        JsonNode first = JSON.readTree(Cli.run(data, "import", tmp.resolve("in").toString(), "--json")
                .assertOk()
                .out());
        assertThat(first).hasSize(4);
        assertThat(first.findValuesAsText("status")).containsOnly("new");
        assertThat(first.get(0).path("sha256").asText()).matches("[0-9a-f]{64}");

        JsonNode again = JSON.readTree(Cli.run(data, "import", tmp.resolve("in").toString(), "--json")
                .assertOk()
                .out());
        assertThat(again.findValuesAsText("status")).containsOnly("duplicate");
        assertThat(again.findValuesAsText("id")).isEqualTo(first.findValuesAsText("id"));
        try (Stream<Path> blobs = Files.walk(data.resolve("blobs"))) {
            assertThat(blobs.filter(Files::isRegularFile).count()).isEqualTo(4);
        }

        JsonNode ar = JSON.readTree(
                Cli.run(data, "search", "حلب", "--json").assertOk().out());
        assertThat(ar.path("total").asLong()).isEqualTo(1);
        JsonNode en = JSON.readTree(
                Cli.run(data, "search", "convoy", "--json").assertOk().out());
        assertThat(en.path("hits").get(0).path("title").asText()).contains("Evacuation convoy");

        String emptyId = "";
        for (JsonNode r : first) {
            if (r.path("path").asText().endsWith("empty.pdf")) {
                emptyId = r.path("id").asText();
            }
        }
        JsonNode empty = JSON.readTree(
                Cli.run(data, "show", emptyId, "--json").assertOk().out());
        assertThat(empty.path("extractionNote").asText()).containsIgnoringCase("empty");
    }

    @Test
    void bad_input_gives_one_clear_line_and_a_non_zero_exit() throws Exception {
        Path data = tmp.resolve("data");
        Cli.Result missing = Cli.run(data, "import", tmp.resolve("nope.html").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.html").contains("no such file");

        Cli.Result scheme = Cli.run(data, "capture", "file:///etc/passwd");
        assertThat(scheme.exit()).isEqualTo(4);
        assertThat(scheme.err()).contains("file:///etc/passwd");

        Cli.Result noArchive = Cli.run(tmp.resolve("empty"), "search", "x");
        assertThat(noArchive.exit()).isEqualTo(2);
        assertThat(noArchive.err()).contains("no archive at");

        Files.writeString(tmp.resolve("x.txt"), "something");
        Cli.run(data, "import", tmp.resolve("x.txt").toString()).assertOk();
        Cli.Result unknown = Cli.run(data, "show", "01JDX3T5Q8K2M4N6P7R9S0T1V2");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).contains("01JDX3T5Q8K2M4N6P7R9S0T1V2");

        Cli.Result usage = Cli.run(data, "search");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("give at least one word or a filter");
    }
}
