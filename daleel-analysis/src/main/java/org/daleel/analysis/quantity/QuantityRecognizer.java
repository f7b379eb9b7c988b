package org.daleel.analysis.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daleel.analysis.place.ResolvedPlace;
import org.daleel.analysis.text.ArabicClitics;
import org.daleel.analysis.text.NumberWords;
import org.daleel.analysis.text.Tokens;

/**
 * Finds numbers together with what they count: people killed, wounded, displaced, detained or
 * missing ("two civilians were wounded", "مقتل 20 مدنياً", "مدنيين اثنين"), families, villages,
 * areas in km², distances, durations ("48 hours"), and percentages of a place ("87% of Aleppo
 * province"). A bare number with nothing to count is left out.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuantityRecognizer {
    /**
     * A quantity found in the text.
     *
     * @param first first token
     * @param last last token
     * @param value the number
     * @param unit unit
     * @param what what is counted
     * @param approximate whether the number is approximate
     */
    public record QuantityMatch(int first, int last, double value, String unit, String what, boolean approximate) {}

    private static final Set<String> APPROX_BEFORE = Set.of(
            "about",
            "around",
            "nearly",
            "almost",
            "approximately",
            "roughly",
            "some",
            "over",
            "least",
            "than",
            "up",
            "estimated",
            "نحو",
            "حوالي",
            "قرابه",
            "زهاء",
            "ما",
            "يقارب",
            "قرابة");
    private static final Map<String, String> PEOPLE = Map.ofEntries(
            Map.entry("civilians", "people"),
            Map.entry("civilian", "people"),
            Map.entry("people", "people"),
            Map.entry("persons", "people"),
            Map.entry("person", "people"),
            Map.entry("children", "people"),
            Map.entry("child", "people"),
            Map.entry("women", "people"),
            Map.entry("men", "people"),
            Map.entry("fighters", "people"),
            Map.entry("soldiers", "people"),
            Map.entry("residents", "people"),
            Map.entry("members", "people"),
            Map.entry("militants", "people"),
            Map.entry("rebels", "people"),
            Map.entry("detainees", "people"),
            Map.entry("prisoners", "people"),
            Map.entry("refugees", "people"),
            Map.entry("troops", "people"),
            Map.entry("combatants", "people"),
            Map.entry("protesters", "people"),
            Map.entry("students", "people"),
            Map.entry("doctors", "people"),
            Map.entry("workers", "people"),
            Map.entry("journalists", "people"),
            Map.entry("volunteers", "people"),
            Map.entry("patients", "people"),
            Map.entry("idps", "people"),
            Map.entry("victims", "people"),
            Map.entry("bodies", "people"),
            Map.entry("individuals", "people"),
            Map.entry("inhabitants", "people"),
            Map.entry("families", "families"),
            Map.entry("family", "families"),
            Map.entry("households", "families"),
            Map.entry("مدنيين", "people"),
            Map.entry("مدنيا", "people"),
            Map.entry("مدني", "people"),
            Map.entry("مدنيون", "people"),
            Map.entry("اشخاص", "people"),
            Map.entry("شخصا", "people"),
            Map.entry("شخص", "people"),
            Map.entry("اطفال", "people"),
            Map.entry("طفلا", "people"),
            Map.entry("طفل", "people"),
            Map.entry("نساء", "people"),
            Map.entry("مقاتلين", "people"),
            Map.entry("مقاتلا", "people"),
            Map.entry("عناصر", "people"),
            Map.entry("عنصرا", "people"),
            Map.entry("مواطنين", "people"),
            Map.entry("مواطنا", "people"),
            Map.entry("معتقلين", "people"),
            Map.entry("معتقلا", "people"),
            Map.entry("لاجئين", "people"),
            Map.entry("نازحين", "people"),
            Map.entry("ضحايا", "people"),
            Map.entry("عائله", "families"),
            Map.entry("عائلات", "families"),
            Map.entry("اسره", "families"),
            Map.entry("اسر", "families"),
            Map.entry("المدنيين", "people"),
            Map.entry("الاشخاص", "people"));
    /** Nouns that say by themselves what happened: "20 killed", "20 قتيلاً". */
    private static final Map<String, String> OUTCOME_NOUNS = Map.ofEntries(
            Map.entry("killed", "killed"),
            Map.entry("dead", "killed"),
            Map.entry("deaths", "killed"),
            Map.entry("fatalities", "killed"),
            Map.entry("wounded", "wounded"),
            Map.entry("injured", "wounded"),
            Map.entry("injuries", "wounded"),
            Map.entry("casualties", "casualties"),
            Map.entry("displaced", "displaced"),
            Map.entry("detained", "detained"),
            Map.entry("arrested", "detained"),
            Map.entry("missing", "missing"),
            Map.entry("قتلي", "killed"),
            Map.entry("قتيلا", "killed"),
            Map.entry("قتيل", "killed"),
            Map.entry("شهداء", "killed"),
            Map.entry("شهيدا", "killed"),
            Map.entry("جرحي", "wounded"),
            Map.entry("جريحا", "wounded"),
            Map.entry("مصابين", "wounded"),
            Map.entry("مصابا", "wounded"),
            Map.entry("اصابات", "wounded"),
            Map.entry("نازح", "displaced"),
            Map.entry("مهجرين", "displaced"),
            Map.entry("مفقودين", "missing"));

    private static final Map<String, String> CUES = Map.ofEntries(
            Map.entry("killed", "killed"),
            Map.entry("died", "killed"),
            Map.entry("dead", "killed"),
            Map.entry("executed", "killed"),
            Map.entry("massacred", "killed"),
            Map.entry("death", "killed"),
            Map.entry("wounded", "wounded"),
            Map.entry("injured", "wounded"),
            Map.entry("hurt", "wounded"),
            Map.entry("displaced", "displaced"),
            Map.entry("fled", "displaced"),
            Map.entry("uprooted", "displaced"),
            Map.entry("evacuated", "displaced"),
            Map.entry("expelled", "displaced"),
            Map.entry("detained", "detained"),
            Map.entry("arrested", "detained"),
            Map.entry("abducted", "detained"),
            Map.entry("kidnapped", "detained"),
            Map.entry("disappeared", "missing"),
            Map.entry("missing", "missing"),
            Map.entry("قتل", "killed"),
            Map.entry("مقتل", "killed"),
            Map.entry("استشهد", "killed"),
            Map.entry("استشهاد", "killed"),
            Map.entry("مصرع", "killed"),
            Map.entry("قتلوا", "killed"),
            Map.entry("اعدام", "killed"),
            Map.entry("اصيب", "wounded"),
            Map.entry("اصابه", "wounded"),
            Map.entry("اصيبوا", "wounded"),
            Map.entry("جرح", "wounded"),
            Map.entry("جرحي", "wounded"),
            Map.entry("نزوح", "displaced"),
            Map.entry("نزح", "displaced"),
            Map.entry("تهجير", "displaced"),
            Map.entry("اعتقال", "detained"),
            Map.entry("اعتقل", "detained"),
            Map.entry("احتجاز", "detained"),
            Map.entry("اختطاف", "detained"),
            Map.entry("خطف", "detained"),
            Map.entry("اعتقلت", "detained"),
            Map.entry("فقدان", "missing"),
            Map.entry("نزحت", "displaced"),
            Map.entry("نزحوا", "displaced"),
            Map.entry("هجرت", "displaced"),
            Map.entry("قتلت", "killed"),
            Map.entry("اصيبت", "wounded"),
            Map.entry("اعتقلوا", "detained"),
            Map.entry("استشهدوا", "killed"),
            Map.entry("فروا", "displaced"),
            Map.entry("killing", "killed"),
            Map.entry("kills", "killed"),
            Map.entry("wounding", "wounded"),
            Map.entry("injuring", "wounded"),
            Map.entry("displacing", "displaced"),
            Map.entry("detaining", "detained"),
            Map.entry("arresting", "detained"));
    private static final Map<String, String> DURATIONS = Map.ofEntries(
            Map.entry("hour", "hours"),
            Map.entry("hours", "hours"),
            Map.entry("day", "days"),
            Map.entry("days", "days"),
            Map.entry("week", "weeks"),
            Map.entry("weeks", "weeks"),
            Map.entry("month", "months"),
            Map.entry("months", "months"),
            Map.entry("year", "years"),
            Map.entry("years", "years"),
            Map.entry("ساعه", "hours"),
            Map.entry("ساعات", "hours"),
            Map.entry("يوما", "days"),
            Map.entry("ايام", "days"),
            Map.entry("اسابيع", "weeks"),
            Map.entry("اسبوعا", "weeks"),
            Map.entry("اشهر", "months"),
            Map.entry("شهرا", "months"),
            Map.entry("سنوات", "years"),
            Map.entry("اعوام", "years"),
            Map.entry("عاما", "years"));
    private static final Map<String, String> PLACES_COUNTED = Map.ofEntries(
            Map.entry("villages", "villages"),
            Map.entry("village", "villages"),
            Map.entry("towns", "towns"),
            Map.entry("localities", "villages"),
            Map.entry("neighbourhoods", "neighbourhoods"),
            Map.entry("neighborhoods", "neighbourhoods"),
            Map.entry("قريه", "villages"),
            Map.entry("قري", "villages"),
            Map.entry("بلدات", "towns"),
            Map.entry("بلده", "towns"),
            Map.entry("احياء", "neighbourhoods"),
            Map.entry("hospitals", "hospitals"),
            Map.entry("schools", "schools"),
            Map.entry("مستشفيات", "hospitals"),
            Map.entry("مدارس", "schools"),
            Map.entry("houses", "houses"),
            Map.entry("homes", "houses"),
            Map.entry("buildings", "buildings"),
            Map.entry("منازل", "houses"),
            Map.entry("منزلا", "houses"));

    private QuantityRecognizer() {}

    /** Quantities in the text; tokens in {@code blocked} (dates) are skipped. */
    public static List<QuantityMatch> recognize(Tokens t, boolean[] blocked, List<ResolvedPlace> places) {
        List<QuantityMatch> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (blocked[i]) {
                continue;
            }
            NumberWords.Number n = NumberWords.at(t, i);
            if (n == null || blocked[n.last()]) {
                continue;
            }
            QuantityMatch q = describe(t, n, places);
            if (q != null) {
                out.add(q);
                i = Math.max(i, q.last());
            } else {
                i = n.last();
            }
        }
        return out;
    }

    private static QuantityMatch describe(Tokens t, NumberWords.Number n, List<ResolvedPlace> places) {
        int first = n.first();
        boolean approx = n.approximate();
        int p = first - 1;
        if (p >= 0 && t.sentence(p) == t.sentence(first) && APPROX_BEFORE.contains(t.norm(p))) {
            approx = true;
            first = p;
            if (p >= 1 && (t.is(p - 1, "more") || t.is(p - 1, "at") || t.is(p - 1, "fewer") || t.is(p - 1, "less"))) {
                first = p - 1;
            }
        } else if (p >= 0 && t.is(p, "من") && p >= 1 && (t.is(p - 1, "اكثر") || t.is(p - 1, "اقل"))) {
            approx = true;
            first = p - 1;
        }
        int j = n.last() + 1;
        if (j >= t.size() || t.sentence(j) != t.sentence(n.last())) {
            QuantityMatch q = arabicNounBefore(t, n, first, approx);
            return q != null ? q : cueBefore(t, n, first, approx);
        }
        String w = t.norm(j);
        // percentages
        if (t.isPunct(j, "%")
                || w.equals("percent")
                || (w.equals("per") && t.is(j + 1, "cent"))
                || w.equals("بالمئه")
                || w.equals("بالمائه")
                || (w.equals("في") && (t.is(j + 1, "المئه") || t.is(j + 1, "المائه")))) {
            int last = w.equals("per") || w.equals("في") ? j + 1 : j;
            String what = "percent";
            int of = last + 1;
            if (of < t.size() && (t.is(of, "of") || t.is(of, "من"))) {
                ResolvedPlace pl = placeAt(places, of + 1);
                if (pl != null) {
                    what = "area of " + pl.place().name();
                    last = pl.lastToken();
                }
            }
            return new QuantityMatch(first, last, n.value(), "%", what, approx);
        }
        // areas and distances
        if (w.equals("km²")
                || w.equals("km2")
                || w.equals("كم²")
                || ((w.equals("square") || w.equals("sq"))
                        && (t.is(j + 1, "kilometres")
                                || t.is(j + 1, "kilometers")
                                || t.is(j + 1, "km")
                                || t.is(j + 1, "miles")))
                || ((w.equals("كيلومتر") || w.equals("كم") || w.equals("كيلو")) && t.is(j + 1, "مربع"))) {
            boolean miles = t.is(j + 1, "miles");
            int last = w.equals("km²") || w.equals("km2") || w.equals("كم²") ? j : j + 1;
            return new QuantityMatch(first, last, n.value(), miles ? "sq mi" : "km²", "area", approx);
        }
        if (w.equals("km")
                || w.equals("kilometres")
                || w.equals("kilometers")
                || w.equals("miles")
                || w.equals("كم")
                || w.equals("كيلومتر")
                || w.equals("كيلومترات")
                || w.equals("كيلو")) {
            return new QuantityMatch(first, j, n.value(), w.equals("miles") ? "miles" : "km", "distance", approx);
        }
        String duration = DURATIONS.get(w);
        if (duration != null) {
            return new QuantityMatch(first, j, n.value(), duration, "duration", approx);
        }
        String counted = PLACES_COUNTED.get(w);
        if (counted != null) {
            return new QuantityMatch(first, j, n.value(), counted, counted, approx);
        }
        String outcome = OUTCOME_NOUNS.get(w);
        if (outcome != null) {
            return new QuantityMatch(first, j, n.value(), "people", outcome, approx);
        }
        // "two civilians were wounded", "20 مدنيا", "اثنان من المدنيين"
        int noun = j;
        if (t.is(noun, "من") || t.is(noun, "of")) {
            noun++;
        }
        String unit = noun < t.size() ? PEOPLE.get(t.norm(noun)) : null;
        if (unit == null && noun < t.size() && t.kind(noun) == Tokens.ARABIC) {
            String[] forms = new String[4];
            int nf = ArabicClitics.forms(t.norm(noun), forms);
            for (int f = 1; f < nf && unit == null; f++) {
                unit = PEOPLE.get(forms[f]);
            }
        }
        if (unit == null) {
            QuantityMatch q = arabicNounBefore(t, n, first, approx);
            return q != null ? q : cueBefore(t, n, first, approx);
        }
        return withOutcome(t, first, noun, n, unit, approx);
    }

    /** A number right after an outcome word: "وإصابة عشرات", "killed 12". */
    private static QuantityMatch cueBefore(Tokens t, NumberWords.Number n, int first, boolean approx) {
        int k = n.first() - 1;
        if (k < 0 || t.sentence(k) != t.sentence(n.first()) || !t.isWord(k)) {
            return null;
        }
        String what = cue(t, k);
        return what == null ? null : new QuantityMatch(Math.min(k, first), n.last(), n.value(), "people", what, approx);
    }

    /** Arabic puts one and two after the noun: "مدنيين اثنين". */
    private static QuantityMatch arabicNounBefore(Tokens t, NumberWords.Number n, int first, boolean approx) {
        int p = n.first() - 1;
        if (p < 0 || t.kind(n.first()) != Tokens.ARABIC || n.value() > 2 || t.sentence(p) != t.sentence(n.first())) {
            return null;
        }
        String unit = PEOPLE.get(t.norm(p));
        if (unit == null) {
            return null;
        }
        QuantityMatch q = withOutcome(t, p, n.last(), n, unit, approx);
        return new QuantityMatch(Math.min(p, first), q.last(), q.value(), q.unit(), q.what(), q.approximate());
    }

    private static QuantityMatch withOutcome(
            Tokens t, int first, int noun, NumberWords.Number n, String unit, boolean approx) {
        int sentence = t.sentence(noun);
        // a cue just before the number: "killed 20 civilians", "مقتل 20 مدنياً"
        for (int k = n.first() - 1; k >= 0 && k >= n.first() - 2 && t.sentence(k) == sentence; k--) {
            if (t.kind(k) == Tokens.PUNCT) {
                break;
            }
            String what = cue(t, k);
            if (what != null) {
                return new QuantityMatch(first, noun, n.value(), unit, what, approx);
            }
        }
        // a cue after the noun extends the mention: "two civilians were wounded"
        for (int k = noun + 1; k < t.size() && k <= noun + 5 && t.sentence(k) == sentence; k++) {
            if (t.kind(k) == Tokens.PUNCT && !t.isPunct(k, "\"")) {
                break;
            }
            String what = cue(t, k);
            if (what != null) {
                return new QuantityMatch(first, k, n.value(), unit, what, approx);
            }
        }
        for (int k = n.first() - 1; k >= 0 && k >= n.first() - 4 && t.sentence(k) == sentence; k--) {
            if (t.kind(k) == Tokens.PUNCT) {
                break;
            }
            String what = cue(t, k);
            if (what != null) {
                return new QuantityMatch(first, noun, n.value(), unit, what, approx);
            }
        }
        String what = unit.equals("families") ? "families" : t.norm(noun);
        return new QuantityMatch(first, noun, n.value(), unit, what, approx);
    }

    private static String cue(Tokens t, int k) {
        String w = t.norm(k);
        String c = CUES.get(w);
        if (c == null && t.kind(k) == Tokens.ARABIC) {
            String[] forms = new String[4];
            int nf = ArabicClitics.forms(w, forms);
            for (int f = 1; f < nf && c == null; f++) {
                c = CUES.get(forms[f]);
            }
        }
        return c;
    }

    private static ResolvedPlace placeAt(List<ResolvedPlace> places, int token) {
        for (ResolvedPlace p : places) {
            if (!p.adjective() && (p.firstToken() == token || p.firstToken() == token + 1)) {
                return p;
            }
        }
        return null;
    }
}
