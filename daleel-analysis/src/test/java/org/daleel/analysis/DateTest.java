package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTest {
    @ParameterizedTest(name = "{0} / {1} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // text | published | expected mention | expected value
                "Shells fell on Friday night.|2016-08-20|Friday night|2016-08-19",
                "It happened on Saturday.|2016-08-20|Saturday|2016-08-20",
                "It happened last Tuesday.|2016-08-20|last Tuesday|2016-08-16",
                "It happened yesterday.|2016-08-20|yesterday|2016-08-19",
                "It happened last night.|2016-08-20|last night|2016-08-19",
                "It started in June.|2016-08-20|June|2016-06",
                "It started in October.|2016-08-20|October|2015-10",
                "The 2015 deal collapsed.|2016-08-20|2015|2015",
                "It happened on 20 August 2016.|2017-01-01|20 August 2016|2016-08-20",
                "It happened on August 20, 2016.|2017-01-01|August 20, 2016|2016-08-20",
                "It happened on 3 March.|2016-08-20|3 March|2016-03-03",
                "It happened in August 2014.|2016-08-20|August 2014|2014-08",
                "Dated 2016-08-20.|2017-01-01|2016-08-20|2016-08-20",
                "Dated 20/08/2016.|2017-01-01|20/08/2016|2016-08-20",
                "It happened last week.|2016-08-20|last week|2016-W32",
                "It happened last month.|2016-08-20|last month|2016-07",
                "It happened last year.|2016-08-20|last year|2015",
                "It happened two days ago.|2016-08-20|two days ago|2016-08-18",
                "وقع القصف أمس.|2016-08-20|أمس|2016-08-19",
                "وقع القصف في 20 آب 2016.|2017-01-01|20 آب 2016|2016-08-20",
                "وقع القصف في ٢٠ آب ٢٠١٦.|2017-01-01|٢٠ آب ٢٠١٦|2016-08-20",
                "وقع القصف في 20 آب/أغسطس 2016.|2017-01-01|20 آب/أغسطس 2016|2016-08-20",
                "وقع القصف في 5 كانون الثاني 2017.|2017-02-01|5 كانون الثاني 2017|2017-01-05",
                "وقع القصف يوم الجمعة.|2016-08-20|يوم الجمعة|2016-08-19",
                "وقع القصف ليلة الجمعة.|2016-08-20|ليلة الجمعة|2016-08-19",
                "وقع القصف الأسبوع الماضي.|2016-08-20|الأسبوع الماضي|2016-W32",
                "نزحت العائلات منذ يومين.|2016-08-20|منذ يومين|2016-08-18",
                "بدأ الحصار في حزيران.|2016-08-20|حزيران|2016-06",
            })
    void dates_are_normalised_against_the_publication_date(
            String text, String published, String mention, String value) {
        assertThat(Fixtures.analyze(text, published).dates()).anySatisfy(d -> {
            assertThat(d.text()).isEqualTo(mention);
            assertThat(d.value()).isEqualTo(value);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"Shells fell on Friday night.", "It started in June.", "وقع القصف أمس."})
    void relative_dates_without_a_publication_date_are_not_guessed(String text) {
        assertThat(Fixtures.analyze(text).dates()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"They may come.", "Protesters march on.", "2000 people fled.", "يرى الأب ابنه."})
    void words_that_look_like_dates_are_not(String text) {
        assertThat(Fixtures.analyze(text, "2016-08-20").dates()).isEmpty();
    }
}
