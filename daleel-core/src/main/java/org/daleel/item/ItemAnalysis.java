package org.daleel.item;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the analysis of one item found: the places it is about (named in its text, or where its
 * picture was taken), actors, dates, events and quantities. Stored per item in the catalog (a side table, the
 * {@link Item} itself is never changed) and handed to the search index for filters and facets.
 *
 * <p>Offsets are UTF-16 char offsets into the item's {@link Item#text()}. Lists are in text order;
 * places from a picture's metadata come after those of the text.
 *
 * <p><b>Fatalities without double counting</b> ({@link #fatalities(int)} of one sentence, {@link
 * #mainEventFatalities()} of the main incident, the {@code fatalities} of the CSV and GeoJSON
 * exports). Reports repeat their figures: the headline says "7 killed", the lead "seven people
 * were killed", a later clause "the seven dead included two children". ACLED codes one conservative
 * figure per event, so figures about the same dead are not added: each "killed" figure gets the
 * place named after it in its sentence (up to the next killed figure), figures at the same place or
 * at none count as the largest of them, and only figures at distinct places ("five killed in Douma
 * and three in Harasta", "قتل خمسة في دوما وثلاثة في حرستا") add up, as separate incidents; a figure
 * at a place containing another figure's place (its governorate or country) is a total and is not
 * added either. The count is then the larger of the sum over distinct places and the largest figure
 * without a place. Two attacks at the same place on the same day reported by one item therefore
 * count as the larger one: the rule undercounts rather than double counts.
 *
 * @param version the analyzer version that produced it ({@link ItemAnalyzer#version()}), so that a
 *     newer gazetteer or thesaurus can re-analyse stale items
 * @param language language the analyzer saw ("en", "ar", "und", ...)
 * @param places resolved places
 * @param actors actors and named persons
 * @param dates dates normalised against the publication date
 * @param events events in the controlled vocabulary
 * @param quantities numbers with what they count (people killed, wounded, displaced, ...)
 */
public record ItemAnalysis(
        String version,
        String language,
        List<Place> places,
        List<Actor> actors,
        List<DateMention> dates,
        List<Event> events,
        List<Quantity> quantities) {

    /** Validates and copies. */
    public ItemAnalysis {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(language, "language");
        places = List.copyOf(places);
        actors = List.copyOf(actors);
        dates = List.copyOf(dates);
        events = List.copyOf(events);
        quantities = List.copyOf(quantities);
        for (Quantity q : quantities) {
            if (q.event() >= events.size()) {
                throw new IllegalArgumentException("quantity '" + q.text() + "': event " + q.event()
                        + " does not exist, the analysis has " + events.size() + " events");
            }
        }
    }

    /** An analysis without quantities (analyses stored before quantities were kept). */
    public ItemAnalysis(
            String version,
            String language,
            List<Place> places,
            List<Actor> actors,
            List<DateMention> dates,
            List<Event> events) {
        this(version, language, places, actors, dates, events, List.of());
    }

    /** An analysis that found nothing (for items without text). */
    public static ItemAnalysis empty(String version, String language) {
        return new ItemAnalysis(version, language, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** True when nothing was found. */
    public boolean isEmpty() {
        return places.isEmpty() && actors.isEmpty() && dates.isEmpty() && events.isEmpty() && quantities.isEmpty();
    }

    /**
     * The item's main event: its first dated event (a headline usually names the event without a
     * date, the lead sentence then dates it), else its first event; -1 when it reports none.
     */
    public int mainEvent() {
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).date().isEmpty()) {
                return i;
            }
        }
        return events.isEmpty() ? -1 : 0;
    }

    /**
     * ACLED-style fatalities of the item's {@link #mainEvent()}: the "killed" figures tied to it or
     * to another event of the same incident, that is of the same type, on the same date or undated,
     * and at a shared place or with no place (a headline and the sentence that tells it), counted
     * by the {@linkplain ItemAnalysis rule against double counting}. Zero when it reports no event.
     */
    public long mainEventFatalities() {
        int main = mainEvent();
        if (main < 0) {
            return 0;
        }
        Event m = events.get(main);
        List<Integer> incident = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (i == main
                    || (e.type().equals(m.type())
                            && (e.date().isEmpty() || e.date().equals(m.date()))
                            && (e.places().isEmpty()
                                    || m.places().isEmpty()
                                    || e.places().stream().anyMatch(m.places()::contains)))) {
                incident.add(i);
            }
        }
        return dead(incident);
    }

    /**
     * ACLED-style fatalities of event {@code event} (an index into {@link #events()}): the "killed"
     * figures tied to that event (reported in its sentence; a figure is tied to one event even when
     * its sentence reports several types), counted by the {@linkplain ItemAnalysis rule against
     * double counting}; approximate figures count with the lower bound the text gives ("dozens" 12,
     * "more than 20" 20). Zero when no killed figure is tied to it.
     */
    public long fatalities(int event) {
        return event < 0 || event >= events.size() ? 0 : dead(List.of(event));
    }

    /**
     * The dead of the figures of {@code incident} (event indexes): each figure's own place is the
     * first place named in its sentence from the figure's start up to the sentence's next killed
     * figure ("five killed in Douma and three in Harasta"); figures of the same own place, and
     * figures without one, repeat or overlap each other ("7 killed" in the headline, "seven people
     * were killed" in the lead, "the seven dead included two children") and count as their largest;
     * the largest figures of distinct places are separate incidents and add up, unless a place
     * contains another's (its governorate or country: a total). The result is the larger of that
     * sum and the largest figure without a place or at a containing place.
     */
    private long dead(List<Integer> incident) {
        Map<Long, Long> byPlace = new LinkedHashMap<>();
        long unplaced = 0;
        for (int i : incident) {
            Event e = events.get(i);
            List<Quantity> killed = quantities.stream()
                    .filter(q -> q.event() == i && q.what().equals(Quantity.KILLED))
                    .sorted(java.util.Comparator.comparingInt(Quantity::start))
                    .toList();
            for (int k = 0; k < killed.size(); k++) {
                Quantity q = killed.get(k);
                long value = (long) Math.floor(q.value());
                int limit = k + 1 < killed.size() ? killed.get(k + 1).start() : e.end();
                long place = ownPlace(q.start(), limit);
                if (place < 0) {
                    unplaced = Math.max(unplaced, value);
                } else {
                    byPlace.merge(place, value, Math::max);
                }
            }
        }
        long separate = 0;
        long totals = unplaced;
        for (Map.Entry<Long, Long> p : byPlace.entrySet()) {
            if (containsAnother(p.getKey(), byPlace.keySet())) {
                totals = Math.max(totals, p.getValue());
            } else {
                separate += p.getValue();
            }
        }
        return Math.max(totals, separate);
    }

    /** GeoNames id of the first place named in the text in {@code [from, limit)}, or -1. */
    private long ownPlace(int from, int limit) {
        long found = -1;
        int at = Integer.MAX_VALUE;
        for (Place p : places) {
            if (p.source() instanceof PlaceSource.InText t && t.start() >= from && t.end() <= limit && t.start() < at) {
                at = t.start();
                found = p.geonameId();
            }
        }
        return found;
    }

    private boolean containsAnother(long area, java.util.Set<Long> placeIds) {
        for (Place p : places) {
            if (p.geonameId() != area
                    && placeIds.contains(p.geonameId())
                    && p.within().stream().anyMatch(w -> w.geonameId() == area)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A place the item is about, resolved to GeoNames.
     *
     * @param geonameId GeoNames id
     * @param name display name (English or Latin transliteration)
     * @param nameAr Arabic name, or ""
     * @param countryCode ISO 3166-1 alpha-2 code
     * @param admin1 GeoNames admin1 code ("09" is Aleppo governorate), "" for a country or when unknown
     * @param featureCode GeoNames feature code (PPL, PPLA, ADM1, PCLI, ...), "" when unknown
     * @param lat latitude of the gazetteer place (WGS84)
     * @param lon longitude of the gazetteer place (WGS84)
     * @param within the larger areas that contain it, smallest first: its first-level division
     *     (governorate) and its country, each with its GeoNames id; empty for a country
     * @param source where the place came from: a mention in the text, or a picture's GPS position
     */
    public record Place(
            long geonameId,
            String name,
            String nameAr,
            String countryCode,
            String admin1,
            String featureCode,
            double lat,
            double lon,
            List<Area> within,
            PlaceSource source) {
        /** Validates and copies. */
        public Place {
            if (geonameId <= 0) {
                throw new IllegalArgumentException(
                        "place " + name + ": GeoNames id must be positive, got " + geonameId);
            }
            Objects.requireNonNull(name, "name");
            nameAr = Objects.requireNonNullElse(nameAr, "");
            Objects.requireNonNull(countryCode, "countryCode");
            admin1 = Objects.requireNonNullElse(admin1, "");
            featureCode = Objects.requireNonNullElse(featureCode, "");
            within = List.copyOf(within);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * An area containing a place.
     *
     * @param geonameId GeoNames id of the area
     * @param name display name
     * @param level what kind of area
     */
    public record Area(long geonameId, String name, AreaLevel level) {
        /** Validates. */
        public Area {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(level, "level");
        }
    }

    /** Levels of containing areas. */
    public enum AreaLevel {
        /** A first-level division: governorate, province, oblast. */
        ADMIN1,
        /** A country. */
        COUNTRY
    }

    /** Where a place of an item came from. */
    public sealed interface PlaceSource {
        /** The label used in JSON and the catalog: "text" or "exif". */
        String label();

        /**
         * A mention in the item's text.
         *
         * @param text the mention as written
         * @param start UTF-16 offset in the item's text
         * @param end end offset (exclusive)
         */
        record InText(String text, int start, int end) implements PlaceSource {
            /** Validates. */
            public InText {
                Objects.requireNonNull(text, "text");
                checkSpan(start, end);
            }

            @Override
            public String label() {
                return "text";
            }
        }

        /**
         * The GPS position written into the item's picture (EXIF), reverse-geocoded to the nearest
         * populated place of the gazetteer.
         *
         * @param lat latitude as written in the picture
         * @param lon longitude as written in the picture
         * @param distanceKm distance from that position to the place
         */
        record Exif(double lat, double lon, double distanceKm) implements PlaceSource {
            /** Validates. */
            public Exif {
                if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) || !(distanceKm >= 0)) {
                    throw new IllegalArgumentException(
                            "EXIF position out of range: " + lat + ", " + lon + " (" + distanceKm + " km)");
                }
            }

            @Override
            public String label() {
                return "exif";
            }
        }
    }

    /**
     * An actor named in the text.
     *
     * @param text the mention as written
     * @param start UTF-16 offset
     * @param end end offset (exclusive)
     * @param id thesaurus id ("islamic-state") or "person:" and the normalised name
     * @param name canonical name
     * @param type ACLED-style actor type label
     * @param role a person's role as written, or ""
     */
    public record Actor(String text, int start, int end, String id, String name, String type, String role) {
        /** Validates. */
        public Actor {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            role = Objects.requireNonNullElse(role, "");
            checkSpan(start, end);
        }
    }

    /**
     * A date expression.
     *
     * @param text as written
     * @param start UTF-16 offset
     * @param end end offset (exclusive)
     * @param value ISO 8601 at the precision the text gives ("2016", "2016-06", "2016-W33", "2016-08-19")
     */
    public record DateMention(String text, int start, int end, String value) {
        /** Validates. */
        public DateMention {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(value, "value");
            checkSpan(start, end);
        }
    }

    /**
     * An event reported in one sentence.
     *
     * @param type event type code ("shelling", "air_drone_strike")
     * @param label human label of the type ("Shelling, artillery or missile attack")
     * @param text the sentence
     * @param start UTF-16 offset of the sentence
     * @param end end offset (exclusive)
     * @param actors ids of the actors in the sentence
     * @param places GeoNames ids of the places where it happened
     * @param date ISO 8601 date of the event at the precision known, "" when the text gives none
     */
    public record Event(
            String type,
            String label,
            String text,
            int start,
            int end,
            List<String> actors,
            List<Long> places,
            String date) {
        /** Validates and copies. */
        public Event {
            Objects.requireNonNull(type, "type");
            label = Objects.requireNonNullElse(label, type);
            Objects.requireNonNull(text, "text");
            actors = List.copyOf(actors);
            places = List.copyOf(places);
            date = Objects.requireNonNullElse(date, "");
            checkSpan(start, end);
        }
    }

    /**
     * A number in the text with what it counts, and the place, actors and date it is tied to when
     * it is reported in the sentence of an event.
     *
     * @param text the expression as written ("12 civilians were killed", "87% of Aleppo province")
     * @param start UTF-16 offset
     * @param end end offset (exclusive)
     * @param value the number; for "dozens", "hundreds", "عشرات" the lower bound of the range the word
     *     means, with {@code approximate}
     * @param approximate true when the text gives no exact figure ("about 300", "more than 20", "dozens")
     * @param unit what it is measured in: "people", "families", "villages", "%", "km²", "km", "hours", ...
     * @param what what is counted: "killed", "wounded", "displaced", "detained", "missing",
     *     "casualties", "villages", "area", "duration", "distance", "area of Aleppo", or the counted noun
     * @param event index into {@link ItemAnalysis#events()} of the event whose sentence reports it, or -1
     * @param places GeoNames ids of the places it is tied to: the event's places, and a place named
     *     inside the expression itself ("87% of Aleppo province")
     * @param actors ids of the actors of its event
     * @param date ISO 8601 date of its event at the precision known, "" when unknown
     */
    public record Quantity(
            String text,
            int start,
            int end,
            double value,
            boolean approximate,
            String unit,
            String what,
            int event,
            List<Long> places,
            List<String> actors,
            String date) {
        /** What counts people killed: the figures ACLED-style fatalities add up. */
        public static final String KILLED = "killed";

        /** Validates and copies. */
        public Quantity {
            Objects.requireNonNull(text, "text");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("quantity '" + text + "': value must be finite, got " + value);
            }
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(what, "what");
            if (event < -1) {
                throw new IllegalArgumentException("quantity '" + text + "': event index must be -1 or more");
            }
            places = List.copyOf(places);
            actors = List.copyOf(actors);
            date = Objects.requireNonNullElse(date, "");
            checkSpan(start, end);
        }

        /** True when the value is a whole number (a count rather than a measure). */
        public boolean whole() {
            return value == Math.rint(value) && Math.abs(value) < 1e15;
        }
    }

    private static void checkSpan(int start, int end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
