package org.daleel.analysis.text;

import java.util.Set;

/**
 * Splits a text into words, numbers and punctuation in one pass, with sentence and paragraph
 * boundaries. Words change token where the script changes; hyphens separate words but are
 * remembered ({@link Tokens#HYPHEN_JOINED}); apostrophes inside a word are dropped ("Dar'a" is one
 * token {@code dara}) except a possessive {@code 's}. HTML tags and character entities are skipped as
 * whitespace, so a fragment of markup yields only its text; a tag also ends a sentence. Lone
 * surrogates and other symbols are separators. Linear time, no regular expressions.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "brig", "prof", "no", "vs", "jan",
            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u", "s", "n", "e", "w", "k",
            "mt", "ft", "ste", "approx", "est", "gov", "sen", "rep", "jr", "sr", "inc", "co", "corp", "etc", "al");

    private Tokenizer() {}

    /** Tokenizes {@code text}; never fails, whatever the input. */
    public static Tokens tokenize(String text) {
        Tokens t = new Tokens(text);
        t.startSentence();
        int n = text.length();
        int i = 0;
        boolean sentenceStart = true;
        boolean paragraphStart = true;
        StringBuilder sb = new StringBuilder(32);
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<' && i + 1 < n && isTagStart(text.charAt(i + 1))) {
                int close = tagEnd(text, i);
                if (close > 0) {
                    i = close;
                    t.startSentence();
                    sentenceStart = true;
                    continue;
                }
            }
            if (c == '&') {
                int e = entityEnd(text, i);
                if (e > 0) {
                    i = e;
                    continue;
                }
            }
            if (c == '\n') {
                int j = i + 1;
                boolean blank = false;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    if (text.charAt(j) == '\n') {
                        blank = true;
                    }
                    j++;
                }
                if (blank) {
                    t.startSentence();
                    sentenceStart = true;
                    paragraphStart = true;
                }
                i = j;
                continue;
            }
            char m = Normalizer.map(c);
            if (m > 1 && (Character.isLetter(c) || c == '²')) {
                i = word(text, i, t, sb, sentenceStart, paragraphStart);
                sentenceStart = false;
                paragraphStart = false;
                continue;
            }
            if (m >= '0' && m <= '9') {
                i = number(text, i, t, sb, sentenceStart, paragraphStart);
                sentenceStart = false;
                paragraphStart = false;
                continue;
            }
            String p = punct(c);
            if (p != null
                    && isHyphen(c)
                    && i > 0
                    && i + 1 < n
                    && Character.isLetterOrDigit(text.charAt(i - 1))
                    && Character.isLetterOrDigit(text.charAt(i + 1))) {
                p = null; // a word-internal hyphen: "Deir ez-Zor", "south-west"
            }
            if (p != null) {
                t.add(i, i + 1, Tokens.PUNCT, 0, p);
                if (endsSentence(text, i, c, t)) {
                    t.startSentence();
                    sentenceStart = true;
                }
            }
            i++;
        }
        return t;
    }

    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
    }

    private static int tagEnd(String text, int from) {
        int limit = Math.min(text.length(), from + 4000);
        for (int j = from + 1; j < limit; j++) {
            char c = text.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static int entityEnd(String text, int from) {
        int limit = Math.min(text.length(), from + 12);
        for (int j = from + 1; j < limit; j++) {
            char c = text.charAt(j);
            if (c == ';') {
                return j > from + 1 ? j + 1 : -1;
            }
            if (!Character.isLetterOrDigit(c) && c != '#') {
                return -1;
            }
        }
        return -1;
    }

    private static int word(String text, int from, Tokens t, StringBuilder sb, boolean sent, boolean para) {
        int n = text.length();
        char first = text.charAt(from);
        boolean arabic = Normalizer.isArabic(first);
        boolean latin = Normalizer.isLatinLetter(first);
        sb.setLength(0);
        int letters = 0;
        int upper = 0;
        int i = from;
        int end = from;
        boolean initialism = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.' && latin && Normalizer.isInitialismDot(text, i)) {
                initialism = true; // "U.S.", "U.N."
                i++;
                continue;
            }
            char m = Normalizer.map(c);
            if (m == 1) {
                if (Normalizer.isApostrophe(c)) {
                    // keep going only for an apostrophe between letters; stop before a possessive 's
                    if (i + 1 >= n || !Character.isLetter(text.charAt(i + 1))) {
                        break;
                    }
                    if ((text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                            && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
                        break;
                    }
                } else if (end == i) {
                    end = i + 1; // a trailing mark (tanween, shadda) belongs to the word
                }
                i++;
                continue;
            }
            if (m == 0 || !(Character.isLetter(c) || c == '²')) {
                break;
            }
            boolean a = Normalizer.isArabic(c);
            boolean l = Normalizer.isLatinLetter(c) || (c == '²' && latin);
            if (a != arabic || l != latin) {
                break;
            }
            sb.append(m);
            letters++;
            if (Character.isUpperCase(c)) {
                upper++;
            }
            i++;
            end = i;
        }
        if (end == from) {
            return from + 1;
        }
        if (initialism && end < n && text.charAt(end) == '.') {
            end++; // the final dot of "U.S." belongs to the word and ends no sentence
        }
        int flags = 0;
        if (Character.isUpperCase(first)) {
            flags |= Tokens.CAPITALISED;
        }
        if (upper == letters && letters >= 2) {
            flags |= Tokens.ALL_CAPS;
        }
        if (from >= 2 && isHyphen(text.charAt(from - 1)) && Character.isLetterOrDigit(text.charAt(from - 2))) {
            flags |= Tokens.HYPHEN_JOINED;
        }
        if (sent) {
            flags |= Tokens.SENTENCE_START;
        }
        if (para) {
            flags |= Tokens.PARAGRAPH_START;
        }
        byte kind = arabic ? Tokens.ARABIC : latin ? Tokens.LATIN : Tokens.OTHER_WORD;
        t.add(from, end, kind, flags, sb.toString());
        return end;
    }

    private static int number(String text, int from, Tokens t, StringBuilder sb, boolean sent, boolean para) {
        int n = text.length();
        sb.setLength(0);
        int i = from;
        boolean decimal = false;
        while (i < n) {
            char c = text.charAt(i);
            char m = Normalizer.map(c);
            if (m >= '0' && m <= '9' && !Character.isLetter(c)) {
                sb.append(m);
                i++;
                continue;
            }
            if ((c == ',' || c == '٬') && digitsAhead(text, i + 1) == 3 && !decimal) {
                i++;
                continue;
            }
            if ((c == '.' || c == '٫') && !decimal && digitsAhead(text, i + 1) > 0) {
                sb.append('.');
                decimal = true;
                i++;
                continue;
            }
            break;
        }
        int flags = (sent ? Tokens.SENTENCE_START : 0) | (para ? Tokens.PARAGRAPH_START : 0);
        if (from >= 1
                && isHyphen(text.charAt(from - 1))
                && from >= 2
                && Character.isLetterOrDigit(text.charAt(from - 2))) {
            flags |= Tokens.HYPHEN_JOINED;
        }
        t.add(from, i, Tokens.NUMBER, flags, sb.toString());
        return i;
    }

    private static int digitsAhead(String text, int from) {
        int k = 0;
        while (from + k < text.length()) {
            char m = Normalizer.map(text.charAt(from + k));
            if (m < '0' || m > '9' || Character.isLetter(text.charAt(from + k))) {
                break;
            }
            k++;
        }
        return k;
    }

    static boolean isHyphen(char c) {
        return c == '-' || c == '‐' || c == '‑';
    }

    private static String punct(char c) {
        switch (c) {
            case '.':
                return ".";
            case ',', '،':
                return ",";
            case ';', '؛':
                return ";";
            case ':':
                return ":";
            case '!':
                return "!";
            case '?', '؟':
                return "?";
            case '…':
                return "…";
            case '(', '[':
                return "(";
            case ')', ']':
                return ")";
            case '"', '“', '”', '«', '»', '„':
                return "\"";
            case '%', '٪':
                return "%";
            case '/':
                return "/";
            case '–', '—':
                return "-";
            case '-':
                return "-";
            default:
                return null;
        }
    }

    private static boolean endsSentence(String text, int i, char c, Tokens t) {
        if (c == '!' || c == '?' || c == '؟' || c == '…') {
            return true;
        }
        if (c != '.') {
            return false;
        }
        int n = t.size();
        // the '.' token was just added at n-1; look at the word before it
        if (n >= 2 && t.end(n - 2) == i && t.isWord(n - 2)) {
            String w = t.norm(n - 2);
            if (ABBREVIATIONS.contains(w) && t.kind(n - 2) == Tokens.LATIN) {
                return false;
            }
            if (w.length() == 1 && t.has(n - 2, Tokens.CAPITALISED)) {
                return false; // an initial: "J. Smith", "U.S."
            }
        }
        // "3.5" never reaches here (numbers consume their point); "..." ends once
        return i + 1 >= text.length() || !(text.charAt(i + 1) == '.');
    }
}
