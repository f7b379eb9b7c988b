package org.daleel.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quantities of an analysis and the ACLED-style fatalities counted from them. */
class ItemAnalysisQuantitiesTest {
    private static final long DARAYYA = 170892;
    private static final long DOUMA = 170654;

    private static ItemAnalysis.Event event(String type, String date, long... places) {
        return new ItemAnalysis.Event(
                type,
                type,
                "s",
                0,
                1,
                List.of(),
                java.util.Arrays.stream(places).boxed().toList(),
                date);
    }

    private static ItemAnalysis.Quantity q(String what, double value, boolean approximate, int event) {
        return new ItemAnalysis.Quantity(
                value + " " + what, 0, 1, value, approximate, "people", what, event, List.of(), List.of(), "");
    }

    private static ItemAnalysis analysis(List<ItemAnalysis.Event> events, List<ItemAnalysis.Quantity> quantities) {
        return new ItemAnalysis("t", "en", List.of(), List.of(), List.of(), events, quantities);
    }

    @Test
    void the_main_event_is_the_first_dated_one_and_counts_the_headline_of_the_same_incident() {
        var a = analysis(
                List.of(
                        event("air_drone_strike", "", DARAYYA), // the headline
                        event("air_drone_strike", "2016-08-20", DARAYYA), // the lead sentence
                        event("siege", "2016-08-20")),
                List.of(
                        q("killed", 3, false, 0),
                        q("killed", 12, false, 1),
                        q("wounded", 40, false, 1),
                        q("killed", 100, false, 2)));

        assertThat(a.mainEvent()).isEqualTo(1);
        assertThat(a.mainEventFatalities())
                .as("12 + the headline's 3; not the siege's 100")
                .isEqualTo(15);
        assertThat(a.fatalities(1)).isEqualTo(12);
        assertThat(a.fatalities(2)).isEqualTo(100);
    }

    @Test
    void an_event_of_the_same_type_elsewhere_or_on_another_date_is_another_incident() {
        var a = analysis(
                List.of(
                        event("shelling", "2016-12-02", DARAYYA),
                        event("shelling", "2016-12-02", DOUMA),
                        event("shelling", "2016-12-05", DARAYYA)),
                List.of(q("killed", 7, false, 0), q("killed", 5, false, 1), q("killed", 9, false, 2)));

        assertThat(a.mainEventFatalities()).isEqualTo(7);
    }

    @Test
    void approximate_figures_count_at_their_lower_bound_and_untied_ones_not_at_all() {
        var a = analysis(
                List.of(event("shelling", "2016")),
                List.of(q("killed", 12, true, 0), q("killed", 2.5, false, 0), q("killed", 50, false, -1)));

        assertThat(a.mainEventFatalities()).isEqualTo(14);
        assertThat(a.fatalities(-1)).isZero();
    }

    @Test
    void an_item_without_events_has_no_main_event_and_zero_fatalities() {
        var a = analysis(List.of(), List.of(q("killed", 12, false, -1)));

        assertThat(a.mainEvent()).isEqualTo(-1);
        assertThat(a.mainEventFatalities()).isZero();
        assertThat(a.isEmpty()).as("a quantity is something found").isFalse();
    }

    @Test
    void a_quantity_tied_to_a_missing_event_or_with_no_finite_value_is_refused() {
        assertThatThrownBy(() -> analysis(List.of(), List.of(q("killed", 1, false, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event 0 does not exist");
        assertThatThrownBy(() -> q("killed", Double.NaN, false, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }
}
