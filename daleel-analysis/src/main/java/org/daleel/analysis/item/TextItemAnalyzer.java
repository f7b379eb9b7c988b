package org.daleel.analysis.item;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.daleel.analysis.ActorMention;
import org.daleel.analysis.Analysis;
import org.daleel.analysis.DateMention;
import org.daleel.analysis.Event;
import org.daleel.analysis.PlaceMention;
import org.daleel.analysis.Quantity;
import org.daleel.analysis.TextAnalyzer;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.gazetteer.GazetteerPlace;
import org.daleel.analysis.text.Normalizer;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemAnalyzer;
import org.daleel.meta.GpsPosition;

/**
 * {@link ItemAnalyzer} on {@link TextAnalyzer}: the item's text is analysed with its stated
 * publication date as the anchor of relative dates; every place gets the first-level division and
 * country that contain it; a picture's GPS position becomes the nearest populated place of the
 * gazetteer ({@link NearestPlaces}), with source "exif".
 *
 * <p>The text analyzer (gazetteer and thesaurus) is loaded on first use, so that commands that
 * never analyse (a search by GeoNames id) do not pay for it. Thread-safe.
 */
public final class TextItemAnalyzer implements ItemAnalyzer {
    /** Bump when the mapping from {@link Analysis} to {@link ItemAnalysis} changes. */
    private static final int MAPPING_VERSION = 2;

    /** Text beyond this many chars is not analysed (a bound on time; offsets stay valid). */
    static final int MAX_CHARS = 1_000_000;

    private final Supplier<TextAnalyzer> analyzer;
    private volatile Loaded loaded;

    private record Loaded(TextAnalyzer analyzer, String version, NearestPlaces nearest) {}

