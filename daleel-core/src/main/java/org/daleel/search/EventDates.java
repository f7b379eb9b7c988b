package org.daleel.search;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;

/**
 * The event dates of an item, as {@link SearchFilter} defines them: the dates of its events, or,
 * when no event is dated, the publication date its source states. Every adapter of {@link
 * SearchIndex} filters on these spans, so that the date filter means the same everywhere.
 */
public final class EventDates {
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}).*");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** At most this many spans per item: a long report's dates beyond it add nothing to filtering. */
    static final int MAX_SPANS = 200;

    private EventDates() {}

    /**
     * A span of days, both ends inclusive.
     *
     * @param first first day
     * @param last last day
     */
    public record Span(LocalDate first, LocalDate last) {
        /** Validates. */
        public Span {
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("span " + first + ".." + last + " ends before it starts");
            }
        }
    }

    /** The distinct event-date spans of an item, in the order found; empty when it has none. */
    public static List<Span> of(Item item, ItemAnalysis analysis) {
        LinkedHashSet<Span> spans = new LinkedHashSet<>();
        for (ItemAnalysis.Event e : analysis.events()) {
            parse(e.date()).ifPresent(spans::add);
            if (spans.size() >= MAX_SPANS) {
                break;
            }
        }
        if (spans.isEmpty()) {
            parse(item.published()).ifPresent(spans::add);
        }
        return new ArrayList<>(spans);
    }

    /**
     * The span an ISO 8601 value at some precision covers: a day ("2016-08-19", with or without a
     * time after it), an ISO week ("2016-W33"), a month ("2016-06") or a year ("2016"). Empty for
     * anything else.
     */
    public static Optional<Span> parse(String value) {
        String v = value == null ? "" : value.strip();
        try {
            Matcher m;
            if ((m = DAY.matcher(v)).matches()) {
                LocalDate d = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
                return Optional.of(new Span(d, d));
            }
            if ((m = WEEK.matcher(v)).matches()) {
                LocalDate monday = LocalDate.of(num(m, 1), 6, 1)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, num(m, 2))
                        .with(DayOfWeek.MONDAY);
                return Optional.of(new Span(monday, monday.plusDays(6)));
            }
            if ((m = MONTH.matcher(v)).matches()) {
                YearMonth ym = YearMonth.of(num(m, 1), num(m, 2));
                return Optional.of(new Span(ym.atDay(1), ym.atEndOfMonth()));
            }
            if ((m = YEAR.matcher(v)).matches()) {
                int y = num(m, 1);
                return Optional.of(new Span(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
            }
        } catch (DateTimeException e) {
            return Optional.empty(); // "2016-13", "2016-W60": not a date
        }
        return Optional.empty();
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
