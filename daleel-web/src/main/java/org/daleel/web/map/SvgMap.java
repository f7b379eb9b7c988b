package org.daleel.web.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.daleel.web.Html;

/**
 * Draws a map as inline SVG on the server: the countries of {@link WorldMap} around the pins, in an
 * equirectangular projection corrected for the latitude of the view, fitted to the extent of the
 * pins, with the pins as links: their area grows with the number of items they stand for, and the
 * biggest are labelled with their English and Arabic names (each in its own direction) where the
 * labels do not collide.
 * Works with no script, no tiles and no network, in any browser and in right-to-left pages.
 */
public final class SvgMap {
    private static final double WIDTH = 640;
    private static final double MAX_HEIGHT = 420;
    private static final double MIN_HEIGHT = 200;
    private static final double MIN_SPAN_DEGREES = 3;
    private static final int MAX_LABELS = 12;

    private SvgMap() {}

    /** Writes a {@code <figure class="map">} with the pins; writes nothing when there are none. */
    public static void render(Html h, List<MapPin> pins, String caption) {
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
        double viewMinLon = left;
        double viewMaxLon = left + WIDTH / (scale * c);
        double viewMaxLat = top;
        double viewMinLat = top - height / scale;
        for (WorldMap.Country country : WorldMap.shared().countries()) {
            double[] b = country.bbox();
            if (b[2] < viewMinLon || b[0] > viewMaxLon || b[3] < viewMinLat || b[1] > viewMaxLat) {
                continue;
            }
            StringBuilder d = new StringBuilder();
            for (double[] ring : country.rings()) {
                path(d, ring, proj);
            }
            h.open("path", "class", "land", "d", d.toString())
                    .element("title", country.name())
                    .close("path");
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

    private record Projection(double left, double top, double scale, double cos) {
        double x(double lon) {
            return (lon - left) * cos * scale;
        }

        double y(double lat) {
            return (top - lat) * scale;
        }
    }

    private static void path(StringBuilder d, double[] ring, Projection p) {
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (int i = 0; i < ring.length; i += 2) {
            double x = Math.round(p.x(ring[i]) * 10) / 10.0;
            double y = Math.round(p.y(ring[i + 1]) * 10) / 10.0;
            if (x == lastX && y == lastY) {
                continue; // a point at the same pixel adds nothing
            }
            d.append(i == 0 ? 'M' : 'L').append(fmt(x)).append(',').append(fmt(y));
            lastX = x;
            lastY = y;
        }
        d.append('Z');
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