    /** An item analyzer over {@code analyzer}, loaded when first needed. */
    public TextItemAnalyzer(Supplier<TextAnalyzer> analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** An item analyzer over the shipped gazetteer and thesaurus. */
    public static TextItemAnalyzer loadingDefault() {
        return new TextItemAnalyzer(TextAnalyzer::loadDefault);
    }

    /**
     * A cheap stamp of what the version of {@link #loadingDefault()} depends on: this class and the
     * default gazetteer and thesaurus resources (where each is, its size and time), read without
     * loading them. While it is unchanged, so is that version; a caller may cache the version under
     * it and spare a short command the gazetteer load.
     */
    public static String defaultDataStamp() {
        StringBuilder b = new StringBuilder("mapping-").append(MAPPING_VERSION);
        for (String resource : List.of(
                "/org/daleel/analysis/item/TextItemAnalyzer.class",
                "/org/daleel/analysis/gazetteer/default.gaz",
                "/org/daleel/analysis/actor/actors.tsv")) {
            java.net.URL url = TextItemAnalyzer.class.getResource(resource);
            b.append('|').append(url);
            if (url != null) {
                try {
                    java.net.URLConnection c = url.openConnection();
                    c.setUseCaches(false);
                    b.append('|').append(c.getContentLengthLong()).append('|').append(c.getLastModified());
                    c.getInputStream().close();
                } catch (java.io.IOException e) {
                    b.append("|unreadable");
                }
            }
        }
        return b.toString();
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    TextAnalyzer a = analyzer.get();
                    String version = "text-" + MAPPING_VERSION + "/places-"
                            + a.gazetteer().size() + "/actors-"
                            + a.thesaurus().entries().size();
                    l = new Loaded(a, version, new NearestPlaces(a.gazetteer()));
                    loaded = l;
                }
            }
        }
        return l;
    }

    @Override
    public String version() {
        return loaded().version();
    }

    @Override
    public ItemAnalysis analyze(Item item, Optional<GpsPosition> gps) {
        Loaded l = loaded();
        String text = item.text();
        if (text.length() > MAX_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            text = text.substring(0, end);
        }
        Analysis a = l.analyzer().analyze(text, published(item.published()));
        Gazetteer g = l.analyzer().gazetteer();
        List<ItemAnalysis.Place> places = new ArrayList<>(a.places().size() + 1);
        for (PlaceMention p : a.places()) {
            if (p.adjective()) {
                continue; // "Georgian" tells which country, not where: no map pin, facet or event place
            }
            Optional<GazetteerPlace> gp = g.find(p.geonameId());
            places.add(new ItemAnalysis.Place(
                    p.geonameId(),
                    p.name(),
                    gp.map(GazetteerPlace::nameAr).orElse(""),
                    p.countryCode(),
                    p.admin1(),
                    gp.map(GazetteerPlace::featureCode).orElse(""),
                    p.lat(),
                    p.lon(),
                    within(g, gp.orElse(null), p.countryCode(), p.admin1()),
                    new ItemAnalysis.PlaceSource.InText(p.text(), p.start(), p.end())));
        }
        gps.flatMap(pos -> exifPlace(l, pos)).ifPresent(places::add);
        List<ItemAnalysis.Actor> actors = new ArrayList<>(a.actors().size());
        for (ActorMention m : a.actors()) {
            actors.add(new ItemAnalysis.Actor(m.text(), m.start(), m.end(), m.id(), m.name(), m.type(), m.role()));
        }
        List<ItemAnalysis.DateMention> dates = new ArrayList<>(a.dates().size());
        for (DateMention d : a.dates()) {
            dates.add(new ItemAnalysis.DateMention(d.text(), d.start(), d.end(), d.value()));
        }
        List<ItemAnalysis.Event> events = new ArrayList<>(a.events().size());
        for (Event e : a.events()) {
            events.add(new ItemAnalysis.Event(
                    e.type(),
                    EventLabels.label(e.eventType()),
                    e.text(),
                    e.start(),
                    e.end(),
                    e.actors(),
                    e.places(),
                    e.date()));
        }
        return new ItemAnalysis(
                l.version(), a.language(), places, actors, dates, events, quantities(a.quantities(), a, events));
    }

    /**
     * Ties each quantity to the event whose sentence holds it (its places, actors and date), and to
     * the places named inside the quantity itself ("87% of Aleppo province").
     */
    static List<ItemAnalysis.Quantity> quantities(List<Quantity> found, Analysis a, List<ItemAnalysis.Event> events) {
        List<ItemAnalysis.Quantity> out = new ArrayList<>(found.size());
        for (Quantity q : found) {
            int event = -1;
            for (int i = 0; i < events.size() && event < 0; i++) {
                ItemAnalysis.Event e = events.get(i);
                if (e.start() <= q.start() && q.end() <= e.end()) {
                    event = i;
                }
            }
            java.util.LinkedHashSet<Long> places = new java.util.LinkedHashSet<>();
            List<String> actors = List.of();
            String date = "";
            if (event >= 0) {
                ItemAnalysis.Event e = events.get(event);
                places.addAll(e.places());
                actors = e.actors();
                date = e.date();
            }
            for (PlaceMention p : a.places()) {
                if (q.start() <= p.start() && p.end() <= q.end()) {
                    places.add(p.geonameId());
                }
            }
            out.add(new ItemAnalysis.Quantity(
                    q.text(),
                    q.start(),
                    q.end(),
                    q.value().doubleValue(),
                    q.approximate(),
                    q.unit(),
                    q.what(),
                    event,
                    List.copyOf(places),
                    actors,
                    date));
        }
        return out;
    }

    private static Optional<LocalDate> published(String published) {
        if (published.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(published.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The first-level division and country containing a place, smallest first. */
    static List<ItemAnalysis.Area> within(Gazetteer g, GazetteerPlace place, String countryCode, String admin1) {
        List<ItemAnalysis.Area> out = new ArrayList<>(2);
        boolean isCountry = place != null && place.isCountry();
        boolean isAdmin1 = place != null && place.isAdmin1();
        if (!isCountry && !isAdmin1 && !admin1.isEmpty()) {
            int i = g.admin1Index(countryCode, admin1);
            if (i >= 0 && g.place(i).geonameId() > 0) {
                out.add(new ItemAnalysis.Area(
                        g.place(i).geonameId(), g.place(i).name(), ItemAnalysis.AreaLevel.ADMIN1));
            }
        }
        if (!isCountry) {
            int i = g.countryIndex(countryCode);
            if (i >= 0 && g.place(i).geonameId() > 0) {
                out.add(new ItemAnalysis.Area(
                        g.place(i).geonameId(), g.place(i).name(), ItemAnalysis.AreaLevel.COUNTRY));
            }
        }
        return out;
    }

    private static Optional<ItemAnalysis.Place> exifPlace(Loaded l, GpsPosition pos) {
        Gazetteer g = l.analyzer().gazetteer();
        return l.nearest().nearest(pos.latitude(), pos.longitude()).map(i -> {
            GazetteerPlace p = g.place(i);
            double km = GazetteerPlace.distanceKm(pos.latitude(), pos.longitude(), p.lat(), p.lon());
            return new ItemAnalysis.Place(
                    p.geonameId(),
                    p.name(),
                    p.nameAr(),
                    p.countryCode(),
                    p.admin1(),
                    p.featureCode(),
                    p.lat(),
                    p.lon(),
                    within(g, p, p.countryCode(), p.admin1()),
                    new ItemAnalysis.PlaceSource.Exif(pos.latitude(), pos.longitude(), Math.round(km * 1000) / 1000.0));
        });
    }

    @Override
    public Optional<KnownPlace> findPlace(String nameOrId) {
        String v = nameOrId == null ? "" : nameOrId.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Gazetteer g = loaded().analyzer().gazetteer();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9') && v.length() <= 18) {
            return g.find(Long.parseLong(v)).map(TextItemAnalyzer::known);
        }
        Optional<GazetteerPlace> byName = bestNamed(g, Normalizer.key(v));
        if (byName.isPresent()) {
            return byName.map(TextItemAnalyzer::known);
        }
        // Phrases the recogniser understands: "Aleppo province", "rural Damascus", "ريف دمشق".
        Analysis a = loaded().analyzer().analyze(v, Optional.empty());
        if (a.places().size() == 1) {
            return g.find(a.places().get(0).geonameId()).map(TextItemAnalyzer::known);
        }
        return Optional.empty();
    }

    /** Among the places with this exact name key: a country, else a first-level division, else the most populous. */
    private static Optional<GazetteerPlace> bestNamed(Gazetteer g, String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        int k = g.names().find(key);
        if (k < 0) {
            return Optional.empty();
        }
        GazetteerPlace best = null;
        for (int p = g.names().from(k); p < g.names().to(k); p++) {
            GazetteerPlace c = g.place(g.names().posting(p) >>> 1);
            if (c.contextOnly() || c.historical()) {
                continue;
            }
            if (best == null || rank(c) > rank(best) || (rank(c) == rank(best) && c.population() > best.population())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(GazetteerPlace p) {
        return p.isCountry() ? 2 : p.isAdmin1() ? 1 : 0;
    }

    private static KnownPlace known(GazetteerPlace p) {
        return new KnownPlace(p.geonameId(), p.name(), p.countryCode(), p.featureCode());
    }
}
