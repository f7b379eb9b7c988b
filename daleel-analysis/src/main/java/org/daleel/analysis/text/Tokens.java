package org.daleel.analysis.text;

import java.util.Arrays;

/**
 * The tokens of one text, as parallel arrays (one object per text, not one per token). Offsets are
 * UTF-16 char offsets into the text; {@link #norm(int)} is the token's {@link Normalizer} form (for a
 * number: its digits in ASCII without thousands separators; for punctuation: the mark itself, with
 * Arabic marks mapped to their Latin counterparts).
 *
 * <p>Built by {@link Tokenizer}; not thread-safe while being built, read-only afterwards.
 */
public final class Tokens {
    /** A word in Latin script. */
    public static final byte LATIN = 1;
    /** A word in Arabic script. */
    public static final byte ARABIC = 2;
    /** A word in another script. */
    public static final byte OTHER_WORD = 3;
    /** A number (digits, possibly with a decimal point). */
    public static final byte NUMBER = 4;
    /** A punctuation mark. */
    public static final byte PUNCT = 5;

    /** The first letter is upper case. */
    public static final int CAPITALISED = 1;
    /** Every letter is upper case and there are at least two. */
    public static final int ALL_CAPS = 2;
    /** Joined to the previous word by a hyphen with no space ("ez-Zor", "south-west"). */
    public static final int HYPHEN_JOINED = 4;
    /** First word of a sentence. */
    public static final int SENTENCE_START = 8;
    /** First word of a paragraph. */
    public static final int PARAGRAPH_START = 16;

    private final String text;
    private int size;
    private int[] start = new int[64];
    private int[] end = new int[64];
    private byte[] kind = new byte[64];
    private int[] flags = new int[64];
    private int[] sentence = new int[64];
    private String[] norm = new String[64];
    private String[] fuzzy = new String[64];
    private int sentences;
    private int[] sentenceFirst = new int[16];

    Tokens(String text) {
        this.text = text;
    }

    void add(int s, int e, byte k, int f, String n) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            kind = Arrays.copyOf(kind, cap);
            flags = Arrays.copyOf(flags, cap);
            sentence = Arrays.copyOf(sentence, cap);
            norm = Arrays.copyOf(norm, cap);
            fuzzy = Arrays.copyOf(fuzzy, cap);
        }
        start[size] = s;
        end[size] = e;
        kind[size] = k;
        flags[size] = f;
        norm[size] = n;
        sentence[size] = sentences - 1;
        size++;
    }

    void startSentence() {
        if (sentences > 0 && sentenceFirst[sentences - 1] == size) {
            return; // empty sentence: reuse it
        }
        if (sentences == sentenceFirst.length) {
            sentenceFirst = Arrays.copyOf(sentenceFirst, sentences * 2);
        }
        sentenceFirst[sentences++] = size;
    }

    void addFlag(int i, int f) {
        flags[i] |= f;
    }

    /** The analysed text. */
    public String text() {
        return text;
    }

    /** Number of tokens. */
    public int size() {
        return size;
    }

    /** Start offset of token {@code i}. */
    public int start(int i) {
        return start[i];
    }

    /** End offset (exclusive) of token {@code i}. */
    public int end(int i) {
        return end[i];
    }

    /** Kind of token {@code i}: {@link #LATIN}, {@link #ARABIC}, {@link #OTHER_WORD}, {@link #NUMBER}, {@link #PUNCT}. */
    public byte kind(int i) {
        return kind[i];
    }

    /** True if token {@code i} is a word (any script). */
    public boolean isWord(int i) {
        return kind[i] <= OTHER_WORD;
    }

    /** Flags of token {@code i}. */
    public int flags(int i) {
        return flags[i];
    }

    /** True if token {@code i} has every one of the given flags. */
    public boolean has(int i, int flag) {
        return (flags[i] & flag) == flag;
    }

    /** Normalised form of token {@code i}. */
    public String norm(int i) {
        return norm[i];
    }

    /** {@link Normalizer#fuzzy(String)} of token {@code i}, computed once. */
    public String fuzzy(int i) {
        String f = fuzzy[i];
        if (f == null) {
            f = Normalizer.fuzzy(norm[i]);
            fuzzy[i] = f;
        }
        return f;
    }

    /** The original text of token {@code i}. */
    public String surface(int i) {
        return text.substring(start[i], end[i]);
    }

    /** True if token {@code i} is punctuation equal to {@code mark}. */
    public boolean isPunct(int i, String mark) {
        return i >= 0 && i < size && kind[i] == PUNCT && norm[i].equals(mark);
    }

    /** True if token {@code i} exists and its normalised form is {@code word}. */
    public boolean is(int i, String word) {
        return i >= 0 && i < size && norm[i].equals(word);
    }

    /** Index of the sentence token {@code i} belongs to. */
    public int sentence(int i) {
        return sentence[i];
    }

    /** Number of sentences. */
    public int sentences() {
        return sentences;
    }

    /** First token of sentence {@code s}. */
    public int sentenceFirst(int s) {
        return sentenceFirst[s];
    }

    /** Token after the last token of sentence {@code s}. */
    public int sentenceEnd(int s) {
        return s + 1 < sentences ? sentenceFirst[s + 1] : size;
    }

    /**
     * Number of consecutive words from {@code i} (at most {@code max}) of the same script and
     * sentence, separated only by spaces, hyphens or dropped characters: the words a multi-word name
     * may span.
     */
    public int run(int i, int max) {
        int k = 1;
        while (k < max && i + k < size) {
            int j = i + k;
            if (kind[j] != kind[i] || sentence[j] != sentence[i]) {
                break;
            }
            int gapFrom = end[j - 1];
            int gapTo = start[j];
            if (gapTo - gapFrom > 3) {
                break;
            }
            for (int c = gapFrom; c < gapTo; c++) {
                char ch = text.charAt(c);
                if (!(ch == ' '
                        || ch == '-'
                        || ch == '\u00a0'
                        || ch == '‐'
                        || ch == '\n'
                        || Normalizer.isDropped(ch))) {
                    return k;
                }
            }
            k++;
        }
        return k;
    }
}
