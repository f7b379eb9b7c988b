package org.daleel.analysis.actor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.daleel.analysis.text.Tokens;

/**
 * Finds English person names that no role introduces ("Mr. Jones", "Sheriff Tom Scott", "Karen
 * Baker", "Jones said", "said Jones"), and every later mention of their surnames, so that place
 * recognition does not read "Jones" or "Ripley" as a town. One sense per document: a surname used
 * for a person is a person throughout, except where the text marks a place ("in Clinton", "Clinton
 * County").
 *
 * <p>Stateless and thread-safe.
 */
public final class PersonNames {
    private static final Set<String> FIRST_NAMES = load("en-first-names.txt");
    private static final Set<String> TITLES = Set.of(
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "sen",
            "senator",
            "rep",
            "representative",
            "gov",
            "sgt",
            "sergeant",
            "sheriff",
            "deputy",
            "officer",
            "detective",
            "trooper",
            "judge",
            "coach",
            "pastor",
            "rev",
            "reverend",
            "father",
            "lt",
            "capt",
            "cpl",
            "pvt",
            "prof",
            "professor",
            "president",
            "mayor",
            "chief",
            "attorney",
            "commissioner",
            "superintendent",
            "principal",
            "councilman",
            "councilwoman",
            "supervisor",
            "spokesman",
            "spokeswoman",
            "director",
            "manager",
            "secretary",
            "gen",
            "col",
            "maj",
            "adm");
    private static final Set<String> ABBREVIATED_TITLES = Set.of(
            "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "sgt", "lt", "capt", "cpl", "pvt", "prof", "rev", "gen",
            "col", "maj", "adm", "det");
    private static final Set<String> SPEECH = Set.of(
            "said",
            "says",
            "told",
            "added",
            "explained",
            "noted",
            "asked",
            "stated",
            "wrote",
            "testified",
            "recalled",
            "agreed",
            "replied",
            "announced",
            "warned");
    private static final Set<String> PLACE_BEFORE =
            Set.of("in", "at", "near", "from", "to", "into", "outside", "of", "across", "toward", "towards", "through");
    private static final Set<String> FEATURE_AFTER = Set.of(
            "county",
            "parish",
            "city",
            "township",
            "street",
            "st",
            "avenue",
            "ave",
            "road",
            "rd",
            "boulevard",
            "blvd",
            "drive",
            "lane",
            "river",
            "lake",
            "creek",
            "park",
            "beach",
            "island",
            "valley",
            "mountain",
            "county's",
            "high",
            "school",
            "university",
            "college",
            "hospital",
            "airport",
            "bridge",
            "center",
            "centre",
            "hall",
            "church",
            "state");

    private PersonNames() {}

    /**
     * Marks the tokens of person names in {@code names} (same length as the tokens).
     *
     * @param blocked tokens already taken by other mentions; they are not marked and end a name
     */
    public static void mark(Tokens t, boolean[] blocked, boolean[] names) {
        mark(t, blocked, names, java.util.List.of());
    }

