package org.daleel.analysis.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.daleel.analysis.Analysis;
import org.daleel.analysis.PlaceMention;
import org.daleel.analysis.TextAnalyzer;
import org.daleel.analysis.gazetteer.GazetteerPlace;

/**
 * Scores a {@link TextAnalyzer} on LGL the way published geoparsers were scored: on the last 30% of
 * the documents in file order (Mordecai 3's test split), end to end (Daleel's own recognition: exact
 * span and GeoNames id, precision, recall, F1, and accuracy@161km over recognized toponyms), and with
 * the gold mentions given (each annotated span resolved in its document: exact id and
 * accuracy@161km).
 */
public final class LglEvaluation {
    /** Share of the documents, in file order, before the evaluated part. */
    public static final double DEFAULT_TRAIN_SHARE = 0.7;

    private LglEvaluation() {}

    /**
     * Scores {@code analyzer} on the documents from {@code floor(trainShare * size)} on.
     *
     * @throws IllegalArgumentException if {@code trainShare} is not in [0, 1)
     */
    public static LglReport evaluate(TextAnalyzer analyzer, List<LglDocument> corpus, double trainShare) {
        if (!(trainShare >= 0 && trainShare < 1)) {
            throw new IllegalArgumentException(
                    "LGL split: expected a share of documents in [0, 1), found " + trainShare);
        }
        int first = (int) Math.floor(corpus.size() * trainShare);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int otp = 0;
        int ofp = 0;
        int ofn = 0;
        int within = 0;
        int located = 0;
        int givenExact = 0;
        int givenWithin = 0;
        int given = 0;
        int tagged = 0;
        int untagged = 0;
        int unknown = 0;
        List<EvalError> errors = new ArrayList<>();
        for (LglDocument d : corpus.subList(first, corpus.size())) {
            Analysis a = analyzer.analyze(d.text(), d.published());
            List<LglToponym> gold =
                    d.toponyms().stream().filter(LglToponym::tagged).toList();
            tagged += gold.size();
            for (LglToponym g : gold) {
                if (analyzer.gazetteer().find(g.geonameId()).isEmpty()) {
                    unknown++;
                }
            }
            untagged += d.toponyms().size() - gold.size();
            Set<PlaceMention> exact = new HashSet<>();
            Set<PlaceMention> overlapping = new HashSet<>();
            for (LglToponym g : gold) {
                PlaceMention same = null;
                PlaceMention sameId = null;
                PlaceMention other = null;
                for (PlaceMention p : a.places()) {
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
                    tp++;
                    exact.add(same);
                } else {
                    fn++;
                }
                PlaceMention lenient = same != null ? same : sameId;
                if (lenient != null) {
                    otp++;
                    overlapping.add(lenient);
                } else {
                    ofn++;
                }
                PlaceMention found = lenient != null ? lenient : other;
                if (found != null) {
                    located++;
                    if (found.geonameId() == g.geonameId()
                            || km(g, found.lat(), found.lon()) <= GoldEvaluation.KM_161) {
                        within++;
                    }
                }
                if (same == null) {
                    errors.add(new EvalError(
                            "lgl", d.id(), found == null ? "place-missed" : "place-wrong", describe(g, found)));
                }
            }
            for (PlaceMention p : a.places()) {
                boolean onUntagged = d.toponyms().stream().anyMatch(t -> !t.tagged() && t.overlaps(p.start(), p.end()));
                if (onUntagged) {
                    continue;
                }
                if (!exact.contains(p)) {
                    fp++;
                }
                if (!overlapping.contains(p)) {
                    ofp++;
                }
                if (gold.stream().noneMatch(g -> g.overlaps(p.start(), p.end()))) {
                    errors.add(new EvalError(
                            "lgl",
                            d.id(),
                            "place-spurious",
                            "'" + p.text() + "' resolved to " + GoldEvaluation.describe(p)));
                }
            }
            List<Optional<PlaceMention>> resolved = analyzer.resolvePlaces(
                    d.text(),
                    d.published(),
                    gold.stream().map(g -> new int[] {g.start(), g.end()}).toList());
            for (int i = 0; i < gold.size(); i++) {
                given++;
                LglToponym g = gold.get(i);
                if (resolved.get(i).isEmpty()) {
                    errors.add(new EvalError(
                            "lgl", d.id(), "given-unresolved", "'" + g.phrase() + "' = " + g.geonameId()));
                    continue;
                }
                PlaceMention p = resolved.get(i).get();
                if (p.geonameId() == g.geonameId()) {
                    givenExact++;
                } else {
                    errors.add(new EvalError("lgl", d.id(), "given-wrong", describe(g, p)));
                }
                // the same id is the same place, even where the gazetteer lacks its coordinates
                if (p.geonameId() == g.geonameId() || km(g, p.lat(), p.lon()) <= GoldEvaluation.KM_161) {
                    givenWithin++;
                }
            }
        }
        return new LglReport(
                corpus.size() - first,
                first,
                tagged,
                untagged,
                unknown,
                Prf.of(tp, fp, fn),
                Prf.of(otp, ofp, ofn),
                Accuracy.of(within, located),
                Accuracy.of(givenExact, given),
                Accuracy.of(givenWithin, given),
                errors);
    }

    private static double km(LglToponym g, double lat, double lon) {
        return GazetteerPlace.distanceKm(g.lat(), g.lon(), lat, lon);
    }

    private static String describe(LglToponym g, PlaceMention found) {
        String expected = "'" + g.phrase() + "' = " + g.geonameId();
        if (found == null) {
            return expected;
        }
        return expected + ": found '" + found.text() + "' = " + GoldEvaluation.describe(found)
                + String.format(Locale.ROOT, ", %.0f km away", km(g, found.lat(), found.lon()));
    }
}
