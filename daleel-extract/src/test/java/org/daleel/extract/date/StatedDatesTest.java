package org.daleel.extract.date;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatedDatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "2016-08-20 | 2016-08-20",
                "2016-08 | 2016-08",
                "2016 | 2016",
                "2016/8/20 | 2016-08-20",
                "20160820 | 2016-08-20",
                "2016-08-20T10:00:00Z | 2016-08-20T10:00:00Z",
                "2016-08-20T10:00Z | 2016-08-20T10:00:00Z",
                "2016-08-20T13:00:00+03:00 | 2016-08-20T10:00:00Z",
                "2016-08-20T13:00:00.123+0300 | 2016-08-20T10:00:00Z",
                "2016-08-20 10:00:00 | 2016-08-20",
                "2016-08-20T01:00:00-05 | 2016-08-20T06:00:00Z",
                "Sat, 20 Aug 2016 10:00:00 GMT | 2016-08-20T10:00:00Z",
                "20 August 2016 | 2016-08-20",
                "August 20, 2016 | 2016-08-20",
                "Aug. 20th, 2016 | 2016-08-20",
                "20 آب 2016 | 2016-08-20",
                "٢٠ أغسطس ٢٠١٦ | 2016-08-20",
                "20 آب/أغسطس 2016 | 2016-08-20",
                "1 كانون الثاني 2017 | 2017-01-01",
                "2016-02-30 | NONE",
                "2016-13-01 | NONE",
                "1066-10-14 | NONE",
                "yesterday | NONE",
                "31 February 2016 | NONE",
            })
    void normalises_stated_dates_to_iso_at_their_precision(String value, String expected) {
        assertThat(StatedDates.normalise(value).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "By Jane Doe, published 20 August 2016, 10:00 | 2016-08-20",
                "نشر في 20 آب 2016 الساعة العاشرة | 2016-08-20",
                "Updated: September 3, 2016 | 2016-09-03",
            })
    void finds_dates_written_in_prose(String text, String expected) {
        assertThat(StatedDates.inProse(text)).contains(expected);
    }
}
