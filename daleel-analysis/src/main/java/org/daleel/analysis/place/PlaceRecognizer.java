package org.daleel.analysis.place;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.gazetteer.GazetteerPlace;
import org.daleel.analysis.gazetteer.NameTable;
import org.daleel.analysis.text.ArabicClitics;
import org.daleel.analysis.text.Lexicon;
import org.daleel.analysis.text.Normalizer;
import org.daleel.analysis.text.Tokens;

/**
 * Finds place names in tokenized text and resolves each to a gazetteer place using the document as
 * context.
 *
 * <p>Recognition is a longest match over consecutive words against the gazetteer's name keys (exact
 * first, then fuzzy transliteration keys for Latin script), trying Arabic words with and without
 * their attached conjunction and preposition. Latin names must be capitalised; single words that are
 * common English words ("Hope", "Union", "West") or Arabic words that are also village names need an
 * explicit locative cue. "rural X", "X province", "eastern X", "ريف X", "محافظة X" resolve to the
 * first-level division.
 *
 * <p>Resolution is per distinct name (one sense per document): each candidate gets a prior (feature
 * code, population, primary name or alternate) and a context score (countries and governorates the
 * document mentions, distance to the other places it names); a name whose best candidate is too weak
 * stays unresolved. When the document is about a country outside the gazetteer (US, for example),
 * candidates in the gazetteer's countries lose unless their own country is mentioned.
 *
 * <p>Immutable and thread-safe.
 */
public final class PlaceRecognizer {
    private static final double THRESHOLD = 2.0;
    private static final int MAX_CANDIDATES = 60;
    private static final int MAX_ANCHORS = 150;
    private static final Set<String> SHIPPED = Set.copyOf(Gazetteer.SHIPPED_COUNTRIES);

    private static final Set<String> EN_CUES = Set.of(
            "in", "near", "from", "at", "into", "outside", "around", "across", "towards", "toward", "within", "inside",
            "besieged", "entered", "captured", "recaptured", "shelled", "bombed", "struck", "hit", "targeted", "seized",
            "stormed", "through", "via", "to", "reached");
    private static final Set<String> EN_NOUNS_BEFORE_OF = Set.of(
            "town", "towns", "city", "cities", "village", "villages", "outskirts", "suburb", "suburbs", "province",
            "governorate", "district", "area", "areas", "countryside", "neighbourhood", "neighborhood", "residents",
            "people", "region", "camp", "capital", "centre", "center", "municipality", "heart", "streets", "parts", "part",
            "west", "east", "north", "south", "northwest", "northeast", "southwest", "southeast", "edge", "edges",
            "entrance", "siege", "battle", "fall", "hills", "plain", "villagers", "inhabitants");
    private static final Set<String> EN_PLACE_WORDS = Set.of(
            "town", "towns", "city", "village", "villages", "neighbourhood", "neighborhood", "camp", "suburb", "district");
    private static final Set<String> DIRECTIONS = Set.of(
            "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern",
            "eastern", "western");
    private static final Set<String> EN_ADMIN_BEFORE = Set.of(
            "rural", "eastern", "western", "northern", "southern", "northeastern", "northwestern", "southeastern",
            "southwestern", "central");
    private static final Set<String> EN_ADMIN_AFTER = Set.of("province", "governorate", "countryside", "provinces");
    private static final Set<String> LATIN_ARTICLES =
            Set.of("al", "el", "ar", "as", "ad", "an", "ash", "at", "az", "ed", "es", "ez", "ath", "adh", "ak");

    private static final Set<String> AR_ADMIN_BEFORE = Set.of("محافظه", "ريف");
    private static final Set<String> AR_PLACE_WORDS = Set.of(
            "بلده", "قريه", "مدينه", "حي", "منطقه", "مخيم", "بلدات", "قري", "مدن", "احياء", "ناحيه", "بلدتي", "قريتي");
    private static final Set<String> AR_CUES = Set.of(
            "في", "قرب", "الي", "داخل", "حول", "محيط", "اطراف", "من", "عند", "نحو", "باتجاه", "سكان", "اهالي", "مدخل",
            "تخوم", "جوار", "بالقرب");
    private static final Set<String> AR_DIRECTIONS =
            Set.of("شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي");
    private static final Set<String> AR_DIRECTION_ADJECTIVES = Set.of("الشمالي", "الجنوبي", "الشرقي", "الغربي");