    /**
     * As {@link #mark(Tokens, boolean[], boolean[])}, and the surnames of {@code persons} (persons
     * introduced by a role, "Sgt. David Collins", whose tokens are already blocked) are marked at
     * every later mention too ("Collins, a trained negotiator").
     */
    public static void mark(
            Tokens t, boolean[] blocked, boolean[] names, java.util.List<ActorRecognizer.ActorMatch> persons) {
        Set<String> surnames = new HashSet<>();
        for (ActorRecognizer.ActorMatch p : persons) {
            int last = p.lastToken();
            if (last > p.firstToken()
                    && t.kind(last) == Tokens.LATIN
                    && t.has(last, Tokens.CAPITALISED)
                    && !t.has(last, Tokens.ALL_CAPS)) {
                surnames.add(t.norm(last));
            }
        }
        int n = t.size();
        int i = 0;
        while (i < n) {
            if (!capitalisedWord(t, i, blocked)) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < n
                    && t.sentence(last + 1) == t.sentence(i)
                    && (capitalisedWord(t, last + 1, blocked) || initialDot(t, last + 1))) {
                last++;
            }
            while (last > i && !t.isWord(last)) {
                last--;
            }
            int first = i;
            while (first < last && TITLES.contains(t.norm(first))) {
                first++; // "Sheriff Tom Scott": the title opens the capitalised run
            }
            if (person(t, first, last)) {
                for (int k = first; k <= last; k++) {
                    names[k] = true;
                }
                surnames.add(t.norm(last));
            }
            i = last + 1;
        }
        if (surnames.isEmpty()) {
            return;
        }
        for (int k = 0; k < n; k++) {
            if (!names[k] && capitalisedWord(t, k, blocked) && surnames.contains(t.norm(k)) && !placeHere(t, k)) {
                names[k] = true;
            }
        }
    }

    private static boolean person(Tokens t, int first, int last) {
        String lastWord = t.norm(last);
        if (FEATURE_AFTER.contains(lastWord) || (last + 1 < t.size() && FEATURE_AFTER.contains(t.norm(last + 1)))) {
            return false; // "Jackson Street", "Karen Smith Park"
        }
        int before = first - 1;
        if (before >= 1
                && t.isPunct(before, ".")
                && t.kind(before - 1) == Tokens.LATIN
                && ABBREVIATED_TITLES.contains(t.norm(before - 1))) {
            return true; // "Mr. Jones", but not "... said the spokeswoman. Albany ..."
        }
        if (before >= 0 && t.kind(before) == Tokens.LATIN && TITLES.contains(t.norm(before))) {
            return true;
        }
        if (before >= 0 && t.kind(before) == Tokens.LATIN && PLACE_BEFORE.contains(t.norm(before))) {
            return false; // "officials in New York said"
        }
        if (last > first && FIRST_NAMES.contains(t.norm(first)) && t.isWord(first + 1)) {
            return true;
        }
        if (middleInitial(t, first, last)) {
            return true; // "Kijuan D. McDonald", "Barry M. George"
        }
        int after = last + 1;
        if (after < t.size() && t.isPunct(after, ",") && after + 1 < t.size() && t.kind(after + 1) == Tokens.NUMBER) {
            return last > first; // "Chiquita Henry, 19, of ..."
        }
        boolean saidAfter = after < t.size() && t.kind(after) == Tokens.LATIN && SPEECH.contains(t.norm(after));
        boolean saidBefore = before >= 0 && t.kind(before) == Tokens.LATIN && SPEECH.contains(t.norm(before));
        // a single word before "said" is as often a place speaking for its government ("Damascus said")
        return last > first && (saidAfter || saidBefore);
    }

    /**
     * True if a capitalised word, one capital initial with its dot and a capitalised word make the
     * run ("Kijuan D. McDonald"): a person's middle initial.
     */
    private static boolean middleInitial(Tokens t, int first, int last) {
        return last == first + 3
                && t.kind(first) == Tokens.LATIN
                && t.norm(first).length() >= 2
                && t.norm(first + 1).length() == 1
                && t.isPunct(first + 2, ".")
                && t.kind(last) == Tokens.LATIN
                && t.norm(last).length() >= 2;
    }

    private static boolean placeHere(Tokens t, int k) {
        int before = k - 1;
        if (before >= 0 && t.kind(before) == Tokens.LATIN && PLACE_BEFORE.contains(t.norm(before))) {
            return true;
        }
        int after = k + 1;
        return after < t.size() && t.kind(after) == Tokens.LATIN && FEATURE_AFTER.contains(t.norm(after));
    }

    private static boolean capitalisedWord(Tokens t, int i, boolean[] blocked) {
        return !blocked[i] && t.kind(i) == Tokens.LATIN && t.has(i, Tokens.CAPITALISED) && !t.has(i, Tokens.ALL_CAPS);
    }

    private static boolean initialDot(Tokens t, int i) {
        return t.isPunct(i, ".")
                && i > 0
                && t.kind(i - 1) == Tokens.LATIN
                && t.norm(i - 1).length() == 1;
    }

    private static Set<String> load(String name) {
        Set<String> out = new HashSet<>();
        try (InputStream in = PersonNames.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource org/daleel/analysis/actor/" + name + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String body = hash >= 0 ? line.substring(0, hash) : line;
                for (String w : body.strip().split("\\s+")) {
                    if (!w.isEmpty()) {
                        out.add(w);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        return Set.copyOf(out);
    }
}
