package org.daleel.web.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.web.Html;
import org.daleel.web.QuantityText;
import org.daleel.web.map.SvgMap;

/**
 * The item page's summary of its analysis: a map of its places, then its places (a picture's GPS
 * place marked "from EXIF"), actors and events as links that filter the search.
 */
final class Understanding {
    private Understanding() {}

    static void render(Html h, Item item, ItemAnalysis a) {
        if (a.isEmpty()) {
            return;
        }
        h.open("section", "class", "understanding");
        h.element("h2", "Places, actors, events and quantities");
        SvgMap.render(h, EntityText.pins(a), "Map of the places of this item.", EntityText.divisionLinks(a));
        places(h, a.places());
        Map<String, ItemAnalysis.Actor> actors = new LinkedHashMap<>();
        a.actors().forEach(x -> actors.putIfAbsent(x.id(), x));
        if (!actors.isEmpty()) {
            h.open("p", "class", "entities actors").element("strong", "Actors: ");
            int i = 0;
            for (ItemAnalysis.Actor x : actors.values()) {
                if (i++ > 0) {
                    h.text(" · ");
                }
                h.element(
                        "a",
                        x.name(),
                        "class",
                        "ent actor",
                        "href",
                        "/search?actor=" + UiLinks.enc(x.id()),
                        "title",
                        x.type(),
                        "dir",
                        "auto");
            }
            h.close("p");
        }
        Map<String, ItemAnalysis.Event> types = new LinkedHashMap<>();
        a.events().forEach(e -> types.putIfAbsent(e.type(), e));
        if (!types.isEmpty()) {
            h.open("p", "class", "entities events").element("strong", "Events: ");
            int i = 0;
            for (ItemAnalysis.Event e : types.values()) {
                if (i++ > 0) {
                    h.text(" · ");
                }
                h.element("a", e.label(), "class", "ent event-type", "href", "/search?type=" + UiLinks.enc(e.type()));
                if (!e.date().isEmpty()) {
                    h.text(" (" + e.date() + ")");
                }
            }
            h.close("p");
        }
        quantities(h, a);
        h.close("section");
    }

    /**
     * The quantities as a list, "12 killed — Daraa (درعا), 2016-12-02", each place a link that
     * filters the search and the expression as written after it.
     */
    private static void quantities(Html h, ItemAnalysis a) {
        if (a.quantities().isEmpty()) {
            return;
        }
        h.element("h3", "Quantities");
        h.open("ul", "class", "quantities");
        for (ItemAnalysis.Quantity q : a.quantities()) {
            h.open(
                    "li",
                    "data-what",
                    q.what(),
                    "title",
                    q.approximate() ? "approximate: the text gives no exact figure" : null);
            h.element("bdi", QuantityText.what(q), "class", "q-what", "dir", "ltr");
            int shown = 0;
            for (ItemAnalysis.Place p : QuantityText.places(a, q)) {
                h.text(shown++ == 0 ? " — " : ", ");
                h.element(
                        "a",
                        QuantityText.placeName(p),
                        "class",
                        "q-place",
                        "href",
                        "/search?place=" + p.geonameId(),
                        "dir",
                        "auto");
            }
            if (!q.date().isEmpty()) {
                h.text(shown++ == 0 ? " — " : ", ");
                h.element("time", q.date(), "class", "q-date", "datetime", q.date(), "dir", "ltr");
            }
            h.text(" ").element("q", q.text(), "class", "q-text", "dir", "auto");
            h.close("li");
        }
        h.close("ul");
    }

    private static void places(Html h, List<ItemAnalysis.Place> places) {
        if (places.isEmpty()) {
            return;
        }
        Map<String, ItemAnalysis.Place> distinct = new LinkedHashMap<>();
        for (ItemAnalysis.Place p : places) {
            distinct.putIfAbsent(p.source().label() + ":" + p.geonameId(), p);
        }
        h.open("p", "class", "entities places").element("strong", "Places: ");
        int i = 0;
        for (ItemAnalysis.Place p : distinct.values()) {
            if (i++ > 0) {
                h.text(" · ");
            }
            boolean exif = p.source() instanceof ItemAnalysis.PlaceSource.Exif;
            h.element(
                    "a",
                    p.name(),
                    "class",
                    "ent place" + (exif ? " exif" : ""),
                    "href",
                    "/search?place=" + p.geonameId(),
                    "title",
                    EntityText.placeTitle(p),
                    "data-id",
                    Long.toString(p.geonameId()),
                    "dir",
                    "auto");
            if (p.source() instanceof ItemAnalysis.PlaceSource.Exif e) {
                h.element(
                        "span",
                        String.format(
                                java.util.Locale.ROOT,
                                " from EXIF: GPS %.6f, %.6f (%.1f km away)",
                                e.lat(),
                                e.lon(),
                                e.distanceKm()),
                        "class",
                        "exif-note");
            }
        }
        h.close("p");
    }
}
