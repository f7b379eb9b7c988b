package org.daleel.analysis.text;

import java.util.Map;
import java.util.Set;

/**
 * Tells the dominant language of a text from its scripts and, for Latin script, from function
 * words: "ar", "fa", "en", "fr", "de", "es", "it", "pt", "nl", "tr", "ru", "uk", "he", "zh", "ja", or
 * "und" when there are no letters. Latin text without the function words of another language is
 * taken as English, so that a headline with only names still counts as English.
 *
 * <p>Stateless and thread-safe; looks at most at the first 200,000 chars.
 */
public final class LanguageGuess {
    private static final int SAMPLE = 200_000;
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en",
                    Set.of(
                            "the", "of", "and", "to", "in", "is", "was", "were", "said", "that", "for", "on", "with",
                            "by", "from", "near", "has", "have", "are"),
            "fr",
                    Set.of(
                            "le", "la", "les", "des", "et", "est", "dans", "une", "du", "pour", "que", "qui", "sur",
                            "au", "aux", "pas", "ont"),
            "de",
                    Set.of(
                            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "im", "auf", "ein",
                            "eine", "sich", "wurde"),
            "es", Set.of("el", "los", "las", "del", "y", "en", "que", "por", "con", "para", "una", "es", "se", "fue"),
            "it", Set.of("il", "di", "che", "della", "per", "una", "sono", "con", "non", "gli", "nel", "del", "alla"),
            "pt", Set.of("os", "da", "do", "das", "dos", "em", "que", "uma", "para", "com", "nao", "foi", "ao"),
            "nl", Set.of("het", "een", "van", "en", "dat", "op", "te", "zijn", "met", "voor", "niet", "werd"),
            "tr", Set.of("ve", "bir", "bu", "icin", "ile", "olarak", "olan", "cok", "gibi", "daha", "ancak", "sonra"));

    private LanguageGuess() {}

    /** The language code of {@code text}. */
    public static String guess(String text) {
        int n = Math.min(text.length(), SAMPLE);
        int arabic = 0;
        int persian = 0;
        int latin = 0;
        int cyrillic = 0;
        int ukrainian = 0;
        int hebrew = 0;
        int han = 0;
        int kana = 0;
        int other = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            if (Normalizer.isArabic(c)) {
                arabic++;
                if (c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ') {
                    persian++;
                }
            } else if (Normalizer.isLatinLetter(c)) {
                latin++;
            } else if (c >= 0x0400 && c <= 0x04FF) {
                cyrillic++;
                if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ' || c == 'І' || c == 'Ї' || c == 'Є') {
                    ukrainian++;
                }
            } else if (c >= 0x0590 && c <= 0x05FF) {
                hebrew++;
            } else if (c >= 0x3040 && c <= 0x30FF) {
                kana++;
            } else if (c >= 0x4E00 && c <= 0x9FFF) {
                han++;
            } else {
                other++;
            }
        }
        int max = Math.max(Math.max(Math.max(arabic, latin), Math.max(cyrillic, hebrew)), Math.max(han + kana, other));
        if (max == 0) {
            return "und";
        }
        if (max == arabic) {
            return persian * 50 > arabic ? "fa" : "ar";
        }
        if (max == latin) {
            return latinLanguage(text, n);
        }
        if (max == cyrillic) {
            return ukrainian * 100 > cyrillic ? "uk" : "ru";
        }
        if (max == hebrew) {
            return "he";
        }
        if (max == han + kana) {
            return kana > 0 ? "ja" : "zh";
        }
        return "und";
    }

    private static String latinLanguage(String text, int n) {
        Tokens t = Tokenizer.tokenize(text.length() > n ? text.substring(0, n) : text);
        Map<String, int[]> hits = new java.util.HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) != Tokens.LATIN || t.has(i, Tokens.CAPITALISED) && !t.has(i, Tokens.SENTENCE_START)) {
                continue;
            }
            String w = t.norm(i);
            for (Map.Entry<String, Set<String>> e : FUNCTION_WORDS.entrySet()) {
                if (e.getValue().contains(w)) {
                    hits.computeIfAbsent(e.getKey(), k -> new int[1])[0]++;
                }
            }
        }
        int en = hits.getOrDefault("en", new int[1])[0];
        String best = "en";
        int bestHits = en;
        for (Map.Entry<String, int[]> e : hits.entrySet()) {
            if (e.getValue()[0] > bestHits) {
                best = e.getKey();
                bestHits = e.getValue()[0];
            }
        }
        return best.equals("en") || bestHits < 2 ? "en" : best;
    }
}
