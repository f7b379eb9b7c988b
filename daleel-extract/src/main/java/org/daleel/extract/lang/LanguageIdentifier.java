package org.daleel.extract.lang;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Identifies the language of a text as an ISO 639-1 code, or "" when unsure.
 *
 * <p>Writing system first: when most letters are Arabic script the answer is "ar", unless the
 * letters that only Persian, Urdu or Kurdish use are frequent and the n-gram detector agrees;
 * scripts used by one language (Hebrew, Greek, Thai, Korean, Japanese kana, Armenian, Georgian)
 * decide alone. Otherwise the optimaize n-gram detector (71 built-in profiles, loaded once per JVM)
 * is asked about the letters of the dominant script only, so that one Arabic sentence in an English
 * page does not sway it. Texts with fewer than {@value #MIN_LETTERS} letters give "" unless the
 * script decides. Thread-safe.
 */
public final class LanguageIdentifier {
    /** Fewer letters than this are too few for n-gram statistics. */
    public static final int MIN_LETTERS = 20;

    private static final int MAX_SCAN = 20_000;
    private static final int SAMPLE = 700;
    private static final double MIN_PROBABILITY = 0.80;

    /** Builds the profiles on first use; building takes a few hundred milliseconds. */
    private static final class Detector {
        static final LanguageDetector INSTANCE = build();

        private static LanguageDetector build() {
            try {
                List<LanguageProfile> profiles = new LanguageProfileReader().readAllBuiltIn();
                return LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(profiles)
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "language profiles: cannot read the built-in profiles of language-detector", e);
            }
        }
    }

    /** Loads the n-gram profiles now rather than on the first call. */
    public static void warmUp() {
        Detector.INSTANCE.getProbabilities("warm up the detector with a short English sentence");
    }

    /** The ISO 639-1 code of the language of {@code text}, or "". */
    public String identify(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        ScriptCounts counts = ScriptCounts.of(text, MAX_SCAN);
        int letters = counts.letters();
        if (letters == 0) {
            return "";
        }
        Script dominant = counts.dominant();
        int dominantLetters =
                dominant == Script.KANA ? counts.count(Script.KANA) + counts.count(Script.HAN) : counts.count(dominant);
        int share = dominantLetters * 100 / letters;
        if (dominant == Script.ARABIC && share >= 50) {
            return arabicScript(text, counts);
        }
        if (share >= 60 && dominant.language().isPresent()) {
            return dominant.language().get();
        }
        if (dominantLetters < MIN_LETTERS) {
            return "";
        }
        if (dominant == Script.OTHER) {
            return "";
        }
        String best = detect(sample(text, dominant));
        if (dominant == Script.HAN && best.isEmpty()) {
            return "";
        }
        return best;
    }

    private String arabicScript(String text, ScriptCounts counts) {
        int arabic = counts.count(Script.ARABIC);
        if (arabic < MIN_LETTERS) {
            return "ar";
        }
        // Letters that Arabic does not use; a few can appear in loanwords and names.
        boolean persianLetters = counts.persian() * 100 >= arabic * 3;
        boolean urduLetters = counts.urdu() * 100 >= arabic * 3;
        boolean kurdishLetters = counts.kurdish() * 100 >= arabic * 2;
        if (!persianLetters && !urduLetters && !kurdishLetters) {
            return "ar";
        }
        if (kurdishLetters) {
            return "ku";
        }
        String detected = detect(sample(text, Script.ARABIC));
        if (detected.equals("fa") && persianLetters) {
            return "fa";
        }
        if (detected.equals("ur") && urduLetters) {
            return "ur";
        }
        return "ar";
    }

    private static String detect(String sample) {
        if (sample.length() < MIN_LETTERS) {
            return "";
        }
        List<DetectedLanguage> probabilities = Detector.INSTANCE.getProbabilities(sample);
        if (probabilities.isEmpty()) {
            return "";
        }
        DetectedLanguage top = probabilities.get(0);
        if (top.getProbability() < MIN_PROBABILITY) {
            return "";
        }
        return top.getLocale().getLanguage();
    }

    /** Letters of {@code script} with single spaces between words, at most {@link #SAMPLE} chars. */
    private static String sample(String text, Script script) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), SAMPLE) + 16);
        int n = Math.min(text.length(), MAX_SCAN);
        boolean space = true;
        for (int i = 0; i < n && out.length() < SAMPLE; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean letter = Character.isLetter(cp) && Script.of(cp) == script;
            boolean mark = !space && Character.getType(cp) == Character.NON_SPACING_MARK;
            if (letter || mark) {
                out.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }
}
