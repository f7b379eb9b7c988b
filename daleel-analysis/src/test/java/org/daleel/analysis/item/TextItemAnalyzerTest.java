package org.daleel.analysis.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemAnalyzer;
import org.daleel.item.ItemIds;
import org.daleel.item.ItemKind;
import org.daleel.meta.GpsPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The item analyzer: the text analysis mapped onto items, with containing areas, EXIF places and place lookup. */
@Timeout(120)
class TextItemAnalyzerTest {
    static final ItemAnalyzer ANALYZER = TextItemAnalyzer.loadingDefault();

    static Item item(String text, String published, String mediaType) {
        Instant t = Instant.parse("2016-12-13T10:00:00Z");
        return new Item(
                ItemIds.next(t),
                0,
                ItemKind.FILE,
                "",
                "",
                "r.txt",
                "ab".repeat(32),
                text.length(),
                mediaType,
                t,
                "",
                text,
                "",
                published,
                "",
                null,
                null);
    }

    @Test
    void places_carry_their_governorate_and_country_and_offsets_into_the_item_text() {
        String text = "Regime helicopters dropped barrel bombs on Tall Rifat, north of Aleppo, on 3 March 2016.";
        ItemAnalysis a = ANALYZER.analyze(item(text, "", "text/plain"), Optional.empty());

        ItemAnalysis.Place tallRifat = a.places().stream()
                .filter(p -> p.geonameId() == 163476)
                .findFirst()
                .orElseThrow();
        var span = (ItemAnalysis.PlaceSource.InText) tallRifat.source();
        assertThat(text.substring(span.start(), span.end())).isEqualTo("Tall Rifat");
        assertThat(tallRifat.within())
                .extracting(ItemAnalysis.Area::level, ItemAnalysis.Area::geonameId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ItemAnalysis.AreaLevel.ADMIN1, 170062L),
                        org.assertj.core.groups.Tuple.tuple(ItemAnalysis.AreaLevel.COUNTRY, 163843L));
        assertThat(a.events()).extracting(ItemAnalysis.Event::type).contains("air_drone_strike");
        assertThat(a.events().getFirst().label()).isEqualTo("Air or drone strike");
        assertThat(a.events().getFirst().date()).isEqualTo("2016-03-03");
        assertThat(a.version()).isEqualTo(ANALYZER.version());
    }

    @Test
    void quantities_are_tied_to_the_event_of_their_sentence_and_to_a_place_named_inside_them() {
        String text = "On 2 December 2016, government shelling of Daraa killed 12 civilians and wounded dozens."
                + " Some 87% of Aleppo province remains out of regime control.";
        ItemAnalysis a = ANALYZER.analyze(item(text, "", "text/plain"), Optional.empty());

        assertThat(a.quantities())
                .extracting(
                        ItemAnalysis.Quantity::what,
                        ItemAnalysis.Quantity::value,
                        ItemAnalysis.Quantity::approximate,
                        ItemAnalysis.Quantity::event)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("killed", 12.0, false, 0),
                        org.assertj.core.groups.Tuple.tuple("wounded", 24.0, true, 0),
                        org.assertj.core.groups.Tuple.tuple("area of Aleppo", 87.0, true, -1));
        ItemAnalysis.Quantity killed = a.quantities().get(0);
        assertThat(text.substring(killed.start(), killed.end())).isEqualTo(killed.text());
        assertThat(killed.places()).as("Daraa, the event's place").containsExactly(170905L);
        assertThat(killed.date()).isEqualTo("2016-12-02");
        assertThat(a.quantities().get(2).places())
                .as("Aleppo governorate, named inside")
                .containsExactly(170062L);
        assertThat(a.mainEventFatalities()).isEqualTo(12);
    }

    @Test
    void arabic_indic_figures_are_stored_as_numbers_with_offsets_into_the_arabic_text() {
        String text = "قصفت قوات النظام مدينة درعا يوم 2 كانون الأول 2016، ما أدى إلى مقتل ١٢ مدنياً وإصابة العشرات.";
        ItemAnalysis a = ANALYZER.analyze(item(text, "", "text/plain"), Optional.empty());

        ItemAnalysis.Quantity killed = a.quantities().getFirst();
        assertThat(killed.what()).isEqualTo("killed");
        assertThat(killed.value()).isEqualTo(12.0);
        assertThat(text.substring(killed.start(), killed.end())).isEqualTo("١٢ مدنياً");
        assertThat(killed.event()).isZero();
        assertThat(killed.places()).containsExactly(170905L);
    }

    @Test
    void a_demonym_is_no_stored_place_of_an_item() {
        ItemAnalysis a = ANALYZER.analyze(
                item("Syrian activists said warplanes struck Saraqib on Friday.", "", "text/plain"), Optional.empty());

        // the text analysis reports "Syrian" as an adjective of Syria (163843); the item keeps no pin for it
        assertThat(a.places()).extracting(ItemAnalysis.Place::geonameId).doesNotContain(163843L);
        assertThat(a.places()).extracting(ItemAnalysis.Place::name).contains("Saraqib");
    }

    @Test
    void relative_dates_are_anchored_at_the_stated_publication_date() {
        ItemAnalysis a = ANALYZER.analyze(
                item("Shelling hit Darayya yesterday.", "2016-08-20T09:00:00Z", "text/plain"), Optional.empty());

        assertThat(a.dates()).extracting(ItemAnalysis.DateMention::value).containsExactly("2016-08-19");
    }

    @Test
    void a_gps_position_becomes_the_nearest_populated_place_with_source_exif() {
        var baghdad = new GpsPosition(33.3128, 44.3615, OptionalDouble.empty(), "EXIF");
        ItemAnalysis a = ANALYZER.analyze(item("", "", "image/jpeg"), Optional.of(baghdad));

        assertThat(a.places()).hasSize(1);
        ItemAnalysis.Place p = a.places().getFirst();
        assertThat(p.countryCode()).isEqualTo("IQ");
        assertThat(p.featureCode()).startsWith("PPL");
        var exif = (ItemAnalysis.PlaceSource.Exif) p.source();
        assertThat(exif.lat()).isEqualTo(33.3128);
        assertThat(exif.distanceKm()).isLessThan(10);
        assertThat(p.within()).extracting(ItemAnalysis.Area::level).contains(ItemAnalysis.AreaLevel.COUNTRY);
    }

    @Test
    void a_position_far_from_any_place_of_the_gazetteer_gives_no_place() {
        var southAtlantic = new GpsPosition(-45.0, -20.0, OptionalDouble.empty(), "EXIF");

        assertThat(ANALYZER.analyze(item("", "", "image/jpeg"), Optional.of(southAtlantic))
                        .places())
                .isEmpty();
    }

    @Test
    void finds_places_by_id_or_name_preferring_country_then_governorate() {
        assertThat(ANALYZER.findPlace("163843"))
                .map(ItemAnalyzer.KnownPlace::name)
                .contains("Syria");
        assertThat(ANALYZER.findPlace("Syria"))
                .map(ItemAnalyzer.KnownPlace::geonameId)
                .contains(163843L);
        assertThat(ANALYZER.findPlace("سوريا"))
                .map(ItemAnalyzer.KnownPlace::geonameId)
                .contains(163843L);
        assertThat(ANALYZER.findPlace("Aleppo"))
                .map(ItemAnalyzer.KnownPlace::featureCode)
                .contains("ADM1");
        assertThat(ANALYZER.findPlace("حلب"))
                .map(ItemAnalyzer.KnownPlace::geonameId)
                .contains(170062L);
        assertThat(ANALYZER.findPlace("Tall Rifat"))
                .map(ItemAnalyzer.KnownPlace::geonameId)
                .contains(163476L);
        assertThat(ANALYZER.findPlace("Qazwxoplis") /* no such place, even worldwide */)
                .isEmpty();
        assertThat(ANALYZER.findPlace("999999999999")).isEmpty();
        assertThat(ANALYZER.findPlace(" ")).isEmpty();
    }

    @Test
    void text_of_another_language_gives_an_empty_analysis_with_its_language() {
        ItemAnalysis a = ANALYZER.analyze(
                item("Les bombardements ont touché la ville ce matin selon les témoins.", "", "text/plain"),
                Optional.empty());

        assertThat(a.isEmpty()).isTrue();
        assertThat(a.language()).isNotIn("en", "ar");
        assertThat(List.of(a.version())).containsExactly(ANALYZER.version());
    }

    @Test
    void the_dead_a_report_repeats_are_counted_once_in_english_and_arabic() {
        String en = "7 killed in airstrike on Darayya\n\nSeven people were killed in an airstrike on Darayya on"
                + " 20 August 2016, activists said, and the seven dead included two children.";
        String ar = "مقتل ٧ مدنيين في غارة جوية على داريا\n\nقتل سبعة مدنيين في غارة جوية على داريا يوم 20 آب 2016،"
                + " وكان بين القتلى السبعة طفلان.\n\nوفي 21 آب 2016 قتل خمسة مدنيين بقصف على دوما وقتل ثلاثة"
                + " مدنيين في حرستا.";
        ItemAnalysis english = ANALYZER.analyze(item(en, "2016-08-21", "text/plain"), Optional.empty());
        ItemAnalysis arabic = ANALYZER.analyze(item(ar, "2016-08-21", "text/plain"), Optional.empty());

        assertThat(english.quantities())
                .filteredOn(q -> q.what().equals(ItemAnalysis.Quantity.KILLED))
                .as("the figures as found: seven three times, two children")
                .hasSize(4);
        assertThat(english.mainEventFatalities()).isEqualTo(7);
        assertThat(arabic.mainEventFatalities()).isEqualTo(7);
        assertThat(arabic.fatalities(2))
                .as("five in Douma and three in Harasta")
                .isEqualTo(8);
    }
}
