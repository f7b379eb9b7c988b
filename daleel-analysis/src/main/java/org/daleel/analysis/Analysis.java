package org.daleel.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TextAnalyzer} found in one text. Lists are in text order; offsets are UTF-16 char
 * offsets into the analysed text. Field names are those of the {@code analyze} JSON in DESIGN.md.
 *
 * @param language ISO 639-1 code of the dominant language ("en", "ar", "fr", ...), or "und" when
 *     it cannot be told (empty text, numbers only); entities are extracted for "en" and "ar" only
 * @param places resolved places
 * @param actors actors and persons
 * @param dates dates
 * @param quantities quantities
 * @param events events
 */
public record Analysis(
        String language,
        List<PlaceMention> places,
        List<ActorMention> actors,
        List<DateMention> dates,
        List<Quantity> quantities,
        List<Event> events) {
    /** Copies the lists. */
    public Analysis {
        Objects.requireNonNull(language, "language");
        places = List.copyOf(places);
        actors = List.copyOf(actors);
        dates = List.copyOf(dates);
        quantities = List.copyOf(quantities);
        events = List.copyOf(events);
    }

    /** An analysis with nothing found. */
    public static Analysis empty(String language) {
        return new Analysis(language, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
