package org.daleel.web.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Country boundaries for the offline maps: Natural Earth 1:50m countries (public domain) from the
 * {@code world-atlas} TopoJSON (ISC licence) that the build installs from npm and ships in the jar.
 * Decoded once into rings of longitude/latitude with a bounding box per country. Immutable and
 * thread-safe; {@link #shared()} loads it on first use.
 *
 * <p>TopoJSON decoding follows the specification (https://github.com/topojson/topojson-specification,
 * s2.1.4 transforms and s2.2 arcs): arcs are delta-encoded quantized positions; a negative arc index
 * {@code ~i} is arc {@code i} reversed.
 */
public final class WorldMap {
    private static final String RESOURCE = "/org/daleel/web/map/countries-50m.json";

    /** What to credit wherever the map is shown. */
    public static final String ATTRIBUTION =
            "Boundaries: Natural Earth (public domain), via world-atlas (ISC). Borders are shown for orientation only.";

    /**
     * One country.
     *
     * @param name English name
     * @param rings polygon rings, each {@code [lon0, lat0, lon1, lat1, ...]}
     * @param bbox minLon, minLat, maxLon, maxLat
     */
    public record Country(String name, List<double[]> rings, double[] bbox) {}

    private static volatile WorldMap shared;

    private final List<Country> countries;

    private WorldMap(List<Country> countries) {
        this.countries = List.copyOf(countries);
    }

    /** The shipped map, loaded on first use. */
    public static WorldMap shared() {
        WorldMap m = shared;
        if (m == null) {
            synchronized (WorldMap.class) {
                m = shared;
                if (m == null) {
                    m = load();
                    shared = m;
                }
            }
        }
        return m;
    }

    /** Every country. */
    public List<Country> countries() {
        return countries;
    }

    private static WorldMap load() {
        try (InputStream in = WorldMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE
                        + " is missing: the daleel-web build installs it from npm (world-atlas)");
            }
            return decode(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("world map " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static WorldMap decode(JsonNode topo) {
        JsonNode t = topo.path("transform");
        double sx = t.path("scale").path(0).asDouble(1);
        double sy = t.path("scale").path(1).asDouble(1);
        double tx = t.path("translate").path(0).asDouble(0);
        double ty = t.path("translate").path(1).asDouble(0);
        boolean quantized = t.isObject();
        List<double[]> arcs = new ArrayList<>();
        for (JsonNode arc : topo.path("arcs")) {
            double[] pts = new double[arc.size() * 2];
            double x = 0;
            double y = 0;
            for (int i = 0; i < arc.size(); i++) {
                JsonNode p = arc.get(i);
                if (quantized) {
                    x += p.get(0).asDouble();
                    y += p.get(1).asDouble();
                    pts[2 * i] = x * sx + tx;
                    pts[2 * i + 1] = y * sy + ty;
                } else {
                    pts[2 * i] = p.get(0).asDouble();
                    pts[2 * i + 1] = p.get(1).asDouble();
                }
            }
            arcs.add(pts);
        }
        List<Country> out = new ArrayList<>();
        for (JsonNode g : topo.path("objects").path("countries").path("geometries")) {
            List<double[]> rings = new ArrayList<>();
            String type = g.path("type").asText();
            if (type.equals("Polygon")) {
                for (JsonNode ring : g.path("arcs")) {
                    rings.add(ring(arcs, ring));
                }
            } else if (type.equals("MultiPolygon")) {
                for (JsonNode polygon : g.path("arcs")) {
                    for (JsonNode ring : polygon) {
                        rings.add(ring(arcs, ring));
                    }
                }
            }
            if (rings.isEmpty()) {
                continue;
            }
            double[] bbox = {180, 90, -180, -90};
            for (double[] r : rings) {
                for (int i = 0; i < r.length; i += 2) {
                    bbox[0] = Math.min(bbox[0], r[i]);
                    bbox[1] = Math.min(bbox[1], r[i + 1]);
                    bbox[2] = Math.max(bbox[2], r[i]);
                    bbox[3] = Math.max(bbox[3], r[i + 1]);
                }
            }
            out.add(new Country(g.path("properties").path("name").asText(""), rings, bbox));
        }
        return new WorldMap(out);
    }

    private static double[] ring(List<double[]> arcs, JsonNode indices) {
        List<double[]> parts = new ArrayList<>();
        int total = 0;
        for (JsonNode idx : indices) {
            int i = idx.asInt();
            double[] arc = i >= 0 ? arcs.get(i) : reversed(arcs.get(~i));
            parts.add(arc);
            total += arc.length;
        }
        double[] ring = new double[total];
        int n = 0;
        for (double[] p : parts) {
            // Consecutive arcs share their end and start point; keeping both is harmless for drawing.
            System.arraycopy(p, 0, ring, n, p.length);
            n += p.length;
        }
        return ring;
    }

    private static double[] reversed(double[] arc) {
        double[] r = new double[arc.length];
        for (int i = 0; i < arc.length; i += 2) {
            r[arc.length - 2 - i] = arc[i];
            r[arc.length - 1 - i] = arc[i + 1];
        }
        return r;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WorldMap[%d countries]", countries.size());
    }
}
