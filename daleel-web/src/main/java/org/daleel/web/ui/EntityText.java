package org.daleel.web.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daleel.item.ItemAnalysis;
import org.daleel.web.Html;
import org.daleel.web.QuantityText;
import org.daleel.web.map.MapPin;
import org.daleel.web.map.SvgMap;

/**
 * An item's text with what its analysis found marked in it: places, actors and dates as links that
 * filter the search (with a tooltip giving the GeoNames id, type or value), and each sentence that
 * reports an event outlined with its type; each quantity ("12 civilians were killed") is highlighted
 * around the marks inside it, with what it counts and what it is tied to in its tooltip. Offsets are UTF-16 char offsets, so Arabic and any other
 * script are marked at exactly the analysed characters; a span that does not fit the text (another
 * version of it) is left out rather than drawn in the wrong place.
 */
final class EntityText {
    private EntityText() {}

    /** A mark over {@code [start, end)} of the text. */
    private record Mark(int start, int end, String cls, String href, String title, String data) {}

    /** An event sentence with the types reported in it. */
    private record Outline(int start, int end, List<ItemAnalysis.Event> events) {}

    /** A highlighted quantity. */
    private record Highlight(int start, int end, ItemAnalysis.Quantity quantity, String title) {}

    /** Writes the paragraphs of {@code text} with the marks of {@code analysis}. */
    static void render(Html h, String text, ItemAnalysis analysis) {
        List<Mark> marks = marks(text, analysis);
        List<Highlight> highlights = highlights(text, analysis, marks);
        List<Outline> outlines = outlines(text, analysis.events());
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int end = text.indexOf('\n', i);
            end = end < 0 ? n : end;
            int stop = end;
            while (stop > i && Character.isWhitespace(text.charAt(stop - 1))) {
                stop--;
            }
            h.open("p", "dir", "auto");
            paragraph(h, text, i, stop, new Layers(marks, highlights), outlines);
            h.close("p");
            i = end;
        }
    }

    /** The marks and the quantity highlights around them. */
    private record Layers(List<Mark> marks, List<Highlight> highlights) {}

    private static void paragraph(Html h, String text, int from, int to, Layers layers, List<Outline> outlines) {
        List<Mark> marks = layers.marks();
        int pos = from;
        for (Outline o : outlines) {
            int s = Math.max(o.start(), from);
            int e = Math.min(o.end(), to);
            if (e <= s || s < pos) {
                continue;
            }
            // Never cut a mark in two: widen the outline over marks it only partly covers.
            for (Mark m : marks) {
                if (m.start() < s && m.end() > s) {
                    s = m.start();
                }
                if (m.start() < e && m.end() > e) {
                    e = m.end();
                }
            }
            if (s < pos || e > to) {
                continue;
            }
            highlighted(h, text, pos, s, layers);
            ItemAnalysis.Event first = o.events().getFirst();
            StringBuilder title = new StringBuilder("Event: ");
            for (int k = 0; k < o.events().size(); k++) {
                title.append(k == 0 ? "" : "; ").append(o.events().get(k).label());
            }
            if (!first.date().isEmpty()) {
                title.append(" · date ").append(first.date());
            }
            h.open("span", "class", "ent event", "title", title.toString(), "data-type", first.type());
            highlighted(h, text, s, e, layers);
            h.close("span");
            for (ItemAnalysis.Event ev : o.events()) {
                h.text(" ")
                        .element(
                                "a",
                                ev.label(),
                                "class",
                                "event-tag",
                                "href",
                                "/search?type=" + UiLinks.enc(ev.type()),
                                "title",
                                "Search for more reports of: " + ev.label() + " (" + ev.type() + ")",
                                "dir",
                                "ltr");
            }
            pos = e;
        }
        highlighted(h, text, pos, to, layers);
    }

    /** Text between {@code from} and {@code to} with the quantities and marks that lie wholly inside it. */
    private static void highlighted(Html h, String text, int from, int to, Layers layers) {
        int pos = from;
        for (Highlight q : layers.highlights()) {
            if (q.start() < pos || q.end() > to) {
                continue;
            }
            plain(h, text, pos, q.start(), layers.marks());
            h.open(
                    "mark",
                    "class",
                    "ent quantity",
                    "title",
                    q.title(),
                    "data-what",
                    q.quantity().what(),
                    "data-value",
                    QuantityText.figure(q.quantity()));
            plain(h, text, q.start(), q.end(), layers.marks());
            h.close("mark");
            pos = q.end();
        }
        plain(h, text, pos, to, layers.marks());
    }

    /**
     * The quantities to highlight, in text order, each widened over a mark it only partly covers and
     * left out when it overlaps the one before.
     */
    private static List<Highlight> highlights(String text, ItemAnalysis a, List<Mark> marks) {
        List<Highlight> all = new ArrayList<>();
        for (ItemAnalysis.Quantity q : a.quantities()) {
            if (!fits(text, q.start(), q.end())) {
                continue;
            }
            int s = q.start();
            int e = q.end();
            for (Mark m : marks) {
                if (m.start() < s && m.end() > s) {
                    s = m.start();
                }
                if (m.start() < e && m.end() > e) {
                    e = m.end();
                }
            }
            String title = "Quantity: " + QuantityText.line(a, q) + QuantityText.actors(a, q);
            all.add(new Highlight(s, e, q, title));
        }
        all.sort(Comparator.comparingInt(Highlight::start));
        List<Highlight> out = new ArrayList<>(all.size());
        int last = -1;
        for (Highlight q : all) {
            if (q.start() >= last) {
                out.add(q);
                last = q.end();
            }
        }
        return out;
    }

    /** Text between {@code from} and {@code to} with the marks that lie wholly inside it. */
    private static void plain(Html h, String text, int from, int to, List<Mark> marks) {
        int pos = from;
        for (Mark m : marks) {
            if (m.start() < pos || m.end() > to) {
                continue;
            }
            h.text(text.substring(pos, m.start()));
            h.element(
                    "a",
                    text.substring(m.start(), m.end()),
                    "class",
                    "ent " + m.cls(),
                    "href",
                    m.href(),
                    "title",
                    m.title(),
                    "data-id",
                    m.data());
            pos = m.end();
        }
        if (pos < to) {
            h.text(text.substring(pos, to));
        }
    }

    private static List<Mark> marks(String text, ItemAnalysis a) {
        List<Mark> all = new ArrayList<>();
        for (ItemAnalysis.Place p : a.places()) {
            if (p.source() instanceof ItemAnalysis.PlaceSource.InText t) {
                all.add(new Mark(
                        t.start(),
                        t.end(),
                        "place",
                        "/search?place=" + p.geonameId(),
                        placeTitle(p),
                        Long.toString(p.geonameId())));
            }
        }
        for (ItemAnalysis.Actor x : a.actors()) {
            all.add(new Mark(
                    x.start(),
                    x.end(),
                    "actor",
                    "/search?actor=" + UiLinks.enc(x.id()),
                    "Actor: " + x.name() + " · " + x.type() + (x.role().isEmpty() ? "" : " · " + x.role()),
                    x.id()));
        }
        for (ItemAnalysis.DateMention d : a.dates()) {
            all.add(new Mark(
                    d.start(),
                    d.end(),
                    "date",
                    "/search?from=" + UiLinks.enc(d.value()) + "&to=" + UiLinks.enc(d.value()),
                    "Date: " + d.value(),
                    d.value()));
        }
        all.removeIf(m -> !fits(text, m.start(), m.end()));
        all.sort(Comparator.comparingInt(Mark::start)
                .thenComparing(Comparator.comparingInt(Mark::end).reversed()));
        List<Mark> out = new ArrayList<>(all.size());
        int last = -1;
        for (Mark m : all) {
            if (m.start() >= last) {
                out.add(m);
                last = m.end();
            }
        }
        return out;
    }

    private static List<Outline> outlines(String text, List<ItemAnalysis.Event> events) {
        Map<Long, List<ItemAnalysis.Event>> bySpan = new LinkedHashMap<>();
        for (ItemAnalysis.Event e : events) {
            if (fits(text, e.start(), e.end())) {
                bySpan.computeIfAbsent(((long) e.start() << 32) | e.end(), k -> new ArrayList<>())
                        .add(e);
            }
        }
        List<Outline> out = new ArrayList<>();
        int last = -1;
        for (List<ItemAnalysis.Event> same : bySpan.values()) {
            ItemAnalysis.Event e = same.getFirst();
            if (e.start() >= last) {
                out.add(new Outline(e.start(), e.end(), same));
                last = e.end();
            }
        }
        out.sort(Comparator.comparingInt(Outline::start));
        return out;
    }

    /** A span inside the text that splits no surrogate pair. */
    private static boolean fits(String text, int start, int end) {
        return start >= 0
                && end > start
                && end <= text.length()
                && !Character.isLowSurrogate(text.charAt(start))
                && (end == text.length() || !Character.isLowSurrogate(text.charAt(end)));
    }

    /** "Place: Manbij · GeoNames 167357 · PPLA2 · in Aleppo, Syria". */
    static String placeTitle(ItemAnalysis.Place p) {
        StringBuilder b = new StringBuilder("Place: ").append(p.name());
        if (!p.nameAr().isEmpty()) {
            b.append(" (").append(p.nameAr()).append(')');
        }
        b.append(" · GeoNames ").append(p.geonameId());
        if (!p.featureCode().isEmpty()) {
            b.append(" · ").append(featureLabel(p.featureCode()));
        }
        if (!p.within().isEmpty()) {
            b.append(" · in ");
            for (int i = 0; i < p.within().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(p.within().get(i).name());
            }
        }
        return b.toString();
    }

    private static String featureLabel(String code) {
        return switch (code) {
            case "PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX" -> "country";
            case "ADM1" -> "first-level division";
            case "CONT" -> "continent";
            case "ADM2" -> "second-level division";
            case "PPLC" -> "capital";
            case "PPLA" -> "seat of a first-level division";
            case "PPLA2", "PPLA3", "PPLA4" -> "seat of a division";
            default -> code.startsWith("PPL") ? "populated place" : code;
        };
    }

    /**
     * The map's divisions that this item's places are in (or that it names), each a link to the
     * search for items in it: the ids are the gazetteer's, which the place filter matches.
     */
    static Map<Long, SvgMap.DivisionLink> divisionLinks(ItemAnalysis a) {
        Map<Long, SvgMap.DivisionLink> out = new LinkedHashMap<>();
        for (ItemAnalysis.Place p : a.places()) {
            if (p.featureCode().equals("ADM1")) {
                out.putIfAbsent(p.geonameId(), divisionLink(p.geonameId()));
            }
            for (ItemAnalysis.Area area : p.within()) {
                if (area.level() == ItemAnalysis.AreaLevel.ADMIN1) {
                    out.putIfAbsent(area.geonameId(), divisionLink(area.geonameId()));
                }
            }
        }
        return out;
    }

    private static SvgMap.DivisionLink divisionLink(long geonameId) {
        return new SvgMap.DivisionLink(
                "/search?place=" + geonameId, "a place of this item: click to search the archive in it");
    }

    /** The pins of an item's places, one per place (a picture's GPS position at its exact point). */
    static List<MapPin> pins(ItemAnalysis a) {
        Map<String, MapPin> out = new LinkedHashMap<>();
        for (ItemAnalysis.Place p : a.places()) {
            if (p.featureCode().startsWith("PCL")) {
                continue; // a country is no point on a map
            }
            boolean exif = p.source() instanceof ItemAnalysis.PlaceSource.Exif;
            double lat = p.lat();
            double lon = p.lon();
            String tooltip = placeTitle(p);
            if (p.source() instanceof ItemAnalysis.PlaceSource.Exif e) {
                lat = e.lat();
                lon = e.lon();
                tooltip = String.format(
                        java.util.Locale.ROOT,
                        "From EXIF: the picture's GPS position %.6f, %.6f, %.1f km from %s",
                        e.lat(),
                        e.lon(),
                        e.distanceKm(),
                        tooltip.substring("Place: ".length()));
            }
            if (lat == 0 && lon == 0) {
                continue;
            }
            String key = (exif ? "exif:" : "") + p.geonameId();
            out.putIfAbsent(
                    key,
                    new MapPin(
                            lat,
                            lon,
                            p.name() + (exif ? " (from EXIF)" : ""),
                            tooltip,
                            "/search?place=" + p.geonameId(),
                            exif ? "exif" : "text",
                            1,
                            p.nameAr()));
        }
        return new ArrayList<>(out.values());
    }
}
