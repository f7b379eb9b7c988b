package org.daleel.web.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.daleel.web.Html;

/**
 * Draws a map as inline SVG on the server: the countries of {@link WorldMap} around the pins, in an
 * equirectangular projection corrected for the latitude of the view, fitted to the extent of the
 * pins, with the pins as links: their area grows with the number of items they stand for, and the
 * biggest are labelled with their English and Arabic names (each in its own direction) where the
 * labels do not collide. A regional view (at most {@value #REGIONAL_MAX_SPAN_DEGREES} degrees of
 * longitude wide, at most {@value #MAX_DIVISIONS} divisions in it) also shows the first-level
 * divisions of {@link DivisionMap}: thin inner borders, and each division an area whose tooltip
 * gives its English and Arabic names and which may link somewhere (a search narrowed to it).
 * Every outline is clipped to the view and simplified to its scale, so the SVG stays small.
 * Works with no script, no tiles and no network, in any browser and in right-to-left pages.
 */
public final class SvgMap {
    private static final double WIDTH = 640;
    private static final double MAX_HEIGHT = 420;
    private static final double MIN_HEIGHT = 200;
    private static final double MIN_SPAN_DEGREES = 3;
    private static final int MAX_LABELS = 12;
    /** Widest view, in degrees of longitude, that shows first-level divisions. */
    static final int REGIONAL_MAX_SPAN_DEGREES = 90;
    /** Most divisions a view shows; a view meeting more shows none (too busy, too big). */
    static final int MAX_DIVISIONS = 250;
    /** Simplification tolerance in pixels of drawn lines: what moves less is not seen. */
    private static final double TOLERANCE = 0.35;
    /** Simplification tolerance in pixels of the divisions' areas: unstroked, only hover targets. */
    private static final double AREA_TOLERANCE = 1.0;

    private SvgMap() {}

    /**
     * Where a division of the map leads.
     *
     * @param href the link
     * @param note said in its tooltip after its name ("12 results: click to narrow the search to it")
     */
    public record DivisionLink(String href, String note) {
        /** Validates. */
        public DivisionLink {
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(note, "note");
        }
    }

    /** Writes a {@code <figure class="map">} with the pins; writes nothing when there are none. */
    public static void render(Html h, List<MapPin> pins, String caption) {
        render(h, pins, caption, Map.of());
    }

