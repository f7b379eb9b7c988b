package org.daleel.analysis.text;

/**
 * Character-level normalisation shared by the tokenizer, the gazetteer and the actor thesaurus, so
 * that a name in a data file and the same name in a text produce the same key.
 *
 * <p>Latin: lower case, diacritics stripped (ā -> a, ş -> s, ß -> ss), apostrophe-like letters
 * (' ’ ‘ ` ʿ ʾ ʻ) removed. Arabic: harakat, shadda, superscript alef and tatweel removed; أ إ آ ٱ
 * -> ا, ة -> ه, ى -> ي, Persian ی -> ي and ک -> ك. Arabic-Indic and Eastern Arabic-Indic digits
 * become ASCII digits. Everything else that is not a letter or digit is a separator.
 *
 * <p>Stateless and thread-safe; the tables are built once.
 */
public final class Normalizer {
    /** Mapping for chars below 0x2000: 0 = separator, 1 = drop, otherwise the mapped char. */
    private static final char[] MAP = new char[0x2000];

    private static final char DROP = 1;

    static {
        for (int c = 0; c < MAP.length; c++) {
            MAP[c] = compute((char) c);
        }
    }

    private Normalizer() {}

    private static char compute(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            return c;
        }
        if (isApostrophe(c)) {
            return DROP;
        }
        if (c >= 0x0660 && c <= 0x0669) {
            return (char) ('0' + (c - 0x0660));
        }
        if (c >= 0x06F0 && c <= 0x06F9) {
            return (char) ('0' + (c - 0x06F0));
        }
        if (c >= 0x0600 && c <= 0x06FF) {
            return arabic(c);
        }
        if (c == '²') {
            return '²';
        }
        if (!Character.isLetter(c)) {
            return Character.getType(c) == Character.NON_SPACING_MARK ? DROP : 0;
        }
        switch (c) {
            case 'ß':
                return 's'; // expanded to "ss" is not possible in a 1:1 table; "s" keeps keys consistent
            case 'æ', 'Æ':
                return 'a';
            case 'œ', 'Œ':
                return 'o';
            case 'ø', 'Ø':
                return 'o';
            case 'đ', 'Đ':
                return 'd';
            case 'ł', 'Ł':
                return 'l';
            case 'ı':
                return 'i';
            case 'ħ', 'Ħ':
                return 'h';
            case 'þ', 'Þ':
                return 't';
            default:
                break;
        }
        String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        char base = d.charAt(0);
        if (base < 0x80 && Character.isLetter(base)) {
            return Character.toLowerCase(base);
        }
        return Character.toLowerCase(c);
    }

    private static char arabic(char c) {
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x0610 && c <= 0x061A)) {
            return DROP; // harakat, shadda, sukun, superscript alef, tatweel, Quranic marks
        }
        switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
                return 'ا';
            case 'ة':
                return 'ه';
            case 'ى', 'ی', 'ې', 'ۍ':
                return 'ي';
            case 'ک':
                return 'ك';
            case 'ۀ', 'ە', 'ھ':
                return 'ه';
            case 'ؤ':
                return 'ؤ';
            default:
                return Character.isLetter(c) ? c : 0;
        }
    }

    /** True for the apostrophe-like characters that transliterations use for ʿayn and hamza. */
    public static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == '`' || c == 'ʿ' || c == 'ʾ' || c == 'ʻ' || c == 'ʼ' || c == '´'
                || c == '′' || c == 'ʹ';
    }

    /**
     * The normalised form of one character: a letter or digit, {@code 0} for a separator, {@code 1}
     * for a character to drop (apostrophes, combining marks, harakat).
     */
    public static char map(char c) {
        if (c < MAP.length) {
            return MAP[c];
        }
        if (c >= 0x1E00 && c <= 0x1EFF) {
            return latinExtendedAdditional(c);
        }
        if (c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F' || c == '\uFEFF') {
            return DROP;
        }
        if (Character.isSurrogate(c)) {
            return 0;
        }
        if (Character.isLetterOrDigit(c)) {
            return Character.toLowerCase(c);
        }
        return Character.getType(c) == Character.NON_SPACING_MARK ? DROP : 0;
    }

    private static final char[] LATIN_EXT = new char[0x100];

    static {
        for (int i = 0; i < 0x100; i++) {
            char c = (char) (0x1E00 + i);
            String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
            char base = d.isEmpty() ? c : d.charAt(0);
            LATIN_EXT[i] =
                    base < 0x80 && Character.isLetter(base) ? Character.toLowerCase(base) : Character.toLowerCase(c);
        }
    }

    private static char latinExtendedAdditional(char c) {
        return LATIN_EXT[c - 0x1E00];
    }

    /** True if the char is dropped by normalisation (it neither separates nor contributes). */
    public static boolean isDropped(char c) {
        return map(c) == DROP;
    }

    /**
     * The key of a name or phrase: normalised words joined by single spaces, no leading or trailing
     * space. Hyphens, commas and other punctuation separate words. Returns "" for a string with no
     * letters or digits.
     */
    public static String key(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char m = map(s.charAt(i));
            if (m == DROP || isInitialismDot(s, i)) {
                continue;
            }
            if (m == 0) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(m);
        }
        return out.toString();
    }

    /**
     * True if the char at {@code i} is a dot inside an initialism ("U.S.", "U.N.", "D.C."): a dot
     * between two single letters, or after a capital initial before a capitalised short abbreviation
     * that ends with its own dot ("W.Va.", "N.Mex."). Such dots are dropped, so "U.S." has the key
     * "us" and "W.Va." the key "wva".
     */
    public static boolean isInitialismDot(CharSequence s, int i) {
        int n = s.length();
        if (s.charAt(i) != '.'
                || i < 1
                || i + 1 >= n
                || !Character.isLetter(s.charAt(i - 1))
                || (i >= 2 && Character.isLetter(s.charAt(i - 2)))
                || !Character.isLetter(s.charAt(i + 1))) {
            return false;
        }
        if (i + 2 >= n || !Character.isLetter(s.charAt(i + 2))) {
            return true; // "U.S.", "U.N."
        }
        // "W.Va.", "N.Mex.": an initial, then a capitalised short abbreviation with its own dot
        if (!Character.isUpperCase(s.charAt(i - 1)) || !Character.isUpperCase(s.charAt(i + 1))) {
            return false;
        }
        int j = i + 2;
        while (j < n && j - i <= 4 && Character.isLowerCase(s.charAt(j))) {
            j++;
        }
        return j < n && j - i <= 4 && s.charAt(j) == '.';
    }

    /** True if the char is in the Arabic block (letters, marks, digits). */
    public static boolean isArabic(char c) {
        return (c >= 0x0600 && c <= 0x06FF)
                || (c >= 0x0750 && c <= 0x077F)
                || (c >= 0xFB50 && c <= 0xFDFF)
                || (c >= 0xFE70 && c <= 0xFEFF);
    }

    /** True if the char is a Latin-script letter (basic, Latin-1, extended A/B, extended additional). */
    public static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
                || (c >= 0x1E00 && c <= 0x1EFF);
    }

    /**
     * Script of a name: 'L' if every letter is Latin, 'A' if every letter is Arabic, '?' otherwise (mixed
     * or another script, or no letters).
     */
    public static char script(CharSequence s) {
        char script = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            char k = isLatinLetter(c) ? 'L' : isArabic(c) ? 'A' : '?';
            if (k == '?' || (script != 0 && script != k)) {
                return '?';
            }
            script = k;
        }
        return script == 0 ? '?' : script;
    }

    /**
     * A looser key for Latin transliterations, applied to a {@link #key(CharSequence)} result: doubled
     * letters collapsed, {@code ou -> u}, {@code ee -> i}, {@code ei/ey -> ay}, {@code aw -> u}, {@code e -> a},
     * {@code o -> u}, a final {@code h} after a vowel dropped, and the articles {@code al/el/ar/as/...}
     * kept as separate words. Darayya, Daraya and Dārayyā share one fuzzy key; so do Deir ez-Zor and
     * Dayr az Zawr. Arabic keys are returned unchanged.
     */
    public static String fuzzy(String key) {
        if (key.isEmpty() || key.charAt(0) >= 0x0600) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length());
        int wordStart = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == ' ') {
                if (out.length() > 0) {
                    out.append(' ');
                }
                fuzzyWord(key, wordStart, i, out);
                wordStart = i + 1;
            }
        }
        return out.toString();
    }

    private static void fuzzyWord(String key, int from, int to, StringBuilder out) {
        StringBuilder w = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = key.charAt(i);
            char next = i + 1 < to ? key.charAt(i + 1) : 0;
            if (c == 'o' && next == 'u') {
                w.append('u');
                i++;
            } else if (c == 'e' && next == 'e') {
                w.append('i');
                i++;
            } else if (c == 'e' && (next == 'i' || next == 'y')) {
                w.append("ay");
                i++;
            } else if (c == 'a' && next == 'w') {
                w.append('u');
                i++;
            } else if (c == 'e') {
                w.append('a');
            } else if (c == 'o') {
                w.append('u');
            } else if (c == 'j' && next == 'j') {
                w.append('j');
                i++;
            } else {
                w.append(c);
            }
        }
        int len = w.length();
        if (len > 3 && w.charAt(len - 1) == 'h' && isVowel(w.charAt(len - 2))) {
            w.setLength(len - 1);
        }
        int start = out.length();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (out.length() > start && out.charAt(out.length() - 1) == c) {
                continue;
            }
            out.append(c);
        }
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
