package org.daleel.analysis.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daleel.analysis.ActorType;
import org.daleel.analysis.text.ArabicClitics;
import org.daleel.analysis.text.Lexicon;
import org.daleel.analysis.text.Tokens;

/**
 * Finds actors of an {@link ActorThesaurus} (longest alias match over words, Arabic words tried
 * without their attached conjunction and preposition) and named persons introduced by their role
 * ("opposition leader Riyad Hijab", "رئيس الوزراء رياض حجاب").
 *
 * <p>Immutable and thread-safe.
 */
public final class ActorRecognizer {
    private static final Set<String> ROLE_HEADS = Set.of(
            "leader",
            "president",
            "minister",
            "commander",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "general",
            "gen",
            "colonel",
            "col",
            "lieutenant",
            "lt",
            "brigadier",
            "captain",
            "capt",
            "envoy",
            "ambassador",
            "chief",
            "director",
            "governor",
            "mayor",
            "sheikh",
            "shaykh",
            "imam",
            "activist",
            "journalist",
            "doctor",
            "dr",
            "surgeon",
            "nurse",
            "lawyer",
            "judge",
            "prosecutor",
            "emir",
            "king",
            "prince",
            "secretary",
            "coordinator",
            "official",
            "researcher",
            "rapporteur",
            "negotiator",
            "chairman",
            "chairwoman",
            "cleric",
            "founder",
            "photographer",
            "reporter",
            "correspondent",
            "volunteer",
            "paramedic",
            "medic",
            "mufti",
            "patriarch",
            "premier",
            "chancellor",
            "senator",
            "representative",
            "investigator",
            "head");
    private static final Set<String> ROLE_MODIFIERS = Set.of(
            "opposition",
            "rebel",
            "army",
            "military",
            "foreign",
            "prime",
            "defence",
            "defense",
            "interior",
            "local",
            "senior",
            "former",
            "deputy",
            "vice",
            "un",
            "special",
            "regional",
            "field",
            "police",
            "security",
            "intelligence",
            "militia",
            "tribal",
            "council",
            "media",
            "government",
            "state",
            "human",
            "rights",
            "medical",
            "health",
            "relief",
            "aid",
            "coalition",
            "kurdish",
            "islamist",
            "top",
            "chief",
            "general",
            "interim",
            "acting",
            "retired",
            "russian",
            "syrian",
            "turkish",
            "iranian",
            "iraqi",
            "american",
            "us",
            "lebanese",
            "jordanian",
            "yemeni",
            "libyan",
            "ukrainian",
            "israeli",
            "british",
            "french",
            "german",
            "saudi",
            "qatari");
    private static final Set<String> NAME_PARTICLES =
            Set.of("al", "el", "bin", "ibn", "abu", "abd", "abdul", "de", "van", "von", "ul", "bint", "ad", "ar", "as");
    private static final Set<String> NOT_NAMES = Set.of(
            "the",
            "a",
            "an",
            "of",
            "and",
            "on",
            "in",
            "said",
            "says",
            "told",
            "at",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
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
            "december",
            "office",
            "council",
            "forces",
            "staff",
            "assembly",
            "command",
            "secretariat",
            "committee",
            "court",
            "directorate",
            "government",
            "army",
            "ministry",
            "administration",
            "authority",
            "authorities",
            "headquarters",
            "general");

    private static final Set<String> AR_ROLE_HEADS = Set.of(
            "الرئيس",
            "رئيس",
            "وزير",
            "المتحدث",
            "الناطق",
            "القائد",
            "قائد",
            "زعيم",
            "العميد",
            "اللواء",
            "العقيد",
            "النقيب",
            "الشيخ",
            "الدكتور",
            "المبعوث",
            "السفير",
            "مدير",
            "محافظ",
            "الناشط",
            "الصحفي",
            "الاعلامي",
            "المعارض",
            "المسؤول",
            "القيادي",
            "المقدم",
            "الرائد",
            "الطبيب",
            "المحامي",
            "القاضي");

    private final ActorThesaurus thesaurus;
    private final Lexicon arFunction = Lexicon.arabicFunction();
    private final Lexicon arCommon = Lexicon.arabicCommon();

    /** Creates a recognizer over {@code thesaurus}. */
    public ActorRecognizer(ActorThesaurus thesaurus) {
        this.thesaurus = thesaurus;
    }

