package org.daleel.extract.html;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders elements as text the way a reader sees them: whitespace collapsed, a blank line between
 * blocks (paragraphs, headings, sections), a line break for {@code <br>}, list items and table
 * rows, {@code <pre>} kept as is. Not thread-safe; one instance per rendering.
 */
final class BlockText implements NodeVisitor {
    private static final int NONE = 0;
    private static final int SPACE = 1;
    private static final int LINE = 2;
    private static final int PARAGRAPH = 3;

    private static final Set<String> PARAGRAPH_TAGS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "header",
            "footer",
            "aside",
            "nav",
            "blockquote",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hgroup",
            "pre",
            "table",
            "ul",
            "ol",
            "dl",
            "figure",
            "figcaption",
            "address",
            "hr",
            "form",
            "fieldset",
            "details",
            "summary",
            "center",
            "body",
            "caption");
    private static final Set<String> LINE_TAGS = Set.of("li", "dt", "dd", "tr", "option", "legend");
    private static final Set<String> CELL_TAGS = Set.of("td", "th");

    private final StringBuilder out;
    private final boolean xml;
    private int pending = NONE;
    private int preDepth;

    private BlockText(int capacity, boolean xml) {
        this.out = new StringBuilder(capacity);
        this.xml = xml;
    }

    /** The text of {@code roots}, separated by blank lines. */
    static String render(List<Element> roots, boolean xml) {
        BlockText text = new BlockText(4096, xml);
        for (Element root : roots) {
            text.want(PARAGRAPH);
            NodeTraversor.traverse(text, root);
        }
        return text.out.toString();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
            if (preDepth > 0) {
                appendRaw(t.getWholeText());
            } else {
                appendCollapsed(t.getWholeText());
            }
        } else if (node instanceof Element e) {
            String tag = e.normalName();
            if (xml) {
                want(LINE);
            } else if (tag.equals("br")) {
                want(LINE);
            } else if (PARAGRAPH_TAGS.contains(tag)) {
                want(PARAGRAPH);
                if (tag.equals("pre")) {
                    preDepth++;
                }
            } else if (LINE_TAGS.contains(tag)) {
                want(LINE);
            } else if (CELL_TAGS.contains(tag)) {
                want(SPACE);
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            String tag = e.normalName();
            if (xml) {
                want(LINE);
            } else if (PARAGRAPH_TAGS.contains(tag)) {
                want(PARAGRAPH);
                if (tag.equals("pre")) {
                    preDepth--;
                }
            } else if (LINE_TAGS.contains(tag)) {
                want(LINE);
            } else if (CELL_TAGS.contains(tag)) {
                want(SPACE);
            }
        }
    }

    private void want(int level) {
        if (level > pending) {
            pending = level;
        }
    }

    private void emitPending() {
        if (out.length() > 0) {
            switch (pending) {
                case PARAGRAPH -> out.append("\n\n");
                case LINE -> out.append('\n');
                case SPACE -> out.append(' ');
                default -> {}
            }
        }
        pending = NONE;
    }

    private void appendCollapsed(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (isSpace(s.charAt(i))) {
                want(SPACE);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && !isSpace(s.charAt(end))) {
                end++;
            }
            emitPending();
            out.append(s, i, end);
            i = end;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\u000B';
    }

    private void appendRaw(String s) {
        if (s.isEmpty()) {
            return;
        }
        emitPending();
        out.append(s);
    }
}
