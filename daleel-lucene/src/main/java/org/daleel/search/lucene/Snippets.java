package org.daleel.search.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of the {@code text} field: one passage of about {@value #LENGTH} characters around the
 * best matches, from Lucene's {@link UnifiedHighlighter} using the offsets stored in the postings.
 * Matches in the stemmed copies {@code text.en} and {@code text.ar} highlight the stored text too
 * ("masked fields"), so a search for "stations" or "مدينة" marks "station" or "المدينة". When no
 * word of the text matched (a title-only match), the snippet is the start of the text.
 */
final class Snippets {
    /** Target passage length in characters. */
    static final int LENGTH = 200;

    private static final int MAX_HIGHLIGHTED_CHARS = 20_000_000;
    private static final Set<String> MASKED = Set.of(ItemDocuments.TEXT_EN, ItemDocuments.TEXT_AR);

    private final UnifiedHighlighter highlighter;

    Snippets(IndexSearcher searcher, Analyzer indexAnalyzer) {
        this.highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), LENGTH, 0.5f))
                .withFormatter(new HtmlPassageFormatter())
                .withMaxLength(MAX_HIGHLIGHTED_CHARS)
                .withMaxNoHighlightPassages(0)
                .withMaskedFieldsFunc(field -> field.equals(ItemDocuments.TEXT) ? MASKED : Set.of())
                .build();
    }

    /**
     * Snippets for the given documents, in order; the start of the text where nothing in the text
     * matched.
     *
     * @param texts the stored text of each document, for the fallback
     */
    String[] of(Query query, int[] docIds, String[] texts) throws IOException {
        Map<String, String[]> highlighted =
                highlighter.highlightFields(new String[] {ItemDocuments.TEXT}, query, docIds, new int[] {1});
        String[] passages = highlighted.get(ItemDocuments.TEXT);
        String[] snippets = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            String passage = passages == null ? null : passages[i];
            snippets[i] = passage == null || passage.isEmpty() ? start(texts[i]) : passage;
        }
        return snippets;
    }

    /** The first ~{@value #LENGTH} characters of {@code text}, cut at a space, HTML-escaped. */
    static String start(String text) {
        String t = text.strip();
        int end = t.length();
        if (end > LENGTH) {
            end = LENGTH;
            for (int i = LENGTH; i > LENGTH / 2; i--) {
                if (Character.isWhitespace(t.charAt(i))) {
                    end = i;
                    break;
                }
            }
            if (Character.isHighSurrogate(t.charAt(end - 1))) {
                end--;
            }
        }
        StringBuilder out = new StringBuilder();
        HtmlPassageFormatter.escape(out, t, 0, end);
        String snippet = out.toString().strip();
        return end < t.length() ? snippet + " " + HtmlPassageFormatter.ELLIPSIS : snippet;
    }
}