    /**
     * An actor found in the text.
     *
     * @param firstToken first token of the mention
     * @param lastToken last token of the mention
     * @param start UTF-16 start offset
     * @param end end offset (exclusive)
     * @param id thesaurus id or "person:..."
     * @param name canonical name, or the person's name as written
     * @param type actor type
     * @param role person's role as written, "" for a thesaurus actor
     * @param country the actor's country, "" when unknown
     */
    public record ActorMatch(
            int firstToken,
            int lastToken,
            int start,
            int end,
            String id,
            String name,
            ActorType type,
            String role,
            String country) {}

    /**
     * Thesaurus actors in the text.
     *
     * @param blocked tokens already taken (not matched, not changed)
     * @param countries the document's country weights, for aliases that hold only in one country
     * @param conditional false for the aliases that hold everywhere; true for the country-bound ones
     */
    public List<ActorMatch> recognize(Tokens t, boolean[] blocked, Map<String, Double> countries, boolean conditional) {
        List<ActorMatch> out = new ArrayList<>();
        String[] forms = new String[4];
        StringBuilder sb = new StringBuilder(64);
        int n = t.size();
        int i = 0;
        while (i < n) {
            if (!t.isWord(i) || blocked[i]) {
                i++;
                continue;
            }
            ActorMatch m = longestAt(t, i, blocked, countries, conditional, forms, sb);
            if (m == null) {
                i++;
                continue;
            }
            out.add(m);
            i = m.lastToken() + 1;
        }
        return out;
    }

    private ActorMatch longestAt(
            Tokens t,
            int i,
            boolean[] blocked,
            Map<String, Double> countries,
            boolean conditional,
            String[] forms,
            StringBuilder sb) {
        int nForms = t.kind(i) == Tokens.ARABIC ? ArabicClitics.forms(t.norm(i), forms) : 1;
        forms[0] = t.norm(i);
        for (int f = 0; f < nForms; f++) {
            String first = forms[f];
            int max = thesaurus.maxWords(first);
            if (max == 0) {
                continue;
            }
            int avail = t.run(i, max);
            for (int j = 1; j < avail; j++) {
                if (blocked[i + j]) {
                    avail = j;
                    break;
                }
            }
            for (int len = avail; len >= 1; len--) {
                sb.setLength(0);
                sb.append(first);
                for (int j = 1; j < len; j++) {
                    sb.append(' ').append(t.norm(i + j));
                }
                List<ActorThesaurus.Alias> aliases = thesaurus.aliases(sb.toString());
                ActorThesaurus.Alias chosen = choose(t, i, len, aliases, countries, conditional);
                if (chosen != null) {
                    ActorThesaurus.Entry e = thesaurus.entry(chosen.entry());
                    int start = f == 0 ? t.start(i) : ArabicClitics.startWithout(t, i, first);
                    return new ActorMatch(
                            i, i + len - 1, start, t.end(i + len - 1), e.id(), e.nameEn(), e.type(), "", e.country());
                }
            }
        }
        return null;
    }

    private static ActorThesaurus.Alias choose(
            Tokens t,
            int i,
            int len,
            List<ActorThesaurus.Alias> aliases,
            Map<String, Double> countries,
            boolean conditional) {
        ActorThesaurus.Alias best = null;
        double bestWeight = 0;
        for (ActorThesaurus.Alias a : aliases) {
            if (a.capitalsOnly() && !allCaps(t, i, len)) {
                continue;
            }
            if (a.onlyInCountry().isEmpty()) {
                if (!conditional) {
                    return a;
                }
                continue;
            }
            if (!conditional) {
                continue;
            }
            double w = countries.getOrDefault(a.onlyInCountry(), 0.0);
            if (w > bestWeight && isTopCountry(countries, a.onlyInCountry())) {
                best = a;
                bestWeight = w;
            }
        }
        return best;
    }

    private static boolean isTopCountry(Map<String, Double> countries, String cc) {
        double w = countries.getOrDefault(cc, 0.0);
        for (double v : countries.values()) {
            if (v > w) {
                return false;
            }
        }
        return w > 0;
    }

    private static boolean allCaps(Tokens t, int i, int len) {
        for (int j = i; j < i + len; j++) {
            boolean caps = t.has(j, Tokens.ALL_CAPS) || (t.norm(j).length() == 1 && t.has(j, Tokens.CAPITALISED));
            if (!caps) {
                return false;
            }
        }
        return true;
    }

    /** Persons introduced by a role word, in English and Arabic. */
    public List<ActorMatch> persons(Tokens t, boolean[] blocked) {
        List<ActorMatch> out = new ArrayList<>();
        for (int i = 0; i + 1 < t.size(); i++) {
            if (blocked[i] || !t.isWord(i)) {
                continue;
            }
            ActorMatch m = t.kind(i) == Tokens.LATIN ? englishPerson(t, i, blocked) : arabicPerson(t, i, blocked);
            if (m != null) {
                out.add(m);
                i = m.lastToken();
            }
        }
        return out;
    }

