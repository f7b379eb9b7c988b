package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the whole analysis on news-length articles (about 800 words), single-threaded and
 * on two threads. The target (issue 5) is 300 articles per second on a 2-core machine; the assertion
 * is looser because CI shares the machine with other builds.
 */
class ThroughputTest {
    private static final String[] SENTENCES = {
        "Residents of Darayya, south-west of Damascus, said artillery shells struck the area around the town's "
                + "water pumping station on Friday night.",
        "A volunteer with the local council said two civilians were wounded and that a medical point nearby had been damaged.",
        "Russian warplanes carried out at least 20 airstrikes on Saraqib and Maarat al-Numan in Idlib province on Tuesday.",
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
        "قصفت قوات النظام بلدة داريا بقذائف المدفعية مساء الجمعة، ما أدى إلى مقتل 20 مدنياً وإصابة عشرات.",
        "شن الطيران الروسي غارات على مدينة سراقب في ريف إدلب الشرقي.",
        "قال المرصد السوري لحقوق الإنسان إن هيئة تحرير الشام سيطرت على قرى في ريف حماة الشمالي.",
        "أعلنت قسد اعتقال 35 شخصاً في الحسكة والقامشلي الأسبوع الماضي.",
        "بدأ إجلاء المدنيين من حلب الشرقية في 15 كانون الأول 2016.",
    };

    static List<String> articles(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            StringBuilder sb = new StringBuilder(6000);
            int words = 0;
            while (words < 800) {
                String s = SENTENCES[r.nextInt(SENTENCES.length)];
                sb.append(s).append(r.nextInt(4) == 0 ? "\n\n" : " ");
                words += s.split(" ").length;
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void analyses_news_length_articles_quickly() throws Exception {
        TextAnalyzer analyzer = Fixtures.ANALYZER;
        Optional<LocalDate> pub = Optional.of(LocalDate.parse("2016-08-20"));
        List<String> warm = articles(200, 1);
        for (String s : warm) {
            analyzer.analyze(s, pub);
        }
        List<String> batch = articles(600, 2);
        long t0 = System.nanoTime();
        for (String s : batch) {
            analyzer.analyze(s, pub);
        }
        double single = batch.size() / ((System.nanoTime() - t0) / 1e9);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long t1 = System.nanoTime();
            List<Future<Analysis>> futures = new ArrayList<>();
            for (String s : batch) {
                futures.add(pool.submit(() -> analyzer.analyze(s, pub)));
            }
            for (Future<Analysis> f : futures) {
                f.get();
            }
            double two = batch.size() / ((System.nanoTime() - t1) / 1e9);
            System.out.printf(
                    "throughput: %.0f articles/s on one thread, %.0f articles/s on two threads "
                            + "(800-word articles; gazetteer load %d ms)%n",
                    single, two, analyzer.loadTime().toMillis());
            assertThat(Math.max(single, two)).isGreaterThan(60);
        } finally {
            pool.shutdownNow();
        }
    }
}
