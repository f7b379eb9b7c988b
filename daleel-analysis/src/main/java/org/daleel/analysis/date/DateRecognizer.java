package org.daleel.analysis.date;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.daleel.analysis.text.ArabicClitics;
import org.daleel.analysis.text.NumberWords;
import org.daleel.analysis.text.Tokens;

/**
 * Finds dates and normalises them to ISO 8601 at the precision the text gives: absolute dates in
 * English and Arabic ("20 August 2016", "August 20, 2016", "20 آب 2016", "٢٠ آب/أغسطس ٢٠١٦",
 * "2016-08-20", "20/08/2016", "the 2015 deal") and, given a publication date, relative ones
 * ("yesterday", "أمس", "on Friday night", "last Tuesday", "in June", "last week", "two days ago",
 * "منذ يومين"). Without a publication date relative expressions are left out rather than guessed.
 *
 * <p>Stateless and thread-safe.
 */
public final class DateRecognizer {
    /**
     * A date found in the text.
     *
     * @param first first token
     * @param last last token
     * @param value ISO 8601 value
     */
    public record DateMatch(int first, int last, String value) {}

    private static final Map<String, Integer> EN_MONTHS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("february", 2),
            Map.entry("march", 3),
            Map.entry("april", 4),
            Map.entry("may", 5),
            Map.entry("june", 6),
            Map.entry("july", 7),
            Map.entry("august", 8),
            Map.entry("september", 9),
            Map.entry("october", 10),
            Map.entry("november", 11),
            Map.entry("december", 12),
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("sept", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Map<String, Integer> AR_MONTHS = Map.ofEntries(
            Map.entry("شباط", 2),
            Map.entry("اذار", 3),
            Map.entry("نيسان", 4),
            Map.entry("ايار", 5),
            Map.entry("حزيران", 6),
            Map.entry("تموز", 7),
            Map.entry("اب", 8),
            Map.entry("ايلول", 9),
            Map.entry("يناير", 1),
            Map.entry("فبراير", 2),
            Map.entry("مارس", 3),
            Map.entry("ابريل", 4),
            Map.entry("مايو", 5),
            Map.entry("يونيو", 6),
            Map.entry("يونيه", 6),
            Map.entry("يوليو", 7),
            Map.entry("يوليه", 7),
            Map.entry("اغسطس", 8),
            Map.entry("سبتمبر", 9),
            Map.entry("اكتوبر", 10),
            Map.entry("نوفمبر", 11),
            Map.entry("ديسمبر", 12));
    /** Arabic month names that are also common words and need a day or year beside them. */
    private static final Set<String> AR_AMBIGUOUS_MONTHS = Set.of("اب", "مارس", "مايو");

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("الاثنين", DayOfWeek.MONDAY),
            Map.entry("الثلاثاء", DayOfWeek.TUESDAY), Map.entry("الاربعاء", DayOfWeek.WEDNESDAY),
            Map.entry("الخميس", DayOfWeek.THURSDAY), Map.entry("الجمعه", DayOfWeek.FRIDAY),
            Map.entry("السبت", DayOfWeek.SATURDAY), Map.entry("الاحد", DayOfWeek.SUNDAY));
    private static final Set<String> PARTS_OF_DAY = Set.of("morning", "night", "evening", "afternoon", "overnight");
    private static final Set<String> AR_PARTS_OF_DAY = Set.of("يوم", "ليله", "فجر", "صباح", "مساء", "ظهر", "عصر");
    private static final Set<String> MONTH_CUES = Set.of(
            "in", "since", "early", "late", "mid", "during", "until", "by", "through", "from", "last", "this", "of");
    private static final Set<String> AR_MONTH_CUES =
            Set.of("في", "خلال", "منذ", "شهر", "مطلع", "اواخر", "منتصف", "اوائل", "حتي", "اواسط", "بدايه", "نهايه");
    private static final Set<String> NOT_YEAR_AFTER = Set.of(
            "people",
            "persons",
            "civilians",
            "families",
            "children",
            "villages",
            "towns",
            "km",
            "kilometres",
            "kilometers",
            "metres",
            "meters",
            "dollars",
            "troops",
            "fighters",
            "refugees",
            "soldiers",
            "men",
            "women",
            "houses",
            "homes",
            "buildings",
            "tonnes",
            "tons",
            "euros",
            "pounds",
            "شخص",
            "مدني",
            "مدنيا",
            "عائله",
            "قريه",
            "كم",
            "دولار",
            "مقاتل",
            "عنصر");

