package org.daleel.app;

import java.util.Random;

/**
 * Generates realistic-looking small news reports in English and Arabic for benchmarks: a title,
 * boilerplate (navigation, footer) and a few paragraphs drawn from a reporting vocabulary, so that
 * extraction, analysis and search do the work they do on real pages.
 */
final class SyntheticReports {
    private static final String[] PLACES = {
        "Aleppo",
        "Darayya",
        "Douma",
        "Idlib",
        "Homs",
        "Hama",
        "Raqqa",
        "Deir ez-Zor",
        "Daraa",
        "Qusayr",
        "Yabrud",
        "Palmyra",
        "Manbij",
        "Afrin",
        "Jisr al-Shughur",
        "Khan Shaykhun",
        "Saraqib",
        "Maarat al-Numan"
    };
    private static final String[] AR_PLACES = {
        "حلب", "داريا", "دوما", "إدلب", "حمص", "حماة", "الرقة", "دير الزور", "درعا", "القصير", "يبرود", "تدمر"
    };
    private static final String[] EN = {
        "residents said",
        "artillery shells struck",
        "the water pumping station",
        "a medical point",
        "civil defence teams",
        "were wounded",
        "were killed",
        "an evacuation convoy",
        "under siege",
        "airstrikes hit",
        "the local council",
        "could not be independently verified",
        "families fled",
        "a market in the old city",
        "hospital staff reported",
        "detained at a checkpoint",
        "barrel bombs",
        "the humanitarian corridor",
        "witnesses described",
        "footage posted online showed"
    };
    private static final String[] AR = {
        "قال سكان",
        "أصابت القذائف",
        "محطة ضخ المياه",
        "نقطة طبية",
        "فرق الدفاع المدني",
        "أصيب",
        "قتل",
        "قافلة الإجلاء",
        "تحت الحصار",
        "غارات جوية",
        "المجلس المحلي",
        "لم يتسن التحقق",
        "نزحت العائلات",
        "سوق في المدينة القديمة",
        "أفاد طاقم المستشفى",
        "اعتقل على حاجز",
        "براميل متفجرة",
        "الممر الإنساني"
    };

    private final Random random;

    SyntheticReports(long seed) {
        this.random = new Random(seed);
    }

    /** One HTML page, about 3-4 KB; every fifth page is in Arabic. */
    String page(int n) {
        boolean arabic = n % 5 == 4;
        String place = arabic ? pick(AR_PLACES) : pick(PLACES);
        String title = arabic ? "قصف في " + place + " " + n : "Shelling reported in " + place + " (report " + n + ")";
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 4 + random.nextInt(4); p++) {
            body.append("<p>");
            for (int s = 0; s < 3; s++) {
                body.append(sentence(arabic, place)).append(' ');
            }
            body.append("</p>\n");
        }
        return "<!doctype html><html lang=\"" + (arabic ? "ar" : "en") + "\"><head><meta charset=\"utf-8\"><title>"
                + title + "</title><meta name=\"date\" content=\"2016-"
                + String.format("%02d-%02d", 1 + n % 12, 1 + n % 28)
                + "\"></head><body><nav>Home | World | Middle East</nav><article><h1>" + title + "</h1>\n" + body
                + "</article><footer>Subscribe to our newsletter</footer></body></html>";
    }

    private String sentence(boolean arabic, String place) {
        String[] words = arabic ? AR : EN;
        StringBuilder s = new StringBuilder(arabic ? "في " + place + " " : "In " + place + ", ");
        for (int i = 0; i < 6; i++) {
            s.append(words[random.nextInt(words.length)]).append(i == 5 ? "." : " ");
        }
        return s.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
