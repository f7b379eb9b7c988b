package org.daleel.web;

import java.util.regex.Pattern;

/**
 * A small HTML writer in which every value is escaped unless a method says otherwise. Tag and
 * attribute names are code, never data (they are checked); attribute values and text are always
 * escaped. The only markup taken from data is a search snippet, through {@link #snippet}, which
 * keeps {@code <b>} and {@code </b>} and escapes any other {@code <} or {@code >}.
 *
 * <p>Not thread-safe: one instance per response.
 */
public final class Html {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*"); // SVG has viewBox

    private final StringBuilder out = new StringBuilder(4096);

    /** Escapes text for element content and quoted attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A search snippet as markup: {@code <b>} and {@code </b>} (the index's match marks) are kept,
     * every other {@code <} and {@code >} is escaped, entities the index wrote stay as they are.
     */
    public static String safeSnippet(String snippet) {
        StringBuilder b = new StringBuilder(snippet.length() + 16);
        int i = 0;
        while (i < snippet.length()) {
            if (snippet.startsWith("<b>", i)) {
                b.append("<b>");
                i += 3;
            } else if (snippet.startsWith("</b>", i)) {
                b.append("</b>");
                i += 4;
            } else {
                char c = snippet.charAt(i++);
                b.append(c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : String.valueOf(c));
            }
        }
        return b.toString();
    }

    /**
     * Opens {@code tag} with attributes given as name, value pairs; a {@code null} value omits the
     * attribute.
     */
    public Html open(String tag, String... attributes) {
        out.append('<').append(name(tag));
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** A void element such as {@code input} or {@code meta}. */
    public Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    /** Closes {@code tag}. */
    public Html close(String tag) {
        out.append("</").append(name(tag)).append('>');
        return this;
    }

    /** {@code <tag attributes>text</tag>} with the text escaped. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text. */
    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** A search snippet (see {@link #safeSnippet}). */
    public Html snippet(String snippet) {
        out.append(safeSnippet(snippet));
        return this;
    }

    /** Markup produced by another {@code Html}. */
    public Html append(Html other) {
        out.append(other.out);
        return this;
    }

    /** Constant markup written in code (never data). */
    public Html markup(String constant) {
        out.append(constant);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "attributes must be name, value pairs, got " + attributes.length + " strings");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ')
                        .append(name(attributes[i]))
                        .append("=\"")
                        .append(escape(attributes[i + 1]))
                        .append('"');
            }
        }
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an HTML tag or attribute name: " + name);
        }
        return name;
    }
}
