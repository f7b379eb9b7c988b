package org.daleel.analysis.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A report annotated by hand: its expected language, publication date, text, place mentions with
 * their GeoNames ids, the event types it reports and the thesaurus actors it names.
 *
 * @param id document id, unique within its set ("en-01", "t-ar-07")
 * @param set the set it belongs to ("dev", "test", or the file name of a user's gold file)
 * @param lang expected language, "en" or "ar"
 * @param published publication date (the anchor of relative dates)
 * @param text the report
 * @param places place mentions in text order, traps and unscored places included
 * @param dates annotated date expressions in text order (not every date of the text need be annotated)
 * @param events event type codes ({@link org.daleel.analysis.EventType#code()})
 * @param actors actor thesaurus ids (persons are not annotated)
 */
public record GoldDocument(
        String id,
        String set,
        String lang,
        LocalDate published,
        String text,
        List<GoldPlace> places,
        List<GoldDate> dates,
        Set<String> events,
        Set<String> actors) {
    /** Copies the collections. */
    public GoldDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(text, "text");
        places = List.copyOf(places);
        dates = List.copyOf(dates);
        events = Set.copyOf(events);
        actors = Set.copyOf(actors);
    }
}
