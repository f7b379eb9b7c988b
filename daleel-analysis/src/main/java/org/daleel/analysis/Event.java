package org.daleel.analysis;

import java.util.List;
import java.util.Objects;

/**
 * An event reported in one sentence, in the controlled vocabulary of {@link EventType}.
 *
 * @param type the event type code ({@link EventType#code()}, e.g. "shelling")
 * @param text the sentence
 * @param start UTF-16 offset of the sentence in the analysed text
 * @param end end offset (exclusive)
 * @param actors ids of the actors named in the sentence
 * @param places GeoNames ids of the places where it happened (places used only as a reference,
 *     "south-west of Damascus", are left out when another place is named)
 * @param date ISO 8601 value of the date in the sentence, or of the last date before it in the same
 *     paragraph; "" when the text gives none
 */
public record Event(String type, String text, int start, int end, List<String> actors, List<Long> places, String date) {
    /** Validates the type and copies the lists. */
    public Event {
        EventType.parse(type);
        Objects.requireNonNull(text, "text");
        actors = List.copyOf(actors);
        places = List.copyOf(places);
        Objects.requireNonNull(date, "date");
        Spans.check(start, end);
    }

    /** The type as an enum constant. */
    public EventType eventType() {
        return EventType.parse(type);
    }
}
