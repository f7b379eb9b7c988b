package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.daleel.web.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every imported report is analysed and searchable by place (a governorate finds its villages),
 * actor, event type and event date, with facet counts: through the real CLI, in English and Arabic.
 */
@Timeout(600)
class FacetsIT {
    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void import_english_and_arabic_reports() throws Exception {
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        write(
                reports.resolve("darayya.txt"),
                "Barrel bombs on Darayya\n\nOn 20 August 2016, Syrian government forces dropped barrel bombs on"
                        + " Darayya, south-west of Damascus, killing 12 civilians. The siege of the town continued.");
        write(
                reports.resolve("tall-rifat.txt"),
                "Shelling in the Aleppo countryside\n\nIslamic State fighters shelled the village of Tall Rifat in"
                        + " the northern Aleppo countryside on 3 March 2016, wounding five people.");
        write(
                reports.resolve("manbij-ar.txt"),
                "قصف على منبج\n\nقصفت طائرات النظام مدينة منبج في ريف حلب الشرقي يوم 12 حزيران 2016، ما أدى إلى مقتل"
                        + " سبعة مدنيين.");
        try (var in = FacetsIT.class.getResourceAsStream("exif-gps.jpg")) {
            Files.copy(in, reports.resolve("baghdad-photo.jpg")); // GPS 33.3128, 44.3615 in its EXIF
        }
        data = tmp.resolve("data");
        Cli.run(data, "import", reports.toString()).assertOk();
    }

    private static void write(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static JsonNode search(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("search", "--json"));
        all.addAll(List.of(args));
        return Json.parse(Cli.run(data, all.toArray(String[]::new)).assertOk().out(), "search output");
    }

    private static List<String> titles(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("hits").forEach(h -> out.add(h.path("title").asText()));
        return out;
    }

