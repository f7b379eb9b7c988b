package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.gazetteer.GazetteerPlace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Arabic names of the world's first-level divisions, from Natural Earth by GeoNames id. */
class ArabicDivisionNamesTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "اشتباكات في ولاية الخرطوم أسفرت عن قتلى.|ولاية الخرطوم|379253",
                "ارتفع منسوب النيل في محافظة أسوان.|محافظة أسوان|359787",
                "أعلنت السلطات في منطقة الرياض حظر التجول.|منطقة الرياض|108411",
                "أغلقت الطرق في ولاية صفاقس بعد الاحتجاجات.|ولاية صفاقس|2467450",
                "وصلت قافلة مساعدات إلى ولاية جنوب كردفان.|ولاية جنوب كردفان|408661",
                // unchanged: the Syrian governorates of regions.tsv
                "قصفت الطائرات مواقع في ريف حلب الغربي.|ريف حلب الغربي|170062",
                "سقطت قذائف على محافظة درعا.|محافظة درعا|170903",
                // the governorate, not its capital, which the village file also lists as "محافظة إدلب"
                "اشتباكات عنيفة في محافظة إدلب.|محافظة إدلب|169387",
                // a governorate's full name with a clitic on the kind word
                "قصف عنيف بمحافظة حماة.|محافظة حماة|170015",
                "قصف على حلب ومحافظة حمص.|محافظة حمص|169575",
            })
    void arabic_division_names_resolve_with_their_geonames_ids(String text, String mention, long geonameId) {
        assertThat(Fixtures.analyze(text, "2020-03-01").places())
                .filteredOn(p -> p.text().equals(mention))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.geonameId()).isEqualTo(geonameId));
    }

    @Test
    void divisions_gain_the_arabic_name_without_its_kind_word_and_hand_written_names_keep_priority() {
        Gazetteer g = Fixtures.ANALYZER.gazetteer();
        assertThat(g.find(359787L)).map(GazetteerPlace::nameAr).hasValue("أسوان");
        assertThat(g.find(2467450L)).map(GazetteerPlace::nameAr).hasValue("صفاقس");
        assertThat(g.find(359787L)).map(GazetteerPlace::worldArabicName).hasValue(true);
        // regions.tsv wins over Natural Earth ("محافظة إدلب", "ولاية الخرطوم")
        assertThat(g.find(169387L)).map(GazetteerPlace::nameAr).hasValue("إدلب");
        assertThat(g.find(169387L)).map(GazetteerPlace::worldArabicName).hasValue(false);
        assertThat(g.find(379253L)).map(GazetteerPlace::nameAr).hasValue("ولاية الخرطوم");
        assertThat(g.sources())
                .filteredOn(s -> s.attribution().contains("Natural Earth"))
                .singleElement()
                .satisfies(s -> assertThat(s.rows()).isGreaterThan(3_000));
        assertThat(Gazetteer.ATTRIBUTION).contains("Natural Earth").contains("public domain");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "قال المحافظ إن المحافظة والولاية والمنطقة والإقليم بحاجة إلى دعم.",
                "اجتمع ممثلو محافظة وولاية ومنطقة وإقليم ومقاطعة في القاعة.",
                "بثت قناة الجزيرة تقريرا عن الخليج والعاصمة.",
            })
    void kind_words_and_common_words_are_not_divisions(String text) {
        assertThat(Fixtures.analyze(text, "2020-03-01").places())
                .extracting(PlaceMention::geonameId)
                .allSatisfy(id -> assertThat(Fixtures.ANALYZER
                                .gazetteer()
                                .find(id)
                                .map(GazetteerPlace::isAdmin1)
                                .orElse(false))
                        .as("a first-level division in '%s'", text)
                        .isFalse());
    }
}
