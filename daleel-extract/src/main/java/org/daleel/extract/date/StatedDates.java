package org.daleel.extract.date;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises dates that a document states about itself to ISO-8601 at the precision known:
 * {@code 2016}, {@code 2016-08}, {@code 2016-08-20}, or an instant in UTC such as
 * {@code 2016-08-20T10:00:00Z} when a time and a zone are given. A time without a zone gives the
 * date only, because the instant is unknown. Years outside 1900..2100 are rejected. Thread-safe.
 */
public final class StatedDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:[-/](\\d{1,2})(?:[-/](\\d{1,2})"
            + "(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?)?)?");
    private static final Pattern COMPACT =
            Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?(Z)?)?");

    private static final Map<String, Integer> ENGLISH_MONTHS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("jan", 1),
            Map.entry("february", 2),
            Map.entry("feb", 2),
            Map.entry("march", 3),
            Map.entry("mar", 3),
            Map.entry("april", 4),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("june", 6),
            Map.entry("jun", 6),
            Map.entry("july", 7),
            Map.entry("jul", 7),
            Map.entry("august", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9),
            Map.entry("sep", 9),
            Map.entry("sept", 9),
            Map.entry("october", 10),
            Map.entry("oct", 10),
            Map.entry("november", 11),
            Map.entry("nov", 11),
            Map.entry("december", 12),
            Map.entry("dec", 12));

    // Levantine/Iraqi (Syriac-derived) and Egyptian/Gulf (Latin-derived) month names, with the
    // common spellings without hamza.
    private static final Map<String, Integer> ARABIC_MONTHS = Map.ofEntries(
            Map.entry("كانون الثاني", 1),
            Map.entry("شباط", 2),
            Map.entry("آذار", 3),
            Map.entry("اذار", 3),
            Map.entry("نيسان", 4),
            Map.entry("أيار", 5),
            Map.entry("ايار", 5),
            Map.entry("حزيران", 6),
            Map.entry("تموز", 7),
            Map.entry("آب", 8),
            Map.entry("اب", 8),
            Map.entry("أيلول", 9),
            Map.entry("ايلول", 9),
            Map.entry("تشرين الأول", 10),
            Map.entry("تشرين الاول", 10),
            Map.entry("تشرين الثاني", 11),
            Map.entry("كانون الأول", 12),
            Map.entry("كانون الاول", 12),
            Map.entry("يناير", 1),
            Map.entry("فبراير", 2),
            Map.entry("مارس", 3),
            Map.entry("أبريل", 4),
            Map.entry("ابريل", 4),
            Map.entry("إبريل", 4),
            Map.entry("مايو", 5),
            Map.entry("يونيو", 6),
            Map.entry("يونيه", 6),
            Map.entry("يوليو", 7),
            Map.entry("يوليه", 7),
            Map.entry("أغسطس", 8),
            Map.entry("اغسطس", 8),
            Map.entry("سبتمبر", 9),
            Map.entry("أكتوبر", 10),
            Map.entry("اكتوبر", 10),
            Map.entry("نوفمبر", 11),
            Map.entry("ديسمبر", 12));

    private static final String EN_MONTH = alternation(ENGLISH_MONTHS);
    private static final String AR_MONTH = alternation(ARABIC_MONTHS);
    private static final String DIGIT = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + EN_MONTH + ")\\.?,?\\s+(\\d{4})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}])(" + EN_MONTH + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARABIC_DAY_MONTH_YEAR =
            Pattern.compile("(?<![\\p{L}\\d])(" + DIGIT + "{1,2})\\s*(?:من\\s+)?(" + AR_MONTH + ")(?:\\s*[/(-]\\s*(?:"
                    + AR_MONTH + ")\\s*\\)?)?\\s*،?\\s*(" + DIGIT + "{4})(?!\\d)");

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    private StatedDates() {}

    /**
     * A machine-readable date (ISO-8601 and its common variants, {@code yyyymmdd}, RFC 1123) or,
     * failing that, a date written in English or Arabic ({@link #inProse}).
     */
    public static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > 200) {
            return Optional.empty();
        }
        Matcher m = ISO.matcher(v);
        if (m.matches()) {
            return iso(m);
        }
        m = COMPACT.matcher(v);
        if (m.matches()) {
            return compact(m);
        }
        if (Character.isLetter(v.charAt(0)) && v.length() <= 40 && v.contains(",") && v.contains(":")) {
            try {
                OffsetDateTime t = OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return instant(t);
            } catch (DateTimeParseException e) {
                // not RFC 1123; try prose below
            }
        }
        return inProse(v);
    }

    /**
     * The first date written out with a month name in {@code text}: "20 August 2016",
     * "August 20, 2016", "20 آب 2016", "٢٠ أغسطس ٢٠١٦"; as {@code yyyy-mm-dd}.
     */
    public static Optional<String> inProse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.length() > 4000 ? text.substring(0, 4000) : text;
        List<int[]> found = new ArrayList<>(3); // {start, year, month, day}
        Matcher m = DAY_MONTH_YEAR.matcher(t);
        if (m.find()) {
            found.add(new int[] {m.start(), number(m.group(3)), englishMonth(m.group(2)), number(m.group(1))});
        }
        m = MONTH_DAY_YEAR.matcher(t);
        if (m.find()) {
            found.add(new int[] {m.start(), number(m.group(3)), englishMonth(m.group(1)), number(m.group(2))});
        }
        if (hasArabic(t)) {
            m = ARABIC_DAY_MONTH_YEAR.matcher(t);
            if (m.find()) {
                found.add(new int[] {m.start(), number(m.group(3)), ARABIC_MONTHS.get(m.group(2)), number(m.group(1))});
            }
        }
        found.sort(Comparator.comparingInt(a -> a[0]));
        for (int[] f : found) {
            Optional<String> d = date(f[1], f[2], f[3]);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> iso(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        if (m.group(2) == null) {
            return Optional.of(m.group(1));
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        if (m.group(3) == null) {
            return Optional.of(String.format(Locale.ROOT, "%04d-%02d", year, month));
        }
        int day = Integer.parseInt(m.group(3));
        if (m.group(4) == null || m.group(7) == null) {
            return date(year, month, day);
        }
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        return dateTime(
                year, month, day, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second, m.group(7));
    }

    private static Optional<String> compact(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (m.group(4) != null && m.group(7) != null) {
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            return dateTime(year, month, day, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second, "Z");
        }
        return date(year, month, day);
    }

    private static Optional<String> dateTime(
            int year, int month, int day, int hour, int minute, int second, String zone) {
        ZoneOffset offset;
        try {
            if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
                offset = ZoneOffset.UTC;
            } else {
                String z = zone.length() == 3 ? zone + ":00" : zone;
                if (z.length() == 5) {
                    z = z.substring(0, 3) + ":" + z.substring(3);
                }
                offset = ZoneOffset.of(z);
            }
            if (year < MIN_YEAR || year > MAX_YEAR) {
                return Optional.empty();
            }
            return instant(OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> instant(OffsetDateTime t) {
        int year = t.getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        return Optional.of(t.toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static Optional<String> date(int year, int month, int day) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int englishMonth(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Integer month = ENGLISH_MONTHS.get(key);
        return month == null ? 0 : month;
    }

    /** Parses ASCII, Arabic-Indic and Extended Arabic-Indic digits. */
    private static int number(String digits) {
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 10 + Character.digit(digits.charAt(i), 10);
        }
        return value;
    }

    private static boolean hasArabic(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF') {
                return true;
            }
        }
        return false;
    }

    private static String alternation(Map<String, Integer> months) {
        return months.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b)
                .orElseThrow();
    }
}
