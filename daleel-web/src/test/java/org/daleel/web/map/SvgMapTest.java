package org.daleel.web.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.daleel.web.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The offline SVG map: fitted to its pins, pins sized by count, bilingual labels that never collide. */
class SvgMapTest {
    private static Document draw(List<MapPin> pins) {
        Html h = new Html();
        SvgMap.render(h, pins, "Test map.");
        return Jsoup.parse(h.toString());
    }

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
}
