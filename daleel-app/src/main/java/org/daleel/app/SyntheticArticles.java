package org.daleel.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * News-length articles (about 800 words) for the analysis benchmark, assembled from sentences that
 * read like conflict reporting in English and in Arabic: places in Syria and elsewhere (some of them
 * homonyms or common words), actors, dates, quantities and events, so that every recogniser does the
 * work it does on real reports.
 */
final class SyntheticArticles {
    private static final String[] EN = {
        "Residents of Darayya, south-west of Damascus, said artillery shells struck the area around the town's"
                + " water pumping station on Friday night.",
        "A volunteer with the local council said two civilians were wounded and that a medical point nearby had"
                + " been damaged.",
        "Russian warplanes carried out at least 20 airstrikes on Saraqib and Maarat al-Numan in Idlib province on"
                + " Tuesday.",
        "The Syrian Observatory for Human Rights said 35 people were killed, including 12 children.",
        "Government forces recaptured Palmyra from Islamic State fighters in March, state media reported.",
        "Opposition leader Riyad Hijab said the 2015 deal had collapsed and called on the UN Security Council to act.",
        "Thousands of families were displaced from eastern Aleppo after the siege tightened in June.",
        "The SDF said it had taken 220 villages in rural Raqqa in under 48 hours.",
        "Witnesses described a chlorine attack on Douma in Rif Dimashq, and the OPCW said it would investigate.",
        "Turkish forces and the Syrian National Army shelled Tal Rifaat and Manbij overnight.",
        "The White Helmets pulled survivors from the rubble of a hospital in Khan Sheikhoun.",
        "Security forces arrested dozens of activists in Hama and Homs last week.",
        "Aid convoys of the Syrian Arab Red Crescent reached Madaya and Zabadani on Sunday.",
        "87% of Aleppo province remains out of regime control, according to the report.",
        "The meeting in Geneva ended without agreement, and the envoy said talks would resume next month.",
        "Prices of bread and fuel rose sharply in the markets of the city, traders said, as the currency fell.",
        "Officials in Washington and London said there was hope of a union of the opposition groups before winter.",
        "Refugees who reached Gaziantep and Kilis said they had walked for three days from Azaz.",
        "In Mosul, Iraqi forces said they had cleared the western districts, while Kurdish fighters held Sinjar.",
        "The minister told reporters in Moscow that the justice of the cause was not in doubt.",
        "Shelling also hit Yabrud and An-Nabk in the Qalamoun mountains, the monitor said.",
        "Hezbollah fighters battled rebels near Qusayr across the border from Lebanon.",
        "The United Nations said more than 400,000 people had fled their homes since December.",
        "A spokesman for the coalition said the strike near Deir ez-Zor had targeted a weapons depot.",
        "Local journalists in Kafranbel said the market had been hit twice within an hour.",
    };
    private static final String[] AR = {
        "قصفت قوات النظام بلدة داريا بقذائف المدفعية مساء الجمعة، ما أدى إلى مقتل 20 مدنياً وإصابة عشرات.",
        "شن الطيران الروسي غارات على مدينة سراقب في ريف إدلب الشرقي.",
        "قال المرصد السوري لحقوق الإنسان إن هيئة تحرير الشام سيطرت على قرى في ريف حماة الشمالي.",
        "أعلنت قسد اعتقال 35 شخصاً في الحسكة والقامشلي الأسبوع الماضي.",
        "بدأ إجلاء المدنيين من حلب الشرقية في 15 كانون الأول 2016.",
        "وقال ناشطون إن الدفاع المدني انتشل جثث ثلاثة أطفال من تحت الأنقاض في مدينة دوما.",
        "نزحت آلاف العائلات من ريف دمشق باتجاه الشمال خلال الأسابيع الماضية.",
        "وأفاد مراسلنا بأن اشتباكات عنيفة اندلعت على أطراف مدينة درعا بين فصائل المعارضة وقوات النظام.",
        "وصلت قافلة مساعدات تابعة للهلال الأحمر العربي السوري إلى مضايا والزبداني يوم الأحد.",
        "قال مسؤول في الأمم المتحدة إن أكثر من 400 ألف شخص نزحوا منذ بداية العام.",
        "استهدفت غارة جوية مستشفى ميدانياً في خان شيخون، ما أدى إلى خروجه عن الخدمة.",
        "وذكرت مصادر محلية أن قوات الأمن اعتقلت عشرات الشبان على حاجز في مدينة حمص.",
        "أكد الناطق باسم التحالف أن الغارة قرب دير الزور استهدفت مستودعاً للأسلحة.",
        "وفي الموصل، قالت القوات العراقية إنها استعادت الأحياء الغربية من تنظيم داعش.",
        "وعبر لاجئون وصلوا إلى غازي عنتاب عن أملهم في العودة إلى منازلهم في أعزاز.",
    };

    private SyntheticArticles() {}

    /** {@code count} articles of about 800 words each; every third one is in Arabic. */
    static List<String> generate(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            String[] sentences = a % 3 == 2 ? AR : EN;
            StringBuilder sb = new StringBuilder(6000);
            int words = 0;
            while (words < 800) {
                String s = sentences[r.nextInt(sentences.length)];
                sb.append(s).append(r.nextInt(4) == 0 ? "\n\n" : " ");
                words += wordCount(s);
            }
            out.add(sb.toString());
        }
        return out;
    }

    static int wordCount(String s) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean letter = !Character.isWhitespace(s.charAt(i));
            if (letter && !in) {
                words++;
            }
            in = letter;
        }
        return words;
    }
}
