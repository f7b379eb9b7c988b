package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.gazetteer.GazetteerPlace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** First-level divisions of the whole world, continents and the demonyms of states and provinces. */
class WorldDivisionsTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Fighting continued in Dagestan on Tuesday.|Dagestan|567293",
                "Fighting continued in Dagestan on Tuesday.|Dagestan|567293",
                "Russian troops left Abkhazia and Chechnya.|Abkhazia|6643410",
                "Russian troops left Abkhazia and Chechnya.|Chechnya|569665",
                "Floods hit Punjab, Pakistan, where Lahore was cut off.|Punjab|1167710",
                "Farmers in Punjab protested near Amritsar and Ludhiana.|Punjab|1259223",
                "Police in Bavaria arrested two men in Munich.|Bavaria|2951839",
                "Die Polizei in Bayern meldete zwei Festnahmen.|Bayern|2951839",
                "He moved to England and then to Scotland.|England|6269131",
                "He moved to England and then to Scotland.|Scotland|2638360",
                "Troops entered the West Bank on Monday.|West Bank|285153",
                "Clashes in North Darfur killed 12 people.|North Darfur|408666",
                "اندلعت اشتباكات في داغستان والشيشان.|داغستان|567293",
                // unchanged: the core countries' governorates and cities, the US states
                "Shelling hit Idlib and the Aleppo countryside.|Idlib|169389",
                "Shelling hit Idlib and the Aleppo countryside.|Aleppo countryside|170062",
                "Fighting in Aleppo province displaced thousands.|Aleppo province|170062",
                "Storms hit Texas and Oklahoma on Friday.|Texas|4736286",
                // a canton does not take the name of its city
                "Officials met in Geneva on Monday.|Geneva|2660646",
                // a capital is not the district that shares its name
                "Fighting was reported in Tripoli, Libya, and in Misrata.|Tripoli|2210247",
            })
    void divisions_resolve_with_their_geonames_ids(String text, String mention, long geonameId) {
        assertThat(Fixtures.analyze(text, "2016-08-20").places())
                .filteredOn(p -> p.text().equals(mention))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.geonameId()).isEqualTo(geonameId));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The Central committee met. North of the river, Western forces held the Eastern bank.",
                "The Capital was calm and the Centre stayed closed; Northern and Southern teams played.",
                "In Central, in Littoral and in Delta the vote went ahead, officials said.",
                "Michael Marshall flew with Brittany Jones on Monday.",
                "The team ministered to the Quiche Indians.",
            })
    void generic_division_names_and_person_names_are_not_places(String text) {
        assertThat(Fixtures.analyze(text, "2016-08-20").places())
                .extracting(PlaceMention::geonameId)
                .allSatisfy(id -> assertThat(Fixtures.ANALYZER
                                .gazetteer()
                                .find(id)
                                .map(GazetteerPlace::isAdmin1)
                                .orElse(false))
                        .as("a first-level division in '%s'", text)
                        .isFalse());
    }

    @Test
    void continents_resolve_and_are_neither_points_nor_event_places() {
        Analysis a = Fixtures.analyze(
                "Shelling killed five civilians in Africa and in Europe, and aid reached آسيا.", "2016-08-20");
        assertThat(a.places())
                .extracting(PlaceMention::text, PlaceMention::geonameId)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Africa", 6255146L),
                        org.assertj.core.groups.Tuple.tuple("Europe", 6255148L),
                        org.assertj.core.groups.Tuple.tuple("آسيا", 6255147L));
        Gazetteer g = Fixtures.ANALYZER.gazetteer();
        GazetteerPlace africa = g.find(6255146).orElseThrow();
        assertThat(africa.isContinent()).isTrue();
        assertThat(africa.hasCoordinates()).isFalse();
        assertThat(africa.countryCode()).isEmpty();
        assertThat(a.events()).isNotEmpty();
        assertThat(a.events()).allSatisfy(e -> assertThat(e.places()).doesNotContain(6255146L, 6255148L, 6255147L));
    }

    @Test
    void demonyms_of_states_and_provinces_are_adjectives_of_the_division() {
        List<PlaceMention> places = Fixtures.analyze(
                        "Texans and Ontarians voted on Tuesday; Dagestani police said.", "2016-08-20")
                .places();
        assertThat(places)
                .extracting(PlaceMention::text, PlaceMention::geonameId, PlaceMention::adjective)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Texans", 4736286L, true),
                        org.assertj.core.groups.Tuple.tuple("Ontarians", 6093943L, true),
                        org.assertj.core.groups.Tuple.tuple("Dagestani", 567293L, true));
    }

    @Test
    void every_division_has_one_record_and_the_hand_written_ones_keep_their_names() {
        Gazetteer g = Fixtures.ANALYZER.gazetteer();
        assertThat(g.divisionCounts()[0]).isGreaterThan(3000);
        GazetteerPlace aleppo = g.place(g.admin1Index("SY", "09"));
        assertThat(aleppo.geonameId()).isEqualTo(170062);
        assertThat(aleppo.nameAr()).isEqualTo("حلب");
        GazetteerPlace texas = g.place(g.admin1Index("US", "TX"));
        assertThat(texas.geonameId()).isEqualTo(4736286);
        assertThat(texas.lat()).isBetween(26.0, 36.5);
        assertThat(texas.lon()).isBetween(-106.6, -93.5);
        GazetteerPlace england = g.find(6269131).orElseThrow();
        assertThat(england.isAdmin1()).isTrue();
        assertThat(england.nameAr()).isEqualTo("إنجلترا");
        // "England" is England, no longer an alias of the United Kingdom
        assertThat(Fixtures.analyze("He moved to England.").places())
                .extracting(PlaceMention::geonameId)
                .containsExactly(6269131L);
    }
}
