package org.daleel.extract.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
    private static final LanguageIdentifier LANG = new LanguageIdentifier();

    @Test
    void identifies_english_french_german_and_russian_prose() {
        assertThat(LANG.identify(
                        "Residents of Darayya said artillery shells struck the area around the water station."))
                .isEqualTo("en");
        assertThat(LANG.identify(
                        "Les habitants de Daraya ont déclaré que des obus avaient frappé la station de pompage."))
                .isEqualTo("fr");
        assertThat(LANG.identify(
                        "Die Bewohner von Daraja berichteten, dass Granaten die Umgebung der Pumpstation trafen."))
                .isEqualTo("de");
        assertThat(LANG.identify("Жители Дарайи сообщили, что снаряды попали в район насосной станции водоснабжения."))
                .isEqualTo("ru");
    }

    @Test
    void identifies_arabic_by_its_script_even_in_short_texts() {
        assertThat(LANG.identify("أفاد ناشطون بأن قوات النظام قصفت أحياء المدينة بالبراميل المتفجرة"))
                .isEqualTo("ar");
        assertThat(LANG.identify("في داريا")).isEqualTo("ar");
    }

    @Test
    void identifies_persian_only_when_its_letters_and_the_detector_agree() {
        String persian =
                "ساکنان داریا گفتند که گلوله‌های توپخانه به اطراف ایستگاه پمپاژ آب شهر اصابت کرد و چند خانواده بی آب ماندند.";
        assertThat(LANG.identify(persian)).isEqualTo("fa");
    }

    @Test
    void gives_english_for_an_english_page_with_one_arabic_sentence() {
        String mixed =
                "Residents of Darayya, south-west of Damascus, said artillery shells struck the area around the town's "
                        + "water pumping station on Friday night, cutting supply to several thousand families. "
                        + "A volunteer said two civilians were wounded. في داريا، قال سكان إن القذائف أصابت محيط محطة ضخ المياه.";

        assertThat(LANG.identify(mixed)).isEqualTo("en");
    }

    @Test
    void gives_nothing_for_short_latin_text_numbers_or_nothing() {
        assertThat(LANG.identify("Darayya")).isEmpty();
        assertThat(LANG.identify("12 34 56 -- !!")).isEmpty();
        assertThat(LANG.identify("")).isEmpty();
    }

    @Test
    void identifies_scripts_that_belong_to_one_language() {
        assertThat(LANG.identify("שלום עולם")).isEqualTo("he");
        assertThat(LANG.identify("Καλημέρα")).isEqualTo("el");
        assertThat(LANG.identify("こんにちは世界")).isEqualTo("ja");
    }
}
