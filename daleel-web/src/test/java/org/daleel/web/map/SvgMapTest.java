package org.daleel.web.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daleel.web.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The offline SVG map: fitted to its pins, pins sized by count, bilingual labels that never collide,
 * first-level divisions in regional views only, outlines clipped to the view.
 */
class SvgMapTest {
    private static Document draw(List<MapPin> pins) {
        return draw(pins, Map.of());
    }

    private static Document draw(List<MapPin> pins, Map<Long, SvgMap.DivisionLink> links) {
        Html h = new Html();
        SvgMap.render(h, pins, "Test map.", links);
        return Jsoup.parse(h.toString());
    }

    private static final List<MapPin> SYRIA = List.of(
            pin("Aleppo", "حلب", 36.2, 37.16, 9),
            pin("Idlib", "إدلب", 35.93, 36.63, 4),
            pin("Damascus", "دمشق", 33.51, 36.29, 7),
            pin("Deir ez-Zor", "دير الزور", 35.33, 40.14, 3),
            pin("Daraa", "درعا", 32.62, 36.10, 2));

    private static final List<MapPin> WORLD = List.of(
            pin("Aleppo", "حلب", 36.2, 37.16, 9),
            pin("New York", "نيويورك", 40.71, -74.0, 2),
            pin("Sanaa", "صنعاء", 15.35, 44.2, 1));

    private static MapPin pin(String name, String ar, double lat, double lon, int count) {
        return new MapPin(lat, lon, name, name, "/search?place=" + name, "text", count, ar);
    }

    private static double r(Document d, String name) {
        return Double.parseDouble(
                d.selectFirst("circle[data-label=" + name + "]").attr("r"));
    }

