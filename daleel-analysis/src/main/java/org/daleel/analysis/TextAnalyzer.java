package org.daleel.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.daleel.analysis.actor.ActorRecognizer;
import org.daleel.analysis.actor.ActorRecognizer.ActorMatch;
import org.daleel.analysis.actor.ActorThesaurus;
import org.daleel.analysis.actor.PersonNames;
import org.daleel.analysis.date.DateRecognizer;
import org.daleel.analysis.date.DateRecognizer.DateMatch;
import org.daleel.analysis.event.EventClassifier;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.place.PlaceRecognizer;
import org.daleel.analysis.place.ResolvedPlace;
import org.daleel.analysis.quantity.QuantityRecognizer;
import org.daleel.analysis.quantity.QuantityRecognizer.QuantityMatch;
import org.daleel.analysis.text.LanguageGuess;
import org.daleel.analysis.text.Tokenizer;
import org.daleel.analysis.text.Tokens;

/**
 * Understands a report in English or Arabic: its language, the places it names (resolved to
 * GeoNames with the document as context), actors, dates normalised against the publication date,
 * quantities with what they count, and events in the {@link EventType} vocabulary.
 *
 * <p>Build it once ({@link #loadDefault()} or the constructor) and share it: it is immutable and
 * thread-safe, and {@link #analyze} keeps no state between calls. {@code analyze} never throws on
 * bad text: empty text, markup, lone surrogates, other languages give an {@link Analysis} whose
 * language says what was seen and whose lists hold only what was found (nothing for a language other
 * than English or Arabic). Time is linear in the text length.
 */
public final class TextAnalyzer {
    private final Gazetteer gazetteer;
    private final ActorThesaurus thesaurus;
    private final PlaceRecognizer places;
    private final ActorRecognizer actors;
    private final Duration loadTime;

    /** Creates an analyzer over a gazetteer and an actor thesaurus. */
    public TextAnalyzer(Gazetteer gazetteer, ActorThesaurus thesaurus) {
        this(gazetteer, thesaurus, Duration.ZERO);
    }

