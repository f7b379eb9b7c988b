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
    void the_main_event_is_the_first_dated_one_and_its_headline_repeats_rather_than_adds_its_dead() {
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
                .as("the lead's 12, which the headline's 3 (same incident, no other place) do not add to;"
                        + " not the siege's 100")
                .isEqualTo(12);
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

        assertThat(a.mainEventFatalities())
                .as("figures without their own place overlap: the largest, at its lower bound")
                .isEqualTo(12);
        assertThat(a.fatalities(-1)).isZero();
        assertThat(a.fatalities(3)).as("no such event").isZero();
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

    // Invented reports: offsets are found in the text, as the analyzer stores them.

    /** An analysis of {@code text} built mention by mention, in text order. */
    private static final class Report {
        private final String text;
        private final List<ItemAnalysis.Event> events = new java.util.ArrayList<>();
        private final List<ItemAnalysis.Quantity> quantities = new java.util.ArrayList<>();
        private final List<ItemAnalysis.Place> places = new java.util.ArrayList<>();
        private int quantityFrom;
        private int placeFrom;

        Report(String text) {
            this.text = text;
        }

        Report event(String sentence, String type, String date, long... placeIds) {
            int start = at(sentence, 0);
            events.add(new ItemAnalysis.Event(
                    type,
                    type,
                    sentence,
                    start,
                    start + sentence.length(),
                    List.of(),
                    java.util.Arrays.stream(placeIds).boxed().toList(),
                    date));
            return this;
        }

        Report killed(String figure, double value) {
            int start = at(figure, quantityFrom);
            quantityFrom = start + 1;
            int event = -1;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).start() <= start
                        && start + figure.length() <= events.get(i).end()) {
                    event = i;
                }
            }
            quantities.add(new ItemAnalysis.Quantity(
                    figure,
                    start,
                    start + figure.length(),
                    value,
                    false,
                    "people",
                    "killed",
                    event,
                    List.of(),
                    List.of(),
                    ""));
            return this;
        }

        Report place(String mention, long id, ItemAnalysis.Area... within) {
            int start = at(mention, placeFrom);
            placeFrom = start + 1;
            places.add(new ItemAnalysis.Place(
                    id,
                    mention,
                    "",
                    "SY",
                    "",
                    "PPL",
                    33,
                    36,
                    List.of(within),
                    new ItemAnalysis.PlaceSource.InText(mention, start, start + mention.length())));
            return this;
        }

        ItemAnalysis analysis() {
            return new ItemAnalysis("t", "en", places, List.of(), List.of(), events, quantities);
        }

        private int at(String s, int from) {
            int i = text.indexOf(s, from);
            if (i < 0) {
                throw new AssertionError("'" + s + "' is not in the report after " + from);
            }
            return i;
        }
    }

    private static final long HARASTA = 169897;
    private static final long IDLIB_GOVERNORATE = 169388;
    private static final long ARIHA = 174186;
    private static final long SARAQIB = 172410;

    @Test
    void a_figure_the_english_report_repeats_is_counted_once() {
        String headline = "7 killed in airstrike on Darayya";
        String lead = "Seven people were killed in an airstrike on Darayya on 20 August 2016, activists said,"
                + " and the seven dead included two children.";
        var a = new Report(headline + "\n\n" + lead)
                .event(headline, "air_drone_strike", "", DARAYYA)
                .event(lead, "air_drone_strike", "2016-08-20", DARAYYA)
                .place("Darayya", DARAYYA)
                .place("Darayya", DARAYYA)
                .killed("7 killed", 7)
                .killed("Seven people were killed", 7)
                .killed("seven dead", 7)
                .killed("two children", 2)
                .analysis();

        assertThat(a.fatalities(0)).as("the headline").isEqualTo(7);
        assertThat(a.fatalities(1))
                .as("seven, seven again, two of them children")
                .isEqualTo(7);
        assertThat(a.mainEventFatalities())
                .as("headline and lead tell the same seven dead")
                .isEqualTo(7);
    }

    @Test
    void a_figure_the_arabic_report_repeats_is_counted_once() {
        String headline = "مقتل ٧ مدنيين في غارة جوية على داريا";
        String lead = "قتل سبعة مدنيين في غارة جوية على داريا يوم 20 آب 2016، وكان بين القتلى السبعة طفلان.";
        var a = new Report(headline + "\n\n" + lead)
                .event(headline, "air_drone_strike", "", DARAYYA)
                .event(lead, "air_drone_strike", "2016-08-20", DARAYYA)
                .place("داريا", DARAYYA)
                .place("داريا", DARAYYA)
                .killed("٧ مدنيين", 7)
                .killed("سبعة مدنيين", 7)
                .killed("القتلى السبعة", 7)
                .killed("طفلان", 2)
                .analysis();

        assertThat(a.fatalities(1)).isEqualTo(7);
        assertThat(a.mainEventFatalities()).isEqualTo(7);
    }

    @Test
    void figures_at_distinct_places_are_separate_incidents_and_add_up() {
        String en = "On 21 August 2016 shelling killed five people in Douma and three people in Harasta.";
        var english = new Report(en)
                .event(en, "shelling", "2016-08-21", DOUMA, HARASTA)
                .place("Douma", DOUMA)
                .place("Harasta", HARASTA)
                .killed("five people", 5)
                .killed("three people", 3)
                .analysis();
        String ar = "وفي 21 آب 2016 قتل خمسة مدنيين بقصف على دوما وقتل ثلاثة مدنيين في حرستا.";
        var arabic = new Report(ar)
                .event(ar, "shelling", "2016-08-21", DOUMA, HARASTA)
                .place("دوما", DOUMA)
                .place("حرستا", HARASTA)
                .killed("خمسة مدنيين", 5)
                .killed("ثلاثة مدنيين", 3)
                .analysis();

        assertThat(english.fatalities(0)).isEqualTo(8);
        assertThat(english.mainEventFatalities()).isEqualTo(8);
        assertThat(arabic.fatalities(0)).isEqualTo(8);
    }

    @Test
    void a_total_for_a_governorate_is_not_added_to_the_figures_of_its_towns() {
        String s = "On 3 March 2016 airstrikes killed 12 people in Idlib province: five in Ariha and seven in Saraqib.";
        var idlib = new ItemAnalysis.Area(IDLIB_GOVERNORATE, "Idlib", ItemAnalysis.AreaLevel.ADMIN1);
        var a = new Report(s)
                .event(s, "air_drone_strike", "2016-03-03", IDLIB_GOVERNORATE, ARIHA, SARAQIB)
                .place("Idlib province", IDLIB_GOVERNORATE)
                .place("Ariha", ARIHA, idlib)
                .place("Saraqib", SARAQIB, idlib)
                .killed("12 people", 12)
                .killed("five", 5)
                .killed("seven", 7)
                .analysis();

        assertThat(a.fatalities(0)).as("12 in all, of which five and seven").isEqualTo(12);
    }

    @Test
    void a_total_without_a_place_is_not_added_to_the_figures_of_the_places() {
        String s = "Shelling killed 9 people on Monday, four in Douma and five in Harasta.";
        var a = new Report(s)
                .event(s, "shelling", "2016-08-22", DOUMA, HARASTA)
                .place("Douma", DOUMA)
                .place("Harasta", HARASTA)
                .killed("9 people", 9)
                .killed("four", 4)
                .killed("five", 5)
                .analysis();

        assertThat(a.fatalities(0)).isEqualTo(9);
    }
}