    @Test
    void pins_inside_the_view_and_their_size_grows_with_the_number_of_items() {
        Document d = draw(List.of(
                pin("Aleppo", "حلب", 36.2, 37.16, 9),
                pin("Manbij", "منبج", 36.53, 37.95, 1),
                pin("Idlib", "", 35.93, 36.63, 4)));

        String[] box = d.selectFirst("svg").attr("viewBox").split(" ");
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);
        for (Element c : d.select("circle")) {
            assertThat(Double.parseDouble(c.attr("cx"))).isBetween(0.0, width);
            assertThat(Double.parseDouble(c.attr("cy"))).isBetween(0.0, height);
        }
        assertThat(r(d, "Aleppo")).isGreaterThan(r(d, "Idlib"));
        assertThat(r(d, "Idlib")).isGreaterThan(r(d, "Manbij"));
        assertThat(r(d, "Manbij")).isEqualTo(4.0);
        assertThat(d.select("path.land")).as("countries around the pins").isNotEmpty();
    }

    @Test
    void labels_give_the_english_name_with_the_count_and_the_arabic_name_right_to_left() {
        Document d = draw(List.of(pin("Aleppo", "حلب", 36.2, 37.16, 9), pin("Idlib", "", 35.93, 36.63, 1)));

        Element aleppo = d.selectFirst("a.pin:has(circle[data-label=Aleppo])");
        assertThat(aleppo.selectFirst("text.name").text()).isEqualTo("Aleppo · 9");
        assertThat(aleppo.selectFirst("text.name").attr("direction")).isEqualTo("ltr");
        Element ar = aleppo.selectFirst("text.name-ar");
        assertThat(ar.text()).isEqualTo("حلب");
        assertThat(ar.attr("direction")).isEqualTo("rtl");
        assertThat(ar.attr("lang")).isEqualTo("ar");
        assertThat(d.selectFirst("a.pin:has(circle[data-label=Idlib])").select("text.name-ar"))
                .as("no Arabic name, no Arabic label")
                .isEmpty();
    }

    @Test
    void a_label_that_would_overlap_a_bigger_pins_label_is_left_out_but_the_pin_keeps_its_tooltip() {
        Document d = draw(List.of(pin("Aleppo", "حلب", 36.2, 37.16, 9), pin("Aleppo East", "", 36.2001, 37.1601, 2)));

        assertThat(d.selectFirst("a.pin:has(circle[data-label=Aleppo])").select("text.name"))
                .hasSize(1);
        Element east = d.selectFirst("a.pin:has(circle[data-label='Aleppo East'])");
        assertThat(east.select("text")).isEmpty();
        assertThat(east.selectFirst("title").text()).isEqualTo("Aleppo East");
    }

    @Test
    void a_pin_near_the_right_edge_is_labelled_on_its_left() {
        Document d = draw(List.of(pin("West", "", 35.0, 30.0, 1), pin("Far Eastern Town", "الشرق", 35.0, 50.0, 1)));

        Element far = d.selectFirst("a.pin:has(circle[data-label='Far Eastern Town'])");
        assertThat(far.selectFirst("text.name").attr("text-anchor")).isEqualTo("end");
        assertThat(Double.parseDouble(far.selectFirst("text.name").attr("x")))
                .isLessThan(Double.parseDouble(far.selectFirst("circle").attr("cx")));
        assertThat(far.selectFirst("text.name-ar").attr("text-anchor")).isEqualTo("start");
    }

    @Test
    void a_syria_view_draws_the_governorates_with_english_and_arabic_titles_and_their_inner_borders() {
        Document d = draw(SYRIA);

        Element idlib = d.selectFirst("g.divisions path.division[data-geonameid=169387]");
        assertThat(idlib).isNotNull();
        assertThat(idlib.attr("data-iso")).isEqualTo("SY-ID");
        String title = idlib.selectFirst("title").text();
        assertThat(title).startsWith("Idlib (SY-ID)").endsWith("محافظة إدلب");
        assertThat(d.select("path.division[data-iso^=SY-]"))
                .as("Syria's governorates")
                .hasSizeGreaterThanOrEqualTo(14);
        assertThat(d.select("path.division title"))
                .as("Arabic names in the tooltips")
                .anySatisfy(t -> assertThat(t.text()).contains("محافظة حلب"));
        assertThat(d.selectFirst("path.division-borders").attr("d")).startsWith("M");
        assertThat(d.select("path.division"))
                .as("no link without one given")
                .allSatisfy(p -> assertThat(p.parent().tagName()).isEqualTo("g"));
        assertThat(d.select("svg > *").stream().map(Element::className).toList())
                .as("land, then divisions and their borders, then the pins on top")
                .containsSubsequence("land", "divisions", "division-borders", "pin text");
    }

    @Test
    void a_world_view_draws_no_divisions() {
        Document d = draw(WORLD);

        assertThat(d.select("path.land")).hasSizeGreaterThan(50);
        assertThat(d.select("path.division")).isEmpty();
        assertThat(d.select("path.division-borders")).isEmpty();
    }

    @Test
    void a_division_given_a_link_is_an_anchor_whose_tooltip_says_what_a_click_does() {
        Document d = draw(
                SYRIA,
                Map.of(
                        169387L,
                        new SvgMap.DivisionLink("/search?place=169387", "4 results: click to narrow the search")));

        Element link = d.selectFirst("a.division-link:has(path.division[data-geonameid=169387])");
        assertThat(link.attr("href")).isEqualTo("/search?place=169387");
        assertThat(link.selectFirst("title").text())
                .isEqualTo("Idlib (SY-ID) · 4 results: click to narrow the search · محافظة إدلب");
        assertThat(d.select("a.division-link")).hasSize(1);
    }

    @Test
    void a_busy_view_keeps_only_the_divisions_of_the_pins_countries() {
        // Aleppo to Sanaa and Ankara: hundreds of divisions meet the view; Turkey's, Syria's and
        // Yemen's are kept, Saudi Arabia's dropped.
        Document d = draw(List.of(
                pin("Aleppo", "حلب", 36.2, 37.16, 9),
                pin("Sanaa", "صنعاء", 15.35, 44.2, 3),
                pin("Ankara", "أنقرة", 39.93, 32.86, 1)));

        List<String> iso = d.select("path.division").eachAttr("data-iso");
        assertThat(iso)
                .contains("SY-ID", "TR-06")
                .anyMatch(c -> c.startsWith("YE-"))
                .noneMatch(c -> c.startsWith("SA-"));
        assertThat(iso.size()).isLessThanOrEqualTo(SvgMap.MAX_DIVISIONS);
    }

    @Test
    void every_outline_is_clipped_to_the_view_and_the_svg_stays_small() {
        Document d = draw(SYRIA);
        String[] box = d.selectFirst("svg").attr("viewBox").split(" ");
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);

        for (Element path : d.select("path")) {
            for (double[] p : points(path.attr("d"))) {
                assertThat(p[0]).isBetween(-SvgPaths.MARGIN - 0.1, width + SvgPaths.MARGIN + 0.1);
                assertThat(p[1]).isBetween(-SvgPaths.MARGIN - 0.1, height + SvgPaths.MARGIN + 0.1);
            }
        }
        assertThat(d.selectFirst("figure").outerHtml().length())
                .as("Syria with its neighbours' divisions")
                .isLessThan(80_000);
        assertThat(draw(WORLD).selectFirst("figure").outerHtml().length()).isLessThan(120_000);
    }

    /**
     * The reference views of docs/benchmarks.md ("Maps"): prints each view's SVG size and
     * division count and holds it to a budget.
     */
    @Test
    void the_reference_views_stay_within_their_size_budgets() {
        record View(String name, List<MapPin> pins, int budget) {}
        List<View> views = List.of(
                new View(
                        "item page, Idlib",
                        List.of(pin("Idlib", "", 35.93, 36.63, 1), pin("Maarat al-Numan", "", 35.64, 36.67, 1)),
                        30_000),
                new View("results, Syria", SYRIA, 60_000),
                new View(
                        "results, USA",
                        List.of(
                                pin("Seattle", "", 47.6, -122.3, 3),
                                pin("Miami", "", 25.8, -80.2, 2),
                                pin("New York", "", 40.7, -74.0, 5),
                                pin("Houston", "", 29.8, -95.4, 1)),
                        100_000),
                new View(
                        "results, Kyiv-Aleppo-Tripoli-Paris",
                        List.of(
                                pin("Kyiv", "", 50.45, 30.52, 3),
                                pin("Aleppo", "", 36.2, 37.16, 9),
                                pin("Tripoli", "", 32.89, 13.19, 2),
                                pin("Paris", "", 48.85, 2.35, 1)),
                        160_000),
                new View("results, world", WORLD, 100_000));
        for (View v : views) {
            Html h = new Html();
            SvgMap.render(h, v.pins(), "Test map.");
            int size = h.toString().length();
            Document d = Jsoup.parse(h.toString());
            System.out.printf(
                    java.util.Locale.ROOT,
                    "map %-36s %,8d chars, %4d divisions%n",
                    v.name(),
                    size,
                    d.select("path.division").size());
            assertThat(size).as(v.name()).isLessThan(v.budget());
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    /** The absolute points of path data made of "M x,y" and relative "l dx,dy ..." steps. */
    private static List<double[]> points(String data) {
        List<double[]> out = new ArrayList<>();
        for (String sub : data.split("M")) {
            if (sub.isEmpty()) {
                continue;
            }
            Matcher m = NUMBER.matcher(sub.replace("z", ""));
            double x = 0;
            double y = 0;
            boolean first = true;
            while (m.find()) {
                double dx = Double.parseDouble(m.group());
                m.find();
                double dy = Double.parseDouble(m.group());
                x = first ? dx : x + dx;
                y = first ? dy : y + dy;
                first = false;
                out.add(new double[] {x, y});
            }
        }
        return out;
    }
}