    private TextAnalyzer(Gazetteer gazetteer, ActorThesaurus thesaurus, Duration loadTime) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.thesaurus = Objects.requireNonNull(thesaurus, "thesaurus");
        this.places = new PlaceRecognizer(gazetteer);
        this.actors = new ActorRecognizer(thesaurus);
        this.loadTime = loadTime;
    }

    /**
     * Loads the shipped gazetteer and actor thesaurus from the classpath; {@link #loadTime()} tells
     * how long it took.
     */
    public static TextAnalyzer loadDefault() {
        return loadDefault(List.of());
    }

    /** Like {@link #loadDefault()}, with the thesaurus extended by {@code extraActorFiles}. */
    public static TextAnalyzer loadDefault(List<Path> extraActorFiles) {
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.loadDefault();
        ActorThesaurus th = ActorThesaurus.load(extraActorFiles);
        return new TextAnalyzer(g, th, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Like {@link #loadDefault(List)}, with the gazetteer of {@code gazetteerDir}: the default one
     * merged with the GeoNames dumps imported there ({@code daleel gazetteer import}), or the default
     * one alone when nothing was imported.
     *
     * @throws java.io.UncheckedIOException if the imported gazetteer cannot be read or rebuilt
     */
    public static TextAnalyzer load(Path gazetteerDir, List<Path> extraActorFiles) {
        long t0 = System.nanoTime();
        Gazetteer g;
        try {
            g = org.daleel.analysis.gazetteer.GazetteerOverlay.at(gazetteerDir).load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(
                    "gazetteer " + gazetteerDir + ": cannot read the imported places: " + e.getMessage(), e);
        }
        ActorThesaurus th = ActorThesaurus.load(extraActorFiles);
        return new TextAnalyzer(g, th, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** How long {@link #loadDefault()} took to load the gazetteer and thesaurus (zero otherwise). */
    public Duration loadTime() {
        return loadTime;
    }

    /** The gazetteer. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The actor thesaurus. */
    public ActorThesaurus thesaurus() {
        return thesaurus;
    }

    /**
     * Analyses {@code text}.
     *
     * @param text the text (null is treated as empty)
     * @param published publication date, the anchor of relative dates ("yesterday", "in June");
     *     without it relative dates are not reported
     */
    public Analysis analyze(String text, Optional<LocalDate> published) {
        String s = text == null ? "" : text;
        String language = LanguageGuess.guess(s);
        if (!language.equals("en") && !language.equals("ar")) {
            return Analysis.empty(language);
        }
        Tokens t = Tokenizer.tokenize(s);
        boolean[] blocked = new boolean[t.size()];

        List<ActorMatch> actorMatches = new ArrayList<>(actors.recognize(t, blocked, Map.of(), false));
        block(blocked, actorMatches);
        List<ActorMatch> persons = actors.persons(t, blocked);
        block(blocked, persons);
        actorMatches.addAll(persons);

        List<DateMatch> dates = DateRecognizer.recognize(t, published == null ? Optional.empty() : published);
        boolean[] placeBlocked = blocked.clone();
        boolean[] dateTokens = new boolean[t.size()];
        for (DateMatch d : dates) {
            for (int i = d.first(); i <= d.last(); i++) {
                placeBlocked[i] = true;
                dateTokens[i] = true;
            }
        }
        boolean[] personNames = new boolean[t.size()];
        PersonNames.mark(t, placeBlocked, personNames, persons);
        for (int i = 0; i < t.size(); i++) {
            placeBlocked[i] |= personNames[i];
        }
        Map<String, Double> actorCountries = new HashMap<>();
        for (ActorMatch a : actorMatches) {
            // a Syrian actor says the report is about Syria; Russian forces do not say it is about Russia
            if (Gazetteer.SHIPPED_COUNTRIES.contains(a.country())) {
                actorCountries.merge(a.country(), 0.5, Double::sum);
            }
        }
        PlaceRecognizer.Result placeResult = places.recognize(t, placeBlocked, actorCountries);
        List<ResolvedPlace> resolved = placeResult.places();
        for (ResolvedPlace p : resolved) {
            for (int i = p.firstToken(); i <= p.lastToken(); i++) {
                blocked[i] = true;
            }
        }
        for (int i = 0; i < t.size(); i++) {
            blocked[i] |= dateTokens[i];
        }
        List<ActorMatch> conditional = actors.recognize(t, blocked, placeResult.countries(), true);
        actorMatches.addAll(conditional);
        actorMatches.sort(Comparator.comparingInt(ActorMatch::start));

        List<QuantityMatch> quantities = QuantityRecognizer.recognize(t, dateTokens, resolved);

        return new Analysis(
                language,
                placeMentions(s, resolved),
                actorMentions(s, actorMatches),
                dateMentions(t, dates),
                quantityMentions(t, quantities),
                events(t, resolved, actorMatches, dates));
    }

    /**
     * Resolves place mentions whose spans are given (gold annotations, another recognizer's output)
     * with the rest of the text as context, as {@link #analyze} would resolve them had it found them.
     * Used to score resolution apart from recognition ({@code daleel eval --lgl}).
     *
     * @param text the text (null is treated as empty)
     * @param published publication date, as for {@link #analyze}
     * @param spans {start, end} UTF-16 offsets of each mention
     * @return for each span, in order, the resolved mention, or empty when no gazetteer name lies
     *     inside the span (or the text is in a language other than English or Arabic)
     */
    public List<Optional<PlaceMention>> resolvePlaces(String text, Optional<LocalDate> published, List<int[]> spans) {
        String s = text == null ? "" : text;
        List<Optional<PlaceMention>> out = new ArrayList<>(spans.size());
        String language = LanguageGuess.guess(s);
        if (!language.equals("en") && !language.equals("ar")) {
            spans.forEach(x -> out.add(Optional.empty()));
            return out;
        }
        Tokens t = Tokenizer.tokenize(s);
        boolean[] blocked = new boolean[t.size()];
        List<ActorMatch> actorMatches = new ArrayList<>(actors.recognize(t, blocked, Map.of(), false));
        block(blocked, actorMatches);
        List<ActorMatch> persons = actors.persons(t, blocked);
        block(blocked, persons);
        for (DateMatch d : DateRecognizer.recognize(t, published == null ? Optional.empty() : published)) {
            for (int i = d.first(); i <= d.last(); i++) {
                blocked[i] = true;
            }
        }
        boolean[] personNames = new boolean[t.size()];
        PersonNames.mark(t, blocked, personNames, persons);
        for (int i = 0; i < t.size(); i++) {
            blocked[i] |= personNames[i];
        }
        Map<String, Double> actorCountries = new HashMap<>();
        for (ActorMatch a : actorMatches) {
            if (Gazetteer.SHIPPED_COUNTRIES.contains(a.country())) {
                actorCountries.merge(a.country(), 0.5, Double::sum);
            }
        }
        List<int[]> ranges = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < t.size(); i++) {
                if (t.start(i) < span[1] && span[0] < t.end(i)) {
                    first = first < 0 ? i : first;
                    last = i;
                    blocked[i] = false; // the caller says it is a place, not an actor or a date
                }
            }
            ranges.add(new int[] {first, last});
        }
        List<Optional<org.daleel.analysis.gazetteer.GazetteerPlace>> resolved =
                places.resolveGiven(t, blocked, actorCountries, ranges);
        for (int k = 0; k < spans.size(); k++) {
            int[] span = spans.get(k);
            out.add(
                    ranges.get(k)[0] < 0
                            ? Optional.empty()
                            : resolved.get(k)
                                    .map(p -> new PlaceMention(
                                            s.substring(span[0], span[1]),
                                            span[0],
                                            span[1],
                                            p.geonameId(),
                                            p.name(),
                                            p.countryCode(),
                                            p.isCountry() ? "" : p.admin1(),
                                            round(p.lat()),
                                            round(p.lon()))));
        }
        return out;
    }

    private static void block(boolean[] blocked, List<ActorMatch> matches) {
        for (ActorMatch m : matches) {
            for (int i = m.firstToken(); i <= m.lastToken(); i++) {
                blocked[i] = true;
            }
        }
    }

    private static List<PlaceMention> placeMentions(String s, List<ResolvedPlace> resolved) {
        List<PlaceMention> out = new ArrayList<>(resolved.size());
        for (ResolvedPlace r : resolved) {
            var p = r.place();
            out.add(new PlaceMention(
                    s.substring(r.start(), r.end()),
                    r.start(),
                    r.end(),
                    p.geonameId(),
                    p.name(),
                    p.countryCode(),
                    p.isCountry() ? "" : p.admin1(),
                    round(p.lat()),
                    round(p.lon()),
                    r.adjective() ? PlaceMention.ADJECTIVE : PlaceMention.NAME));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100_000) / 100_000.0;
    }

    private static List<ActorMention> actorMentions(String s, List<ActorMatch> matches) {
        List<ActorMention> out = new ArrayList<>(matches.size());
        for (ActorMatch m : matches) {
            out.add(new ActorMention(
                    s.substring(m.start(), m.end()),
                    m.start(),
                    m.end(),
                    m.id(),
                    m.name(),
                    m.type().label(),
                    m.role()));
        }
        return out;
    }

    private static List<DateMention> dateMentions(Tokens t, List<DateMatch> dates) {
        List<DateMention> out = new ArrayList<>(dates.size());
        for (DateMatch d : dates) {
            int start = t.start(d.first());
            int end = t.end(d.last());
            out.add(new DateMention(t.text().substring(start, end), start, end, d.value()));
        }
        return out;
    }

    private static List<Quantity> quantityMentions(Tokens t, List<QuantityMatch> quantities) {
        List<Quantity> out = new ArrayList<>(quantities.size());
        for (QuantityMatch q : quantities) {
            int start = t.start(q.first());
            int end = t.end(q.last());
            double v = q.value();
            Number value = v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) Long.valueOf((long) v) : (Number) v;
            out.add(new Quantity(
                    t.text().substring(start, end), start, end, value, q.unit(), q.what(), q.approximate()));
        }
        return out;
    }

    private List<Event> events(
            Tokens t, List<ResolvedPlace> resolved, List<ActorMatch> actorMatches, List<DateMatch> dates) {
        List<Event> out = new ArrayList<>();
        int pi = 0;
        int ai = 0;
        int di = 0;
        String lastDate = "";
        int lastDateParagraph = -1;
        int paragraph = -1;
        for (int s = 0; s < t.sentences(); s++) {
            int first = t.sentenceFirst(s);
            int end = t.sentenceEnd(s);
            if (first >= end) {
                continue;
            }
            if (t.has(first, Tokens.PARAGRAPH_START)) {
                paragraph = first;
            }
            List<Long> here = new ArrayList<>();
            List<Long> references = new ArrayList<>();
            while (pi < resolved.size() && resolved.get(pi).firstToken() < end) {
                ResolvedPlace p = resolved.get(pi++);
                // "Russian shelling" is no place of the event, nor is "Africa"
                if (p.firstToken() >= first && !p.adjective() && !p.place().isContinent()) {
                    (p.reference() ? references : here).add(p.place().geonameId());
                }
            }
            Set<String> actorIds = new LinkedHashSet<>();
            Set<ActorType> actorTypes = EnumSet.noneOf(ActorType.class);
            while (ai < actorMatches.size() && actorMatches.get(ai).firstToken() < end) {
                ActorMatch a = actorMatches.get(ai++);
                if (a.firstToken() >= first) {
                    actorIds.add(a.id());
                    actorTypes.add(a.type());
                }
            }
            String date = "";
            while (di < dates.size() && dates.get(di).first() < end) {
                DateMatch d = dates.get(di++);
                if (d.first() >= first && date.isEmpty()) {
                    date = d.value();
                }
                lastDate = d.value();
                lastDateParagraph = paragraph;
            }
            if (date.isEmpty() && lastDateParagraph == paragraph) {
                date = lastDate;
            }
            List<EventType> types = EventClassifier.classify(t, s, actorTypes);
            if (types.isEmpty()) {
                continue;
            }
            List<Long> placeIds = new ArrayList<>(new LinkedHashSet<>(here.isEmpty() ? references : here));
            int start = t.start(first);
            int stop = t.end(end - 1);
            String text = t.text().substring(start, stop);
            for (EventType type : types) {
                out.add(new Event(type.code(), text, start, stop, List.copyOf(actorIds), placeIds, date));
            }
        }
        return out;
    }
}
