package org.daleel.web.ui;

import java.util.List;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemKind;
import org.daleel.search.Facets;
import org.daleel.search.SearchHit;
import org.daleel.search.SearchQuery;
import org.daleel.search.SearchResult;
import org.daleel.web.Html;
import org.daleel.web.QuantityText;
import org.daleel.web.SearchParams;
import org.daleel.web.map.MapPin;
import org.daleel.web.map.SvgMap;

/** The front page (search box and recent items) and the results page. */
final class SearchPage {
    private SearchPage() {}

    /**
     * The notice of the background re-analysis while it runs ("Re-analysing 1,234 items with the new
     * analyzer: 40%") or after it failed; nothing otherwise.
     */
    static Html reanalysisNotice(org.daleel.archive.ReanalysisStatus r) {
        Html h = new Html();
        String items = String.format(java.util.Locale.ROOT, "%,d", r.total()) + (r.total() == 1 ? " item" : " items");
        switch (r.state()) {
            case RUNNING ->
                h.element(
                        "p",
                        "Re-analysing " + items + " with the new analyzer: " + r.percent()
                                + "%. Until it is done their facets, map places and timeline may be out of date.",
                        "class",
                        "notice",
                        "role",
                        "status");
            case FAILED ->
                h.element(
                        "p",
                        "Re-analysing " + items + " with the new analyzer stopped at " + r.percent() + "%: "
                                + r.problem() + ". Restart daleel serve or run daleel reanalyze --all.",
                        "class",
                        "notice",
                        "role",
                        "status");
            default -> {}
        }
        return h;
    }

