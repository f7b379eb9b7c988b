package org.daleel.analysis.eval;

import java.util.ArrayList;
import java.util.List;

/** Whole-word occurrences of a surface form in a text, Arabic attached clitics allowed before it. */
final class Occurrences {
    private static final String CLITICS = "وفبلك";

    private Occurrences() {}

    /** Spans {start, end} of each occurrence of {@code surface} in {@code text}, in text order. */
    static List<int[]> of(String text, String surface) {
        List<int[]> out = new ArrayList<>();
        if (surface.isEmpty()) {
            return out;
        }
        int from = 0;
        while (true) {
            int i = text.indexOf(surface, from);
            if (i < 0) {
                return out;
            }
            int end = i + surface.length();
            if (leftBoundary(text, i) && (end == text.length() || !wordChar(text.charAt(end)))) {
                out.add(new int[] {i, end});
            }
            from = i + 1;
        }
    }

    private static boolean leftBoundary(String text, int i) {
        if (i == 0 || !wordChar(text.charAt(i - 1))) {
            return true;
        }
        // up to two attached clitic letters before an Arabic word: "بحلب", "وبحلب"
        int j = i;
        while (j > 0 && i - j < 2 && CLITICS.indexOf(text.charAt(j - 1)) >= 0) {
            j--;
        }
        return j < i && (j == 0 || !wordChar(text.charAt(j - 1)));
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
