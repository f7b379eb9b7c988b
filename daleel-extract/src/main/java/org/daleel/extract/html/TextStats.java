package org.daleel.extract.html;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Non-whitespace characters of an element's text, of the part inside links, and its commas: the
 * measures of text density.
 *
 * @param length non-whitespace characters
 * @param linkLength non-whitespace characters inside {@code <a>}
 * @param commas commas, Latin and Arabic
 */
record TextStats(int length, int linkLength, int commas) {
    static final TextStats NONE = new TextStats(0, 0, 0);

    /**
     * The measures of {@code root} and every element under it, in one pass (children before their
     * parents), so that deeply nested pages cost linear time.
     */
    static Map<Element, TextStats> index(Element root) {
        ArrayDeque<Element> stack = new ArrayDeque<>();
        ArrayDeque<Element> preOrder = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            preOrder.push(e);
            for (int i = 0; i < e.childrenSize(); i++) {
                stack.push(e.child(i));
            }
        }
        Map<Element, TextStats> stats = new IdentityHashMap<>(preOrder.size() * 2);
        while (!preOrder.isEmpty()) {
            Element e = preOrder.pop(); // reverse pre-order: descendants come first
            int length = 0;
            int link = 0;
            int commas = 0;
            for (int i = 0; i < e.childNodeSize(); i++) {
                Node child = e.childNode(i);
                if (child instanceof TextNode t) {
                    String s = t.getWholeText();
                    for (int j = 0; j < s.length(); j++) {
                        char c = s.charAt(j);
                        if (c > ' ' && c != '\u00A0') {
                            length++;
                            if (c == ',' || c == '\u060C') {
                                commas++;
                            }
                        }
                    }
                } else if (child instanceof Element ce) {
                    TextStats cs = stats.getOrDefault(ce, NONE);
                    length += cs.length;
                    link += cs.linkLength;
                    commas += cs.commas;
                }
            }
            if (e.normalName().equals("a")) {
                link = length;
            }
            stats.put(e, new TextStats(length, link, commas));
        }
        return stats;
    }

    /** Share of the text that is link text, 0 for an empty element. */
    double linkDensity() {
        return length == 0 ? 0 : (double) linkLength / length;
    }
}