    /**
     * Writes a {@code <figure class="map">} with the pins, and in a regional view the divisions,
     * those whose GeoNames id is a key of {@code divisionLinks} as links; writes nothing when there
     * are no pins.
     */
    public static void render(Html h, List<MapPin> pins, String caption, Map<Long, DivisionLink> divisionLinks) {
        Objects.requireNonNull(divisionLinks, "divisionLinks");
        if (pins.isEmpty()) {
            return;
        }
        double minLon = 180;
        double minLat = 90;
        double maxLon = -180;
        double maxLat = -90;
        for (MapPin p : pins) {
            minLon = Math.min(minLon, p.lon());
            maxLon = Math.max(maxLon, p.lon());
            minLat = Math.min(minLat, p.lat());
            maxLat = Math.max(maxLat, p.lat());
        }
        double padLon = Math.max(MIN_SPAN_DEGREES - (maxLon - minLon), 0) / 2 + (maxLon - minLon) * 0.15;
        double padLat = Math.max(MIN_SPAN_DEGREES - (maxLat - minLat), 0) / 2 + (maxLat - minLat) * 0.15;
        minLon = Math.max(-180, minLon - padLon);
        maxLon = Math.min(180, maxLon + padLon);
        minLat = Math.max(-85, minLat - padLat);
        maxLat = Math.min(85, maxLat + padLat);
        double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        // Pixels per degree of latitude: the whole box fits in WIDTH x MAX_HEIGHT.
        double k = Math.min(WIDTH / ((maxLon - minLon) * cos), MAX_HEIGHT / (maxLat - minLat));
        double height = Math.max(MIN_HEIGHT, (maxLat - minLat) * k);
        double midLat = (minLat + maxLat) / 2;
        double midLon = (minLon + maxLon) / 2;
        final double top = midLat + height / (2 * k);
        final double left = midLon - WIDTH / (2 * k * cos);
        final double scale = k;
        final double c = cos;
        Projection proj = new Projection(left, top, scale, c);

        h.open("figure", "class", "map");
        h.open(
                "svg",
                "xmlns",
                "http://www.w3.org/2000/svg",
                "viewBox",
                "0 0 " + fmt(WIDTH) + " " + fmt(height),
                "role",
                "img",
                "aria-label",
                caption,
                "dir",
                "ltr");
        h.element("title", caption);
        // SVG in HTML needs explicit end tags (no void elements in foreign content without "/>").
        h.open("rect", "class", "sea", "x", "0", "y", "0", "width", fmt(WIDTH), "height", fmt(height))
                .close("rect");
        SvgPaths paths = new SvgPaths(proj, WIDTH, height, TOLERANCE);
        for (WorldMap.Country country : WorldMap.shared().countries()) {
            if (!paths.meets(country.bbox())) {
                continue;
            }
            StringBuilder d = new StringBuilder();
            for (double[] ring : country.rings()) {
                paths.ring(d, ring);
            }
            if (!d.isEmpty()) {
                h.open("path", "class", "land", "d", d.toString())
                        .element("title", country.name())
                        .close("path");
            }
        }
        if (WIDTH / (scale * c) <= REGIONAL_MAX_SPAN_DEGREES) {
            divisions(h, pins, paths, new SvgPaths(proj, WIDTH, height, AREA_TOLERANCE), divisionLinks);
        }
        List<MapPin> ordered = new ArrayList<>(pins);
        ordered.sort(Comparator.comparingInt(MapPin::count).reversed());
        int maxCount = Math.max(1, ordered.getFirst().count());
        // Labels avoid every pin and every label placed before them.
        List<double[]> placed = new ArrayList<>();
        for (MapPin p : ordered) {
            double x = proj.x(p.lon());
            double y = proj.y(p.lat());
            double r = radius(p, maxCount);
            placed.add(new double[] {x - r, y - r, x + r, y + r});
        }
        int pinBoxes = placed.size();
        // Big pins first: they get the labels, and small pins drawn later stay clickable on top.
        List<Drawn> drawn = new ArrayList<>();
        for (MapPin p : ordered) {
            double x = proj.x(p.lon());
            double y = proj.y(p.lat());
            double r = radius(p, maxCount);
            Label label = placed.size() - pinBoxes < MAX_LABELS ? label(p, x, y, r, placed) : null;
            drawn.add(new Drawn(p, x, y, r, label));
        }
        for (Drawn d : drawn) {
            pin(h, d.pin(), d.x(), d.y(), d.r(), d.label());
        }
        h.close("svg");
        h.element("figcaption", caption + " " + WorldMap.ATTRIBUTION);
        h.close("figure");
    }

    /** Area grows with the count: radius 4 for one item, 16 for the most. */
    private static double radius(MapPin p, int maxCount) {
        return maxCount == 1 ? 4 : 4 + 12 * Math.sqrt((p.count() - 1.0) / (maxCount - 1.0));
    }

    /** A pin at its position and size, with its labels or none. */
    private record Drawn(MapPin pin, double x, double y, double r, Label label) {}

    /** Where a pin's labels go: beside it, on the left when the right has no room. */
    private record Label(double x, double y, boolean left, String text, String textAr) {}

    /** Approximate width of a label in pixels at 11px (the stylesheet's size). */
    private static double textWidth(String s) {
        return s.length() * 6.2;
    }