    /** Front page: the search form and the most recent items. */
    static Html front(List<Item> recent, long total) {
        Html h = new Html();
        h.element("h1", "Search the archive");
        form(h, Form.EMPTY);
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

    /**
     * The search form's raw parameters, kept in the form, the pager and the facet links.
     *
     * @param q words
     * @param lang language
     * @param kind item kind
     * @param from first event date (day, month or year) as typed
     * @param to last event date as typed
     * @param places place filters (GeoNames ids or names)
     * @param actors actor ids
     * @param types event type codes
     */
    record Form(
            String q,
            String lang,
            String kind,
            String from,
            String to,
            List<String> places,
            List<String> actors,
            List<String> types) {
        static final Form EMPTY = new Form("", "", "", "", "", List.of(), List.of(), List.of());

        static Form of(io.javalin.http.Context ctx) {
            return new Form(
                    SearchParams.text(ctx, "q"),
                    SearchParams.text(ctx, "lang"),
                    SearchParams.text(ctx, "kind"),
                    SearchParams.text(ctx, "from"),
                    SearchParams.text(ctx, "to"),
                    nonBlank(ctx.queryParams("place")),
                    nonBlank(ctx.queryParams("actor")),
                    nonBlank(ctx.queryParams("type")));
        }

        private static List<String> nonBlank(List<String> values) {
            return values.stream()
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .distinct()
                    .toList();
        }

        /** True when nothing was asked. */
        boolean isEmpty() {
            return q.isEmpty()
                    && from.isEmpty()
                    && to.isEmpty()
                    && places.isEmpty()
                    && actors.isEmpty()
                    && types.isEmpty();
        }

        /** The link to this search at {@code offset} (with the same page size). */
        String href(int offset, int limit) {
            StringBuilder b = new StringBuilder("/search?q=").append(UiLinks.enc(q));
            param(b, "lang", lang);
            param(b, "kind", kind);
            param(b, "from", from);
            param(b, "to", to);
            places.forEach(v -> param(b, "place", v));
            actors.forEach(v -> param(b, "actor", v));
            types.forEach(v -> param(b, "type", v));
            if (limit != SearchParams.DEFAULT_LIMIT) {
                param(b, "limit", Integer.toString(limit));
            }
            if (offset > 0) {
                param(b, "offset", Integer.toString(offset));
            }
            return b.toString();
        }

        private static void param(StringBuilder b, String name, String value) {
            if (!value.isEmpty()) {
                b.append('&').append(name).append('=').append(UiLinks.enc(value));
            }
        }

        /**
         * This search narrowed to {@code value} of {@code dim} (a facet dimension): the value replaces
         * the filter of its kind, so a click always drills down (Syria, then Aleppo governorate).
         */
        Form with(String dim, String value) {
            return switch (dim) {
                case Facets.COUNTRY, Facets.REGION, Facets.PLACE ->
                    new Form(q, lang, kind, from, to, List.of(value), actors, types);
                case Facets.ACTOR -> new Form(q, lang, kind, from, to, places, List.of(value), types);
                case Facets.EVENT_TYPE -> new Form(q, lang, kind, from, to, places, actors, List.of(value));
                case Facets.YEAR, Facets.EVENT_MONTH -> new Form(q, lang, kind, value, value, places, actors, types);
                default -> this;
            };
        }

        /** This search without the filter value {@code value} of {@code param} (place, actor, type, date). */
        Form without(String param, String value) {
            return switch (param) {
                case "place" -> new Form(q, lang, kind, from, to, remove(places, value), actors, types);
                case "actor" -> new Form(q, lang, kind, from, to, places, remove(actors, value), types);
                case "type" -> new Form(q, lang, kind, from, to, places, actors, remove(types, value));
                default -> new Form(q, lang, kind, "", "", places, actors, types);
            };
        }

        private static List<String> remove(List<String> list, String v) {
            return list.stream().filter(x -> !x.equals(v)).toList();
        }
    }

    private static final java.util.Map<String, String> DIMENSION_LABELS = java.util.Map.of(
            Facets.COUNTRY,
            "Country",
            Facets.REGION,
            "Governorate / province",
            Facets.PLACE,
            "Place",
            Facets.ACTOR,
            "Actor",
            Facets.EVENT_TYPE,
            "Event type",
            Facets.YEAR,
            "Year of the events");

    /**
     * Results of {@code query}, with a sidebar of facet counts, a timeline of all matches by event
     * and capture month, and a map of the hits' places.
     */
    static Html results(
            SearchQuery query, SearchResult result, Form form, java.util.Map<String, ItemAnalysis> analyses) {
        Html h = new Html();
        h.element("h1", "Search");
        form(h, form);
        h.open("div", "class", "search-layout");
        facets(h, result, form);
        h.open("div", "class", "search-results");
        activeFilters(h, form);
        long shownTo =
                Math.min(result.total(), (long) query.offset() + result.hits().size());
        h.element(
                "p",
                result.total() == 0
                        ? "No items match."
                        : "Results " + (query.offset() + 1) + "–" + shownTo + " of " + result.total() + ".",
                "class",
                "muted");
        TimelineChart.render(
                h, result.facets(), period -> form.with(Facets.YEAR, period).href(0, SearchParams.DEFAULT_LIMIT));
        SvgMap.render(h, pins(result), "Map of the places of the results on this page.", divisionLinks(result, form));
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
            figures(h, analyses.get(hit.id()));
            meta(h, hit.capturedAt().toString(), hit.language(), "");
            h.close("li");
        }
        h.close("ol");
        pager(h, query, result, form);
        h.close("div");
        h.close("div");
        return h;
    }

    /** Kinds of figures worth showing with a hit: what happened to people. */
    private static final java.util.Set<String> HIT_FIGURES =
            java.util.Set.of("killed", "wounded", "casualties", "displaced", "detained", "missing");

    /** Most figures shown with one hit. */
    private static final int MAX_HIT_FIGURES = 4;

    /** "12 killed — Darayya, 2016-08-20 · ~24 wounded — ..." under a hit, when its analysis has such figures. */
    private static void figures(Html h, ItemAnalysis a) {
        if (a == null) {
            return;
        }
        List<ItemAnalysis.Quantity> shown = a.quantities().stream()
                .filter(q -> HIT_FIGURES.contains(q.what()))
                .limit(MAX_HIT_FIGURES)
                .toList();
        if (shown.isEmpty()) {
            return;
        }
        // Spans, not list items: "ol.results li" must keep meaning one result.
        h.open("p", "class", "hit-quantities");
        for (ItemAnalysis.Quantity q : shown) {
            h.element("span", QuantityText.line(a, q), "class", "figure", "data-what", q.what(), "dir", "auto");
        }
        h.close("p");
    }

