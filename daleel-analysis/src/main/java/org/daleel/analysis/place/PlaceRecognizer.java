package org.daleel.analysis.place;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.gazetteer.GazetteerPlace;
import org.daleel.analysis.gazetteer.NameTable;
import org.daleel.analysis.text.ArabicClitics;
import org.daleel.analysis.text.Lexicon;
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
    private static final Set<String> EN_CUES = Set.of(
            "in",
            "near",
            "from",
            "at",
            "into",
            "outside",
            "around",
            "across",
            "towards",
            "toward",
            "within",
            "inside",
            "besieged",
            "entered",
            "captured",
            "recaptured",
            "shelled",
            "bombed",
            "struck",
            "hit",
            "targeted",
            "seized",
            "stormed",
            "through",
            "via",
            "to",
            "reached");
    private static final Set<String> EN_NOUNS_BEFORE_OF = Set.of(
            "town",
            "towns",
            "city",
            "cities",
            "village",
            "villages",
            "outskirts",
            "suburb",
            "suburbs",
            "province",
            "governorate",
            "district",
            "area",
            "areas",
            "countryside",
            "neighbourhood",
            "neighborhood",
            "residents",
            "people",
            "region",
            "camp",
            "capital",
            "centre",
            "center",
            "municipality",
            "heart",
            "streets",
            "parts",
            "part",
            "west",
            "east",
            "north",
            "south",
            "northwest",
            "northeast",
            "southwest",
            "southeast",
            "edge",
            "edges",
            "entrance",
            "siege",
            "battle",
            "fall",
            "hills",
            "plain",
            "villagers",
            "inhabitants");
    private static final Set<String> EN_PLACE_WORDS = Set.of(
            "town",
            "towns",
            "city",
            "village",
            "villages",
            "neighbourhood",
            "neighborhood",
            "camp",
            "suburb",
            "district");
    private static final Set<String> DIRECTIONS = Set.of(
            "north",
            "south",
            "east",
            "west",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
            "northern",
            "southern",
            "eastern",
            "western");
    private static final Set<String> EN_ADMIN_BEFORE = Set.of(
            "rural",
            "upstate",
            "downstate",
            "eastern",
            "western",
            "northern",
            "southern",
            "northeastern",
            "northwestern",
            "southeastern",
            "southwestern",
            "central");
    private static final Set<String> EN_ADMIN_AFTER = Set.of("province", "governorate", "countryside", "provinces");
    /** Words that make a preceding single name part of the name of another feature ("Wayne County"). */
    private static final Set<String> EN_FEATURE_AFTER = Set.of(
            "county",
            "parish",
            "township",
            "street",
            "st",
            "avenue",
            "ave",
            "road",
            "boulevard",
            "river",
            "lake",
            "creek",
            "mountain",
            "mountains",
            "island",
            "islands",
            "bay",
            "beach",
            "university",
            "college",
            "airport",
            "hospital",
            "square",
            "park",
            "bridge",
            "stadium",
            "hotel",
            "club",
            "high");

    /** Most words a name may have; longer runs are not looked up. */
    private static final int MAX_NAME_WORDS = 16;

    /**
     * Name prefixes written short or in full, each with its other form: a name is looked up with the
     * form the text uses and with the other ("St Louis" and "Saint Louis").
     */
    private static final Map<String, String> NAME_PREFIXES =
            Map.of("st", "saint", "saint", "st", "ste", "sainte", "sainte", "ste", "mt", "mount", "ft", "fort");

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

    private final Gazetteer gazetteer;
    private final PlaceResolver resolver;
    private final Lexicon enCommon = Lexicon.englishCommon();
    private final Lexicon arFunction = Lexicon.arabicFunction();
    private final Lexicon arCommon = Lexicon.arabicCommon();
    private static final Set<String> EN_COMMON_PLACES = loadWords("en-common-places.txt");
    private static final Set<String> MONTHS = Set.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");
    /** Holidays that are also names of small places ("at Christmas" is not Christmas, Florida). */
    private static final Set<String> HOLIDAYS = Set.of("christmas", "easter", "thanksgiving", "halloween");
    /** Makers of vehicles whose names are also places ("a 1992 Toyota Corolla", "a Dodge Durango"). */
    private static final Set<String> VEHICLE_MAKES = Set.of(
            "toyota",
            "honda",
            "nissan",
            "dodge",
            "ford",
            "chevrolet",
            "chevy",
            "hyundai",
            "kia",
            "mazda",
            "mitsubishi",
            "subaru",
            "jeep",
            "chrysler",
            "buick",
            "cadillac",
            "pontiac",
            "gmc",
            "lexus",
            "acura",
            "infiniti",
            "volkswagen",
            "volvo",
            "bmw",
            "mercedes",
            "audi",
            "peugeot",
            "renault",
            "fiat",
            "isuzu",
            "suzuki",
            "kamaz",
            "lada",
            "skoda",
            "opel",
            "saturn",
            "oldsmobile",
            "plymouth");

    private static final Set<String> SPEECH_VERBS = Set.of(
            "said",
            "says",
            "told",
            "tells",
            "added",
            "announced",
            "stated",
            "warned",
            "wrote",
            "tweeted",
            "claimed",
            "explained",
            "noted",
            "insisted",
            "argued",
            "asked",
            "replied",
            "urged");
    /** Capitalised words before a name that do not make it part of a person's or another name. */
    private static final Set<String> EN_NEUTRAL_BEFORE = Set.of(
            "the",
            "downtown",
            "uptown",
            "metropolitan",
            "metro",
            "historic",
            "suburban",
            "greater",
            "old",
            "central",
            "and",
            "or",
            "but",
            "while",
            "as",
            "after",
            "before",
            "since",
            "both",
            "between",
            "across",
            "outside",
            "inside",
            "western",
            "eastern",
            "northern",
            "southern",
            "rural",
            "from",
            "in",
            "near",
            "at",
            "to",
            "of",
            "on",
            "by",
            "for",
            "with",
            "like",
            "unlike",
            "including",
            "when",
            "if",
            "where",
            "whereas");

    private static Set<String> loadWords(String name) {
        Set<String> words = new HashSet<>();
        try (var in = PlaceRecognizer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new java.io.UncheckedIOException(
                        new java.io.IOException("classpath resource " + name + " is missing"));
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(org.daleel.analysis.text.Normalizer.key(w));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("word list " + name + ": " + e.getMessage(), e);
        }
        return Set.copyOf(words);
    }

    /** Creates a recognizer over {@code gazetteer}. */
    public PlaceRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.resolver = new PlaceResolver(gazetteer);
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
        List<NameMatch> mentions = spot(t, blocked, words);
        if (!words.persons.isEmpty() || !words.others.isEmpty()) {
            mentions.removeIf(m ->
                    m.first == m.last && !m.fuzzy && (words.persons.contains(m.key) || words.others.contains(m.key)));
        }
        Map<String, NameGroup> groups = group(t, mentions);
        linkContainers(t, mentions);
        Set<String> speakers = new HashSet<>();
        for (NameMatch m : mentions) {
            if (m.speaker) {
                speakers.add(m.key);
            }
        }
        for (NameGroup g : groups.values()) {
            g.anySpeaker = speakers.contains(g.first.key); // "Robertson said" anywhere: every "Robertson"
        }
        Map<String, Double> countries = resolver.resolve(new ArrayList<>(groups.values()), extraCountries);
        List<ResolvedPlace> out = new ArrayList<>();
        for (NameMatch m : mentions) {
            NameGroup g = m.group;
            if (!g.reportable() || !g.accepted || m.countyOfList) {
                continue;
            }
            GazetteerPlace p = gazetteer.place(g.chosen);
            boolean adjective = false;
            if (p.contextOnly()) {
                // a demonym ("Georgian", "Israelis", "Texans") is reported as an adjective of its country or division
                int country = p.isAdjective() ? adjectiveOf(p) : -1;
                if (country < 0) {
                    continue;
                }
                p = gazetteer.place(country);
                adjective = true;
            }
            int start = m.spanFirst == m.first
                    ? startAfterClitics(t, m)
                    : m.spanFirstForm != null
                            ? ArabicClitics.startWithout(t, m.spanFirst, m.spanFirstForm)
                            : t.start(m.spanFirst);
            out.add(new ResolvedPlace(
                    start,
                    abbreviationEnd(t, m.first, m.spanLast, p),
                    m.spanFirst,
                    m.spanLast,
                    p,
                    m.reference,
                    adjective));
        }
        return new Result(out, countries);
    }

    /**
     * Resolves place mentions whose token ranges are given (by an annotator, or another recognizer)
     * in the context of the whole text: the names the recognizer finds elsewhere in the text count as
     * context as usual, and each given range is read as the longest gazetteer name inside it that
     * starts with a capitalised word ("Town of Groton" is Groton, not the Turkish town Of). A given
     * mention is resolved to its best candidate even when {@link #recognize} would have judged it too
     * weak to report (it is known to be a place); a county's name is resolved only to a county record.
     *
     * @param ranges {first token, last token} of each mention
     * @return for each range, in order, the place chosen, or empty when no gazetteer name lies inside it
     *     (or the range names a county the gazetteer lacks)
     */
    public List<Optional<GazetteerPlace>> resolveGiven(
            Tokens t, boolean[] blocked, Map<String, Double> extraCountries, List<int[]> ranges) {
        DocumentWords words = new DocumentWords(t);
        boolean[] inGiven = new boolean[t.size()];
        for (int[] r : ranges) {
            for (int i = Math.max(0, r[0]); i <= Math.min(t.size() - 1, r[1]); i++) {
                inGiven[i] = true;
            }
        }
        List<NameMatch> mentions = new ArrayList<>();
        for (NameMatch m : spot(t, blocked, words)) {
            boolean overlaps = false;
            for (int i = m.first; i <= m.last; i++) {
                overlaps |= inGiven[i];
            }
            if (!overlaps) {
                mentions.add(m); // context
            }
        }
        boolean[] outside = new boolean[t.size()];
        java.util.Arrays.fill(outside, true);
        String[] forms = new String[4];
        StringBuilder sb = new StringBuilder(64);
        List<NameMatch> given = new ArrayList<>(ranges.size());
        for (int[] r : ranges) {
            int first = Math.max(0, r[0]);
            int last = Math.min(t.size() - 1, r[1]);
            for (int i = first; i <= last; i++) {
                outside[i] = false;
            }
            NameMatch best = null;
            for (int i = first; i <= last; i++) {
                NameMatch c = t.isWord(i) && canStart(t, i) ? longestAt(t, i, outside, forms, sb) : null;
                if (c != null && (best == null || c.last - c.first > best.last - best.first)) {
                    best = c;
                }
            }
            for (int i = first; i <= last; i++) {
                outside[i] = true;
            }
            if (best != null) {
                describe(t, best, words, blocked); // the verdict is ignored: the caller says it is a place
                best.cue = true; // the caller says it is a place
                best.common = false;
                best.startWeak = false;
                best.acronym = false;
                best.arabicSingle = false;
                mentions.add(best);
            }
            given.add(best);
        }
        List<NameMatch> ordered = new ArrayList<>(mentions);
        ordered.sort(java.util.Comparator.comparingInt(m -> m.first));
        Map<String, NameGroup> groups = group(t, ordered);
        linkContainers(t, ordered);
        resolver.resolve(new ArrayList<>(groups.values()), extraCountries);
        List<Optional<GazetteerPlace>> out = new ArrayList<>(given.size());
        for (NameMatch m : given) {
            GazetteerPlace p = m == null || !m.group.reportable() ? null : gazetteer.place(m.group.chosen);
            if (p != null && p.contextOnly() && !p.countryCode().isEmpty()) {
                // a context entry given as a place ("Israeli", "Moscow" without its own record): its country
                int country = p.isAdjective() ? adjectiveOf(p) : gazetteer.countryIndex(p.countryCode());
                p = country >= 0 ? gazetteer.place(country) : null;
            }
            out.add(p == null || p.contextOnly() ? Optional.empty() : Optional.of(p));
        }
        return out;
    }

    /**
     * Links "X, Y" pairs of Latin mentions (in text order): Y named right after X and a comma, in the
     * same sentence, is read as X's state or country ("St. Petersburg, Florida", "Paris, Texas").
     * Not in a list: no mention before X or after Y joined to it by a comma, "and" or "or"
     * ("Damascus, Homs and Aleppo").
     */
    private static void linkContainers(Tokens t, List<NameMatch> mentions) {
        for (int k = 0; k + 1 < mentions.size(); k++) {
            NameMatch a = mentions.get(k);
            NameMatch b = mentions.get(k + 1);
            if (a.group == null || b.group == null || a.group == b.group || !paired(t, mentions, k)) {
                continue;
            }
            if (!a.group.containers.contains(b.group)) {
                a.group.containers.add(b.group);
                b.group.contained.add(a.group);
            }
        }
    }

    /** True if mention {@code k} and the next form a Latin "X, Y" pair outside a list (see {@link #linkContainers}). */
    private static boolean paired(Tokens t, List<NameMatch> mentions, int k) {
        NameMatch a = mentions.get(k);
        NameMatch b = mentions.get(k + 1);
        return t.kind(a.first) == Tokens.LATIN
                && t.kind(b.first) == Tokens.LATIN
                && b.spanFirst == a.spanLast + 2
                && t.isPunct(a.spanLast + 1, ",")
                && t.sentence(b.first) == t.sentence(a.last)
                && !(k > 0 && listed(t, mentions.get(k - 1), a))
                && !(k + 2 < mentions.size() && listed(t, b, mentions.get(k + 2)));
    }

    /**
     * Groups mentions by name (one sense per document), except that a name qualified by two different
     * states or countries in one document ("Tripoli, Lebanon ... Tripoli, Libya") gets one group per
     * qualifier, and its unqualified mentions one more. Mentions must be in text order.
     */
    private static Map<String, NameGroup> group(Tokens t, List<NameMatch> mentions) {
        Map<String, Set<String>> qualifiers = new java.util.HashMap<>();
        String[] qualifier = new String[mentions.size()];
        for (int k = 0; k + 1 < mentions.size(); k++) {
            if (!mentions.get(k).key.equals(mentions.get(k + 1).key) && paired(t, mentions, k)) {
                qualifier[k] = mentions.get(k + 1).key;
                qualifiers
                        .computeIfAbsent(mentions.get(k).key, x -> new HashSet<>())
                        .add(qualifier[k]);
            }
        }
        Map<String, NameGroup> groups = new LinkedHashMap<>();
        for (int k = 0; k < mentions.size(); k++) {
            NameMatch m = mentions.get(k);
            String gk = (m.fuzzy ? "~" : "")
                    + m.key
                    + (m.adminPhrase ? "|A" : "")
                    + (m.placeWord ? "|P" : "")
                    + (m.county ? "|C" : "");
            if (qualifiers.getOrDefault(m.key, Set.of()).size() > 1) {
                gk += "|in " + (qualifier[k] == null ? "" : qualifier[k]); // "Tripoli, Libya" beside "Tripoli, Lebanon"
            }
            groups.computeIfAbsent(gk, x -> new NameGroup(m)).add(m);
        }
        return groups;
    }

    /** True if only a comma, "and" or "or" (or a comma and one of them) lie between mentions a and b. */
    private static boolean listed(Tokens t, NameMatch a, NameMatch b) {
        int gap = b.spanFirst - a.spanLast - 1;
        if (gap < 1 || gap > 2 || t.sentence(a.last) != t.sentence(b.first)) {
            return false;
        }
        for (int i = a.spanLast + 1; i < b.spanFirst; i++) {
            if (!(t.isPunct(i, ",") || t.is(i, "and") || t.is(i, "or"))) {
                return false;
            }
        }
        return true;
    }

    /** The place a demonym stands for: its first-level division when it has an admin1 code, else its country. */
    private int adjectiveOf(GazetteerPlace demonym) {
        int division = demonym.admin1().isEmpty() ? -1 : gazetteer.admin1Index(demonym.countryCode(), demonym.admin1());
        return division >= 0 ? division : gazetteer.countryIndex(demonym.countryCode());
    }

    /**
     * End of a mention at token {@code last}: a division's short written form keeps its final dot
     * ("Kan.", "Calif.", "S.C."), which is part of the name and not the end of a sentence.
     */
    private static int abbreviationEnd(Tokens t, int first, int last, GazetteerPlace p) {
        int end = t.end(last);
        String text = t.text();
        String surface = t.surface(last);
        if (p.isAdmin1()
                && (first == last || !sameName(p.name(), text, t.start(first), end)) // "New York." ends a sentence
                && end < text.length()
                && text.charAt(end) == '.'
                && surface.length() <= 5
                && Character.isUpperCase(surface.charAt(0))
                && !surface.endsWith(".")
                && !p.name().equalsIgnoreCase(surface)) {
            return end + 1;
        }
        return end;
    }

    /** True if {@code text[from, to)} is {@code name}, ignoring case; allocates nothing. */
    private static boolean sameName(String name, String text, int from, int to) {
        return name.length() == to - from && name.regionMatches(true, 0, text, from, to - from);
    }

    private static int startAfterClitics(Tokens t, NameMatch m) {
        return ArabicClitics.startWithout(t, m.first, m.firstForm);
    }

    // ---------------------------------------------------------------- recognition

    private List<NameMatch> spot(Tokens t, boolean[] blocked, DocumentWords words) {
        List<NameMatch> out = new ArrayList<>();
        String[] forms = new String[4];
        StringBuilder sb = new StringBuilder(64);
        int n = t.size();
        int i = 0;
        while (i < n) {
            if (!t.isWord(i) || blocked[i] || !canStart(t, i)) {
                i++;
                continue;
            }
            NameMatch m = longestAt(t, i, blocked, forms, sb);
            if (m == null) {
                i++;
                continue;
            }
            if (describe(t, m, words, blocked)) {
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
        return LATIN_ARTICLES.contains(t.norm(i))
                && i + 1 < t.size()
                && t.kind(i + 1) == Tokens.LATIN
                && t.has(i + 1, Tokens.CAPITALISED);
    }

    /**
     * Fills {@code pos} with the tokens of up to {@code max} consecutive words from {@code i} that may
     * form one name, none of them blocked, and returns their number. The full stop of a short name
     * prefix ("St. Louis", "Sault Ste. Marie", "Mt. Lebanon", "Ft. Worth") is part of the name: it is
     * skipped, so the words around it form the name.
     */
    private static int nameWords(Tokens t, int i, boolean[] blocked, int max, int[] pos) {
        pos[0] = i;
        int k = 1;
        while (k < max) {
            int j = pos[k - 1];
            if (t.run(j, 2) == 2) {
                if (blocked[j + 1]) {
                    break;
                }
                pos[k++] = j + 1;
            } else if (prefixDot(t, j) && !blocked[j + 2]) {
                pos[k++] = j + 2;
            } else {
                break;
            }
        }
        return k;
    }

    /**
     * True if word {@code j} is a capitalised name prefix written short with a full stop right after
     * it ("St.", "Ste.", "Mt.", "Ft.") and a capitalised word of the same sentence follows the stop
     * after a space.
     */
    private static boolean prefixDot(Tokens t, int j) {
        int dot = j + 1;
        int next = j + 2;
        if (next >= t.size()
                || t.kind(j) != Tokens.LATIN
                || !t.has(j, Tokens.CAPITALISED)
                || !NAME_PREFIXES.containsKey(t.norm(j))
                || !t.isPunct(dot, ".")
                || t.end(j) != t.start(dot)
                || t.kind(next) != Tokens.LATIN
                || !t.has(next, Tokens.CAPITALISED)
                || t.sentence(next) != t.sentence(j)) {
            return false;
        }
        int gap = t.start(next) - t.end(dot);
        return gap >= 1 && gap <= 2 && t.text().charAt(t.end(dot)) == ' ';
    }

    private NameMatch longestAt(Tokens t, int i, boolean[] blocked, String[] forms, StringBuilder sb) {
        boolean latin = t.kind(i) == Tokens.LATIN;
        int nForms = latin ? 1 : ArabicClitics.forms(t.norm(i), forms);
        if (nForms == 1) {
            forms[0] = t.norm(i);
        }
        String other = latin ? NAME_PREFIXES.get(t.norm(i)) : null;
        if (other != null) {
            forms[1] = other; // "St Louis" is also looked up as "Saint Louis", and "Saint John" as "St John"
            nForms = 2;
        }
        int[] pos = new int[MAX_NAME_WORDS];
        NameMatch best = null;
        for (int f = 0; f < nForms; f++) {
            String first = forms[f];
            int maxW = Math.min(MAX_NAME_WORDS, gazetteer.maxWords(first));
            if (maxW > 0) {
                int avail = nameWords(t, i, blocked, maxW, pos);
                for (int len = avail; len >= 1; len--) {
                    sb.setLength(0);
                    sb.append(first);
                    for (int j = 1; j < len; j++) {
                        sb.append(' ').append(t.norm(pos[j]));
                    }
                    int k = gazetteer.names().find(sb);
                    if (k >= 0) {
                        if (best == null || len > best.words) {
                            best = new NameMatch(
                                    i, pos[len - 1], sb.toString(), k, false, f, latin ? t.norm(i) : first);
                            best.words = len;
                            best.prefixVariant = other != null && f == 1;
                        } else if (other != null && len == best.words && best.otherPrefixKey < 0) {
                            best.otherPrefixKey = k; // "St Clair" and "Saint Clair" both name places
                        }
                        break;
                    }
                }
            }
        }
        NameMatch initials = latin && (best == null || best.words < 2) ? spacedInitials(t, i, blocked) : null;
        if (initials != null) {
            best = initials; // "W. Va.": West Virginia, not "W" and then "Va."
        }
        if (latin) {
            String first = t.fuzzy(i);
            int maxW = Math.min(MAX_NAME_WORDS, gazetteer.maxWords(first));
            if (maxW > 0) {
                int avail = nameWords(t, i, blocked, maxW, pos);
                for (int len = avail; len >= 1; len--) {
                    sb.setLength(0);
                    sb.append(first);
                    for (int j = 1; j < len; j++) {
                        sb.append(' ').append(t.fuzzy(pos[j]));
                    }
                    if (best != null && len <= best.words) {
                        break; // an exact match at least as long wins
                    }
                    int k = gazetteer.fuzzyNames().find(sb);
                    if (k >= 0) {
                        best = new NameMatch(i, pos[len - 1], sb.toString(), k, true, 0, t.norm(i));
                        best.words = len;
                        break;
                    }
                }
            }
        }
        return best;
    }

    /**
     * A state's short form written with a space after its initial ("W. Va." for "W.Va."): a capital
     * initial with its dot, a space and a capitalised abbreviation of up to four letters with its own
     * dot, looked up as the one word the unspaced form is ("wva"); only a first-level division's own
     * name counts, so "J. Smith." stays a person. Null if there is none at {@code i}.
     */
    private NameMatch spacedInitials(Tokens t, int i, boolean[] blocked) {
        int j = i + 2;
        if (j + 1 >= t.size()
                || t.surface(i).length() != 1
                || !t.has(i, Tokens.CAPITALISED)
                || !t.isPunct(i + 1, ".")
                || t.end(i) != t.start(i + 1)
                || blocked[j]
                || t.kind(j) != Tokens.LATIN
                || !t.has(j, Tokens.CAPITALISED)
                || t.surface(j).length() > 4
                || t.start(j) != t.end(i + 1) + 1
                || !t.isPunct(j + 1, ".")
                || t.end(j) != t.start(j + 1)) {
            return null;
        }
        String key = t.norm(i) + t.norm(j);
        int k = gazetteer.names().find(key);
        if (k < 0) {
            return null;
        }
        NameTable table = gazetteer.names();
        for (int p = table.from(k); p < table.to(k); p++) {
            int v = table.posting(p);
            if ((v & 1) == 1 && gazetteer.place(v >>> 1).isAdmin1()) {
                NameMatch m = new NameMatch(i, j, key, k, false, 0, t.norm(i));
                m.words = 2;
                return m;
            }
        }
        return null;
    }

    /** Fills modifiers, cues and weaknesses; returns false when the mention must be dropped. */
    private boolean describe(Tokens t, NameMatch m, DocumentWords words, boolean[] blocked) {
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
        int after = m.last + 1;
        m.county = countyName(t, m);
        if (single
                && after + 1 < t.size()
                && t.kind(after) == Tokens.LATIN
                && LATIN_ARTICLES.contains(t.norm(after))
                && t.has(after + 1, Tokens.CAPITALISED)
                && t.sentence(after + 1) == t.sentence(m.first)) {
            return false; // "Bab al-Tabbaneh": the first word of a longer name the gazetteer lacks
        }
        if (single
                && after < t.size()
                && t.kind(after) == Tokens.LATIN
                && t.has(after, Tokens.CAPITALISED)
                && t.sentence(after) == t.sentence(m.first)
                && EN_FEATURE_AFTER.contains(t.norm(after))) {
            return false; // "Wayne County", "Union Street", "Jackson Airport": another feature's name
        }
        if (!single && t.is(m.first, "st") && afterOtherName(t, m, blocked, words)) {
            return false; // "Main St. Louis", "Main St Louis": a street named Main, then another word
        }
        if (single && (MONTHS.contains(t.norm(m.first)) || HOLIDAYS.contains(t.norm(m.first)))) {
            return false; // "in May": a month; "at Christmas": a holiday
        }
        if (inListOfCounties(t, m)) {
            // "Navarro, Henderson and Ellis counties": counties, not the towns; they still lend their
            // towns' state to the document's other names, but are not reported
            m.countyOfList = true;
        }
        if (single && holidayName(t, m)) {
            return false; // "St. Patrick's Day", "Valentine's Day": a holiday
        }
        if (single && (vehicle(t, m) || firm(t, m))) {
            words.others.add(m.key); // "In the Honda, driver...": the vehicle throughout the document
            return false; // "a 1992 Toyota Corolla", "a Dodge Durango", "Stevens & Wilkinson"
        }
        if (single) {
            int before = m.first - 1;
            m.speaker = after < t.size()
                    && t.kind(after) == Tokens.LATIN
                    && t.sentence(after) == t.sentence(m.first)
                    && SPEECH_VERBS.contains(t.norm(after))
                    // "the mayor of Palmyra said": the place of someone who speaks
                    && !(before >= 0
                            && t.kind(before) == Tokens.LATIN
                            && (t.norm(before).equals("of") || EN_CUES.contains(t.norm(before))));
        }
        if (single && afterOtherName(t, m, blocked, words) && !namesCountryOrDivision(m)) {
            words.persons.add(m.key); // every mention of "Clinton" in this document is the person
            return false; // "Hillary Clinton", "President Obama", "Jabal Mohsen": not this place
        }
        if (!single && allCommonWords(t, m)) {
            m.common = true; // "The City", "North Hill": a name made of common words needs a cue too
        }
        if (single) {
            String key = m.fuzzy ? t.norm(m.first) : m.key;
            if (enCommon.contains(key) || EN_COMMON_PLACES.contains(key) || words.lowercase.contains(key)) {
                m.common = true;
            }
            if (words.startWeak(t, m.first)) {
                m.startWeak = true;
            }
            if (beforeOtherName(t, m)) {
                m.startWeak = true;
                m.beforeName = true;
            }
            if (t.has(m.first, Tokens.ALL_CAPS) && key.length() <= 3) {
                m.acronym = true;
            }
        }
        return true;
    }

    /**
     * True if a capitalised word that is not a cue, direction or function word comes right before a
     * one-word name in the same sentence: the name is then part of a person's name or title ("John
     * Kerry", "President Obama") or of a longer name the gazetteer lacks. A word that the document
     * also writes in lowercase ("A", "Another") or a common English word ("Rodeo") is no name.
     */
    private static boolean afterOtherName(Tokens t, NameMatch m, boolean[] blocked, DocumentWords words) {
        int before = m.first - 1;
        if (before < 0
                || blocked[before]
                || t.kind(before) != Tokens.LATIN
                || t.sentence(before) != t.sentence(m.first)
                || !t.has(before, Tokens.CAPITALISED)
                || t.has(before, Tokens.ALL_CAPS)) {
            return false;
        }
        String w = t.norm(before);
        if (words.lowercase.contains(w) || EN_COMMON_PLACES.contains(w)) {
            return false; // "A Georgian unit", "Rodeo Gainesville": a word the text also writes lowercase
        }
        return !EN_NEUTRAL_BEFORE.contains(w)
                && !EN_CUES.contains(w)
                && !DIRECTIONS.contains(w)
                && !EN_ADMIN_BEFORE.contains(w)
                && !LATIN_ARTICLES.contains(w)
                && !EN_PLACE_WORDS.contains(w);
    }

    /**
     * True if a one-word name is a vehicle: a maker's name after a year ("a 2005 Honda") or before a
     * model ("Toyota Corolla", not "Dodge City" or "Ford County"), or a model after a maker ("Dodge
     * Durango").
     */
    private static boolean vehicle(Tokens t, NameMatch m) {
        int before = m.first - 1;
        if (before >= 0
                && t.kind(before) == Tokens.LATIN
                && t.has(before, Tokens.CAPITALISED)
                && VEHICLE_MAKES.contains(t.norm(before))) {
            return true;
        }
        if (!VEHICLE_MAKES.contains(t.norm(m.first))) {
            return false;
        }
        if (before >= 0 && t.kind(before) == Tokens.NUMBER && year(t.norm(before))) {
            return true;
        }
        int after = m.last + 1;
        return after < t.size()
                && t.kind(after) == Tokens.LATIN
                && t.has(after, Tokens.CAPITALISED)
                && t.sentence(after) == t.sentence(m.first)
                && !EN_FEATURE_AFTER.contains(t.norm(after))
                && !EN_PLACE_WORDS.contains(t.norm(after))
                && !EN_ADMIN_AFTER.contains(t.norm(after));
    }

    private static boolean year(String w) {
        return w.length() == 4 && (w.startsWith("19") || w.startsWith("20"));
    }

    /**
     * True if a one-word name is joined by an ampersand to another capitalised name, as in a firm's
     * name ("Stevens & Wilkinson", "Marks & Spencer"); a country ("Trinidad & Tobago") is checked by
     * the caller.
     */
    private boolean firm(Tokens t, NameMatch m) {
        if (namesCountryOrDivision(m)) {
            return false;
        }
        int after = m.last + 1;
        if (after < t.size()
                && t.kind(after) == Tokens.LATIN
                && t.has(after, Tokens.CAPITALISED)
                && ampersandBetween(t, m.last, after)) {
            return true;
        }
        int before = m.first - 1;
        return before >= 0
                && t.kind(before) == Tokens.LATIN
                && t.has(before, Tokens.CAPITALISED)
                && ampersandBetween(t, before, m.first);
    }

    /** True if only an ampersand and spaces separate tokens {@code a} and {@code b}; allocates nothing. */
    private static boolean ampersandBetween(Tokens t, int a, int b) {
        String text = t.text();
        boolean amp = false;
        for (int c = t.end(a); c < t.start(b); c++) {
            char ch = text.charAt(c);
            if (ch == '&' && !amp) {
                amp = true;
            } else if (!Character.isWhitespace(ch)) {
                return false;
            }
        }
        return amp;
    }

    /**
     * True if the name is one of a list that ends in "counties" or "parishes" ("Navarro, Henderson and
     * Ellis counties", one "and" or "or"): each is a county, handled as "Henderson County" is, not the
     * town.
     */
    private static boolean inListOfCounties(Tokens t, NameMatch m) {
        int after = m.last + 1;
        if (after < t.size()
                && (t.is(after, "counties") || t.is(after, "parishes"))
                && m.first >= 2
                && (t.is(m.first - 1, "and") || t.is(m.first - 1, "or"))
                && t.has(m.first - 2, Tokens.CAPITALISED)) {
            return true; // the last of the list: "Barrow and Jackson counties"
        }
        boolean and = false;
        int end = Math.min(t.size(), m.last + 40);
        for (int i = m.last + 1; i < end && t.sentence(i) == t.sentence(m.last); i++) {
            if (t.kind(i) == Tokens.LATIN && t.has(i, Tokens.CAPITALISED)) {
                continue;
            }
            if (t.isPunct(i, ",")) {
                continue;
            }
            if (t.is(i, "and") || t.is(i, "or")) {
                if (and) {
                    return false; // "Charlton counties in Georgia and Nassau and Baker counties"
                }
                and = true;
                continue;
            }
            return and && (t.is(i, "counties") || t.is(i, "parishes"));
        }
        return false;
    }

    /**
     * True if the name is a county's or a parish's: its last word is "County" or "Parish" ("Orange
     * County", which cities500 lists as a town's alternate name), or one of those words, or "Co.",
     * follows it ("Laurel County", "Licking Co.").
     */
    private static boolean countyName(Tokens t, NameMatch m) {
        if (m.last > m.first && (t.is(m.last, "county") || t.is(m.last, "parish"))) {
            return true;
        }
        int after = m.last + 1;
        return after < t.size()
                && t.kind(after) == Tokens.LATIN
                && t.has(after, Tokens.CAPITALISED)
                && t.sentence(after) == t.sentence(m.last)
                && (t.is(after, "county")
                        || t.is(after, "parish")
                        || (t.is(after, "co") && after + 1 < t.size() && t.isPunct(after + 1, ".")));
    }

    /** True if a one-word name begins a holiday's name ("St. Patrick's Day", "Valentine's Day"). */
    private static boolean holidayName(Tokens t, NameMatch m) {
        int s = m.last + 1;
        return s + 1 < t.size()
                && t.is(s, "s")
                && t.end(m.last) + 1 == t.start(s)
                && "'’".indexOf(t.text().charAt(t.end(m.last))) >= 0
                && t.is(s + 1, "day")
                && t.has(s + 1, Tokens.CAPITALISED);
    }

    /**
     * True if the name is the own name of a country or first-level division, or a demonym ("Egypt",
     * "U.S.", "Texas", "Georgian"): after a capitalised word ("Rethinking Egypt-US relations",
     * "Acting U.S. Attorney") it is still that place, not a person's surname.
     */
    private boolean namesCountryOrDivision(NameMatch m) {
        NameTable table = m.fuzzy ? gazetteer.fuzzyNames() : gazetteer.names();
        for (int p = table.from(m.keyIndex); p < table.to(m.keyIndex); p++) {
            int v = table.posting(p);
            if ((v & 1) == 1) {
                GazetteerPlace q = gazetteer.place(v >>> 1);
                if (q.isCountry() || q.isAdjective() || q.isAdmin1()) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean allCommonWords(Tokens t, NameMatch m) {
        for (int i = m.first; i <= m.last; i++) {
            if (t.isWord(i) && !enCommon.contains(t.norm(i))) {
                return false;
            }
        }
        return true;
    }

    /** True if a capitalised word that is not part of the name follows it: "Jackson Street", "Homs Governor". */
    private static boolean beforeOtherName(Tokens t, NameMatch m) {
        int after = m.last + 1;
        if (m.spanLast != m.last
                || after >= t.size()
                || t.kind(after) != Tokens.LATIN
                || t.sentence(after) != t.sentence(m.last)
                || !t.has(after, Tokens.CAPITALISED)) {
            return false;
        }
        String w = t.norm(after);
        return !EN_ADMIN_AFTER.contains(w) && !EN_PLACE_WORDS.contains(w) && !DIRECTIONS.contains(w);
    }

    private void describeLatin(Tokens t, NameMatch m) {
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
        } else if ((EN_PLACE_WORDS.contains(w) || w.equals("province") || w.equals("governorate"))
                && !t.has(p, Tokens.CAPITALISED)) {
            m.cue = true; // "Idlib province town Saraqib", "the village Kafr Nabl"; not "City Council"
        }
    }

    private void describeArabic(Tokens t, NameMatch m) {
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
                m.spanFirstForm = w;
                m.rural = w.equals("ريف");
                int after = m.last + 1;
                if (w.equals("ريف")
                        && after < t.size()
                        && t.kind(after) == Tokens.ARABIC
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

    // ---------------------------------------------------------------- data

    /** Words of the document used to tell proper names from common words. */
    private static final class DocumentWords {
        final Set<String> lowercase = new HashSet<>();
        final Set<String> capitalisedInside = new HashSet<>();
        /** Keys seen as part of a person's name ("Hillary Clinton"): no mention of them is a place. */
        final Set<String> persons = new HashSet<>();
        /** Keys seen as a vehicle or a firm ("a 1992 Toyota", "Stevens & Wilkinson"): no mention is a place. */
        final Set<String> others = new HashSet<>();

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
                } else if (!t.has(i, Tokens.SENTENCE_START)
                        && !titleCase[t.sentence(i)]
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
}
