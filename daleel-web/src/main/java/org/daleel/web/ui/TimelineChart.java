package org.daleel.web.ui;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.daleel.search.Facets;
import org.daleel.web.Html;

/**
 * The results page's timeline: two bar charts drawn as inline SVG on the server (no script, no
 * network), the matching items by the month of the events they report and by the month they were
 * captured, with counts over all matches (the timeline facets of the search). A span of more than
 * {@value #MAX_MONTH_BINS} months is drawn by year. Time runs left to right in every page direction
 * (the SVG is {@code dir="ltr"}); figures use Western digits.
 */
final class TimelineChart {
    private static final double WIDTH = 640;
    private static final double BAR_AREA = 90;
    private static final double TOP = 16;
    private static final double AXIS = 18;
    private static final int MAX_MONTH_BINS = 48;
    private static final int MAX_YEAR_BINS = 80;

    private TimelineChart() {}

    /** A bar: its period ("2016-06" or "2016"), its count, and where a click goes ("" for none). */
    private record Bin(String period, long count, String href) {}

    /** Writes the timeline section; nothing when the search has no timeline counts. */
    static void render(Html h, Facets facets, Function<String, String> eventHref) {
        List<Facets.FacetValue> events = facets.of(Facets.EVENT_MONTH);
        List<Facets.FacetValue> captured = facets.of(Facets.CAPTURE_MONTH);
        if (events.isEmpty() && captured.isEmpty()) {
            return;
        }
        h.open("section", "class", "timeline", "aria-label", "Timeline");
        h.element("h2", "Timeline");
        chart(
                h,
                "events",
                "Items by the date of the events they report",
                bins(events, yearCounts(facets.of(Facets.YEAR)), eventHref));
        chart(h, "captured", "Items by the date they were captured or imported", bins(captured, Map.of(), p -> ""));
        h.close("section");
    }

    private static Map<String, Long> yearCounts(List<Facets.FacetValue> years) {
        Map<String, Long> out = new LinkedHashMap<>();
        years.forEach(v -> out.put(v.value(), v.count()));
        return out;
    }

    /**
     * Monthly bins from the first to the last month with items (empty months included, so the axis
     * is true), or yearly bins when that is more than {@value #MAX_MONTH_BINS} months; a year's count
     * is the exact year count when known, else the sum of its months.
     */
    private static List<Bin> bins(
            List<Facets.FacetValue> months, Map<String, Long> exactYears, Function<String, String> href) {
        Map<YearMonth, Long> counts = new LinkedHashMap<>();
        for (Facets.FacetValue v : months) {
            try {
                counts.merge(YearMonth.parse(v.value()), v.count(), Long::sum);
            } catch (DateTimeParseException e) {
                // not a month (an index written by another version): not drawn
            }
        }
        if (counts.isEmpty()) {
            return List.of();
        }
        YearMonth first = counts.keySet().stream().min(YearMonth::compareTo).orElseThrow();
        YearMonth last = counts.keySet().stream().max(YearMonth::compareTo).orElseThrow();
        List<Bin> out = new ArrayList<>();
        if (first.until(last, java.time.temporal.ChronoUnit.MONTHS) < MAX_MONTH_BINS) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                String p = m.toString();
                out.add(new Bin(p, counts.getOrDefault(m, 0L), href.apply(p)));
            }
            return out;
        }
        Map<Integer, Long> byYear = new LinkedHashMap<>();
        counts.forEach((m, c) -> byYear.merge(m.getYear(), c, Long::sum));
        int firstYear = Math.max(first.getYear(), last.getYear() - MAX_YEAR_BINS + 1);
        for (int y = firstYear; y <= last.getYear(); y++) {
            String p = Integer.toString(y);
            long c = exactYears.containsKey(p) ? exactYears.get(p) : byYear.getOrDefault(y, 0L);
            out.add(new Bin(p, c, href.apply(p)));
        }
        return out;
    }

    private static void chart(Html h, String series, String caption, List<Bin> bins) {
        if (bins.isEmpty()) {
            return;
        }
        long max = bins.stream().mapToLong(Bin::count).max().orElse(1);
        double height = TOP + BAR_AREA + AXIS;
        double step = WIDTH / bins.size();
        double barWidth = Math.max(1, Math.min(step * 0.8, 48));
        boolean monthly = bins.getFirst().period().length() == 7;
        h.open("figure", "class", "timeline-chart", "data-series", series);
        h.open(
                "svg",
                "xmlns",
                "http://www.w3.org/2000/svg",
                "viewBox",
                "0 0 " + fmt(WIDTH) + " " + fmt(height),
                "role",
                "img",
                "aria-label",
                caption,
                "dir",
                "ltr");
        h.element("title", caption);
        h.open(
                        "line",
                        "class",
                        "axis",
                        "x1",
                        "0",
                        "x2",
                        fmt(WIDTH),
                        "y1",
                        fmt(TOP + BAR_AREA),
                        "y2",
                        fmt(TOP + BAR_AREA))
                .close("line");
        // A tick label is about 42 pixels wide ("2016-06"): label every bin that leaves room.
        int labelEvery = Math.max(1, (int) Math.ceil(42 / step));
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            double x = i * step + (step - barWidth) / 2;
            double barHeight = max == 0 ? 0 : BAR_AREA * b.count() / max;
            double y = TOP + BAR_AREA - barHeight;
            String tip = b.period() + ": " + b.count() + (b.count() == 1 ? " item" : " items")
                    + (b.href().isEmpty() ? "" : " (click to show them)");
            if (!b.href().isEmpty() && b.count() > 0) {
                h.open("a", "href", b.href(), "class", "bin");
            }
            h.open(
                    "rect",
                    "class",
                    b.count() == 0 ? "bar empty" : "bar",
                    "x",
                    fmt(x),
                    "y",
                    fmt(y),
                    "width",
                    fmt(barWidth),
                    "height",
                    fmt(barHeight),
                    "data-period",
                    b.period(),
                    "data-count",
                    Long.toString(b.count()));
            h.element("title", tip);
            h.close("rect");
            if (b.count() > 0 && step >= 12) {
                h.element(
                        "text",
                        Long.toString(b.count()),
                        "class",
                        "count",
                        "x",
                        fmt(x + barWidth / 2),
                        "y",
                        fmt(y - 3));
            }
            if (!b.href().isEmpty() && b.count() > 0) {
                h.close("a");
            }
            if (i % labelEvery == 0) {
                h.element(
                        "text",
                        b.period(),
                        "class",
                        "tick",
                        "x",
                        fmt(i * step + step / 2),
                        "y",
                        fmt(height - 4),
                        "text-anchor",
                        "middle");
            }
        }
        h.close("svg");
        long total = bins.stream().mapToLong(Bin::count).sum();
        h.element(
                "figcaption",
                caption + (monthly ? ", by month" : ", by year") + ". "
                        + (series.equals("events")
                                ? "An item counts once in each period of its event dates (dates of a whole year only by year)."
                                : total + (total == 1 ? " item." : " items.")));
        h.close("figure");
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
