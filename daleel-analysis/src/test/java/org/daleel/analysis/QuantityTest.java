package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // text | mention | value | unit | what | approximate
                "87% of Aleppo province remains out of regime control.|87% of Aleppo province|87|%|area of Aleppo|false",
                "The army took 220 villages.|220 villages|220|villages|villages|false",
                "Two civilians were wounded.|Two civilians were wounded|2|people|wounded|false",
                "Airstrikes killed 12 civilians.|12 civilians|12|people|killed|false",
                "At least 35 people were killed.|At least 35 people were killed|35|people|killed|true",
                "Some 2,000 families were displaced.|Some 2,000 families were displaced|2000|families|displaced|true",
                "Dozens of people were detained.|Dozens of people were detained|24|people|detained|true",
                "The siege lasted 48 hours.|48 hours|48|hours|duration|false",
                "Rebels hold 1,200 km² of land.|1,200 km²|1200|km²|area|false",
                "Rebels hold 300 square kilometres.|300 square kilometres|300|km²|area|false",
                "The town lies 20 km north of Aleppo.|20 km|20|km|distance|false",
                "Thousands of residents fled.|Thousands of residents fled|2000|people|displaced|true",
                "أصيب مدنيين اثنين.|مدنيين اثنين|2|people|wounded|false",
                "أدى القصف إلى مقتل 20 مدنياً.|20 مدنياً|20|people|killed|false",
                "أدى القصف إلى مقتل ٢٠ مدنياً.|٢٠ مدنياً|20|people|killed|false",
                "أصيب عشرات المدنيين.|عشرات المدنيين|20|people|wounded|true",
                "اعتقلت القوات 35 شخصاً.|35 شخصاً|35|people|detained|false",
                "سيطرت القوات على 15 قرية.|15 قرية|15|villages|villages|false",
                "نزحت 500 عائلة.|500 عائلة|500|families|displaced|false",
            })
    void quantities_with_what_they_count(
            String text, String mention, long value, String unit, String what, boolean approximate) {
        assertThat(Fixtures.analyze(text, "2016-08-20").quantities()).anySatisfy(q -> {
            assertThat(q.text()).isEqualTo(mention);
            assertThat(q.value().longValue()).isEqualTo(value);
            assertThat(q.unit()).isEqualTo(unit);
            assertThat(q.what()).isEqualTo(what);
            assertThat(q.approximate()).isEqualTo(approximate);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"The report has 12 pages and 3 annexes.", "Call 555 1234.", "In 2016 it ended."})
    void bare_numbers_are_not_quantities(String text) {
        assertThat(Fixtures.analyze(text, "2016-08-20").quantities()).isEmpty();
    }
}
