package org.daleel.search.lucene;

import java.util.Arrays;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as safe HTML: matched words in {@code <b>..</b>}, every other
 * character of the text escaped ({@code & < > " '}), runs of white space collapsed to one space,
 * and "…" where the passage does not start or end with the text.
 *
 * <p>The web UI inserts snippets as HTML and archived pages are hostile by nature, so escaping here
 * is a security boundary, not cosmetics. Lucene's {@code DefaultPassageFormatter} also escapes, but
 * turns every space and punctuation mark into a numeric entity, which makes snippets unreadable
 * outside a browser (CLI, JSON).
 */
final class HtmlPassageFormatter extends PassageFormatter {
    static final String ELLIPSIS = "\u2026";

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        int previousEnd = 0;
        for (Passage passage : passages) {
            if (passage.getStartOffset() > previousEnd || (out.isEmpty() && passage.getStartOffset() > 0)) {
                out.append(out.isEmpty() ? "" : " ").append(ELLIPSIS).append(' ');
            }
            appendPassage(out, passage, content);
            previousEnd = passage.getEndOffset();
        }
        if (passages.length > 0 && previousEnd < content.length()) {
            out.append(' ').append(ELLIPSIS);
        }
        return out.toString().strip();
    }

    private static void appendPassage(StringBuilder out, Passage passage, String content) {
        int n = passage.getNumMatches();
        int[][] matches = new int[n][];
        for (int i = 0; i < n; i++) {
            matches[i] = new int[] {passage.getMatchStarts()[i], passage.getMatchEnds()[i]};
        }
        // The same word can match in several fields (masked fields); merge overlapping spans.
        Arrays.sort(matches, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int pos = passage.getStartOffset();
        int i = 0;
        while (i < n) {
            int start = Math.max(matches[i][0], pos);
            int end = Math.min(matches[i][1], passage.getEndOffset());
            while (i + 1 < n && matches[i + 1][0] <= end) {
                end = Math.min(Math.max(end, matches[++i][1]), passage.getEndOffset());
            }
            i++;
            if (start >= end) {
                continue;
            }
            escape(out, content, pos, start);
            out.append("<b>");
            escape(out, content, start, end);
            out.append("</b>");
            pos = end;
        }
        escape(out, content, pos, passage.getEndOffset());
    }

    /** Appends {@code content[start, end)} HTML-escaped, with white space runs collapsed. */
    static void escape(StringBuilder out, String content, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = content.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                        if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                            out.append(' ');
                        }
                    } else if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
    }
}
