package org.daleel.extract.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One pass over a parsed page that collects what the metadata needs (meta tags, JSON-LD, time
 * elements, bylines, the first h1, article and main elements) and removes boilerplate from the body:
 * navigation, headers and footers, asides, scripts, forms, embedded frames, hidden elements,
 * cookie banners and elements whose class or id name a menu, share bar, comment thread, related
 * links, newsletter box or advertisement. A header inside an article stays (it holds the headline).
 */
final class PageScan {
    private static final Set<String> ALWAYS_REMOVED = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "iframe",
            "frame",
            "frameset",
            "svg",
            "canvas",
            "object",
            "embed",
            "button",
            "select",
            "input",
            "textarea",
            "option",
            "dialog",
            "menu",
            "nav",
            "aside",
            "footer",
            "link",
            "audio",
            "video",
            "map",
            "datalist",
            "output",
            "progress",
            "meter");
    private static final Set<String> PROTECTED_TAGS = Set.of("html", "body", "article", "main");
    private static final Set<String> BOILERPLATE_ROLES = Set.of(
            "navigation",
            "contentinfo",
            "complementary",
            "menu",
            "menubar",
            "search",
            "dialog",
            "alertdialog",
            "toolbar",
            "alert",
            "banner");
    private static final Set<String> NEGATIVE_TOKENS = Set.of(
            "nav",
            "navigation",
            "navbar",
            "menu",
            "menus",
            "footer",
            "breadcrumb",
            "breadcrumbs",
            "share",
            "sharing",
            "social",
            "comment",
            "comments",
            "related",
            "recommended",
            "recommendations",
            "subscribe",
            "subscription",
            "newsletter",
            "signup",
            "ad",
            "ads",
            "adsbygoogle",
            "adslot",
            "advert",
            "adverts",
            "advertisement",
            "advertising",
            "sponsor",
            "sponsored",
            "promo",
            "promotion",
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "popup",
            "modal",
            "sidebar",
            "widget",
            "widgets",
            "outbrain",
            "taboola",
            "disqus",
            "pagination",
            "pager",
            "skip",
            "toolbar",
            "tags",
            "tagcloud",
            "login",
            "print",
            "hidden",
            "onetrust",
            "paywall");
    private static final Set<String> NEGATIVE_PREFIXES = Set.of(
            "cookie",
            "consent",
            "newsletter",
            "advert",
            "sharebar",
            "sharethis",
            "socialmedia",
            "breadcrumb",
            "sidebar",
            "subscri",
            "sponsor",
            "footer",
            "navbar",
            "navigation",
            "menu",
            "popup",
            "outbrain",
            "taboola",
            "disqus",
            "related");
    /** Tokens that name the page's top area; only boilerplate outside an article. */
    private static final Set<String> TOP_TOKENS = Set.of("header", "masthead", "banner", "topbar");
    /** Readability's "maybe candidate" names: an element so named is kept. */
    private static final Set<String> PROTECT_TOKENS = Set.of("article", "body", "content", "main", "column", "story");

    private static final Set<String> BYLINE_TOKENS = Set.of(
            "byline",
            "dateline",
            "date",
            "time",
            "timestamp",
            "published",
            "pubdate",
            "posted",
            "meta",
            "datetime",
            "postdate",
            "publishdate",
            "entrydate");

    final List<Element> metas = new ArrayList<>();
    final List<String> jsonLd = new ArrayList<>(1);
    final List<Element> datePublishedElements = new ArrayList<>(1);
    final List<Element> times = new ArrayList<>();
    final List<Element> bylines = new ArrayList<>();
    final List<Element> articles = new ArrayList<>(2);
    final List<Element> mains = new ArrayList<>(1);
    final List<Element> articleBodies = new ArrayList<>(1);
    String firstH1 = "";

    private Map<Element, TextStats> before;
    private Document doc;
    private Element body;

    private PageScan() {}

    /** Scans {@code doc} and removes boilerplate from its body. */
    static PageScan of(Document doc) {
        PageScan scan = new PageScan();
        scan.doc = doc;
        scan.body = doc.body();
        scan.walk(doc);
        return scan;
    }

    private record Visit(Element element, boolean inArticle, boolean inHead) {}

    private void walk(Document doc) {
        ArrayDeque<Visit> stack = new ArrayDeque<>();
        for (int i = doc.childrenSize() - 1; i >= 0; i--) {
            stack.push(new Visit(doc.child(i), false, false));
        }
        while (!stack.isEmpty()) {
            Visit v = stack.pop();
            Element e = v.element();
            String tag = e.normalName();
            collect(e, tag);
            if (!v.inHead() && removable(e, tag, v.inArticle())) {
                e.remove();
                continue;
            }
            collectStructure(e, tag);
            boolean inHead = v.inHead() || tag.equals("head");
            boolean inArticle = v.inArticle()
                    || tag.equals("article")
                    || tag.equals("main")
                    || "articleBody".equals(e.attributes().getIgnoreCase("itemprop"));
            for (int i = e.childrenSize() - 1; i >= 0; i--) {
                stack.push(new Visit(e.child(i), inArticle, inHead));
            }
        }
    }

    private void collect(Element e, String tag) {
        switch (tag) {
            case "meta" -> metas.add(e);
            case "script" -> {
                if (e.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
                    jsonLd.add(e.data());
                }
            }
            case "time" -> times.add(e);
            case "h1" -> {
                if (firstH1.isEmpty()) {
                    firstH1 = e.text();
                }
            }
            default -> {}
        }
        if (e.attributesSize() == 0) {
            return;
        }
        if (e.attributes().getIgnoreCase("itemprop").equalsIgnoreCase("datePublished") && !tag.equals("meta")) {
            datePublishedElements.add(e);
        }
        if (hasToken(e, BYLINE_TOKENS)) {
            bylines.add(e);
        }
    }

    /** Candidates for the main text; only elements that stay, so all of them are in the page. */
    private void collectStructure(Element e, String tag) {
        if (tag.equals("article")) {
            articles.add(e);
        } else if (tag.equals("main")) {
            mains.add(e);
        }
        if (e.attributesSize() == 0) {
            return;
        }
        if (e.attributes().getIgnoreCase("itemprop").equalsIgnoreCase("articleBody")) {
            articleBodies.add(e);
        }
        if (e.attributes().getIgnoreCase("role").equalsIgnoreCase("main") && !tag.equals("main")) {
            mains.add(e);
        }
    }

    private boolean removable(Element e, String tag, boolean inArticle) {
        if (PROTECTED_TAGS.contains(tag) || tag.equals("head")) {
            return false;
        }
        if (ALWAYS_REMOVED.contains(tag)) {
            return true;
        }
        if (tag.equals("header")) {
            return !inArticle;
        }
        if (tag.equals("form")) {
            // ASP.NET pages wrap the whole page in one form: keep a form that holds most of the text
            return textLength(e) * 2 < bodyTextLength();
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.hasAttr("hidden")) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            if (s.contains("display:none") || s.contains("visibility:hidden")) {
                return true;
            }
        }
        String role = e.attributes().getIgnoreCase("role").toLowerCase(Locale.ROOT);
        if (BOILERPLATE_ROLES.contains(role)) {
            return !(role.equals("banner") && inArticle);
        }
        if ("articleBody".equalsIgnoreCase(e.attributes().getIgnoreCase("itemprop"))) {
            return false;
        }
        int verdict = classVerdict(e, inArticle);
        if (verdict <= 0) {
            return false;
        }
        // never drop an element that holds most of the page's text, whatever its name
        return textLength(e) * 2 < bodyTextLength();
    }

    /** 1 when class or id names boilerplate and nothing protects it, else 0. */
    private static int classVerdict(Element e, boolean inArticle) {
        String names = e.className() + " " + e.id();
        if (names.length() <= 1) {
            return 0;
        }
        boolean negative = false;
        for (String token : tokens(names)) {
            if (PROTECT_TOKENS.contains(token)) {
                return 0;
            }
            if (NEGATIVE_TOKENS.contains(token)
                    || (!inArticle && TOP_TOKENS.contains(token))
                    || hasNegativePrefix(token)) {
                negative = true;
            }
        }
        return negative ? 1 : 0;
    }

    private static boolean hasNegativePrefix(String token) {
        if (token.length() < 4 || token.startsWith("commentary")) {
            return false;
        }
        for (String prefix : NEGATIVE_PREFIXES) {
            if (token.startsWith(prefix)) {
                return true;
            }
        }
        return token.startsWith("comment") && !token.startsWith("commentar");
    }

    private static boolean hasToken(Element e, Set<String> wanted) {
        String names = e.className() + " " + e.id();
        if (names.length() <= 1) {
            return false;
        }
        for (String token : tokens(names)) {
            if (wanted.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case alphanumeric words of class and id values ("post-comments_list" gives post, comments, list). */
    static List<String> tokens(String names) {
        List<String> tokens = new ArrayList<>(4);
        int n = names.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean word = i < n && Character.isLetterOrDigit(names.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(names.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return tokens;
    }

    private int bodyTextLength() {
        return body == null ? 0 : textLength(body);
    }

    /** Non-whitespace characters in the text of {@code e} as the page was before pruning. */
    private int textLength(Element e) {
        if (before == null) {
            before = TextStats.index(doc);
        }
        return before.getOrDefault(e, TextStats.NONE).length();
    }
}
