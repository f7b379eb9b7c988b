package org.daleel.analysis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Word lists shipped as resources ({@code org/daleel/analysis/text/*.txt}): one or more words per
 * line, {@code #} starts a comment. Words are stored as {@link Normalizer#key} forms.
 */
public final class Lexicon {
    private static final Lexicon EN_COMMON = load("en-common.txt");
    private static final Lexicon AR_FUNCTION = load("ar-function.txt");
    private static final Lexicon AR_COMMON = load("ar-common.txt");

    private final Set<String> words;

    private Lexicon(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** English words that are also place names: a single-word match needs strong support. */
    public static Lexicon englishCommon() {
        return EN_COMMON;
    }

    /** Arabic function words: never a place. */
    public static Lexicon arabicFunction() {
        return AR_FUNCTION;
    }

    /** Common Arabic words that are also village names: a place only after an explicit place word. */
    public static Lexicon arabicCommon() {
        return AR_COMMON;
    }

    /** True if the normalised word is in the list. */
    public boolean contains(String normalisedWord) {
        return words.contains(normalisedWord);
    }

    /** Number of words. */
    public int size() {
        return words.size();
    }

    private static Lexicon load(String name) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("classpath resource " + name + " is missing"));
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String body = hash >= 0 ? line.substring(0, hash) : line;
                for (String w : body.trim().split("\\s+")) {
                    String k = Normalizer.key(w);
                    if (!k.isEmpty()) {
                        words.add(k);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("word list " + name + ": " + e.getMessage(), e);
        }
        return new Lexicon(words);
    }
}