    private DateRecognizer() {}

    /** Dates in the text; {@code published} anchors relative expressions. */
    public static List<DateMatch> recognize(Tokens t, Optional<LocalDate> published) {
        List<DateMatch> out = new ArrayList<>();
        LocalDate pub = published.orElse(null);
        for (int i = 0; i < t.size(); i++) {
            DateMatch m = at(t, i, pub);
            if (m != null) {
                out.add(m);
                i = m.last();
            }
        }
        return out;
    }

    private static DateMatch at(Tokens t, int i, LocalDate pub) {
        if (t.kind(i) == Tokens.NUMBER) {
            DateMatch m = numeric(t, i);
            if (m == null) {
                m = dayMonthYear(t, i, pub);
            }
            if (m == null) {
                m = agoLatin(t, i, pub);
            }
            if (m == null) {
                m = year(t, i);
            }
            return m;
        }
        if (!t.isWord(i)) {
            return null;
        }
        DateMatch m = monthFirst(t, i, pub);
        if (m == null && pub != null) {
            m = relative(t, i, pub);
        }
        if (m == null && pub != null) {
            m = agoLatin(t, i, pub);
        }
        return m;
    }

    // ------------------------------------------------------------ absolute

    private static DateMatch numeric(Tokens t, int i) {
        String a = t.norm(i);
        // 2016-08-20
        if (a.length() == 4
                && i + 2 < t.size()
                && t.kind(i + 1) == Tokens.NUMBER
                && t.kind(i + 2) == Tokens.NUMBER
                && t.has(i + 1, Tokens.HYPHEN_JOINED)
                && t.has(i + 2, Tokens.HYPHEN_JOINED)) {
            return date(i, i + 2, parse(a), parse(t.norm(i + 1)), parse(t.norm(i + 2)));
        }
        // 20/08/2016 (day first unless the second number cannot be a month)
        if (a.length() <= 2
                && i + 4 < t.size()
                && t.isPunct(i + 1, "/")
                && t.kind(i + 2) == Tokens.NUMBER
                && t.isPunct(i + 3, "/")
                && t.kind(i + 4) == Tokens.NUMBER
                && t.norm(i + 2).length() <= 2) {
            int x = parse(a);
            int y = parse(t.norm(i + 2));
            int year = parse(t.norm(i + 4));
            if (t.norm(i + 4).length() == 2) {
                year += 2000;
            } else if (t.norm(i + 4).length() != 4) {
                return null;
            }
            return y > 12 ? date(i, i + 4, year, x, y) : date(i, i + 4, year, y, x);
        }
        return null;
    }

    private static DateMatch dayMonthYear(Tokens t, int i, LocalDate pub) {
        String d = t.norm(i);
        if (d.length() > 2 || d.contains(".")) {
            return null;
        }
        int day = parse(d);
        if (day < 1 || day > 31) {
            return null;
        }
        int j = i + 1;
        if (j < t.size()
                && t.kind(j) == Tokens.LATIN
                && (t.is(j, "th") || t.is(j, "st") || t.is(j, "nd") || t.is(j, "rd"))) {
            j++;
        }
        if (t.is(j, "of")) {
            j++;
        }
        int[] month = month(t, j, true);
        if (month == null) {
            return null;
        }
        int k = month[1] + 1;
        if (t.isPunct(k, ",")) {
            k++;
        }
        if (k < t.size() && t.kind(k) == Tokens.NUMBER && t.norm(k).length() == 4) {
            return date(i, k, parse(t.norm(k)), month[0], day);
        }
        if (pub == null) {
            return null;
        }
        return date(i, month[1], yearOf(month[0], day, pub), month[0], day);
    }