    /**
     * The map's divisions that narrow this search: those among its first-level division facet
     * values (GeoNames ids of the gazetteer, the ids the place filter matches, with at least one
     * result). A division whose Natural Earth id differs from the gazetteer's is never linked.
     */
    private static java.util.Map<Long, SvgMap.DivisionLink> divisionLinks(SearchResult result, Form form) {
        java.util.Map<Long, SvgMap.DivisionLink> links = new java.util.HashMap<>();
        for (Facets.FacetValue v : result.facets().of(Facets.REGION)) {
            if (!v.value().chars().allMatch(Character::isDigit)
                    || v.value().isEmpty()
                    || v.value().length() > 18) {
                continue;
            }
            links.put(
                    Long.parseLong(v.value()),
                    new SvgMap.DivisionLink(
                            form.with(Facets.REGION, v.value()).href(0, SearchParams.DEFAULT_LIMIT),
                            v.count() + (v.count() == 1 ? " result" : " results")
                                    + ": click to narrow the search to it"));
        }
        return links;
    }

    private static List<MapPin> pins(SearchResult result) {
        java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        java.util.Map<String, SearchHit.MappedPlace> first = new java.util.LinkedHashMap<>();
        for (SearchHit hit : result.hits()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (SearchHit.MappedPlace p : hit.places()) {
                if (p.lat() == 0 && p.lon() == 0) {
                    continue;
                }
                String key = p.source() + ":" + p.geonameId();
                if (seen.add(key)) {
                    counts.computeIfAbsent(key, k -> new int[1])[0]++;
                    first.putIfAbsent(key, p);
                }
            }
        }
        List<MapPin> pins = new java.util.ArrayList<>();
        first.forEach((key, p) -> {
            int n = counts.get(key)[0];
            boolean exif = p.source().equals("exif");
            pins.add(new MapPin(
                    p.lat(),
                    p.lon(),
                    p.name() + (exif ? " (from EXIF)" : ""),
                    p.name() + " · GeoNames " + p.geonameId() + " · " + n + (n == 1 ? " result" : " results")
                            + (exif ? " · a picture's GPS position (EXIF)" : ""),
                    "/search?place=" + p.geonameId(),
                    exif ? "exif" : "text",
                    n,
                    p.nameAr()));
        });
        return pins;
    }

    private static void facets(Html h, SearchResult result, Form form) {
        h.open("aside", "class", "facets", "aria-label", "Filters");
        h.element("h2", "Filter");
        if (Facets.SIDEBAR.stream().allMatch(d -> result.facets().of(d).isEmpty())) {
            h.element("p", "No places, actors or events found in these items.", "class", "muted");
        }
        result.facets().dimensions().forEach((dim, values) -> {
            if (!Facets.SIDEBAR.contains(dim)) {
                return; // the timeline dimensions are drawn as charts
            }
            h.open("section", "class", "facet", "data-dim", dim);
            h.element("h3", DIMENSION_LABELS.getOrDefault(dim, dim));
            h.open("ul");
            for (Facets.FacetValue v : values) {
                h.open("li");
                h.open(
                                "a",
                                "href",
                                form.with(dim, v.value()).href(0, SearchParams.DEFAULT_LIMIT),
                                "data-value",
                                v.value(),
                                "title",
                                dim.equals(Facets.ACTOR) || dim.equals(Facets.EVENT_TYPE)
                                        ? v.value()
                                        : dim.equals(Facets.YEAR) ? "Events in " + v.value() : "GeoNames " + v.value())
                        .element("span", v.label(), "class", "label", "dir", "auto")
                        .text(" ")
                        .element("span", Long.toString(v.count()), "class", "count")
                        .close("a");
                h.close("li");
            }
            h.close("ul");
            h.close("section");
        });
        h.close("aside");
    }

