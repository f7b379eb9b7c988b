package org.daleel.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.daleel.core.InvalidInputException;
import org.daleel.item.ItemKind;
import org.daleel.search.SearchFilter;
import org.daleel.search.SearchQuery;

/**
 * Search parameters as the API and the UI take them: {@code q}, {@code limit}, {@code offset},
 * {@code lang}, {@code kind}, {@code capturedFrom}, {@code capturedTo}, and the filters on the
 * analysis: {@code place} (GeoNames id or name; repeatable, alternatives), {@code actor} (actor
 * id, repeatable), {@code type} (event type code, repeatable), {@code from} and {@code to} (event
 * dates, see {@link SearchFilter}: a day, month or year, both ends inclusive). Capture times are
 * ISO-8601 instants ({@code 2016-12-13T10:00:00Z}) or days ({@code 2016-12-13}); a day in
 * {@code capturedTo} includes the whole day. {@code q} may be empty when a filter is given.
 */
public final class SearchParams {
    /** Hits per page when {@code limit} is not given. */
    public static final int DEFAULT_LIMIT = 20;

    private SearchParams() {}

    /** The query of a request; {@link InvalidInputException} naming the bad parameter. */
    public static SearchQuery of(Context ctx) {
        String kind = text(ctx, "kind");
        return new SearchQuery(
                text(ctx, "q"),
                text(ctx, "lang"),
                kind.isEmpty() ? "" : ItemKind.parse(kind).label(),
                instant(ctx, "capturedFrom", false),
                instant(ctx, "capturedTo", true),
                integer(ctx, "offset", 0),
                integer(ctx, "limit", DEFAULT_LIMIT),
                filter(ctx));
    }

    /** The filters on the analysis of a request. */
    public static SearchFilter filter(Context ctx) {
        return new SearchFilter(
                ctx.queryParams("place"),
                ctx.queryParams("actor"),
                ctx.queryParams("type"),
                SearchFilter.bound("parameter from", text(ctx, "from"), false),
                SearchFilter.bound("parameter to", text(ctx, "to"), true));
    }

    /** A whole-number parameter, or {@code fallback} when absent or empty. */
    public static int integer(Context ctx, String name, int fallback) {
        String v = text(ctx, name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("parameter " + name + "='" + v + "' is not a whole number");
        }
    }

    /** A parameter's trimmed text, "" when absent. */
    public static String text(Context ctx, String name) {
        return Objects.requireNonNullElse(ctx.queryParam(name), "").strip();
    }

    private static Instant instant(Context ctx, String name, boolean endOfDay) {
        String v = text(ctx, name);
        if (v.isEmpty()) {
            return null; // SearchQuery's "no bound"
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "parameter " + name + "='" + v + "' is not a date: use 2016-12-13 or 2016-12-13T10:00:00Z");
        }
    }
}
