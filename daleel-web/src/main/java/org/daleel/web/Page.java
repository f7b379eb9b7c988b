package org.daleel.web;

/**
 * The skeleton of every app page: English, left to right, with the app's stylesheet and
 * navigation, and a footer with the attribution of the place data (links only: no external asset is
 * loaded). Content from the archive inside it carries its own {@code dir} (see the pages).
 */
public final class Page {
    private Page() {}

    /** A whole HTML document titled {@code title} around {@code main}. */
    public static String render(String title, Html main, String toolVersion) {
        Html h = new Html();
        h.markup("<!doctype html>");
        h.open("html", "lang", "en", "dir", "ltr");
        h.open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.empty("meta", "name", "referrer", "content", "no-referrer");
        h.element("title", title.isEmpty() ? "Daleel" : title + " · Daleel", "dir", "auto");
        h.empty("link", "rel", "stylesheet", "href", "/static/daleel.css");
        h.close("head");
        h.open("body");
        h.open("header", "class", "site");
        h.open("a", "class", "brand", "href", "/")
                .text("Daleel ")
                .element("span", "دليل", "lang", "ar", "dir", "rtl")
                .close("a");
        h.open("nav");
        link(h, "/", "Search");
        link(h, "/capture", "Capture");
        link(h, "/upload", "Upload");
        link(h, "/match", "Find this image");
        link(h, "/api/docs", "API");
        h.close("nav");
        h.close("header");
        h.open("main").append(main).close("main");
        h.open("footer", "class", "site");
        h.element(
                "p",
                "Daleel " + toolVersion
                        + " · evidence archive · archived pages are replayed in a sandbox and never load from the live web");
        h.open("p", "class", "attribution")
                .text("Place data from GeoNames (")
                .element("a", "https://www.geonames.org", "href", "https://www.geonames.org", "rel", "noreferrer")
                .text(", CC BY 4.0) via Who's On First (")
                .element("a", "https://whosonfirst.org", "href", "https://whosonfirst.org", "rel", "noreferrer")
                .text(") and the GeoNames cities500 dump and first-level division list.")
                .close("p");
        h.close("footer");
        h.close("body");
        h.close("html");
        return h.toString();
    }

    private static void link(Html h, String href, String label) {
        h.element("a", label, "href", href);
    }
}
