package org.daleel.app;

import java.util.List;
import org.daleel.analysis.EventType;
import org.daleel.core.InvalidInputException;
import org.daleel.search.SearchFilter;
import picocli.CommandLine.Option;

/** The analysis filters of {@code search} and {@code export}: place, actor, event type, event dates. */
final class FilterOptions {
    @Option(
            names = "--place",
            paramLabel = "P",
            description = "Only items about this place or a place inside it: a GeoNames id or a name (English"
                    + " or Arabic: Aleppo, Syria, ريف دمشق). Repeat for alternatives.")
    List<String> places = List.of();

    @Option(
            names = "--actor",
            paramLabel = "A",
            description = "Only items naming this actor id (islamic-state, syrian-government-forces, ...)."
                    + " Repeat for alternatives.")
    List<String> actors = List.of();

    @Option(
            names = "--type",
            paramLabel = "T",
            description = "Only items reporting an event of this type (air_drone_strike, shelling, siege,"
                    + " evacuation, ...). Repeat for alternatives.")
    List<String> types = List.of();

    @Option(
            names = "--from",
            paramLabel = "D",
            description =
                    "Only items with an event date on or after this day, month or year (2016-12-13, 2016-12, 2016).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "D",
            description = "Only items with an event date on or before this day, month or year (inclusive).")
    String to;

    /** The filter; {@link InvalidInputException} naming a bad event type or date. */
    SearchFilter filter() {
        List<String> codes = types.stream()
                .map(t -> {
                    try {
                        return EventType.parse(t).code();
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException("--type: " + e.getMessage());
                    }
                })
                .toList();
        return new SearchFilter(
                places, actors, codes, SearchFilter.bound("--from", from, false), SearchFilter.bound("--to", to, true));
    }
}
