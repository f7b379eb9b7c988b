package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BadInputTest {
    @Test
    void empty_and_null_text_give_an_empty_analysis() {
        assertThat(Fixtures.ANALYZER.analyze("", Optional.empty())).isEqualTo(Analysis.empty("und"));
        assertThat(Fixtures.ANALYZER.analyze(null, Optional.empty())).isEqualTo(Analysis.empty("und"));
        assertThat(Fixtures.analyze("   \n\n 12 34 ...")).isEqualTo(Analysis.empty("und"));
    }

    @Test
    void ten_megabytes_of_text_are_analysed_in_bounded_time() {
        String paragraph = "Residents of Darayya, south-west of Damascus, said artillery shells struck the area on "
                + "Friday night, and two civilians were wounded. في داريا، قال سكان إن القذائف أصابت محيط محطة ضخ المياه. "
                + "Random filler text about nothing in particular keeps going for a while. ";
        StringBuilder sb = new StringBuilder(10_500_000);
        while (sb.length() < 10_000_000) {
            sb.append(paragraph).append("\n\n");
        }
        long t0 = System.nanoTime();
        Analysis a = Fixtures.ANALYZER.analyze(sb.toString(), Optional.of(LocalDate.parse("2016-08-20")));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("10 MB analysed in " + took.toMillis() + " ms: "
                + a.places().size() + " places, " + a.events().size() + " events");
        assertThat(took).isLessThan(Duration.ofSeconds(45));
        assertThat(a.places())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.countryCode()).isEqualTo("SY"));
    }

    @Test
    void lone_surrogates_and_control_characters_do_not_break_the_analysis() {
        String text = "Shelling hit \uD800Darayya\uDC00 on \u0000Friday.\uFFFF\uD83D\uDE00 في \uDFFFداريا";
        Analysis a = Fixtures.analyze(text, "2016-08-20");
        assertThat(a.places()).extracting(PlaceMention::geonameId).containsOnly(170892L);
        assertThat(a.places())
                .allSatisfy(p -> assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text()));
    }

    @Test
    void markup_is_not_mistaken_for_text() {
        Analysis a = Fixtures.analyze("<div class=\"Hope\" data-place=\"Aleppo\"><p>Shelling hit <b>Darayya</b>"
                + " &amp; nearby.</p><script>var Union = 'Idlib';</script></div>");
        assertThat(a.places())
                .extracting(PlaceMention::text)
                .contains("Darayya")
                .doesNotContain("Aleppo", "Hope");
    }

    @Test
    void an_unsupported_language_is_reported_and_nothing_is_invented() {
        Analysis fr =
                Fixtures.analyze("Les bombardements sur Alep ont repris dans la nuit et les habitants sont partis.");
        assertThat(fr.language()).isEqualTo("fr");
        assertThat(fr).isEqualTo(Analysis.empty("fr"));
        assertThat(Fixtures.analyze("Обстрелы Алеппо возобновились ночью.").language())
                .isEqualTo("ru");
        assertThat(Fixtures.analyze("阿勒颇的炮击在夜间恢复。").places()).isEmpty();
    }

    @Test
    void invalid_utf8_decodes_to_replacement_characters_and_the_rest_is_analysed() {
        byte[] good = "Shelling hit Darayya on Friday. ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 6];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xC3; // truncated two-byte sequence
        bytes[good.length + 1] = (byte) 0x28;
        bytes[good.length + 2] = (byte) 0xFF; // never valid in UTF-8
        bytes[good.length + 3] = (byte) 0xED; // an encoded surrogate
        bytes[good.length + 4] = (byte) 0xA0;
        bytes[good.length + 5] = (byte) 0x80;
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        Analysis a = Fixtures.analyze(text, "2016-08-20");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.places()).extracting(PlaceMention::geonameId).containsExactly(170892L);
    }

    @Test
    void one_long_token_and_long_runs_of_capitalised_words_take_bounded_time() {
        String token = "A".repeat(1_000_000);
        String caps = "Aleppo Idlib Homs Hama Raqqa Union Hope West Damascus ".repeat(20_000);
        long t0 = System.nanoTime();
        Analysis a = Fixtures.analyze(token + " " + caps, "2016-08-20");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.places())
                .noneMatch(p -> p.text().equals("Union") || p.text().equals("Hope"));
    }

    @Test
    void text_in_a_script_the_gazetteer_does_not_index_invents_nothing() {
        for (String text : new String[] {
            "Ο βομβαρδισμός του Χαλεπιού συνεχίστηκε τη νύχτα και οι κάτοικοι έφυγαν από τα σπίτια τους.",
            "बमबारी रात भर जारी रही और लोग अपने घर छोड़कर चले गए।",
            "ההפגזות על חלב נמשכו בלילה והתושבים עזבו את בתיהם."
        }) {
            Analysis a = Fixtures.analyze(text, "2016-08-20");
            assertThat(a.language()).isNotIn("en", "ar");
            assertThat(a).isEqualTo(Analysis.empty(a.language()));
        }
    }

    @Test
    void mixed_scripts_are_analysed_together() {
        Analysis a = Fixtures.analyze("Shelling hit Darayya. وسقطت قذائف على حلب.");
        assertThat(a.places()).extracting(PlaceMention::geonameId).containsExactly(170892L, 170063L);
    }
}
