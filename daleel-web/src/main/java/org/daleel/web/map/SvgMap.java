package org.daleel.web.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.daleel.web.Html;

/**
 * Draws a map as inline SVG on the server: the countries of {@link WorldMap} around the pins, in an
 * equirectangular projection corrected for the latitude of the view, with the pins as links.
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
        int labels = 0;
        for (MapPin p : ordered) {
            double x = proj.x(p.lon());
            double y = proj.y(p.lat());
            double r = 4 + Math.min(8, Math.log(p.count()) * 2);
            h.open("a", "href", p.href(), "class", "pin " + p.kind());
            h.open("circle", "cx", fmt(x), "cy", fmt(y), "r", fmt(r), "data-label", p.label());
            h.element("title", p.tooltip());
            h.close("circle");
            if (labels++ < MAX_LABELS) {
                h.element("text", p.label(), "x", fmt(x + r + 2), "y", fmt(y + 4), "dir", "auto");
            }
            h.close("a");
        }
        h.close("svg");
        h.element("figcaption", caption + " " + WorldMap.ATTRIBUTION);
        h.close("figure");
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