    private ActorMatch englishPerson(Tokens t, int head, boolean[] blocked) {
        if (!ROLE_HEADS.contains(t.norm(head))) {
            return null;
        }
        int first = head + 1;
        int last = -1;
        int capitalised = 0;
        for (int j = first; j < t.size() && j < first + 5; j++) {
            if (blocked[j] || t.kind(j) != Tokens.LATIN || t.sentence(j) != t.sentence(head) || t.run(j - 1, 2) < 2) {
                break;
            }
            String w = t.norm(j);
            if (t.has(j, Tokens.CAPITALISED)
                    && !t.has(j, Tokens.ALL_CAPS)
                    && !NOT_NAMES.contains(w)
                    && !ROLE_HEADS.contains(w)) {
                capitalised++;
                last = j;
            } else if (NAME_PARTICLES.contains(w)
                    && capitalised > 0
                    && j + 1 < t.size()
                    && t.has(j + 1, Tokens.CAPITALISED)) {
                continue;
            } else {
                break;
            }
        }
        if (capitalised == 0 || (capitalised == 1 && t.has(head, Tokens.SENTENCE_START))) {
            return null;
        }
        int roleStart = head;
        for (int k = head - 1; k >= 0 && k >= head - 2; k--) {
            if (t.kind(k) != Tokens.LATIN || t.sentence(k) != t.sentence(head) || t.run(k, 2) < 2) {
                break;
            }
            if (ROLE_MODIFIERS.contains(t.norm(k)) || isDemonym(t, k)) {
                roleStart = k;
            } else {
                break;
            }
        }
        String text = t.text();
        String name = text.substring(t.start(first), t.end(last));
        String role = text.substring(t.start(roleStart), t.end(head));
        return new ActorMatch(
                first, last, t.start(first), t.end(last), personId(t, first, last), name, ActorType.PERSON, role, "");
    }

    private static boolean isDemonym(Tokens t, int k) {
        String w = t.norm(k);
        return t.has(k, Tokens.CAPITALISED)
                && (w.endsWith("ian") || w.endsWith("ese") || w.endsWith("ish") || w.endsWith("an") || w.endsWith("i"));
    }

    private ActorMatch arabicPerson(Tokens t, int head, boolean[] blocked) {
        if (t.kind(head) != Tokens.ARABIC) {
            return null;
        }
        String[] forms = new String[4];
        int nf = ArabicClitics.forms(t.norm(head), forms);
        boolean isHead = false;
        for (int f = 0; f < nf; f++) {
            isHead |= AR_ROLE_HEADS.contains(forms[f]);
        }
        if (!isHead) {
            return null;
        }
        int j = head + 1;
        // skip definite modifiers: رئيس الوزراء، المتحدث باسم الخارجية الروسية
        while (j < t.size()
                && j < head + 5
                && t.kind(j) == Tokens.ARABIC
                && t.sentence(j) == t.sentence(head)
                && (t.norm(j).startsWith("ال")
                        || t.norm(j).equals("باسم")
                        || t.norm(j).startsWith("لل"))) {
            j++;
        }
        int first = j;
        int last = -1;
        for (; j < t.size() && j < first + 3; j++) {
            if (blocked[j] || t.kind(j) != Tokens.ARABIC || t.sentence(j) != t.sentence(head) || t.run(j - 1, 2) < 2) {
                break;
            }
            String w = t.norm(j);
            if (arFunction.contains(w) || arCommon.contains(w) || AR_ROLE_HEADS.contains(w)) {
                break;
            }
            if (j == first && w.startsWith("ال")) {
                break;
            }
            last = j;
        }
        if (last < first + 1) {
            return null; // a single word is too weak a name in Arabic
        }
        String text = t.text();
        return new ActorMatch(
                first,
                last,
                t.start(first),
                t.end(last),
                personId(t, first, last),
                text.substring(t.start(first), t.end(last)),
                ActorType.PERSON,
                text.substring(t.start(head), t.end(first - 1)),
                "");
    }

    private static String personId(Tokens t, int first, int last) {
        StringBuilder sb = new StringBuilder("person:");
        for (int j = first; j <= last; j++) {
            if (j > first) {
                sb.append('-');
            }
            sb.append(t.norm(j));
        }
        return sb.toString();
    }
}
