package org.daleel.analysis.text;

import java.util.Map;

/**
 * Numbers written in digits or in words, in English and Arabic: "2,000", "٣٥", "two", "twenty-five",
 * "2.5 million", "a dozen", "dozens", "اثنين", "عشرات". Words for an indefinite amount ("dozens",
 * "hundreds", "عشرات", "several") give the smallest number they allow and are marked approximate.
 *
 * <p>Stateless and thread-safe.
 */
public final class NumberWords {
    /**
     * A number found in the tokens.
     *
     * @param value the number
     * @param first first token
     * @param last last token
     * @param approximate true for words of indefinite amount
     */
    public record Number(double value, int first, int last, boolean approximate) {}

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90),
            Map.entry("dozen", 12),
            Map.entry("واحد", 1),
            Map.entry("واحده", 1),
            Map.entry("اثنان", 2),
            Map.entry("اثنين", 2),
            Map.entry("اثنتان", 2),
            Map.entry("اثنتين", 2),
            Map.entry("ثلاث", 3),
            Map.entry("ثلاثه", 3),
            Map.entry("اربع", 4),
            Map.entry("اربعه", 4),
            Map.entry("خمس", 5),
            Map.entry("خمسه", 5),
            Map.entry("ست", 6),
            Map.entry("سته", 6),
            Map.entry("سبع", 7),
            Map.entry("سبعه", 7),
            Map.entry("ثمان", 8),
            Map.entry("ثماني", 8),
            Map.entry("ثمانيه", 8),
            Map.entry("تسع", 9),
            Map.entry("تسعه", 9),
            Map.entry("عشر", 10),
            Map.entry("عشره", 10),
            Map.entry("عشرون", 20),
            Map.entry("عشرين", 20),
            Map.entry("ثلاثون", 30),
            Map.entry("ثلاثين", 30),
            Map.entry("اربعون", 40),
            Map.entry("اربعين", 40),
            Map.entry("خمسون", 50),
            Map.entry("خمسين", 50),
            Map.entry("ستون", 60),
            Map.entry("ستين", 60),
            Map.entry("سبعون", 70),
            Map.entry("سبعين", 70),
            Map.entry("ثمانون", 80),
            Map.entry("ثمانين", 80),
            Map.entry("تسعون", 90),
            Map.entry("تسعين", 90),
            Map.entry("مئه", 100),
            Map.entry("مائه", 100),
            Map.entry("مئتان", 200),
            Map.entry("مئتين", 200),
            Map.entry("مائتين", 200),
            Map.entry("مائتان", 200),
            Map.entry("الف", 1000),
            Map.entry("الفين", 2000),
            Map.entry("الفان", 2000));
    private static final Map<String, Double> MULTIPLIERS = Map.of(
            "hundred",
            100.0,
            "thousand",
            1000.0,
            "million",
            1e6,
            "billion",
            1e9,
            "مليون",
            1e6,
            "الف",
            1000.0,
            "مليار",
            1e9,
            "ملايين",
            1e6);
    private static final Map<String, Integer> INDEFINITE = Map.ofEntries(
            Map.entry("dozens", 24),
            Map.entry("scores", 40),
            Map.entry("hundreds", 200),
            Map.entry("thousands", 2000),
            Map.entry("millions", 2_000_000),
            Map.entry("several", 3),
            Map.entry("few", 3),
            Map.entry("couple", 2),
            Map.entry("عشرات", 20),
            Map.entry("مئات", 200),
            Map.entry("الاف", 2000),
            Map.entry("عده", 3),
            Map.entry("بضعه", 3),
            Map.entry("بضع", 3));

    private NumberWords() {}

    /** The number starting at token {@code i}, or null. */
    public static Number at(Tokens t, int i) {
        if (i < 0 || i >= t.size()) {
            return null;
        }
        if (t.kind(i) == Tokens.NUMBER) {
            double v;
            try {
                v = Double.parseDouble(t.norm(i));
            } catch (NumberFormatException e) {
                return null;
            }
            int last = i;
            if (i + 1 < t.size() && MULTIPLIERS.containsKey(t.norm(i + 1)) && t.sentence(i + 1) == t.sentence(i)) {
                v *= MULTIPLIERS.get(t.norm(i + 1));
                last = i + 1;
            }
            return new Number(v, i, last, false);
        }
        if (!t.isWord(i)) {
            return null;
        }
        String w = t.norm(i);
        int start = i;
        if ((w.equals("a") || w.equals("an")) && i + 1 < t.size()) {
            String next = t.norm(i + 1);
            if (next.equals("dozen")
                    || next.equals("hundred")
                    || next.equals("thousand")
                    || next.equals("few")
                    || next.equals("couple")) {
                i++;
                w = next;
                if (w.equals("hundred") || w.equals("thousand")) {
                    return extend(t, start, i, w.equals("hundred") ? 100 : 1000, false);
                }
            }
        }
        if (w.equals("tens") || w.equals("hundreds")) {
            // "tens of thousands", "hundreds of thousands"
            if (t.is(i + 1, "of") && (t.is(i + 2, "thousands") || t.is(i + 2, "millions"))) {
                double base = w.equals("tens") ? 20 : 200;
                return new Number(base * (t.is(i + 2, "thousands") ? 1000 : 1_000_000), start, i + 2, true);
            }
        }
        Integer indefinite = INDEFINITE.get(w);
        if (indefinite != null) {
            // "several thousand", "عشرات الآلاف"
            if (i + 1 < t.size() && (t.is(i + 1, "thousand") || t.is(i + 1, "hundred") || t.is(i + 1, "الاف"))) {
                double m = t.is(i + 1, "hundred") ? 100 : 1000;
                return new Number(indefinite * m, start, i + 1, true);
            }
            if (w.equals("few") || w.equals("couple")) {
                if (start == i) {
                    return null; // "few" alone is an adjective
                }
            }
            return new Number(indefinite, start, i, true);
        }
        Integer u = UNITS.get(w);
        if (u == null) {
            return null;
        }
        double v = u;
        int last = i;
        // "twenty-five", "twenty five"
        if (u >= 20 && u < 100 && u % 10 == 0 && i + 1 < t.size()) {
            Integer next = UNITS.get(t.norm(i + 1));
            if (next != null && next < 10 && t.kind(i + 1) == t.kind(i)) {
                v += next;
                last = i + 1;
            }
        }
        return extend(t, start, last, v, false);
    }

    private static Number extend(Tokens t, int start, int last, double v, boolean approx) {
        if (last + 1 < t.size() && MULTIPLIERS.containsKey(t.norm(last + 1)) && !t.is(last, "الف")) {
            return new Number(v * MULTIPLIERS.get(t.norm(last + 1)), start, last + 1, approx);
        }
        return new Number(v, start, last, approx);
    }
}
