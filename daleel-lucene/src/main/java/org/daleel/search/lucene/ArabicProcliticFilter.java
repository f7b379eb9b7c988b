package org.daleel.search.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Query-time only: after each stemmed Arabic word of three letters or more, adds the same word
 * with each one-letter preposition or conjunction written attached to it (ب "in/with", ل "for",
 * ف "so", ك "like") at the same position, so that a search for داريا also finds بداريا and
 * لداريا.
 *
 * <p>Lucene's Arabic light stemmer (Light10, Larkey et al. 2007) removes the article ال, its
 * combinations (وال بال كال فال لل) and و, but not a bare ب ل ف ك, because stripping those from
 * every word at index time would merge unrelated words (بحر "sea" would become حر "hot"). Adding
 * the prefixed forms to the query instead only matches words that are the query word with a
 * preposition, which keeps precision; words shorter than three letters are left alone for the same
 * reason.
 */
final class ArabicProcliticFilter extends TokenFilter {
    private static final char[] PROCLITICS = {'\u0628', '\u0644', '\u0641', '\u0643'};
    private static final int MIN_LENGTH = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private State wordState;
    private String word = "";
    private int nextProclitic = PROCLITICS.length;

    ArabicProcliticFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (nextProclitic < PROCLITICS.length) {
            restoreState(wordState);
            term.setEmpty().append(PROCLITICS[nextProclitic++]).append(word);
            positionIncrement.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (term.length() >= MIN_LENGTH && isArabicWord(term)) {
            word = term.toString();
            wordState = captureState();
            nextProclitic = 0;
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        wordState = null;
        word = "";
        nextProclitic = PROCLITICS.length;
    }

    private static boolean isArabicWord(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '\u0621' || c > '\u064A') {
                return false;
            }
        }
        return true;
    }
}