    /**
     * Places the English and Arabic labels of a pin where they overlap no label placed before
     * (bigger pins come first), or returns null to leave the pin unlabelled (its tooltip still
     * names it).
     */
    private static Label label(MapPin p, double x, double y, double r, List<double[]> placed) {
        String text = p.count() > 1 ? p.label() + " · " + p.count() : p.label();
        String ar = p.labelAr();
        double w = Math.max(textWidth(text), textWidth(ar));
        double h = ar.isEmpty() ? 13 : 26;
        boolean preferLeft = x + r + 2 + w > WIDTH;
        for (boolean left : new boolean[] {preferLeft, !preferLeft}) {
            double x0 = left ? x - r - 2 - w : x + r + 2;
            if (x0 < 0 || x0 + w > WIDTH) {
                continue;
            }
            double[] box = {x0, y - 9, x0 + w, y - 9 + h};
            if (placed.stream().noneMatch(b -> box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) {
                placed.add(box);
                return new Label(left ? x - r - 2 : x + r + 2, y + 4, left, text, ar);
            }
        }
        return null;
    }

    private static void pin(Html h, MapPin p, double x, double y, double r, Label label) {
        h.open("a", "href", p.href(), "class", "pin " + p.kind(), "data-count", Integer.toString(p.count()));
        h.open("circle", "cx", fmt(x), "cy", fmt(y), "r", fmt(r), "data-label", p.label());
        h.element("title", p.tooltip() + (p.labelAr().isEmpty() ? "" : " · " + p.labelAr()));
        h.close("circle");
        if (label != null) {
            // Latin names run left to right from the anchor; on the left side they end at it.
            h.element(
                    "text",
                    label.text(),
                    "class",
                    "name",
                    "x",
                    fmt(label.x()),
                    "y",
                    fmt(label.y()),
                    "text-anchor",
                    label.left() ? "end" : "start",
                    "direction",
                    "ltr");
            if (!label.textAr().isEmpty()) {
                // Arabic runs right to left: its "end" is its left edge (SVG 1.1 s10.9.1).
                h.element(
                        "text",
                        label.textAr(),
                        "class",
                        "name-ar",
                        "lang",
                        "ar",
                        "x",
                        fmt(label.x()),
                        "y",
                        fmt(label.y() + 13),
                        "text-anchor",
                        label.left() ? "start" : "end",
                        "direction",
                        "rtl");
            }
        }
        h.close("a");
    }

    /**
     * The divisions meeting the view as areas with tooltips (links where {@code links} has their
     * id), then their inner borders as one path. When more than {@link #MAX_DIVISIONS} meet the
     * view, only those of the countries the pins are in; when still too many, none.
     */
    private static void divisions(
            Html h, List<MapPin> pins, SvgPaths paths, SvgPaths areas, Map<Long, DivisionLink> links) {
        DivisionMap map = DivisionMap.shared();
        List<DivisionMap.Division> inView =
                map.divisions().stream().filter(d -> paths.meets(d.bbox())).toList();
        java.util.function.Predicate<String> shown = cc -> true;
        if (inView.size() > MAX_DIVISIONS) {
            java.util.Set<String> countries = new java.util.HashSet<>();
            for (MapPin p : pins) {
                map.at(p.lat(), p.lon()).ifPresent(d -> countries.add(d.countryCode()));
            }
            countries.remove("");
            shown = countries::contains;
            inView = inView.stream()
                    .filter(d -> countries.contains(d.countryCode()))
                    .toList();
        }
        if (inView.isEmpty() || inView.size() > MAX_DIVISIONS) {
            return;
        }
        h.open("g", "class", "divisions");
        for (DivisionMap.Division div : inView) {
            StringBuilder d = new StringBuilder();
            for (double[] ring : div.rings()) {
                areas.ring(d, ring);
            }
            if (d.isEmpty()) {
                continue;
            }
            DivisionLink link = div.geonameId() > 0 ? links.get(div.geonameId()) : null;
            if (link != null) {
                h.open("a", "href", link.href(), "class", "division-link");
            }
            h.open(
                    "path",
                    "class",
                    "division",
                    "d",
                    d.toString(),
                    "data-geonameid",
                    div.geonameId() > 0 ? Long.toString(div.geonameId()) : null,
                    "data-iso",
                    div.isoCode().isEmpty() ? null : div.isoCode());
            h.element("title", divisionTitle(div, link));
            h.close("path");
            if (link != null) {
                h.close("a");
            }
        }
        h.close("g");
        StringBuilder d = new StringBuilder();
        for (DivisionMap.Border b : map.borders()) {
            if (shown.test(b.countryCode()) && paths.meets(b.bbox())) {
                paths.line(d, b.line());
            }
        }
        if (!d.isEmpty()) {
            h.open("path", "class", "division-borders", "d", d.toString()).close("path");
        }
    }

    /**
     * "Idlib (SY-ID) · note · محافظة إدلب": the Arabic name last, so that no number or Latin text
     * follows it (after Arabic letters, digits would join its right-to-left run: UAX #9 W2).
     */
    static String divisionTitle(DivisionMap.Division div, DivisionLink link) {
        StringBuilder t = new StringBuilder(div.name());
        if (!div.isoCode().isEmpty() && !div.isoCode().contains("~")) {
            t.append(" (").append(div.isoCode()).append(')');
        }
        if (link != null && !link.note().isEmpty()) {
            t.append(" · ").append(link.note());
        }
        if (!div.nameAr().isEmpty()) {
            t.append(" · ").append(div.nameAr());
        }
        return t.toString();
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
