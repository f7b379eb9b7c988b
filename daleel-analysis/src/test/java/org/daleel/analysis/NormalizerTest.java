package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.daleel.analysis.text.Normalizer;
import org.daleel.analysis.text.Tokenizer;
import org.daleel.analysis.text.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Dārayyā|darayya",
                "Hay'at Tahrir al-Sham|hayat tahrir al sham",
                "Ḩalab|halab",
                "U.S.|us",
                "W.Va.|wva",
                "N.Mex.|nmex",
                "أَلْإِسْلَامِيَّة|الاسلاميه",
                "مُسْتَشْفَى|مستشفي",
                "آب|اب",
                "حـــلب|حلب",
                "داریا|داريا",
                "٢٠١٦|2016",
            })
    void keys_ignore_case_diacritics_and_arabic_spelling_variants(String text, String key) {
        assertThat(Normalizer.key(text)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Darayya|Daraya",
                "Darayya|Dārayyā",
                "Deir ez-Zor|Dayr az Zawr",
                "Khan Sheikhoun|Khan Shaykhun",
                "Daraa|Dar'a",
            })
    void transliteration_variants_share_a_fuzzy_key(String a, String b) {
        assertThat(Normalizer.fuzzy(Normalizer.key(a))).isEqualTo(Normalizer.fuzzy(Normalizer.key(b)));
    }

    @Test
    void the_tokenizer_keeps_offsets_and_splits_sentences() {
        String text = "Shelling hit Deir ez-Zor on Friday. U.S. officials said 2,000 fled.\n\nفي داريا، قال سكان";
        Tokens t = Tokenizer.tokenize(text);
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.start(i)).isLessThan(t.end(i));
        }
        assertThat(t.sentences()).isEqualTo(3);
        int number = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == Tokens.NUMBER) {
                number = i;
            }
        }
        assertThat(t.norm(number)).isEqualTo("2000");
        assertThat(t.surface(number)).isEqualTo("2,000");
    }

    @Test
    void a_state_abbreviation_after_an_initial_is_one_word() {
        String text = "Flooding in Charleston, W.Va. on Monday. J.Smith wrote.";
        Tokens t = Tokenizer.tokenize(text);
        int wva = -1;
        int monday = -1;
        int wrote = -1;
        for (int i = 0; i < t.size(); i++) {
            switch (t.surface(i)) {
                case "W.Va." -> wva = i;
                case "Monday" -> monday = i;
                case "wrote" -> wrote = i;
                default -> {}
            }
        }
        assertThat(wva).isNotNegative();
        assertThat(t.norm(wva)).isEqualTo("wva");
        assertThat(t.sentence(monday)).isEqualTo(t.sentence(wva)); // its dot ends no sentence
        assertThat(t.sentence(wrote)).isEqualTo(t.sentence(monday) + 1);
    }
}