    private static void activeFilters(Html h, Form form) {
        if (form.places().isEmpty()
                && form.actors().isEmpty()
                && form.types().isEmpty()
                && form.from().isEmpty()
                && form.to().isEmpty()) {
            return;
        }
        h.open("p", "class", "active-filters").text("Filtered by: ");
        for (String p : form.places()) {
            chip(h, "place " + p, form.without("place", p));
        }
        for (String a : form.actors()) {
            chip(h, "actor " + a, form.without("actor", a));
        }
        for (String t : form.types()) {
            chip(h, "event " + t, form.without("type", t));
        }
        if (!form.from().isEmpty() || !form.to().isEmpty()) {
            chip(
                    h,
                    "events " + (form.from().isEmpty() ? "…" : form.from()) + " – "
                            + (form.to().isEmpty() ? "…" : form.to()),
                    form.without("date", ""));
        }
        h.close("p");
    }

    private static void chip(Html h, String label, Form without) {
        String href = without.isEmpty() ? "/" : without.href(0, SearchParams.DEFAULT_LIMIT);
        h.open("a", "class", "chip", "href", href, "title", "Remove this filter")
                .element("span", label, "dir", "auto")
                .text(" ×")
                .close("a")
                .text(" ");
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

    private static void form(Html h, Form f) {
        h.open("form", "class", "search", "method", "get", "action", "/search", "role", "search");
        h.empty(
                "input",
                "type",
                "search",
                "name",
                "q",
                "value",
                f.q(),
                "dir",
                "auto",
                "placeholder",
                "words, \"a phrase\", كلمات",
                "aria-label",
                "Search",
                "autofocus",
                "");
        h.element("button", "Search", "type", "submit");
        h.open("div", "class", "filters");
        h.open("label").text("Language ");
        select(h, "lang", f.lang(), List.of("", "en", "ar"), List.of("any", "English", "Arabic"));
        h.close("label");
        h.open("label").text("Kind ");
        List<String> kinds = new java.util.ArrayList<>(List.of(""));
        List<String> labels = new java.util.ArrayList<>(List.of("any"));
        for (ItemKind k : ItemKind.values()) {
            kinds.add(k.label());
            labels.add(k.label());
        }
        select(h, "kind", f.kind(), kinds, labels);
        h.close("label");
        String datePattern = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";
        h.open("label", "title", "Dates of the events the items report (or their stated publication date)")
                .text("Events from ")
                .empty(
                        "input",
                        "type",
                        "text",
                        "name",
                        "from",
                        "value",
                        f.from(),
                        "placeholder",
                        "2016-06",
                        "pattern",
                        datePattern,
                        "size",
                        "10",
                        "inputmode",
                        "numeric",
                        "dir",
                        "ltr")
                .close("label");
        h.open("label")
                .text("to ")
                .empty(
                        "input",
                        "type",
                        "text",
                        "name",
                        "to",
                        "value",
                        f.to(),
                        "placeholder",
                        "2016-12-31",
                        "pattern",
                        datePattern,
                        "size",
                        "10",
                        "inputmode",
                        "numeric",
                        "dir",
                        "ltr")
                .close("label");
        for (String p : f.places()) {
            h.empty("input", "type", "hidden", "name", "place", "value", p);
        }
        for (String a : f.actors()) {
            h.empty("input", "type", "hidden", "name", "actor", "value", a);
        }
        for (String t : f.types()) {
            h.empty("input", "type", "hidden", "name", "type", "value", t);
        }
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

    private static void pager(Html h, SearchQuery q, SearchResult r, Form form) {
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
                    form.href(Math.max(0, q.offset() - q.limit()), q.limit()),
                    "rel",
                    "prev");
        }
        if (next) {
            h.element("a", "Next →", "href", form.href(q.offset() + q.limit(), q.limit()), "rel", "next");
        }
        h.close("nav");
    }
}
