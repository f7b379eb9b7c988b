package org.daleel.extract.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Chooses the elements that hold a page's main text once boilerplate is gone: the element marked
 * {@code itemprop=articleBody}, else the largest {@code <article>}, else {@code <main>} (each only
 * when it holds a fair share of the page's text), else the block with the best paragraph score in
 * the manner of Readability: every paragraph scores by its length and commas, passes the score to
 * its ancestors, the best ancestor (discounted by its link density) wins, and siblings that score
 * well or read as prose join it.
 */
final class MainContent {
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "li", "span", "font", "center");
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "blockquote",
            "pre",
            "table",
            "ul",
            "ol",
            "dl",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "figure",
            "header",
            "address",
            "form",
            "hr");
    private static final Set<String> POSITIVE =
            Set.of("article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story");
    private static final Set<String> NEGATIVE = Set.of(
            "hidden",
            "banner",
            "combx",
            "comment",
            "com",
            "contact",
            "foot",
            "footer",
            "footnote",
            "masthead",
            "media",
            "meta",
            "outbrain",
            "promo",
            "related",
            "scroll",
            "shoutbox",
            "sidebar",
            "skyscraper",
            "sponsor",
            "shopping",
            "tags",
            "tool",
            "widget");
    private static final int MIN_PARAGRAPH = 25;

    private MainContent() {}

    /** The elements to render, in document order; the body when nothing better is found. */
    static List<Element> of(Element body, PageScan scan) {
        Map<Element, TextStats> stats = TextStats.index(body);
        int total = stats.get(body).length();
        Element marked = largest(scan.articleBodies, stats, 0);
        if (marked != null) {
            return List.of(marked);
        }
        Element article = largest(scan.articles, stats, total / 4);
        if (article != null) {
            return List.of(article);
        }
        Element main = largest(scan.mains, stats, total / 4);
        if (main != null) {
            return List.of(main);
        }
        return scored(body, stats);
    }

    /** The element with the most text, if it has more than {@code min} characters. */
    private static Element largest(List<Element> elements, Map<Element, TextStats> stats, int min) {
        Element best = null;
        int bestLength = 0;
        for (Element e : elements) {
            int length = stats.getOrDefault(e, TextStats.NONE).length();
            if (length > bestLength) {
                best = e;
                bestLength = length;
            }
        }
        return best != null && bestLength > min ? best : null;
    }

    private static List<Element> scored(Element body, Map<Element, TextStats> textStats) {
        Map<Element, double[]> scores = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            String tag = e.normalName();
            if (!PARAGRAPHS.contains(tag) && !(CONTAINERS.contains(tag) && !hasBlockChild(e))) {
                continue;
            }
            TextStats stats = textStats.getOrDefault(e, TextStats.NONE);
            if (stats.length() < MIN_PARAGRAPH) {
                continue;
            }
            double score = 1 + stats.commas() + Math.min(stats.length() / 100.0, 3);
            Element ancestor = e.parent();
            for (int level = 0; level < 3 && ancestor != null; level++) {
                double[] s = scores.computeIfAbsent(ancestor, MainContent::initialScore);
                s[0] += score / (level == 0 ? 1 : level * 2);
                if (ancestor == body) {
                    break;
                }
                ancestor = ancestor.parent();
            }
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, double[]> entry : scores.entrySet()) {
            double s = entry.getValue()[0]
                    * (1
                            - textStats
                                    .getOrDefault(entry.getKey(), TextStats.NONE)
                                    .linkDensity());
            entry.getValue()[0] = s;
            if (s > topScore) {
                top = entry.getKey();
                topScore = s;
            }
        }
        if (top == null) {
            return List.of(body);
        }
        return withSiblings(top, topScore, scores, textStats);
    }

    private static List<Element> withSiblings(
            Element top, double topScore, Map<Element, double[]> scores, Map<Element, TextStats> textStats) {
        Element parent = top.parent();
        if (parent == null || top.normalName().equals("body")) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> result = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                result.add(sibling);
                continue;
            }
            double[] s = scores.get(sibling);
            if (s != null && s[0] >= threshold) {
                result.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                TextStats stats = textStats.getOrDefault(sibling, TextStats.NONE);
                boolean prose = stats.length() > 80 && stats.linkDensity() < 0.25;
                boolean sentence = stats.length() > 0
                        && stats.linkDensity() == 0
                        && sibling.text().endsWith(".");
                if (prose || sentence) {
                    result.add(sibling);
                }
            }
        }
        return result;
    }

    private static boolean hasBlockChild(Element e) {
        for (int i = 0; i < e.childrenSize(); i++) {
            if (BLOCKS.contains(e.child(i).normalName())) {
                return true;
            }
        }
        return false;
    }

    private static double[] initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String names = e.className() + " " + e.id();
        if (names.length() > 1) {
            for (String token : PageScan.tokens(names)) {
                if (POSITIVE.contains(token)) {
                    score += 25;
                    break;
                }
            }
            for (String token : PageScan.tokens(names)) {
                if (NEGATIVE.contains(token)) {
                    score -= 25;
                    break;
                }
            }
        }
        return new double[] {score};
    }
}
