package org.daleel.analysis.text;

/**
 * Forms of a normalised Arabic word without its attached conjunction and preposition: و and ف
 * (and, so), then ب ل ك (in, for, like); ل + ال contracts to لل, so للرقه gives الرقه. The word
 * itself comes first, then shorter forms; a form keeps at least three letters. The article ال is
 * not removed here: names are indexed with the article as they are written.
 */
public final class ArabicClitics {
    private ArabicClitics() {}

    /**
     * Writes the forms of {@code w} into {@code out} (length at least 4) and returns how many there
     * are. The first form is {@code w} itself.
     */
    public static int forms(String w, String[] out) {
        int n = 0;
        out[n++] = w;
        if (w.length() < 4 || w.charAt(0) < 0x0600) {
            return n;
        }
        String rest = w;
        char c0 = rest.charAt(0);
        if (c0 == 'و' || c0 == 'ف') {
            rest = rest.substring(1);
            out[n++] = rest;
        }
        if (rest.length() >= 4) {
            char c = rest.charAt(0);
            if (c == 'ل' && rest.charAt(1) == 'ل' && rest.length() >= 5) {
                out[n++] = "ا" + rest.substring(1); // لل + name = ل + ال + name
            } else if (c == 'ب' || c == 'ل' || c == 'ك') {
                out[n++] = rest.substring(1);
            }
        }
        return n;
    }

    /** True if {@code form} (from {@link #forms}) dropped a preposition ب or ل from {@code original}. */
    public static boolean droppedPreposition(String original, String form) {
        if (form.equals(original)) {
            return false;
        }
        int head = original.length() - form.length();
        if (head <= 0) {
            return original.contains("لل"); // the لل contraction keeps the length
        }
        String prefix = original.substring(0, head);
        return prefix.indexOf('ب') >= 0 || prefix.indexOf('ل') >= 0;
    }

    /**
     * Start offset of token {@code token} without the letters that {@code form} (one of its
     * {@link #forms}) dropped: the mention of والرقة starts at الرقة.
     */
    public static int startWithout(Tokens t, int token, String form) {
        int skip = t.norm(token).length() - form.length();
        int pos = t.start(token);
        String text = t.text();
        while (skip > 0 && pos < t.end(token)) {
            char c = Normalizer.map(text.charAt(pos));
            if (c != 0 && c != 1) {
                skip--;
            }
            pos++;
        }
        while (pos < t.end(token) && Normalizer.isDropped(text.charAt(pos))) {
            pos++; // harakat of a dropped letter
        }
        return pos;
    }
}
