package org.daleel.analysis.place;

import java.util.Objects;
import org.daleel.analysis.gazetteer.GazetteerPlace;

/**
 * A place mention resolved to a gazetteer place.
 *
 * @param start UTF-16 offset of the mention (including modifiers such as "rural" or "province")
 * @param end end offset (exclusive)
 * @param firstToken index of the first token of the mention
 * @param lastToken index of the last token of the mention
 * @param place the resolved place (never context-only)
 * @param reference true when the text uses the place only to locate another one ("south-west of
 *     Damascus", "20 km north of Aleppo")
 * @param adjective true when the mention is a demonym or adjective of {@code place}, a country
 *     ("Georgian", "Israelis"): it tells which country, not where
 */
public record ResolvedPlace(
        int start, int end, int firstToken, int lastToken, GazetteerPlace place, boolean reference, boolean adjective) {
    /** Validates the span. */
    public ResolvedPlace {
        Objects.requireNonNull(place, "place");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("place span: expected 0 <= start <= end, found " + start + ".." + end);
        }
    }
}