    private static DateMatch monthFirst(Tokens t, int i, LocalDate pub) {
        int[] month = month(t, i, false);
        if (month == null) {
            return null;
        }
        int k = month[1] + 1;
        // August 20, 2016 / August 20
        if (k < t.size()
                && t.kind(k) == Tokens.NUMBER
                && t.norm(k).length() <= 2
                && !t.norm(k).contains(".")) {
            int day = parse(t.norm(k));
            if (day >= 1 && day <= 31) {
                int y = k + 1;
                if (t.is(y, "th") || t.is(y, "st") || t.is(y, "nd") || t.is(y, "rd")) {
                    y++;
                }
                if (t.isPunct(y, ",")) {
                    y++;
                }
                if (y < t.size() && t.kind(y) == Tokens.NUMBER && t.norm(y).length() == 4) {
                    return date(i, y, parse(t.norm(y)), month[0], day);
                }
                if (pub != null) {
                    return date(i, k, yearOf(month[0], day, pub), month[0], day);
                }
                return null;
            }
        }
        // August 2016
        int y = t.isPunct(k, ",") ? k + 1 : k;
        if (y < t.size() && t.kind(y) == Tokens.NUMBER && t.norm(y).length() == 4) {
            return new DateMatch(i, y, String.format("%04d-%02d", parse(t.norm(y)), month[0]));
        }
        // in June, early June, في حزيران
        if (pub == null || (t.kind(i) == Tokens.LATIN && t.norm(i).length() == 3)) {
            return null;
        }
        int p = i - 1;
        if (p < 0 || !(MONTH_CUES.contains(t.norm(p)) || AR_MONTH_CUES.contains(t.norm(p)))) {
            return null;
        }
        if (AR_AMBIGUOUS_MONTHS.contains(t.norm(i)) && !t.is(p, "شهر")) {
            return null; // آب is also "father": only "شهر آب" without a day or year
        }
        boolean last = t.is(p, "last");
        int yr = month[0] < pub.getMonthValue() || (!last && month[0] == pub.getMonthValue())
                ? pub.getYear()
                : pub.getYear() - 1;
        int first = last || t.is(p, "this") ? p : i;
        return new DateMatch(first, month[1], String.format("%04d-%02d", yr, month[0]));
    }

    /**
     * The month at token {@code j}: {month, last token}, or null. English months must be
     * capitalised; "آب/أغسطس" and "كانون الثاني" are one month.
     */
    private static int[] month(Tokens t, int j, boolean afterDay) {
        if (j >= t.size() || !t.isWord(j)) {
            return null;
        }
        String w = t.norm(j);
        Integer m = null;
        int last = j;
        if (t.kind(j) == Tokens.LATIN) {
            if (!t.has(j, Tokens.CAPITALISED)) {
                return null;
            }
            m = EN_MONTHS.get(w);
            if (m != null && w.length() == 3 && !afterDay && !(j + 1 < t.size() && t.kind(j + 1) == Tokens.NUMBER)) {
                return null; // "Mar", "Jan" alone
            }
        } else if (t.kind(j) == Tokens.ARABIC) {
            m = AR_MONTHS.get(w);
            if (m == null && (w.equals("كانون") || w.equals("تشرين")) && j + 1 < t.size()) {
                String n = t.norm(j + 1);
                if (n.equals("الثاني")) {
                    m = w.equals("كانون") ? 1 : 11;
                    last = j + 1;
                } else if (n.equals("الاول")) {
                    m = w.equals("كانون") ? 12 : 10;
                    last = j + 1;
                }
            }
        }
        if (m == null) {
            return null;
        }
        // "آب/أغسطس", "August (Aug)"
        if (t.isPunct(last + 1, "/") && last + 2 < t.size() && t.isWord(last + 2)) {
            Integer other = AR_MONTHS.get(t.norm(last + 2));
            if (other == null) {
                other = EN_MONTHS.get(t.norm(last + 2));
            }
            if (other != null && other.equals(m)) {
                last += 2;
            }
        }
        return new int[] {m, last};
    }

    private static DateMatch year(Tokens t, int i) {
        String y = t.norm(i);
        if (y.length() != 4 || y.contains(".")) {
            return null;
        }
        int v = parse(y);
        if (v < 1900 || v > 2100) {
            return null;
        }
        if (i + 1 < t.size() && (NOT_YEAR_AFTER.contains(t.norm(i + 1)) || t.isPunct(i + 1, "%"))) {
            return null;
        }
        if (i > 0 && (t.is(i - 1, "$") || t.kind(i - 1) == Tokens.NUMBER)) {
            return null;
        }
        return new DateMatch(i, i, y);
    }

    // ------------------------------------------------------------ relative

