package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With some 350,000 places worldwide in the default gazetteer, ordinary words, people's names and
 * function words must stay words, and well-known foreign places must resolve to the right one.
 */
class WorldwidePlacesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hope remains that the Union will act.",
                "Justice was not served, said West, a spokesman for the group.",
                "Police said the Mosque was damaged and that Most residents had left.",
                "Reading the report, officials said Mobile units would Split the convoy.",
                "President Obama said on Tuesday that John Kerry would travel.",
                "Hillary Clinton and Secretary Kerry met Lavrov.",
                "Jackson told reporters that the talks were over.",
                "The March deal was signed in May.",
                "Along the road, the Orange Revolution was mentioned.",
                "Deal, Sale and Bath are English words.",
                "وقال إن الوضع في المدينة هادئ منذ يوم الأحد، وإن الناس عادوا إلى أعمالهم.",
                "قال مسؤول إن الأمل ما زال قائماً في التوصل إلى اتفاق.",
            })
    void words_and_names_of_people_are_not_places(String text) {
        assertThat(Fixtures.analyze(text, "2016-08-20").places()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Officials met in Geneva on Monday.|Geneva|2660646",
                "Officials in London and Paris met.|London|2643743",
                "Officials in London and Paris met.|Paris|2988507",
                "The delegation flew to Moscow for talks.|Moscow|524901",
                "Refugees reached Gaziantep and Kilis.|Gaziantep|314830",
                "Shelling hit a school in Reading, police said.|Reading|2639577",
                "وصل الوفد إلى لندن وباريس يوم الاثنين.|لندن|2643743",
                "وصل الوفد إلى لندن وباريس يوم الاثنين.|باريس|2988507",
                "عقد الاجتماع في واشنطن بحضور وزير الخارجية.|واشنطن|4140963",
                "Officials met in Washington on Monday.|Washington|4140963",
            })
    void foreign_places_resolve_to_the_place_a_reader_would_pick(String text, String mention, long geonameId) {
        assertThat(Fixtures.analyze(text, "2016-08-20").places())
                .filteredOn(p -> p.text().equals(mention))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.geonameId()).isEqualTo(geonameId));
    }
}
