package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code daleel gazetteer import/info/reset} and {@code daleel analyze --data} in child processes. */
class GazetteerCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void imported_geonames_places_are_used_by_the_analysis_and_bad_files_are_named() throws Exception {
        Path data = tmp.resolve("data");
        // a GeoNames row of a place that is in no real release (id 90000001)
        Path no = Files.writeString(
                tmp.resolve("NO.txt"),
                "90000001\tZqvaltrand\tZqvaltrand\t\t61.5\t9.1\tP\tPPL\tNO\t\t34\t\t\t\t900\t\t100\tEurope/Oslo\t"
                        + "2024-01-01\n",
                StandardCharsets.UTF_8);
        Path bad = Files.writeString(tmp.resolve("SE.txt"), "90000002\tBroken\n", StandardCharsets.UTF_8);
        Path report = Files.writeString(
                tmp.resolve("report.txt"), "Shelling was reported near Zqvaltrand on Friday.", StandardCharsets.UTF_8);

        Cli.Result refused = Cli.run(data, "gazetteer", "import", bad.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("SE.txt line 1").hasLineCount(1);

        JsonNode imported = JSON.readTree(Cli.run(data, "gazetteer", "import", no.toString(), "--json")
                .assertOk()
                .out());
        assertThat(imported.get("files").get(0).get("kept").asLong()).isEqualTo(1);

        JsonNode analysis = JSON.readTree(
                Cli.run(data, "analyze", report.toString(), "--json").assertOk().out());
        assertThat(analysis.get("places").get(0).get("geonameId").asLong()).isEqualTo(90000001L);

        JsonNode info = JSON.readTree(
                Cli.run(data, "gazetteer", "info", "--json").assertOk().out());
        assertThat(info.get("imported").asBoolean()).isTrue();
        assertThat(info.get("attribution").asText()).contains("GeoNames").contains("CC BY 4.0");
        assertThat(info.get("places").asLong()).isGreaterThan(300_000);

        Cli.run(data, "gazetteer", "reset").assertOk();
        JsonNode after = JSON.readTree(
                Cli.run(data, "analyze", report.toString(), "--json").assertOk().out());
        assertThat(after.get("places")).isEmpty();
    }
}
