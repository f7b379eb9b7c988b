package org.daleel.extract.text;

/**
 * Makes extracted text safe to index and show: no NUL or other control characters (tab and newline
 * stay), line breaks normalised to {@code \n}, unpaired surrogates replaced by U+FFFD, no BOM inside
 * the text, at most one blank line in a row, no trailing spaces on a line.
 */
public final class CleanText {
    private CleanText() {}

    /** The cleaned text, trimmed. */
    public static String of(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int newlines = 0; // newlines at the end of out
        int pendingSpaces = 0;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (plain(c)) {
                // copy a run of ordinary characters (single spaces between them included) at once
                int end = i + 1;
                while (end < n) {
                    char d = raw.charAt(end);
                    if (plain(d)) {
                        end++;
                    } else if (d == ' ' && end + 1 < n && plain(raw.charAt(end + 1))) {
                        end += 2;
                    } else {
                        break;
                    }
                }
                flushSpaces(out, pendingSpaces, newlines);
                out.append(raw, i, end);
                newlines = 0;
                pendingSpaces = 0;
                i = end - 1;
                continue;
            }
            if (c == '\r') {
                if (i + 1 < n && raw.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            } else if (c == '\f' || c == '\u000B' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                c = '\n';
            }
            if (c == '\n') {
                pendingSpaces = 0;
                if (out.length() > 0 && newlines < 2) {
                    out.append('\n');
                    newlines++;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\u00A0') {
                pendingSpaces++;
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFEFF') {
                continue; // control characters and stray BOMs carry no text
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    flushSpaces(out, pendingSpaces, newlines);
                    out.append(c).append(raw.charAt(++i));
                    newlines = 0;
                    pendingSpaces = 0;
                    continue;
                }
                c = '\uFFFD';
            } else if (Character.isLowSurrogate(c)) {
                c = '\uFFFD';
            }
            flushSpaces(out, pendingSpaces, newlines);
            out.append(c);
            newlines = 0;
            pendingSpaces = 0;
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    /** A character that is kept as it is. */
    private static boolean plain(char c) {
        return c > ' ' && (c < 0x7F || (c > 0x9F && c != '\u00A0' && c < '\u2028'))
                || (c > '\u2029' && c < '\uD800')
                || (c > '\uDFFF' && c != '\uFEFF');
    }

    private static void flushSpaces(StringBuilder out, int pendingSpaces, int newlines) {
        if (pendingSpaces > 0 && out.length() > 0 && newlines == 0) {
            out.append(' ');
        }
    }

    /** The first non-empty line of {@code text}, trimmed and cut to {@code max} characters. */
    public static String firstLine(String text, int max) {
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                return cut(line, max);
            }
            start = end + 1;
        }
        return "";
    }

    /** {@code s} cut to at most {@code max} characters, never between the halves of a surrogate pair. */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end).strip();
    }
}
