package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.daleel.item.ItemAnalysis;
import org.junit.jupiter.api.Test;

/** How quantities read: figure, what it counts, and the most precise places and date it is tied to. */
class QuantityTextTest {
    private static final ItemAnalysis.Area ALEPPO_GOV =
            new ItemAnalysis.Area(170062, "Aleppo", ItemAnalysis.AreaLevel.ADMIN1);
    private static final ItemAnalysis.Area SYRIA =
            new ItemAnalysis.Area(163843, "Syria", ItemAnalysis.AreaLevel.COUNTRY);

    private static ItemAnalysis.Place place(long id, String name, String ar, List<ItemAnalysis.Area> within) {
        return new ItemAnalysis.Place(
                id, name, ar, "SY", "09", "PPL", 36, 37, within, new ItemAnalysis.PlaceSource.InText(name, 0, 1));
    }

    private static ItemAnalysis.Quantity q(
            double value, boolean approx, String unit, String what, List<Long> places, String date) {
        return new ItemAnalysis.Quantity("x", 0, 1, value, approx, unit, what, -1, places, List.of(), date);
    }

    private static ItemAnalysis analysis(List<ItemAnalysis.Place> places, ItemAnalysis.Quantity q) {
        return new ItemAnalysis("t", "ar", places, List.of(), List.of(), List.of(), List.of(q));
    }

    @Test
    void a_figure_of_people_reads_as_what_happened_to_them_at_the_most_precise_place() {
        // The Arabic name in decomposed form (alef + combining hamza) comes out composed (NFC).
        var manbij = place(167357, "Manbij", "منبج", List.of(ALEPPO_GOV, SYRIA));
        var gov = new ItemAnalysis.Place(
                170062, "Aleppo", "حلب", "SY", "09", "ADM1", 36, 37, List.of(SYRIA), manbij.source());
        var q = q(7, false, "people", "killed", List.of(167357L, 170062L), "2016-06-12");

        assertThat(QuantityText.line(analysis(List.of(manbij, gov), q), q))
                .isEqualTo("7 killed — Manbij (منبج), 2016-06-12");
    }

    @Test
    void approximate_large_fractional_and_percentage_figures() {
        var none = analysis(List.of(), q(1, false, "people", "killed", List.of(), ""));

        assertThat(QuantityText.what(q(3000, true, "people", "displaced", List.of(), "")))
                .isEqualTo("~3,000 displaced");
        assertThat(QuantityText.what(q(12.5, false, "km²", "area", List.of(), "")))
                .isEqualTo("12.5 km²");
        assertThat(QuantityText.what(q(87, true, "%", "area of Aleppo", List.of(), "")))
                .isEqualTo("~87% of Aleppo");
        assertThat(QuantityText.what(q(48, false, "hours", "duration", List.of(), "")))
                .isEqualTo("48 hours");
        assertThat(QuantityText.what(q(30, false, "families", "displaced", List.of(), "")))
                .isEqualTo("30 families displaced");
        assertThat(QuantityText.what(q(220, false, "villages", "villages", List.of(), "")))
                .isEqualTo("220 villages");
        assertThat(QuantityText.line(none, none.quantities().getFirst())).isEqualTo("1 killed");
    }

    @Test
    void arabic_names_are_nfc_normalised() {
        String decomposed = "\u0627\u0654\u0639\u0632\u0627\u0632"; // alef + combining hamza above
        var azaz = place(170017, "Azaz", decomposed, List.of(ALEPPO_GOV, SYRIA));

        assertThat(QuantityText.placeName(azaz)).isEqualTo("Azaz (\u0623\u0639\u0632\u0627\u0632)");
    }
}