    /** The governorate that surrounds a city-governorate: "rural Damascus" is Rif Dimashq. */
    private static final Map<Long, Long> COUNTRYSIDE_OF = Map.of(167541L, 170652L);

    private final Gazetteer gazetteer;
    private final Lexicon enCommon = Lexicon.englishCommon();
    private final Lexicon arFunction = Lexicon.arabicFunction();
    private final Lexicon arCommon = Lexicon.arabicCommon();

    /** Creates a recognizer over {@code gazetteer}. */
    public PlaceRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** What the recognizer found: resolved places in text order, and the document's country weights. */
    public record Result(List<ResolvedPlace> places, Map<String, Double> countries) {}

    /**
     * Recognizes and resolves the places of a text.
     *
     * @param t the tokens
     * @param blocked tokens that belong to another mention (an actor, a person, a date) and cannot
     *     start or extend a place name; same length as the tokens
     * @param extraCountries country weights known from elsewhere (the actors' countries)
     */
    public Result recognize(Tokens t, boolean[] blocked, Map<String, Double> extraCountries) {
        DocumentWords words = new DocumentWords(t);
        List<Mention> mentions = spot(t, blocked, words);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Mention m : mentions) {
            String gk = (m.fuzzy ? "~" : "") + m.key + (m.adminPhrase ? "|A" : "") + (m.placeWord ? "|P" : "");
            Group g = groups.computeIfAbsent(gk, k -> new Group(m));
            g.add(m);
        }
        List<Group> list = new ArrayList<>(groups.values());
        for (Group g : list) {
            prepare(g);
        }
        Context ctx = Context.of(list, extraCountries, true, gazetteer);
        decide(list, ctx);
        ctx = Context.of(list, extraCountries, false, gazetteer);
        decide(list, ctx);
        List<ResolvedPlace> out = new ArrayList<>();
        for (Mention m : mentions) {
            Group g = m.group;
            if (g.chosen < 0 || !g.accepted) {
                continue;
            }
            GazetteerPlace p = gazetteer.place(g.chosen);
            if (p.contextOnly()) {
                continue;
            }
            int start = m.spanFirst == m.first ? startAfterClitics(t, m) : t.start(m.spanFirst);
            out.add(new ResolvedPlace(start, t.end(m.spanLast), m.spanFirst, m.spanLast, p, m.reference));
        }
        return new Result(out, ctx.countryWeights());
    }

    private static int startAfterClitics(Tokens t, Mention m) {
        return ArabicClitics.startWithout(t, m.first, m.firstForm);
    }

    // ---------------------------------------------------------------- recognition

    private List<Mention> spot(Tokens t, boolean[] blocked, DocumentWords words) {
        List<Mention> out = new ArrayList<>();
        String[] forms = new String[4];
        StringBuilder sb = new StringBuilder(64);
        int n = t.size();
        int i = 0;
        while (i < n) {
            if (!t.isWord(i) || blocked[i] || !canStart(t, i)) {
                i++;
                continue;
            }
            Mention m = longestAt(t, i, blocked, forms, sb);
            if (m == null) {
                i++;
                continue;
            }
            if (describe(t, m, words)) {
                out.add(m);
            }
            i = m.last + 1;
        }
        return out;
    }

    private static boolean canStart(Tokens t, int i) {
        byte k = t.kind(i);
        if (k == Tokens.ARABIC) {
            return true;
        }
        if (k != Tokens.LATIN) {
            return false;
        }
        if ((t.flags(i) & (Tokens.CAPITALISED | Tokens.ALL_CAPS)) != 0) {
            return true;
        }
        // "al-Bab", "ar-Raqqa": a lower-case article before a capitalised word
        return LATIN_ARTICLES.contains(t.norm(i)) && i + 1 < t.size() && t.kind(i + 1) == Tokens.LATIN
                && t.has(i + 1, Tokens.CAPITALISED);
    }

    /** Number of consecutive words from {@code i} that may form one name, none of them blocked. */
    private static int available(Tokens t, int i, boolean[] blocked, int max) {
        int k = t.run(i, max);
        for (int j = 1; j < k; j++) {
            if (blocked[i + j]) {
                return j;
            }
        }
        return k;
    }

    private Mention longestAt(Tokens t, int i, boolean[] blocked, String[] forms, StringBuilder sb) {
        int nForms = t.kind(i) == Tokens.ARABIC ? ArabicClitics.forms(t.norm(i), forms) : 1;
        if (nForms == 1) {
            forms[0] = t.norm(i);
        }
        Mention best = null;
        for (int f = 0; f < nForms; f++) {
            String first = forms[f];
            int maxW = gazetteer.maxWords(first);
            if (maxW > 0) {
                int avail = available(t, i, blocked, maxW);
                for (int len = Math.min(maxW, avail); len >= 1; len--) {
                    sb.setLength(0);
                    sb.append(first);
                    for (int j = 1; j < len; j++) {
                        sb.append(' ').append(t.norm(i + j));
                    }
                    int k = gazetteer.names().find(sb);
                    if (k >= 0) {
                        if (best == null || len > best.last - best.first + 1) {
                            best = new Mention(i, i + len - 1, sb.toString(), k, false, f, first);
                        }
                        break;
                    }
                }
            }
        }
        if (t.kind(i) == Tokens.LATIN) {
            String first = t.fuzzy(i);
            int maxW = gazetteer.maxWords(first);
            if (maxW > 0) {
                int avail = available(t, i, blocked, maxW);
                for (int len = Math.min(maxW, avail); len >= 1; len--) {
                    sb.setLength(0);
                    sb.append(first);
                    for (int j = 1; j < len; j++) {
                        sb.append(' ').append(t.fuzzy(i + j));
                    }
                    if (best != null && len <= best.last - best.first + 1) {
                        break; // an exact match at least as long wins
                    }
                    int k = gazetteer.fuzzyNames().find(sb);
                    if (k >= 0) {
                        best = new Mention(i, i + len - 1, sb.toString(), k, true, 0, t.norm(i));
                        break;
                    }
                }
            }
        }
        return best;
    }

    /** Fills modifiers, cues and weaknesses; returns false when the mention must be dropped. */
    private boolean describe(Tokens t, Mention m, DocumentWords words) {
        m.spanFirst = m.first;
        m.spanLast = m.last;
        boolean single = m.first == m.last;
        boolean arabic = t.kind(m.first) == Tokens.ARABIC;
        if (arabic) {
            describeArabic(t, m);
            if (single) {
                if (arFunction.contains(m.firstForm)) {
                    return false;
                }
                if (arCommon.contains(m.firstForm) && !m.placeWord) {
                    return false;
                }
                m.arabicSingle = true;
            }
            return true;
        }
        describeLatin(t, m);
        if (single) {
            String key = m.fuzzy ? t.norm(m.first) : m.key;
            if (enCommon.contains(key) || words.lowercase.contains(key)) {
                m.common = true;
            }
            if (words.startWeak(t, m.first)) {
                m.startWeak = true;
            }
            if (t.has(m.first, Tokens.ALL_CAPS) && key.length() <= 3) {
                m.acronym = true;
            }
        }
        return true;
    }

    private void describeLatin(Tokens t, Mention m) {
        int before = m.first - 1;
        if (before >= 0 && t.kind(before) == Tokens.LATIN && EN_ADMIN_BEFORE.contains(t.norm(before))) {
            m.adminPhrase = true;
            m.spanFirst = before;
            m.rural = t.norm(before).equals("rural");
            if (before >= 1 && t.has(before, Tokens.HYPHEN_JOINED) && DIRECTIONS.contains(t.norm(before - 1))) {
                m.spanFirst = before - 1; // "north-eastern Aleppo"
            }
        }
        int after = m.last + 1;
        if (after < t.size() && t.kind(after) == Tokens.LATIN && t.sentence(after) == t.sentence(m.last)) {
            String a = t.norm(after);
            if (EN_ADMIN_AFTER.contains(a)) {
                m.adminPhrase = true;
                m.spanLast = after;
                m.rural |= a.equals("countryside");
            } else if (a.equals("city") || a.equals("town") || a.equals("village")) {
                m.placeWord = true;
            }
        }
        int p = m.spanFirst - 1;
        if (p >= 0 && t.is(p, "the")) {
            p--;
        }
        if (p < 0 || t.sentence(p) != t.sentence(m.first)) {
            return;
        }
        String w = t.norm(p);
        if (EN_CUES.contains(w)) {
            m.cue = true;
        } else if (w.equals("of") && p >= 1) {
            String noun = t.norm(p - 1);
            if (DIRECTIONS.contains(noun)) {
                m.cue = true;
                m.reference = true; // "south-west of Damascus", "20 km north of Aleppo"
            } else if (EN_NOUNS_BEFORE_OF.contains(noun)) {
                m.cue = true;
                m.placeWord = EN_PLACE_WORDS.contains(noun);
            }
        } else if (EN_PLACE_WORDS.contains(w) || w.equals("province") || w.equals("governorate")) {
            m.cue = true; // "Idlib province town Saraqib", "the village Kafr Nabl"
        }
    }

    private void describeArabic(Tokens t, Mention m) {
        if (!m.firstForm.equals(t.norm(m.first)) && ArabicClitics.droppedPreposition(t.norm(m.first), m.firstForm)) {
            m.cue = true; // بداريا = in Darayya
        }
        int p = m.first - 1;
        if (p < 0 || t.kind(p) != Tokens.ARABIC || t.sentence(p) != t.sentence(m.first)) {
            return;
        }
        String[] forms = new String[4];
        int nf = ArabicClitics.forms(t.norm(p), forms);
        for (int f = 0; f < nf; f++) {
            String w = forms[f];
            if (AR_ADMIN_BEFORE.contains(w)) {
                m.adminPhrase = true;
                m.cue = true;
                m.spanFirst = p;
                m.rural = w.equals("ريف");
                int after = m.last + 1;
                if (w.equals("ريف") && after < t.size() && t.kind(after) == Tokens.ARABIC
                        && AR_DIRECTION_ADJECTIVES.contains(t.norm(after))) {
                    m.spanLast = after; // ريف حلب الشمالي
                }
                return;
            }
            if (AR_PLACE_WORDS.contains(w)) {
                m.placeWord = true;
                m.cue = true;
                return;
            }
            if (AR_DIRECTIONS.contains(w)) {
                m.cue = true;
                m.reference = true;
                return;
            }
            if (AR_CUES.contains(w)) {
                m.cue = true;
                return;
            }
        }
    }

    // ---------------------------------------------------------------- resolution

    private void prepare(Group g) {
        NameTable table = g.first.fuzzy ? gazetteer.fuzzyNames() : gazetteer.names();
        int k = g.first.keyIndex;
        int from = table.from(k);
        int to = table.to(k);
        Map<Integer, Boolean> cands = new HashMap<>();
        for (int p = from; p < to; p++) {
            int v = table.posting(p);
            cands.merge(v >>> 1, (v & 1) == 1, Boolean::logicalOr);
        }
        boolean hasAdmin1 = false;
        for (int c : cands.keySet()) {
            if (gazetteer.place(c).isAdmin1()) {
                hasAdmin1 = true;
                break;
            }
        }
        int size = cands.size();
        int[] all = new int[size];
        double[] scores = new double[size];
        int n = 0;
        for (Map.Entry<Integer, Boolean> e : cands.entrySet()) {
            all[n] = e.getKey();
            scores[n] = staticScore(g, e.getKey(), e.getValue(), hasAdmin1);
            n++;
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

    private double staticScore(Group g, int c, boolean primary, boolean hasAdmin1) {
        GazetteerPlace p = gazetteer.place(c);
        double s = prior(p) + (primary ? 0.3 : 0);
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
            case "PCLI", "PPLC" -> s = 3.2;
            case "PPLA" -> s = 3.0;
            case "CTX" -> s = 2.8;
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

    private void decide(List<Group> groups, Context ctx) {
        for (Group g : groups) {
            double bestScore = -1e9;
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int i = 0; i < g.cands.length; i++) {
                GazetteerPlace p = gazetteer.place(g.cands[i]);
                double dist = ctx.nearest(p, g);
                double s = g.staticScore[i] + ctx.score(p, dist, g);
                if (s > bestScore || (s == bestScore && p.population() > gazetteer.place(g.cands[best]).population())) {
                    bestScore = s;
                    best = i;
                    bestDist = dist;
                }
            }
            g.chosen = best < 0 ? -1 : g.cands[best];
            g.score = bestScore;
            g.accepted = best >= 0 && accept(g, bestScore, prior(gazetteer.place(g.chosen)), bestDist);
            if (g.accepted && g.countryside && COUNTRYSIDE_OF.containsKey(gazetteer.place(g.chosen).geonameId())) {
                int rural = gazetteer.indexOf(COUNTRYSIDE_OF.get(gazetteer.place(g.chosen).geonameId()));
                if (rural >= 0) {
                    g.chosen = rural; // "rural Damascus" is Rif Dimashq, not the city governorate
                }
            }
        }
    }

    private boolean accept(Group g, double score, double prior, double dist) {
        if (score < THRESHOLD) {
            return false;
        }
        if (g.allCommon && !g.anyCue) {
            return false;
        }
        if (g.allAcronym && prior < 3.0) {
            return false;
        }
        if (g.allStartWeak && !g.anyCue && prior < 2.4 && dist > 75) {
            return false;
        }
        if (g.allArabicSingle && !g.anyCue && prior < 2.4 && dist > 50) {
            return false;
        }
        return !g.first.fuzzy || g.multiword || score >= 2.6;
    }

    // ---------------------------------------------------------------- data

    private static final class Mention {
        final int first;
        final int last;
        final String key;
        final int keyIndex;
        final boolean fuzzy;
        final int form;
        final String firstForm;
        int spanFirst;
        int spanLast;
        boolean adminPhrase;
        boolean placeWord;
        boolean cue;
        boolean reference;
        boolean common;
        boolean startWeak;
        boolean acronym;
        boolean arabicSingle;
        boolean rural;
        Group group;

        Mention(int first, int last, String key, int keyIndex, boolean fuzzy, int form, String firstForm) {
            this.first = first;
            this.last = last;
            this.key = key;
            this.keyIndex = keyIndex;
            this.fuzzy = fuzzy;
            this.form = form;
            this.firstForm = firstForm;
        }
    }

    private static final class Group {
        final Mention first;
        final boolean adminPhrase;
        final boolean placeWord;
        final boolean multiword;
        boolean countryside;
        boolean anyCue;
        boolean allCommon = true;
        boolean allStartWeak = true;
        boolean allAcronym = true;
        boolean allArabicSingle = true;
        int count;
        int[] cands = new int[0];
        double[] staticScore = new double[0];
        int chosen = -1;
        double score;
        boolean accepted;

        Group(Mention m) {
            this.first = m;
            this.adminPhrase = m.adminPhrase;
            this.placeWord = m.placeWord;
            this.multiword = m.last > m.first;
        }

        void add(Mention m) {
            m.group = this;
            count++;
            anyCue |= m.cue;
            allCommon &= m.common;
            allStartWeak &= m.startWeak;
            allAcronym &= m.acronym;
            allArabicSingle &= m.arabicSingle;
            countryside |= m.rural;
        }
    }

    /** Words of the document used to tell proper names from common words. */
    private static final class DocumentWords {
        final Set<String> lowercase = new HashSet<>();
        final Set<String> capitalisedInside = new HashSet<>();
        final boolean[] titleCase;

        DocumentWords(Tokens t) {
            titleCase = new boolean[t.sentences()];
            for (int s = 0; s < t.sentences(); s++) {
                int caps = 0;
                int total = 0;
                for (int i = t.sentenceFirst(s); i < t.sentenceEnd(s); i++) {
                    if (t.kind(i) == Tokens.LATIN && t.norm(i).length() >= 4) {
                        total++;
                        if (t.has(i, Tokens.CAPITALISED)) {
                            caps++;
                        }
                    }
                }
                titleCase[s] = total >= 3 && caps * 4 >= total * 3;
            }
            for (int i = 0; i < t.size(); i++) {
                if (t.kind(i) != Tokens.LATIN) {
                    continue;
                }
                if ((t.flags(i) & (Tokens.CAPITALISED | Tokens.ALL_CAPS)) == 0) {
                    lowercase.add(t.norm(i));
                } else if (!t.has(i, Tokens.SENTENCE_START) && !titleCase[t.sentence(i)]
                        && !(i > 0 && t.isPunct(i - 1, "\""))) {
                    capitalisedInside.add(t.norm(i));
                }
            }
        }

        boolean startWeak(Tokens t, int i) {
            boolean atStart = t.has(i, Tokens.SENTENCE_START)
                    || (i > 0 && (t.isPunct(i - 1, "\"") || t.isPunct(i - 1, "(") || t.isPunct(i - 1, ":")));
            return (atStart && !capitalisedInside.contains(t.norm(i))) || titleCase[t.sentence(i)];
        }
    }

    /** Countries, governorates and points the document is about. */
    private static final class Context {
        final Map<String, Double> countries = new HashMap<>();
        final Map<String, Integer> admin1 = new HashMap<>();
        final Map<Group, String> ownCountry = new HashMap<>();
        final Map<Group, Double> ownWeight = new HashMap<>();
        final Map<Group, String> ownAdmin1 = new HashMap<>();
        double foreign;
        double covered;
        final List<double[]> points = new ArrayList<>();
        final List<Group> pointGroups = new ArrayList<>();
        double total;

        static Context of(List<Group> groups, Map<String, Double> extra, boolean anchorsOnly, Gazetteer gz) {
            Context c = new Context();
            extra.forEach((k, v) -> c.countries.merge(k, v, Double::sum));
            for (Group g : groups) {
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
                double w = Math.min(3, g.count);
                c.countries.merge(p.countryCode(), w, Double::sum);
                c.ownCountry.put(g, p.countryCode());
                c.ownWeight.put(g, w);
                if (!p.admin1().isEmpty()) {
                    String a1 = p.countryCode() + "." + p.admin1();
                    c.admin1.merge(a1, 1, Integer::sum);
                    c.ownAdmin1.put(g, a1);
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

        Map<String, Double> countryWeights() {
            return Map.copyOf(countries);
        }

        /** Distance in km from {@code p} to the nearest point of another group (MAX_VALUE if none). */
        double nearest(GazetteerPlace p, Group self) {
            if (!p.hasCoordinates()) {
                return Double.MAX_VALUE;
            }
            double best = Double.MAX_VALUE;
            double cosLat = Math.cos(Math.toRadians(p.lat()));
            for (int i = 0; i < points.size(); i++) {
                if (pointGroups.get(i) == self) {
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

        /** Context score of candidate {@code p} of group {@code g}, leaving out what {@code g} itself contributed. */
        double score(GazetteerPlace p, double dist, Group g) {
            double s = 0;
            String ownCc = ownCountry.get(g);
            double own = ownWeight.getOrDefault(g, 0.0);
            double tot = total - own;
            if (tot > 0) {
                double w = countries.getOrDefault(p.countryCode(), 0.0) - (p.countryCode().equals(ownCc) ? own : 0);
                double share = Math.max(0, w) / tot;
                s += 1.2 * share;
                if (share == 0 && !p.contextOnly()) {
                    s -= 0.5;
                    double f = foreign - (ownCc != null && !SHIPPED.contains(ownCc) ? own : 0);
                    double cv = covered - (ownCc != null && SHIPPED.contains(ownCc) ? own : 0);
                    if (f > cv) {
                        s -= 1.5;
                    }
                }
            }
            if (!p.admin1().isEmpty()) {
                String a1 = p.countryCode() + "." + p.admin1();
                int n = admin1.getOrDefault(a1, 0) - (a1.equals(ownAdmin1.get(g)) ? 1 : 0);
                if (n > 0) {
                    s += 0.6;
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
