package org.daleel.web.ui;

import java.util.List;
import org.daleel.item.Item;
import org.daleel.item.ItemKind;
import org.daleel.search.SearchHit;
import org.daleel.search.SearchQuery;
import org.daleel.search.SearchResult;
import org.daleel.web.Html;

/** The front page (search box and recent items) and the results page. */
final class SearchPage {
    private SearchPage() {}

    /** Front page: the search form and the most recent items. */
    static Html front(List<Item> recent, long total) {
        Html h = new Html();
        h.element("h1", "Search the archive");
        form(h, "", "", "", "", "");
        h.element("h2", "Recent items");
        if (recent.isEmpty()) {
            h.open("p")
                    .text("The archive is empty. ")
                    .element("a", "Capture a page", "href", "/capture")
                    .text(" or ")
                    .element("a", "upload files", "href", "/upload")
                    .text(".")
                    .close("p");
            return h;
        }
        h.element("p", total + (total == 1 ? " item" : " items") + " archived.", "class", "muted");
        h.open("ol", "class", "results");
        for (Item item : recent) {
            h.open("li");
            h.open("a", "class", "title", "href", "/items/" + item.id(), "dir", "auto")
                    .text(ItemPage.heading(item))
                    .close("a");
            h.element("div", item.url().isEmpty() ? item.fileName() : item.url(), "class", "source", "dir", "auto");
            meta(h, item.capturedAt().toString(), item.language(), item.kind().label());
            h.close("li");
        }
        h.close("ol");
        return h;
    }

    /** Results of {@code query}; {@code kind}, {@code from}, {@code to} are the raw parameters, kept in the form and pager. */
    static Html results(SearchQuery query, SearchResult result, String kind, String from, String to) {
        Html h = new Html();
        h.element("h1", "Search");
        form(h, query.text(), query.language(), kind, from, to);
        long shownTo =
                Math.min(result.total(), (long) query.offset() + result.hits().size());
        h.element(
                "p",
                result.total() == 0
                        ? "No items match."
                        : "Results " + (query.offset() + 1) + "–" + shownTo + " of " + result.total() + ".",
                "class",
                "muted");
        h.open("ol", "class", "results", "start", Integer.toString(query.offset() + 1));
        for (SearchHit hit : result.hits()) {
            h.open("li");
            String title =
                    !hit.title().isEmpty() ? hit.title() : !hit.fileName().isEmpty() ? hit.fileName() : hit.url();
            h.open("a", "class", "title", "href", "/items/" + hit.id(), "dir", "auto")
                    .text(title.isEmpty() ? hit.id() : title)
                    .close("a");
            h.element("div", hit.url().isEmpty() ? hit.fileName() : hit.url(), "class", "source", "dir", "auto");
            h.open("p", "class", "snippet", "dir", "auto")
                    .snippet(hit.snippet())
                    .close("p");
            meta(h, hit.capturedAt().toString(), hit.language(), "");
            h.close("li");
        }
        h.close("ol");
        pager(h, query, result, kind, from, to);
        return h;
    }

    private static void meta(Html h, String capturedAt, String language, String kind) {
        h.open("div", "class", "meta");
        h.element("time", capturedAt, "datetime", capturedAt);
        if (!language.isEmpty()) {
            h.text(" · ").element("span", language, "class", "lang");
        }
        if (!kind.isEmpty()) {
            h.text(" · ").element("span", kind);
        }
        h.close("div");
    }

    private static void form(Html h, String q, String lang, String kind, String from, String to) {
        h.open("form", "class", "search", "method", "get", "action", "/search", "role", "search");
        h.empty(
                "input",
                "type",
                "search",
                "name",
                "q",
                "value",
                q,
                "dir",
                "auto",
                "placeholder",
                "words, \"a phrase\", كلمات",
                "aria-label",
                "Search",
                "required",
                "",
                "autofocus",
                "");
        h.element("button", "Search", "type", "submit");
        h.open("div", "class", "filters");
        h.open("label").text("Language ");
        select(h, "lang", lang, List.of("", "en", "ar"), List.of("any", "English", "Arabic"));
        h.close("label");
        h.open("label").text("Kind ");
        List<String> kinds = new java.util.ArrayList<>(List.of(""));
        List<String> labels = new java.util.ArrayList<>(List.of("any"));
        for (ItemKind k : ItemKind.values()) {
            kinds.add(k.label());
            labels.add(k.label());
        }
        select(h, "kind", kind, kinds, labels);
        h.close("label");
        h.open("label")
                .text("From ")
                .empty("input", "type", "date", "name", "from", "value", from)
                .close("label");
        h.open("label")
                .text("To ")
                .empty("input", "type", "date", "name", "to", "value", to)
                .close("label");
        h.close("div");
        h.close("form");
    }

    private static void select(Html h, String name, String selected, List<String> values, List<String> labels) {
        h.open("select", "name", name);
        for (int i = 0; i < values.size(); i++) {
            h.element(
                    "option",
                    labels.get(i),
                    "value",
                    values.get(i),
                    "selected",
                    values.get(i).equals(selected) ? "" : null);
        }
        h.close("select");
    }

    private static void pager(Html h, SearchQuery q, SearchResult r, String kind, String from, String to) {
        boolean prev = q.offset() > 0;
        boolean next = (long) q.offset() + r.hits().size() < r.total();
        if (!prev && !next) {
            return;
        }
        h.open("nav", "class", "pager");
        if (prev) {
            h.element(
                    "a",
                    "← Previous",
                    "href",
                    href(q, Math.max(0, q.offset() - q.limit()), kind, from, to),
                    "rel",
                    "prev");
        }
        if (next) {
            h.element("a", "Next →", "href", href(q, q.offset() + q.limit(), kind, from, to), "rel", "next");
        }
        h.close("nav");
    }

    private static String href(SearchQuery q, int offset, String kind, String from, String to) {
        return "/search?q=" + enc(q.text()) + "&lang=" + enc(q.language()) + "&kind=" + enc(kind) + "&from=" + enc(from)
                + "&to=" + enc(to) + "&limit=" + q.limit() + "&offset=" + offset;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
