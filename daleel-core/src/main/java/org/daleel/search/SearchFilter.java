package org.daleel.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.daleel.core.InvalidInputException;

/**
 * Filters on what the analysis of items found (see {@link org.daleel.item.ItemAnalysis}). Values of
 * one list are alternatives (OR); different lists must all match (AND).
 *
 * <p>Dates: an item's <em>event dates</em> are the dates its text gives for the events it reports
 * (an ISO value at the precision known: a day, an ISO week, a month or a year, each meaning that
 * whole span). An item none of whose events is dated uses the publication date its source states
 * instead. Capture time is never an event date (the capture filters of {@link SearchQuery} cover
 * it). An item matches {@code dateFrom..dateTo} when one of its event dates overlaps that span
 * (both ends inclusive, either may be absent); items with no date at all never match a date
 * filter.
 *
 * @param places GeoNames ids, or names to be resolved by the archive; an item matches a place when
 *     it names the place itself or a place inside it (a village matches its governorate and its
 *     country)
 * @param actors actor ids ("islamic-state", "person:riyad hijab")
 * @param eventTypes event type codes ("shelling", "air_drone_strike")
 * @param dateFrom first day of the event-date range, or {@code null}
 * @param dateTo last day of the event-date range (inclusive), or {@code null}
 */
public record SearchFilter(
        List<String> places, List<String> actors, List<String> eventTypes, LocalDate dateFrom, LocalDate dateTo) {

    /** No filter. */
    public static final SearchFilter NONE = new SearchFilter(List.of(), List.of(), List.of(), null, null);

    /** Copies, drops blank values and checks the range. */
    public SearchFilter {
        places = clean(places);
        actors = clean(actors);
        eventTypes = clean(eventTypes);
        if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
            throw new InvalidInputException("date range " + dateFrom + ".." + dateTo + " ends before it starts");
        }
    }

    /** True when nothing is filtered. */
    public boolean isEmpty() {
        return places.isEmpty() && actors.isEmpty() && eventTypes.isEmpty() && dateFrom == null && dateTo == null;
    }

    /** The same filter with these places. */
    public SearchFilter withPlaces(List<String> newPlaces) {
        return new SearchFilter(newPlaces, actors, eventTypes, dateFrom, dateTo);
    }

    /**
     * A bound of the event-date range as a user writes it: a day (2016-12-13), a month (2016-12) or
     * a year (2016); a start bound is the first day of that span, an end bound its last day.
     *
     * @param name the option or parameter, for the error message
     * @return the day, or {@code null} for a blank value (no bound)
     * @throws InvalidInputException naming {@code name} and the value when it is not a date
     */
    public static LocalDate bound(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        EventDates.Span span = EventDates.parse(value.strip())
                .filter(x -> !value.contains("W"))
                .orElseThrow(() -> new InvalidInputException(
                        name + " '" + value + "' is not a date: use 2016-12-13, 2016-12 or 2016"));
        return end ? span.last() : span.first();
    }

    private static List<String> clean(List<String> values) {
        return Objects.requireNonNullElse(values, List.<String>of()).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }
}
