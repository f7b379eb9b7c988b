package org.daleel.analysis.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.daleel.analysis.ActorMention;
import org.daleel.analysis.Analysis;
import org.daleel.analysis.DateMention;
import org.daleel.analysis.Event;
import org.daleel.analysis.PlaceMention;
import org.daleel.analysis.TextAnalyzer;
import org.daleel.analysis.gazetteer.GazetteerPlace;
import org.daleel.core.InvalidInputException;

/**
 * Runs a {@link TextAnalyzer} over a {@link GoldSet} and scores it: place resolution (span and
 * GeoNames id), accuracy@161km, traps left alone, actors, event types and language, per language and
 * overall, listing every error. Stateless; one call analyses every document once.
 */
public final class GoldEvaluation {
    /** Distance within which a resolved place counts as right for accuracy@161km (100 miles). */
    public static final double KM_161 = 161.0;

    private GoldEvaluation() {}

    /**
     * Scores {@code analyzer} on {@code set}.
     *
     * @throws InvalidInputException if a gold actor id is not in the analyzer's thesaurus
     */
    public static GoldReport evaluate(TextAnalyzer analyzer, GoldSet set) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        tallies.put("en", new Tally());
        tallies.put("ar", new Tally());
        Tally all = new Tally();
        List<EvalError> errors = new ArrayList<>();
        Set<Long> unknown = new TreeSet<>();
        for (GoldDocument d : set.documents()) {
            for (String actor : d.actors()) {
                if (analyzer.thesaurus().find(actor).isEmpty()) {
                    throw new InvalidInputException("gold set " + set.name() + " doc " + d.id() + ": actor '" + actor
                            + "' is not in the actor thesaurus");
                }
            }
            Analysis a = analyzer.analyze(d.text(), Optional.of(d.published()));
            Tally doc = new Tally();
            doc.documents = 1;
            new DocumentScorer(analyzer, set.name(), d, a, doc, errors, unknown).score();
            tallies.get(d.lang()).add(doc);
            all.add(doc);
        }
        List<GoldScores> scores = new ArrayList<>();
        tallies.forEach((lang, t) -> {
            if (t.documents > 0) {
                scores.add(t.scores(lang));
            }
        });
        scores.add(all.scores("all"));
        return new GoldReport(set.name(), scores, errors, List.copyOf(unknown));
    }

    /** Mutable counts while scoring. */
    static final class Tally {
        int documents;
        int placeTp;
        int placeFp;
        int placeFn;
        int overlapTp;
        int overlapFp;
        int overlapFn;
        int within161;
        int located;
        int trapsKept;
        int traps;
        int datesRight;
        int dates;
        int actorTp;
        int actorFp;
        int actorFn;
        int eventTp;
        int eventFp;
        int eventFn;
        int eventSetsRight;
        int languageRight;

        void add(Tally o) {
            documents += o.documents;
            placeTp += o.placeTp;
            placeFp += o.placeFp;
            placeFn += o.placeFn;
            overlapTp += o.overlapTp;
            overlapFp += o.overlapFp;
            overlapFn += o.overlapFn;
            within161 += o.within161;
            located += o.located;
            trapsKept += o.trapsKept;
            traps += o.traps;
            datesRight += o.datesRight;
            dates += o.dates;
            actorTp += o.actorTp;
            actorFp += o.actorFp;
            actorFn += o.actorFn;
            eventTp += o.eventTp;
            eventFp += o.eventFp;
            eventFn += o.eventFn;
            eventSetsRight += o.eventSetsRight;
            languageRight += o.languageRight;
        }

        GoldScores scores(String lang) {
            return new GoldScores(
                    lang,
                    documents,
                    Prf.of(placeTp, placeFp, placeFn),
                    Prf.of(overlapTp, overlapFp, overlapFn),
                    Accuracy.of(within161, located),
                    Accuracy.of(trapsKept, traps),
                    Accuracy.of(datesRight, dates),
                    Prf.of(actorTp, actorFp, actorFn),
                    Prf.of(eventTp, eventFp, eventFn),
                    Accuracy.of(eventSetsRight, documents),
                    Accuracy.of(languageRight, documents));
        }
    }

    /** Scores one document into a tally. */
    private record DocumentScorer(
            TextAnalyzer analyzer,
            String set,
            GoldDocument d,
            Analysis a,
            Tally t,
            List<EvalError> errors,
            Set<Long> unknown) {

        void score() {
            if (a.language().equals(d.lang())) {
                t.languageRight++;
            } else {
                error("language", "expected " + d.lang() + ", found " + a.language());
            }
            places();
            dates();
            Set<String> actors = new LinkedHashSet<>();
            for (ActorMention m : a.actors()) {
                if (!m.id().startsWith("person:")) {
                    actors.add(m.id());
                }
            }
            int[] ac = sets(d.actors(), actors, "actor");
            t.actorTp = ac[0];
            t.actorFp = ac[1];
            t.actorFn = ac[2];
            Set<String> events = new LinkedHashSet<>();
            for (Event e : a.events()) {
                events.add(e.type());
            }
            int[] ev = sets(d.events(), events, "event");
            t.eventTp = ev[0];
            t.eventFp = ev[1];
            t.eventFn = ev[2];
            t.eventSetsRight = ev[1] == 0 && ev[2] == 0 ? 1 : 0;
        }

        private void places() {
            List<GoldPlace> gold = d.places().stream().filter(GoldPlace::scored).toList();
            // the gold sets do not annotate demonyms ("Syrian"): adjectival mentions are not scored
            List<PlaceMention> predicted =
                    a.places().stream().filter(p -> !p.adjective()).toList();
            Set<PlaceMention> exact = new HashSet<>();
            Set<PlaceMention> overlapping = new HashSet<>();
            for (GoldPlace g : gold) {
                Optional<GazetteerPlace> goldPlace = analyzer.gazetteer().find(g.geonameId());
                if (goldPlace.isEmpty()) {
                    unknown.add(g.geonameId());
                }
                PlaceMention same = null;
                PlaceMention sameId = null;
                PlaceMention other = null;
                for (PlaceMention p : predicted) {
                    if (!g.overlaps(p.start(), p.end())) {
                        continue;
                    }
                    if (p.start() == g.start() && p.end() == g.end() && p.geonameId() == g.geonameId()) {
                        same = p;
                    } else if (p.geonameId() == g.geonameId() && sameId == null) {
                        sameId = p;
                    } else if (other == null) {
                        other = p;
                    }
                }
                if (same != null) {
                    t.placeTp++;
                    exact.add(same);
                } else {
                    t.placeFn++;
                }
                PlaceMention lenient = same != null ? same : sameId;
                if (lenient != null) {
                    t.overlapTp++;
                    overlapping.add(lenient);
                } else {
                    t.overlapFn++;
                }
                PlaceMention located = lenient != null ? lenient : other;
                if (located != null && goldPlace.isPresent()) {
                    t.located++;
                    if (located.geonameId() == g.geonameId() || distance(goldPlace.get(), located) <= KM_161) {
                        t.within161++;
                    }
                }
                if (same == null) {
                    placeError(g, goldPlace, sameId != null ? sameId : other);
                }
            }
            for (PlaceMention p : predicted) {
                boolean unscored = d.places().stream()
                        .anyMatch(g -> g.kind() == GoldPlace.Kind.UNSCORED && g.overlaps(p.start(), p.end()));
                if (unscored) {
                    continue; // neither right nor wrong
                }
                if (!exact.contains(p)) {
                    t.placeFp++;
                }
                if (!overlapping.contains(p)) {
                    t.overlapFp++;
                }
                boolean nearGold = gold.stream().anyMatch(g -> g.overlaps(p.start(), p.end()));
                if (!nearGold) {
                    boolean trap = d.places().stream().anyMatch(g -> g.trap() && g.overlaps(p.start(), p.end()));
                    error(trap ? "place-trap" : "place-spurious", "'" + p.text() + "' resolved to " + describe(p));
                }
            }
            for (GoldPlace g : d.places()) {
                if (g.trap()) {
                    t.traps++;
                    if (predicted.stream().noneMatch(p -> g.overlaps(p.start(), p.end()))) {
                        t.trapsKept++;
                    }
                }
            }
        }

        private void dates() {
            for (GoldDate g : d.dates()) {
                t.dates++;
                String found = null;
                for (DateMention m : a.dates()) {
                    if (m.start() < g.end() && g.start() < m.end()) {
                        found = m.value();
                        if (found.equals(g.value())) {
                            break;
                        }
                    }
                }
                if (g.value().equals(found)) {
                    t.datesRight++;
                } else if (found == null) {
                    error("date-missed", "'" + g.text() + "' = " + g.value());
                } else {
                    error("date-wrong", "'" + g.text() + "' = " + g.value() + ": found " + found);
                }
            }
        }

        private void placeError(GoldPlace g, Optional<GazetteerPlace> goldPlace, PlaceMention found) {
            String expected = "'" + g.text() + "' = " + g.geonameId()
                    + goldPlace
                            .map(p -> " (" + p.name() + ", " + p.countryCode() + ")")
                            .orElse(" (not in gazetteer)");
            if (found == null) {
                error("place-missed", expected);
            } else if (found.geonameId() == g.geonameId()) {
                error("place-span", expected + ": found span '" + found.text() + "'");
            } else {
                String km = goldPlace
                        .map(p -> String.format(Locale.ROOT, ", %.0f km away", distance(p, found)))
                        .orElse("");
                error("place-wrong", expected + ": found '" + found.text() + "' = " + describe(found) + km);
            }
        }

        private int[] sets(Set<String> gold, Set<String> predicted, String what) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (String p : predicted) {
                if (gold.contains(p)) {
                    tp++;
                } else {
                    fp++;
                    error(what + "-extra", p);
                }
            }
            for (String g : gold) {
                if (!predicted.contains(g)) {
                    fn++;
                    error(what + "-missed", g);
                }
            }
            return new int[] {tp, fp, fn};
        }

        private void error(String kind, String detail) {
            errors.add(new EvalError(set, d.id(), kind, detail));
        }
    }

    static String describe(PlaceMention p) {
        return p.geonameId() + " (" + p.name() + ", " + p.countryCode() + ")";
    }

    static double distance(GazetteerPlace gold, PlaceMention p) {
        return GazetteerPlace.distanceKm(gold.lat(), gold.lon(), p.lat(), p.lon());
    }
}
