package org.daleel.analysis.place;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.gazetteer.GazetteerPlace;
import org.daleel.analysis.gazetteer.NameTable;

/**
 * Chooses, for each name of a document, the gazetteer place it means: a prior per candidate (feature
 * code, population, primary name or alternate, country), a context score (countries and
 * governorates the document mentions, distance to the other places it names; a document about a
 * country outside the gazetteer penalises candidates in the gazetteer's countries), and acceptance
 * rules for weak mentions (common words, sentence-initial words, single Arabic words).
 *
 * <p>Immutable and thread-safe.
 */
final class PlaceResolver {
    private static final double THRESHOLD = 2.0;
    private static final double ALT_NAME = 0.8;
    private static final double NAMED_DIVISION = 0.4;
    private static final double DIVISION_NAMESAKE = 1.0;
    /** Penalty of a division of GeoNames' world list that holds a town of its own name ("Geneva"). */
    private static final double WORLD_DIVISION_NAMESAKE = 0.6;
    /** Bonus of a candidate inside the state or country named right after it, and of that state or country. */
    private static final double CONTAINMENT = 1.5;

    /**
     * Passes after the anchors' pass: the first decides every group, the others re-decide the groups
     * accepted so far. The choices need not settle (two names can swap back and forth), so the number
     * is fixed: three was best on LGL's first 70% (two: tp 1,859, fp 768; three: 1,869, 758; four or
     * more: 1,864, 763).
     */
    static final int FULL_PASSES = 3;

    private static final int MAX_CANDIDATES = 60;
    private static final int MAX_ANCHORS = 150;
    private static final Set<String> SHIPPED = Set.copyOf(Gazetteer.SHIPPED_COUNTRIES);
    private static final Set<String> THIN_ARABIC = Set.of("TR", "UA");
    /** Countries whose first-level divisions were written by hand with their short forms (states, provinces). */
    private static final Set<String> HAND_DIVISIONS = Set.of("US", "CA", "AU");

    /** The governorate that surrounds a city-governorate: "rural Damascus" is Rif Dimashq. */
    private static final Map<Long, Long> COUNTRYSIDE_OF = Map.of(167541L, 170652L);

    private final Gazetteer gazetteer;

    PlaceResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * Resolves the groups in passes (anchors first, then everything, then the accepted names again,
     * {@value #FULL_PASSES} full passes in all, each in the context the previous pass chose) and
     * returns the final context.
     */
    Map<String, Double> resolve(List<NameGroup> groups, Map<String, Double> extraCountries) {
        for (NameGroup g : groups) {
            prepare(g);
        }
        for (NameGroup g : groups) {
            containment(g);
        }
        Context ctx = Context.of(groups, extraCountries, true, gazetteer);
        decide(groups, ctx, false);
        // each pass reads the context the previous one chose: "Georgia" read as the country in the
        // anchors' pass is the state once "Atlanta" is placed, and "Atlanta" then follows the state;
        // the passes after the first only refine the names accepted so far, they admit no new ones
        for (int pass = 0; pass < FULL_PASSES; pass++) {
            ctx = Context.of(groups, extraCountries, false, gazetteer);
            decide(groups, ctx, pass > 0);
        }
        return ctx.countryWeights();
    }

    private void prepare(NameGroup g) {
        NameTable table = g.first.fuzzy ? gazetteer.fuzzyNames() : gazetteer.names();
        Map<Integer, Boolean> cands = new HashMap<>();
        // a single word read without its attached و ف ب ل ("فرقه" -> "رقه") must be a place's own name;
        // a longer name read so ("بمحافظة حماة") may be an alternate one
        boolean primaryOnly = g.first.form > 0
                && g.first.first == g.first.last
                && !g.first.prefixVariant
                && !g.first.firstForm.startsWith("ال");
        // "St. Clair": the places named "St Clair" and those named "Saint Clair"
        int[] keys = g.first.otherPrefixKey >= 0
                ? new int[] {g.first.keyIndex, g.first.otherPrefixKey}
                : new int[] {g.first.keyIndex};
        for (int k : keys) {
            for (int p = table.from(k); p < table.to(k); p++) {
                int v = table.posting(p);
                if (primaryOnly && (v & 1) == 0) {
                    continue;
                }
                cands.merge(v >>> 1, (v & 1) == 1, Boolean::logicalOr);
            }
        }
        if (g.county) {
            // "Laurel County" is no town named Laurel (nor a town listing the name): a county record
            // if the gazetteer has one (an imported GeoNames dump), otherwise the towns stay candidates
            // for the document's context only ("Henderson County" next to "Athens" suggests Texas)
            Map<Integer, Boolean> divisions = new HashMap<>();
            cands.forEach((c, primary) -> {
                if (secondLevel(gazetteer.place(c))) {
                    divisions.put(c, primary);
                }
            });
            g.countyRecord = !divisions.isEmpty();
            if (g.countyRecord) {
                cands = divisions;
            }
        }
        boolean hasAdmin1 = false;
        boolean namedDivision = false;
        boolean namedPlace = false;
        for (Map.Entry<Integer, Boolean> e : cands.entrySet()) {
            GazetteerPlace q = gazetteer.place(e.getKey());
            hasAdmin1 |= q.isAdmin1();
            namedDivision |= e.getValue() && (q.isAdmin1() || q.isCountry());
            namedPlace |= e.getValue() && !q.contextOnly() && !SHIPPED.contains(q.countryCode());
        }
        // divisions of GeoNames' world list named so: a town inside one may list the name as an
        // alternate ("Geneva" for Genève) without yielding it to the division
        Set<String> worldDivisions = new java.util.HashSet<>();
        for (int c : cands.keySet()) {
            GazetteerPlace q = gazetteer.place(c);
            if (worldDivision(q)) {
                worldDivisions.add(q.countryCode() + "." + q.admin1());
            }
        }
        int size = cands.size();
        int[] all = new int[size];
        double[] scores = new double[size];
        int n = 0;
        for (Map.Entry<Integer, Boolean> e : cands.entrySet()) {
            all[n] = e.getKey();
            scores[n] = staticScore(g, e.getKey(), e.getValue(), hasAdmin1);
            GazetteerPlace cand = gazetteer.place(e.getKey());
            boolean inWorldDivision = worldDivisions.contains(cand.countryCode() + "." + cand.admin1());
            if (namedDivision && !e.getValue() && !cand.contextOnly() && !inWorldDivision) {
                // "Texas", "Ohio": the state or country of that name, not a town listing it as an alternate
                scores[n] -= 1.5;
            } else if (namedDivision && !g.allBeforeName && !inWorldDivision && minorTown(cand)) {
                // "transfer to Virginia": the state, not Virginia, Illinois; but "Virginia Chapin" is
                // left to the rules for a name before another name
                scores[n] -= DIVISION_NAMESAKE;
            } else if (namedPlace && !e.getValue() && minorAlternate(gazetteer.place(e.getKey()))) {
                scores[n] -= ALT_NAME; // "Charleston": the places of that name before one that also answers to it
            }
            n++;
        }
        for (int i = 0; i < size; i++) {
            GazetteerPlace q = gazetteer.place(all[i]);
            if (worldDivision(q) && !g.adminPhrase && holdsNamesake(q, cands)) {
                // "Geneva", "Kaliningrad": the town, not the canton or oblast named after it
                scores[i] -= WORLD_DIVISION_NAMESAKE;
            }
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
        int keep = Math.min(size, MAX_CANDIDATES);
        g.cands = new int[keep];
        g.staticScore = new double[keep];
        for (int i = 0; i < keep; i++) {
            g.cands[i] = all[order[i]];
            g.staticScore[i] = scores[order[i]];
        }
    }

    /**
     * Raises the candidates of a name that lie in a candidate of the state or country named right
     * after it ("St. Petersburg, Florida"), and the candidates of that state or country that hold a
     * candidate of the name: the pair is read together. Runs after every group is prepared; the static
     * scores of the first group are raised before the second looks at them, which is harmless because
     * only the candidates, not their scores, are compared.
     */
    private void containment(NameGroup g) {
        if (g.containers.isEmpty() && g.contained.isEmpty()) {
            return;
        }
        for (int i = 0; i < g.cands.length; i++) {
            GazetteerPlace p = gazetteer.place(g.cands[i]);
            boolean inside = false;
            for (NameGroup h : g.containers) {
                for (int c : h.cands) {
                    inside |= c != g.cands[i] && contains(gazetteer.place(c), p);
                }
            }
            boolean holds = false;
            for (NameGroup h : g.contained) {
                for (int c : h.cands) {
                    holds |= c != g.cands[i] && contains(p, gazetteer.place(c));
                }
            }
            if (inside || holds) {
                g.staticScore[i] += CONTAINMENT;
            }
        }
    }

    /**
     * True if {@code outer} holds {@code inner}: its country (or a country's context alias), its
     * first-level division, or a region or island of its country less than 300 km away.
     */
    static boolean contains(GazetteerPlace outer, GazetteerPlace inner) {
        if (outer.countryCode().isEmpty() || !outer.countryCode().equals(inner.countryCode()) || inner.isCountry()) {
            return false;
        }
        if (outer.isCountry() || (outer.contextOnly() && !outer.isAdjective())) {
            return !inner.contextOnly();
        }
        if (inner.contextOnly() || outer.contextOnly()) {
            return false;
        }
        if (outer.isAdmin1()) {
            return !inner.isAdmin1() && outer.admin1().equals(inner.admin1());
        }
        return outer.featureClass() != 'P'
                && !inner.isAdmin1()
                && outer.hasCoordinates()
                && inner.hasCoordinates()
                && outer.distanceKm(inner) < 300;
    }

    /**
     * A first-level division that came from GeoNames' world list alone: not in the core countries, not
     * a US, Canadian or Australian one, not completed by hand with an Arabic name (one from Natural
     * Earth's world list does not count).
     */
    private static boolean worldDivision(GazetteerPlace p) {
        return p.isAdmin1()
                && !SHIPPED.contains(p.countryCode())
                && !HAND_DIVISIONS.contains(p.countryCode())
                && (p.nameAr().isEmpty() || p.worldArabicName());
    }

    /** True if one of the candidates is a populated place inside {@code division} (of the same name). */
    private boolean holdsNamesake(GazetteerPlace division, Map<Integer, Boolean> cands) {
        for (int c : cands.keySet()) {
            GazetteerPlace q = gazetteer.place(c);
            if (q.featureClass() == 'P'
                    && q.countryCode().equals(division.countryCode())
                    && q.admin1().equals(division.admin1())) {
                return true;
            }
        }
        return false;
    }

    /** A division below the first level (a county, a parish), which the default gazetteer lacks. */
    private static boolean secondLevel(GazetteerPlace p) {
        return p.featureClass() == 'A' && !p.isAdmin1() && !p.isCountry() && !p.contextOnly();
    }

    /** A town under 100,000 people that is no capital: it yields a name it shares with a state or a country. */
    private static boolean minorTown(GazetteerPlace p) {
        return p.featureClass() == 'P'
                && p.population() < 100_000
                && !p.featureCode().equals("PPLA")
                && !p.featureCode().equals("PPLC");
    }

    /** A small place outside the core countries, whose alternate names (old, foreign) are unreliable. */
    private static boolean minorAlternate(GazetteerPlace p) {
        return !SHIPPED.contains(p.countryCode())
                && !p.contextOnly()
                && !p.isCountry()
                && !p.isAdmin1()
                && p.population() < 100_000
                && !p.featureCode().equals("PPLA")
                && !p.featureCode().equals("PPLC");
    }

    private double staticScore(NameGroup g, int c, boolean primary, boolean hasAdmin1) {
        GazetteerPlace p = gazetteer.place(c);
        double s = prior(p) + (primary ? 0.3 : 0);
        if (!primary
                && !SHIPPED.contains(p.countryCode())
                && !p.contextOnly()
                && p.population() < 100_000
                && !p.isCountry()
                && !p.featureCode().equals("PPLA")
                && !p.featureCode().equals("PPLC")) {
            // cities500 alternate names include old and foreign names of other places, and those of a
            // county seat (PPLA2 and below) are as unreliable ("Maryville" for Beeville, Texas): only a
            // first-level capital's alternates are trusted
            s -= 0.6;
        }
        if (g.first.fuzzy) {
            s -= 0.6;
        }
        if (g.multiword) {
            s += 0.4;
        }
        if (g.anyCue) {
            s += 0.5;
        }
        if (g.adminPhrase && hasAdmin1) {
            s += p.isAdmin1() ? 2.5 : -2.5;
        } else if (g.adminPhrase && p.featureClass() == 'P') {
            s -= 0.5;
        }
        if (g.placeWord) {
            s += p.featureClass() == 'P' ? 0.4 : -0.4;
        }
        return s;
    }

    /** Prior of a place from its feature code, population, country and status. */
    static double prior(GazetteerPlace p) {
        double s;
        switch (p.featureCode()) {
            case "PCLI", "PPLC", "CONT" -> s = 3.2;
            case "PPLA" -> s = 3.0;
            case "CTX", "DEM" -> s = 3.8; // hand-written context aliases win over any record's alternate name
            case "ADM1" -> s = 2.5;
            case "PPLA2" -> s = 2.5;
            case "PPLA3" -> s = 2.1;
            case "ADM2" -> s = 1.3;
            case "ADM3" -> s = 1.1;
            case "PPLX" -> s = 0.6;
            case "PPLL", "PPLF", "PPLS", "STLMT" -> s = 0.8;
            default -> s = p.featureClass() == 'P' ? 1.0 : 0.5;
        }
        if (p.featureClass() == 'P' && p.population() > 0) {
            s = Math.max(s, Math.min(2.9, 0.9 + 0.3 * Math.log10(p.population())));
        }
        if (p.historical()) {
            s -= 1.5;
        }
        switch (p.countryCode()) {
            case "SY" -> s += 0.3;
            case "IQ" -> s += 0.2;
            case "LB", "JO", "YE", "LY" -> s += 0.1;
            default -> {}
        }
        return s;
    }

    /**
     * Of two candidates of equal score, true if A wins: the higher static score (feature code, name,
     * size: "Virginia" the state before Virginia, Illinois), then a populated place before a division
     * (whose population is the sum of its places': "Geneva" the city, not the canton), then the more
     * populous.
     */
    static boolean tieWin(
            double staticA, boolean townA, long populationA, double staticB, boolean townB, long populationB) {
        if (staticA != staticB) {
            return staticA > staticB;
        }
        if (townA != townB) {
            return townA;
        }
        return populationA > populationB;
    }

    /** Decides each group in {@code ctx}; with {@code refineOnly}, only the groups accepted before. */
    private void decide(List<NameGroup> groups, Context ctx, boolean refineOnly) {
        for (NameGroup g : groups) {
            if (refineOnly && !g.accepted) {
                continue;
            }
            double bestScore = -1e9;
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int i = 0; i < g.cands.length; i++) {
                GazetteerPlace p = gazetteer.place(g.cands[i]);
                double dist = ctx.nearest(p, g);
                double s = g.staticScore[i] + ctx.score(p, dist, g);
                if (s > bestScore
                        || (s == bestScore
                                && winsTie(g.staticScore[i], p, g.staticScore[best], gazetteer.place(g.cands[best])))) {
                    bestScore = s;
                    best = i;
                    bestDist = dist;
                }
            }
            g.chosen = best < 0 ? -1 : g.cands[best];
            g.score = bestScore;
            g.accepted = best >= 0 && accept(g, bestScore, gazetteer.place(g.chosen), bestDist, ctx);
            if (g.accepted
                    && g.countryside
                    && COUNTRYSIDE_OF.containsKey(gazetteer.place(g.chosen).geonameId())) {
                int rural = gazetteer.indexOf(
                        COUNTRYSIDE_OF.get(gazetteer.place(g.chosen).geonameId()));
                if (rural >= 0) {
                    g.chosen = rural; // "rural Damascus" is Rif Dimashq, not the city governorate
                }
            }
        }
    }

    /**
     * Of two candidates with the same score: a populated place before a division or country of its name
     * (a division's population is only the sum of its listed towns), else the more populous.
     */
    private static boolean winsTie(double staticP, GazetteerPlace p, double staticBest, GazetteerPlace best) {
        return tieWin(
                staticP,
                p.featureClass() == 'P',
                p.population(),
                staticBest,
                best.featureClass() == 'P',
                best.population());
    }

    private boolean accept(NameGroup g, double score, GazetteerPlace place, double dist, Context ctx) {
        double prior = prior(place);
        if (score < THRESHOLD) {
            return false;
        }
        if (g.allCommon && !g.anyCue) {
            return false;
        }
        // "at the University", "in Council", "in Delta": a common word after a cue is a place only when
        // the place is sizeable or its country is what the document is about (a division named by a
        // common word, too: its prior says nothing about how often the word means it)
        if (g.allCommon
                && !g.multiword
                && (prior < 2.4 || place.isAdmin1())
                && !SHIPPED.contains(place.countryCode())
                && !place.contextOnly()
                && (ctx.othersWeight(place.countryCode(), g) <= 0 || dist > 75)) {
            return false;
        }
        // "Julia Roberts": a one-word name before another capitalised word, outside the core countries
        if (g.allBeforeName
                && !g.anyCue
                && !SHIPPED.contains(place.countryCode())
                && !place.isCountry()
                && !place.isAdmin1()
                && !place.contextOnly()) {
            return false;
        }
        // "Michael", "Brittany", "Quiche": the one-word name of a division from GeoNames' world list, with
        // no cue (or before another name: "in Michael Marshall's") and nothing else of its country in the
        // document, is more often a person or a word;
        // divisions completed by hand (an Arabic name: "Punjab", "Dagestan") and US, Canadian and
        // Australian ones stand alone
        if (worldDivision(place)
                && !g.multiword
                && (!g.anyCue || g.allBeforeName)
                && !g.adminPhrase
                && ctx.othersWeight(place.countryCode(), g) <= 0) {
            return false;
        }
        // "S.C.", "N.Y.": a state's initials stand for it in a document about its country
        if (g.allAcronym && prior < 3.0 && !(place.isAdmin1() && ctx.othersWeight(place.countryCode(), g) > 0)) {
            return false;
        }
        if (g.allStartWeak && !g.anyCue && prior < 2.4 && dist > 75) {
            return false;
        }
        if (g.allArabicSingle && !g.anyCue && prior < 2.4 && dist > 50) {
            return false;
        }
        // "Jackson told reporters", "Erdogan said": a person, unless a country or a capital speaks
        if ((g.allSpeaker || g.anySpeaker)
                && !g.anyCue
                && !place.isCountry()
                && !place.isAdmin1()
                && !place.featureCode().equals("PPLC")
                && !place.contextOnly()) {
            return false;
        }
        // a bare one-word Latin name of a small place in a country the document says nothing else about
        // is more often a surname or a word than that place ("Obama said", "Clinton", "Hope")
        if (!g.multiword
                && !g.anyCue
                && !g.allArabicSingle
                && !SHIPPED.contains(place.countryCode())
                && !place.isCountry()
                && !place.isAdmin1()
                && !place.contextOnly()
                && prior < 2.8
                && !(g.count >= 3 && prior >= 2.0) // named three times, never as a person: the town
                && ctx.othersWeight(place.countryCode(), g) <= 0) {
            return false;
        }
        // Arabic names of Turkish and Ukrainian places are few and often common words: need the country
        if (g.allArabicSingle
                && THIN_ARABIC.contains(place.countryCode())
                && ctx.othersWeight(place.countryCode(), g) <= 0) {
            return false;
        }
        return !g.first.fuzzy || g.multiword || score >= 2.6;
    }

    /** Countries, governorates and points the document is about. */
    private static final class Context {
        final Map<String, Double> countries = new HashMap<>();
        final Map<String, Integer> admin1 = new HashMap<>();
        /** First-level divisions the document names ("Texas", "Idlib Governorate"). */
        final Set<String> namedAdmin1 = new java.util.HashSet<>();
        /** Per name (all groups of one name count as one: "Dublin" is no evidence for "Dublin"): country weights. */
        final Map<String, Map<String, Double>> ownCountries = new HashMap<>();
        /** Per name: first-level divisions and their counts. */
        final Map<String, Map<String, Integer>> ownAdmin1s = new HashMap<>();

        double foreign;
        double covered;
        final List<double[]> points = new ArrayList<>();
        final List<NameGroup> pointGroups = new ArrayList<>();
        double total;
        /** Set by {@link #of}. */
        Gazetteer gazetteer;

        static Context of(List<NameGroup> groups, Map<String, Double> extra, boolean anchorsOnly, Gazetteer gz) {
            Context c = new Context();
            c.gazetteer = gz;
            extra.forEach((k, v) -> c.countries.merge(k, v, Double::sum));
            for (NameGroup g : groups) {
                if (g.chosen < 0) {
                    continue;
                }
                GazetteerPlace p = gz.place(g.chosen);
                boolean anchor = anchorsOnly
                        ? g.score >= 2.8 && !(g.allCommon && !g.anyCue) && !(g.allAcronym && prior(p) < 3.0)
                        : g.accepted;
                if (!anchor) {
                    continue;
                }
                if (p.countryCode().isEmpty()) {
                    continue; // a context-only name that is not a place at all (a broadcaster)
                }
                double w = Math.min(3, g.count);
                c.countries.merge(p.countryCode(), w, Double::sum);
                c.ownCountries.computeIfAbsent(nameOf(g), k -> new HashMap<>()).merge(p.countryCode(), w, Double::sum);
                if (!p.admin1().isEmpty()) {
                    String a1 = p.countryCode() + "." + p.admin1();
                    c.admin1.merge(a1, 1, Integer::sum);
                    if (p.isAdmin1()) {
                        c.namedAdmin1.add(a1);
                    }
                    c.ownAdmin1s
                            .computeIfAbsent(nameOf(g), k -> new HashMap<>())
                            .merge(a1, 1, Integer::sum);
                }
                if (p.hasCoordinates() && !p.isCountry() && !p.isAdmin1() && c.points.size() < MAX_ANCHORS) {
                    c.points.add(new double[] {p.lat(), p.lon()});
                    c.pointGroups.add(g);
                }
            }
            for (Map.Entry<String, Double> e : c.countries.entrySet()) {
                c.total += e.getValue();
                if (SHIPPED.contains(e.getKey())) {
                    c.covered += e.getValue();
                } else {
                    c.foreign += e.getValue();
                }
            }
            return c;
        }

        static String nameOf(NameGroup g) {
            return (g.first.fuzzy ? "~" : "") + g.first.key;
        }

        /** Weight of country {@code cc} that the groups of {@code g}'s name contributed. */
        double own(String cc, NameGroup g) {
            return ownCountries.getOrDefault(nameOf(g), Map.of()).getOrDefault(cc, 0.0);
        }

        /** Weight of country {@code cc} in the document, leaving out what {@code g}'s name contributed. */
        double othersWeight(String cc, NameGroup g) {
            return countries.getOrDefault(cc, 0.0) - own(cc, g);
        }

        Map<String, Double> countryWeights() {
            return Map.copyOf(countries);
        }

        /** Distance in km from {@code p} to the nearest point of another group (MAX_VALUE if none). */
        double nearest(GazetteerPlace p, NameGroup self) {
            if (!p.hasCoordinates()) {
                return Double.MAX_VALUE;
            }
            double best = Double.MAX_VALUE;
            double cosLat = Math.cos(Math.toRadians(p.lat()));
            for (int i = 0; i < points.size(); i++) {
                if (pointGroups.get(i) == self || nameOf(pointGroups.get(i)).equals(nameOf(self))) {
                    continue;
                }
                double[] q = points.get(i);
                double dy = (q[0] - p.lat()) * 111.2;
                double dx = (q[1] - p.lon()) * 111.2 * cosLat;
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d < best) {
                    best = d;
                }
            }
            return best;
        }

        /** True if the name also means a town of the division itself (Aleppo city in Aleppo governorate). */
        private boolean namesakeTown(GazetteerPlace division, NameGroup g) {
            for (int c : g.cands) {
                GazetteerPlace q = gazetteer.place(c);
                if (q.featureClass() == 'P'
                        && q.countryCode().equals(division.countryCode())
                        && q.admin1().equals(division.admin1())) {
                    return true;
                }
            }
            return false;
        }

        /** Context score of candidate {@code p} of group {@code g}, leaving out what {@code g} itself contributed. */
        double score(GazetteerPlace p, double dist, NameGroup g) {
            double s = 0;
            Map<String, Double> ownCcs = ownCountries.getOrDefault(nameOf(g), Map.of());
            double ownTotal = 0;
            double ownForeign = 0;
            for (Map.Entry<String, Double> e : ownCcs.entrySet()) {
                ownTotal += e.getValue();
                if (!SHIPPED.contains(e.getKey())) {
                    ownForeign += e.getValue();
                }
            }
            double tot = total - ownTotal;
            if (tot > 0) {
                double w = countries.getOrDefault(p.countryCode(), 0.0) - ownCcs.getOrDefault(p.countryCode(), 0.0);
                double share = Math.max(0, w) / tot;
                s += 1.2 * share;
                // a country named is its own evidence; only its places need the document to be about it
                if (share == 0 && !p.contextOnly() && !p.isCountry() && !p.isContinent()) {
                    s -= 0.5;
                    double f = foreign - ownForeign;
                    double cv = covered - (ownTotal - ownForeign);
                    if (f > 2 * cv && SHIPPED.contains(p.countryCode())) {
                        s -= 1.5; // village-level data is dense there: a document about elsewhere rarely means it
                    }
                }
            }
            if (!p.admin1().isEmpty()) {
                String a1 = p.countryCode() + "." + p.admin1();
                int n = admin1.getOrDefault(a1, 0)
                        - ownAdmin1s.getOrDefault(nameOf(g), Map.of()).getOrDefault(a1, 0);
                if (n > 0) {
                    s += 0.6;
                    if (!p.isAdmin1() && namedAdmin1.contains(a1)) {
                        s += NAMED_DIVISION; // a town in a division the document names ("Gainesville", "Texas")
                    }
                    if (p.isAdmin1() && !namesakeTown(p, g)) {
                        s += 1.0; // a division holding the document's other places is as close as can be
                    }
                }
            }
            if (dist < 25) {
                s += 1.0;
            } else if (dist < 75) {
                s += 0.6;
            } else if (dist < 200) {
                s += 0.2;
            } else if (dist > 700 && dist != Double.MAX_VALUE) {
                s -= 0.3;
            }
            return s;
        }
    }
}
