package org.daleel.app;

/** Turning index snippets (escaped HTML with {@code <b>} marks) into terminal text. */
final class Text {
    private Text() {}

    /** Unescapes a snippet and shows matches in bold on a terminal, plain otherwise. */
    static String plainSnippet(String html) {
        boolean tty = System.console() != null;
        String s = html.replace("<b>", tty ? "\u001b[1m" : "").replace("</b>", tty ? "\u001b[0m" : "");
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&amp;", "&")
                .replace('\n', ' ');
    }
}
