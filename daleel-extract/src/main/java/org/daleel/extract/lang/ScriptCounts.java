package org.daleel.extract.lang;

/** Letters of a text counted by script, with the Arabic-script letters specific to other languages. */
final class ScriptCounts {
    private final int[] counts = new int[Script.values().length];
    private int letters;
    private int persian;
    private int urdu;
    private int kurdish;
    private int kana;

    private ScriptCounts() {}

    /** Counts the letters of the first {@code max} chars of {@code text}. */
    static ScriptCounts of(String text, int max) {
        ScriptCounts c = new ScriptCounts();
        int n = Math.min(text.length(), max);
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                    c.letters++;
                    c.counts[Script.LATIN.ordinal()]++;
                }
                continue;
            }
            if (!Character.isLetter(cp)) {
                continue;
            }
            Script s = Script.of(cp);
            c.letters++;
            c.counts[s.ordinal()]++;
            if (s == Script.KANA) {
                c.kana++;
            }
            switch (cp) {
                // پ چ ژ گ ک ی
                case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC -> c.persian++;
                // ٹ ڈ ڑ ں ے ھ
                case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06BE -> c.urdu++;
                // ڵ ڕ ۆ ێ (Sorani)
                case 0x06B5, 0x0695, 0x06C6, 0x06CE -> c.kurdish++;
                default -> {}
            }
        }
        return c;
    }

    int letters() {
        return letters;
    }

    int count(Script s) {
        return counts[s.ordinal()];
    }

    int persian() {
        return persian;
    }

    int urdu() {
        return urdu;
    }

    int kurdish() {
        return kurdish;
    }

    /** The script with the most letters; Japanese text mixes kana with Han, so any kana counts as Japanese. */
    Script dominant() {
        Script best = Script.OTHER;
        int max = -1;
        for (Script s : Script.values()) {
            if (counts[s.ordinal()] > max) {
                max = counts[s.ordinal()];
                best = s;
            }
        }
        if (best == Script.HAN && kana * 10 >= counts[Script.HAN.ordinal()]) {
            return Script.KANA;
        }
        return best;
    }
}