    private static DateMatch relative(Tokens t, int i, LocalDate pub) {
        String w = t.norm(i);
        String[] forms = new String[4];
        int nf = t.kind(i) == Tokens.ARABIC ? ArabicClitics.forms(w, forms) : 1;
        forms[0] = w;
        for (int f = 0; f < nf; f++) {
            DateMatch m = relativeWord(t, i, forms[f], pub);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static DateMatch relativeWord(Tokens t, int i, String w, LocalDate pub) {
        switch (w) {
            case "yesterday", "امس", "البارحه" -> {
                if (t.is(i + 1, "الاول")) {
                    return day(i, i + 1, pub.minusDays(2));
                }
                int last = t.kind(i) == Tokens.LATIN && i + 1 < t.size() && PARTS_OF_DAY.contains(t.norm(i + 1))
                        ? i + 1
                        : i;
                return day(i, last, pub.minusDays(1));
            }
            case "today", "tonight" -> {
                return day(i, i, pub);
            }
            case "اليوم" -> {
                // "اليوم" alone is also "the day"; take it after a time word or as a sentence adverb
                return day(i, i, pub);
            }
            case "اول" -> {
                return t.is(i + 1, "امس") ? day(i, i + 1, pub.minusDays(2)) : null;
            }
            default -> {}
        }
        if (w.equals("this") && i + 1 < t.size()) {
            String n = t.norm(i + 1);
            if (PARTS_OF_DAY.contains(n)) {
                return day(i, i + 1, pub);
            }
            if (n.equals("week")) {
                return week(i, i + 1, pub);
            }
            if (n.equals("month")) {
                return new DateMatch(i, i + 1, String.format("%04d-%02d", pub.getYear(), pub.getMonthValue()));
            }
            if (n.equals("year")) {
                return new DateMatch(i, i + 1, String.valueOf(pub.getYear()));
            }
        }
        if (w.equals("last") && i + 1 < t.size()) {
            String n = t.norm(i + 1);
            switch (n) {
                case "night" -> {
                    return day(i, i + 1, pub.minusDays(1));
                }
                case "week" -> {
                    return week(i, i + 1, pub.minusWeeks(1));
                }
                case "month" -> {
                    LocalDate m = pub.minusMonths(1);
                    return new DateMatch(i, i + 1, String.format("%04d-%02d", m.getYear(), m.getMonthValue()));
                }
                case "year" -> {
                    return new DateMatch(i, i + 1, String.valueOf(pub.getYear() - 1));
                }
                default -> {}
            }
            DayOfWeek d = WEEKDAYS.get(n);
            if (d != null && t.kind(i + 1) == Tokens.LATIN) {
                int last = i + 2 < t.size() && PARTS_OF_DAY.contains(t.norm(i + 2)) ? i + 2 : i + 1;
                return day(i, last, pub.minusDays(1).with(TemporalAdjusters.previousOrSame(d)));
            }
        }
        if (w.equals("next") && i + 1 < t.size()) {
            DayOfWeek d = WEEKDAYS.get(t.norm(i + 1));
            if (d != null && t.kind(i + 1) == Tokens.LATIN) {
                return day(i, i + 1, pub.with(TemporalAdjusters.next(d)));
            }
        }
        // Arabic: الأسبوع الماضي، الشهر الماضي، العام الماضي
        if (t.kind(i) == Tokens.ARABIC && i + 1 < t.size()) {
            String n = t.norm(i + 1);
            boolean past = n.equals("الماضي") || n.equals("الماضيه") || n.equals("المنصرم");
            boolean current = n.equals("الجاري") || n.equals("الحالي");
            if (past || current) {
                switch (w) {
                    case "الاسبوع" -> {
                        return week(i, i + 1, past ? pub.minusWeeks(1) : pub);
                    }
                    case "الشهر" -> {
                        LocalDate m = past ? pub.minusMonths(1) : pub;
                        return new DateMatch(i, i + 1, String.format("%04d-%02d", m.getYear(), m.getMonthValue()));
                    }
                    case "العام", "السنه" -> {
                        return new DateMatch(i, i + 1, String.valueOf(past ? pub.getYear() - 1 : pub.getYear()));
                    }
                    case "الليله" -> {
                        return past ? day(i, i + 1, pub.minusDays(1)) : null;
                    }
                    default -> {}
                }
            }
        }
        DayOfWeek d = WEEKDAYS.get(w);
        if (d != null) {
            return weekday(t, i, d, pub);
        }
        if (AR_PARTS_OF_DAY.contains(w)
                && i + 1 < t.size()
                && WEEKDAYS.containsKey(t.norm(i + 1))
                && t.kind(i + 1) == Tokens.ARABIC) {
            DateMatch m = weekday(t, i + 1, WEEKDAYS.get(t.norm(i + 1)), pub);
            return m == null ? null : new DateMatch(i, m.last(), m.value());
        }
        return arabicAgo(t, i, w, pub);
    }

    private static DateMatch weekday(Tokens t, int i, DayOfWeek d, LocalDate pub) {
        if (t.kind(i) == Tokens.LATIN && !t.has(i, Tokens.CAPITALISED)) {
            return null;
        }
        int last = i;
        boolean past = false;
        if (t.kind(i) == Tokens.LATIN) {
            if (i + 1 < t.size() && PARTS_OF_DAY.contains(t.norm(i + 1))) {
                last = i + 1; // "Friday night"
            }
        } else if (i + 1 < t.size() && (t.is(i + 1, "الماضي") || t.is(i + 1, "الماضيه"))) {
            last = i + 1;
            past = true;
        }
        LocalDate base = past ? pub.minusDays(1) : pub;
        return day(i, last, base.with(TemporalAdjusters.previousOrSame(d)));
    }

    /** "two days ago", "3 weeks ago". */
    private static DateMatch agoLatin(Tokens t, int i, LocalDate pub) {
        if (pub == null) {
            return null;
        }
        NumberWords.Number n = NumberWords.at(t, i);
        if (n == null || n.approximate() || n.last() + 2 >= t.size() || !t.is(n.last() + 2, "ago")) {
            return null;
        }
        long v = (long) n.value();
        String unit = t.norm(n.last() + 1);
        int last = n.last() + 2;
        return switch (unit) {
            case "day", "days" -> day(i, last, pub.minusDays(v));
            case "week", "weeks" -> day(i, last, pub.minusWeeks(v));
            case "month", "months" -> {
                LocalDate m = pub.minusMonths(v);
                yield new DateMatch(i, last, String.format("%04d-%02d", m.getYear(), m.getMonthValue()));
            }
            case "year", "years" -> new DateMatch(i, last, String.valueOf(pub.getYear() - v));
            default -> null;
        };
    }

    /** "منذ يومين"، "قبل ثلاثة أيام"، "قبل أسبوع". */
    private static DateMatch arabicAgo(Tokens t, int i, String w, LocalDate pub) {
        if (!(w.equals("منذ") || w.equals("قبل")) || i + 1 >= t.size()) {
            return null;
        }
        int j = i + 1;
        long v = 1;
        NumberWords.Number n = NumberWords.at(t, j);
        if (n != null && !n.approximate()) {
            v = (long) n.value();
            j = n.last() + 1;
        }
        if (j >= t.size()) {
            return null;
        }
        String unit = t.norm(j);
        switch (unit) {
            case "يومين" -> {
                return day(i, j, pub.minusDays(2));
            }
            case "يوم", "ايام" -> {
                return n == null && unit.equals("ايام") ? null : day(i, j, pub.minusDays(v));
            }
            case "اسبوعين" -> {
                return day(i, j, pub.minusWeeks(2));
            }
            case "اسبوع", "اسابيع" -> {
                return n == null && unit.equals("اسابيع") ? null : day(i, j, pub.minusWeeks(v));
            }
            case "شهرين", "شهر", "اشهر", "شهور" -> {
                long months = unit.equals("شهرين") ? 2 : (n == null && !unit.equals("شهر") ? -1 : v);
                if (months < 0) {
                    return null;
                }
                LocalDate m = pub.minusMonths(months);
                return new DateMatch(i, j, String.format("%04d-%02d", m.getYear(), m.getMonthValue()));
            }
            case "عامين", "سنتين" -> {
                return new DateMatch(i, j, String.valueOf(pub.getYear() - 2));
            }
            default -> {
                return null;
            }
        }
    }

    // ------------------------------------------------------------ helpers

    private static int yearOf(int month, int day, LocalDate pub) {
        // the most recent such date not after the publication (with a day of tolerance)
        try {
            LocalDate d = LocalDate.of(pub.getYear(), month, day);
            return d.isAfter(pub.plusDays(1)) ? pub.getYear() - 1 : pub.getYear();
        } catch (DateTimeException e) {
            return pub.getYear();
        }
    }

    private static DateMatch date(int first, int last, int year, int month, int day) {
        try {
            return new DateMatch(first, last, LocalDate.of(year, month, day).toString());
        } catch (DateTimeException e) {
            return null; // 31 February, month 13: not a date
        }
    }

    private static DateMatch day(int first, int last, LocalDate d) {
        return new DateMatch(first, last, d.toString());
    }

    private static DateMatch week(int first, int last, LocalDate d) {
        return new DateMatch(
                first,
                last,
                String.format(
                        "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }

    private static int parse(String digits) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v > 100_000) {
                return -1;
            }
        }
        return v;
    }
}