    private static long count(JsonNode result, String dim, String value) {
        for (JsonNode v : result.path("facets").path(dim)) {
            if (v.path("value").asText().equals(value)) {
                return v.path("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void a_governorate_finds_the_villages_inside_it_in_both_languages() throws Exception {
        JsonNode byName = search("--place", "Aleppo");
        JsonNode byArabicName = search("--place", "حلب");
        JsonNode byId = search("--place", "170062");

        assertThat(titles(byName)).containsExactlyInAnyOrder("Shelling in the Aleppo countryside", "قصف على منبج");
        assertThat(titles(byArabicName)).containsExactlyInAnyOrderElementsOf(titles(byName));
        assertThat(titles(byId)).containsExactlyInAnyOrderElementsOf(titles(byName));
        assertThat(count(byName, "region", "170062")).isEqualTo(2);
        assertThat(count(byName, "place", "163476")).as("Tall Rifat").isEqualTo(1);
        assertThat(count(byName, "place", "167357")).as("Manbij").isEqualTo(1);
    }

    @Test
    void the_country_finds_everything_and_counts_every_facet() throws Exception {
        JsonNode syria = search("--place", "Syria");

        assertThat(syria.path("total").asLong()).isEqualTo(3);
        assertThat(count(syria, "country", "163843")).isEqualTo(3);
        assertThat(count(syria, "region", "170062")).isEqualTo(2);
        assertThat(count(syria, "actor", "syrian-government-forces")).isEqualTo(2);
        assertThat(count(syria, "actor", "islamic-state")).isEqualTo(1);
        assertThat(count(syria, "type", "shelling")).isEqualTo(2);
        assertThat(count(syria, "type", "air_drone_strike")).isEqualTo(1);
        assertThat(count(syria, "year", "2016")).isEqualTo(3);
        JsonNode hitPlaces = syria.path("hits").get(0).path("places");
        assertThat(hitPlaces.size()).isPositive();
        assertThat(hitPlaces.get(0).path("lat").asDouble()).isBetween(32.0, 37.5);
    }

    @Test
    void filters_by_actor_event_type_date_range_and_words() throws Exception {
        assertThat(titles(search("--actor", "islamic-state"))).containsExactly("Shelling in the Aleppo countryside");
        assertThat(titles(search("--type", "air_drone_strike"))).containsExactly("Barrel bombs on Darayya");
        assertThat(titles(search("--from", "2016-06", "--to", "2016-06-30"))).containsExactly("قصف على منبج");
        assertThat(titles(search("--from", "2016-08-01"))).containsExactly("Barrel bombs on Darayya");
        assertThat(search("--from", "2017").path("total").asLong()).isZero();
        assertThat(titles(search("barrel", "--place", "Rif Dimashq"))).containsExactly("Barrel bombs on Darayya");
        assertThat(titles(search("--place", "Aleppo", "--actor", "syrian-government-forces")))
                .containsExactly("قصف على منبج");
    }

    @Test
    void prints_facet_counts_after_the_hits_for_people() throws Exception {
        String out = Cli.run(data, "search", "--place", "Aleppo").assertOk().out();

        assertThat(out).startsWith("2 items");
        assertThat(out).contains("region:  Aleppo [170062] (2)");
        assertThat(out).contains("places: Manbij");
    }

    @Test
    void a_picture_gps_position_becomes_a_place_from_exif_filterable_like_any_place() throws Exception {
        JsonNode iraq = search("--place", "Iraq");

        assertThat(iraq.path("total").asLong()).isEqualTo(1);
        JsonNode place = iraq.path("hits").get(0).path("places").get(0);
        assertThat(place.path("source").asText()).isEqualTo("exif");
        assertThat(place.path("lat").asDouble()).as("the exact GPS position").isBetween(33.31279, 33.31281);
        assertThat(place.path("lon").asDouble()).isBetween(44.36149, 44.36151);
        assertThat(count(
                        iraq,
                        "country",
                        iraq.path("facets").path("country").get(0).path("value").asText()))
                .isEqualTo(1);
        String id = iraq.path("hits").get(0).path("id").asText();

        JsonNode shown =
                Json.parse(Cli.run(data, "show", id, "--json").assertOk().out(), "show");
        JsonNode exif = shown.path("analysis").path("places").get(0);
        assertThat(exif.path("source").asText()).isEqualTo("exif");
        assertThat(exif.path("countryCode").asText()).isEqualTo("IQ");
        assertThat(exif.path("exif").path("distanceKm").asDouble()).isLessThan(20);
        assertThat(Cli.run(data, "show", id).assertOk().out()).contains("from EXIF: GPS 33.312800, 44.361500");
    }

    @Test
    void exports_search_results_as_acled_style_csv_and_geojson() throws Exception {
        Path csv = tmp.resolve("aleppo.csv");
        Path geojson = tmp.resolve("shelling.geojson");
        Cli.run(data, "export", "--format", "csv", "--place", "Aleppo", "--output", csv.toString())
                .assertOk();
        Cli.run(data, "export", "--format", "geojson", "--type", "shelling", "--output", geojson.toString())
                .assertOk();

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\ufeffitem_id,event_date,year,event_type,sub_event_type,");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .contains(
                                "2016-03-03,2016,Explosions/Remote violence,Shelling/artillery/missile attack,shelling,"
                                        + "Islamic State,,SY,Aleppo,Tall Rif‘at,163476,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("2016-06-12").contains("Manbij,167357"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("Darayya"));

        JsonNode fc = Json.parse(Files.readString(geojson, StandardCharsets.UTF_8), "geojson");
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        List<String> places = new ArrayList<>();
        for (JsonNode f : fc.path("features")) {
            places.add(f.path("properties").path("place").asText());
            assertThat(f.path("geometry").path("coordinates").get(0).asDouble())
                    .as("longitude first (RFC 7946)")
                    .isBetween(35.0, 43.0);
        }
        assertThat(places).contains("Tall Rif‘at", "Manbij").doesNotContain("Darayya");
    }

    @Test
    void quantities_are_stored_shown_and_summed_into_acled_fatalities() throws Exception {
        String darayya = search("--actor", "syrian-government-forces", "--type", "air_drone_strike")
                .path("hits")
                .get(0)
                .path("id")
                .asText();

        JsonNode shown =
                Json.parse(Cli.run(data, "show", darayya, "--json").assertOk().out(), "show");
        JsonNode killed = shown.path("analysis").path("quantities").get(0);
        assertThat(killed.path("what").asText()).isEqualTo("killed");
        assertThat(killed.path("value").asLong()).isEqualTo(12);
        assertThat(killed.path("approximate").asBoolean()).isFalse();
        assertThat(killed.path("places").get(0).asLong()).as("Darayya").isEqualTo(170892);
        assertThat(killed.path("date").asText()).isEqualTo("2016-08-20");
        assertThat(Cli.run(data, "show", darayya).assertOk().out())
                .contains("quantity")
                .contains("12 killed — Darayya");

        Path csv = tmp.resolve("fatalities.csv");
        Path geojson = tmp.resolve("fatalities.geojson");
        Cli.run(data, "export", "--format", "csv", "--place", "Syria", "--output", csv.toString())
                .assertOk();
        Cli.run(data, "export", "--format", "geojson", "--place", "Syria", "--output", geojson.toString())
                .assertOk();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int column = List.of(lines.get(0).split(",")).indexOf("fatalities");
        assertThat(column).as("a fatalities column").isPositive();
        java.util.Map<String, Long> byDate = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            byDate.merge(f[1], f[column].isEmpty() ? 0 : Long.parseLong(f[column]), Long::sum);
        }
        assertThat(byDate).containsEntry("2016-08-20", 12L).containsEntry("2016-06-12", 7L);
        assertThat(byDate).containsEntry("2016-03-03", 0L).as("wounded are no fatalities");
        java.util.Map<String, Long> byPlace = new java.util.HashMap<>();
        for (JsonNode f : Json.parse(Files.readString(geojson, StandardCharsets.UTF_8), "geojson")
                .path("features")) {
            byPlace.put(
                    f.path("properties").path("place").asText(),
                    f.path("properties").path("fatalities").asLong());
        }
        assertThat(byPlace).containsEntry("Darayya", 12L).containsEntry("Manbij", 7L);
    }

    @Test
    void an_unknown_place_or_event_type_is_one_clear_error() throws Exception {
        Cli.Result place = Cli.run(data, "search", "--place", "Qazwxoplis");
        Cli.Result type = Cli.run(data, "search", "--type", "bombing");
        Cli.Result nothing = Cli.run(data, "search");

        assertThat(place.exit()).isNotZero();
        assertThat(place.err()).contains("place 'Qazwxoplis' is not in the gazetteer");
        assertThat(type.exit()).isNotZero();
        assertThat(type.err()).contains("'bombing'").contains("air_drone_strike");
        assertThat(nothing.exit()).isNotZero();
        assertThat(nothing.err()).contains("give at least one word or a filter");
    }

    @Test
    void reanalyze_is_idempotent_and_all_redoes_nothing_when_the_version_is_current() throws Exception {
        JsonNode again =
                Json.parse(Cli.run(data, "reanalyze", "--json").assertOk().out(), "reanalyze");
        JsonNode all = Json.parse(
                Cli.run(data, "reanalyze", "--all", "--json").assertOk().out(), "reanalyze");

        assertThat(again.path("analysed").asLong()).isZero();
        assertThat(all.path("analysed").asLong()).isZero();
        assertThat(all.path("items").asLong()).isEqualTo(4);
        assertThat(search("--place", "Syria").path("total").asLong()).isEqualTo(3);
    }
}
