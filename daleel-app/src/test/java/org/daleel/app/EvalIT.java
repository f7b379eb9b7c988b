package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code daleel eval} through the real CLI, as a user runs it. */
@Timeout(300)
class EvalIT {
    @Test
    void scores_the_bundled_test_set_per_language_as_json_with_errors() throws Exception {
        Cli.Result r = Cli.runWithoutData("eval", "--set", "test", "--json", "--errors")
                .assertOk();
        JsonNode set = new ObjectMapper().readTree(r.out()).get("sets").get(0);
        assertThat(set.get("set").asText()).isEqualTo("test");
        assertThat(set.get("scores"))
                .extracting(n -> n.get("language").asText())
                .containsExactly("en", "ar", "all");
        JsonNode all = set.get("scores").get(2);
        assertThat(all.get("documents").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(all.get("places").get("f1").asDouble()).isBetween(0.0, 1.0);
        assertThat(all.get("accuracy161").get("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(all.get("events").get("tp").asInt()).isPositive();
        assertThat(set.get("errors").size()).isPositive();
    }

    @Test
    void prints_a_table_for_a_gold_file_of_ones_own_and_names_a_bad_one(@TempDir Path dir) throws Exception {
        Path gold = Files.writeString(dir.resolve("mine.txt"), """
                ## doc m-1
                lang: en
                published: 2016-08-20
                text: Artillery shells hit Darayya, south-west of Damascus, on Friday night.
                place: Darayya = 170892
                place: Damascus = 170654
                date: on Friday = 2016-08-19
                event: shelling
                """);
        Cli.Result r = Cli.runWithoutData("eval", "--gold", gold.toString(), "--errors")
                .assertOk();
        assertThat(r.out()).contains("set mine.txt").contains("  en      1 | 1.00  1.00  1.00");

        Files.writeString(gold, Files.readString(gold).replace("event: shelling", "event: bombardment"));
        Cli.Result bad = Cli.runWithoutData("eval", "--gold", gold.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("gold set mine.txt line 8").contains("bombardment");
        assertThat(Cli.runWithoutData("eval", "--set", "train").err()).contains("expected dev, test or all");
    }

    @Test
    void scores_an_lgl_file(@TempDir Path dir) throws Exception {
        Path lgl = dir.resolve("lgl.xml");
        try (InputStream in = EvalIT.class.getResourceAsStream("/org/daleel/app/lgl-sample.xml")) {
            Files.copy(in, lgl);
        }
        Cli.Result r = Cli.runWithoutData("eval", "--lgl", lgl.toString(), "--lgl-train-share", "0", "--json")
                .assertOk();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("documents").asInt()).isEqualTo(2);
        assertThat(n.get("toponyms").asInt()).isEqualTo(3);
        assertThat(n.get("givenExact").get("total").asInt()).isEqualTo(3);
        assertThat(n.has("errors")).isFalse();
        Cli.Result bad =
                Cli.runWithoutData("eval", "--lgl", dir.resolve("none.xml").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("none.xml: no such file");
    }
}
