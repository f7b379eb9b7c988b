package org.daleel.extract.lang;

import java.util.Optional;

/** Writing systems that decide or narrow the language of a text. */
enum Script {
    LATIN(""),
    ARABIC("ar"),
    CYRILLIC(""),
    GREEK("el"),
    HEBREW("he"),
    THAI("th"),
    HANGUL("ko"),
    KANA("ja"),
    HAN(""),
    ARMENIAN("hy"),
    GEORGIAN("ka"),
    DEVANAGARI(""),
    OTHER("");

    private final String language;

    Script(String language) {
        this.language = language;
    }

    /** The language when this script is written by essentially one language. */
    Optional<String> language() {
        return language.isEmpty() ? Optional.empty() : Optional.of(language);
    }

    /** The script of a letter. */
    static Script of(int cp) {
        if (cp < 0x250) {
            return cp < 0x80 || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) ? LATIN : OTHER;
        }
        if (cp >= 0x1E00 && cp <= 0x1EFF) {
            return LATIN;
        }
        if ((cp >= 0x0600 && cp <= 0x06FF)
                || (cp >= 0x0750 && cp <= 0x077F)
                || (cp >= 0x08A0 && cp <= 0x08FF)
                || (cp >= 0xFB50 && cp <= 0xFDFF)
                || (cp >= 0xFE70 && cp <= 0xFEFF)) {
            return ARABIC;
        }
        Character.UnicodeScript s;
        try {
            s = Character.UnicodeScript.of(cp);
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
        return switch (s) {
            case LATIN -> LATIN;
            case ARABIC -> ARABIC;
            case CYRILLIC -> CYRILLIC;
            case GREEK -> GREEK;
            case HEBREW -> HEBREW;
            case THAI -> THAI;
            case HANGUL -> HANGUL;
            case HIRAGANA, KATAKANA -> KANA;
            case HAN -> HAN;
            case ARMENIAN -> ARMENIAN;
            case GEORGIAN -> GEORGIAN;
            case DEVANAGARI -> DEVANAGARI;
            default -> OTHER;
        };
    }
}
