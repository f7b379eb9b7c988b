package org.daleel.web.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One object of a TopoJSON topology, decoded: its arcs as longitude/latitude polylines and its
 * polygons as rings of arc indices, so that a caller can rebuild rings and also tell which arcs two
 * geometries share.
 *
 * <p>Follows the specification (https://github.com/topojson/topojson-specification, s2.1.4
 * transforms and s2.2 arcs): arcs are delta-encoded quantized positions; a negative arc index
 * {@code ~i} is arc {@code i} reversed. Geometries other than Polygon and MultiPolygon (and null
 * geometries) have no rings.
 *
 * @param arcs every arc of the topology, each {@code [lon0, lat0, lon1, lat1, ...]}
 * @param geometries the geometries of the object, in order
 */
record TopoJson(List<double[]> arcs, List<Geometry> geometries) {

    /**
     * A geometry of the object.
     *
     * @param properties its properties (a missing node when it has none)
     * @param rings its polygon rings (outer and holes alike), each a list of arc indices
     */
    record Geometry(JsonNode properties, List<int[]> rings) {}

    /** Reads {@code object} of the topology in classpath resource {@code resource}. */
    static TopoJson load(String resource, String object, String origin) {
        try (InputStream in = TopoJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "classpath resource " + resource + " is missing: the daleel-web build makes it from " + origin);
            }
            return decode(new ObjectMapper().readTree(in), object);
        } catch (IOException e) {
            throw new UncheckedIOException("map data " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Decodes {@code object} of {@code topo}; an absent object has no geometries. */
    static TopoJson decode(JsonNode topo, String object) {
        JsonNode t = topo.path("transform");
        boolean quantized = t.isObject();
        double sx = t.path("scale").path(0).asDouble(1);
        double sy = t.path("scale").path(1).asDouble(1);
        double tx = t.path("translate").path(0).asDouble(0);
        double ty = t.path("translate").path(1).asDouble(0);
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
        List<Geometry> geometries = new ArrayList<>();
        for (JsonNode g : topo.path("objects").path(object).path("geometries")) {
            List<int[]> rings = new ArrayList<>();
            switch (g.path("type").asText()) {
                case "Polygon" -> g.path("arcs").forEach(ring -> rings.add(indices(ring, arcs.size())));
                case "MultiPolygon" ->
                    g.path("arcs").forEach(polygon -> polygon.forEach(ring -> rings.add(indices(ring, arcs.size()))));
                default -> {} // points, lines and null geometries are no areas
            }
            geometries.add(new Geometry(g.path("properties"), rings));
        }
        return new TopoJson(List.copyOf(arcs), List.copyOf(geometries));
    }

    private static int[] indices(JsonNode ring, int arcCount) {
        int[] out = new int[ring.size()];
        for (int i = 0; i < out.length; i++) {
            int idx = ring.get(i).asInt();
            int arc = idx >= 0 ? idx : ~idx;
            if (arc >= arcCount) {
                throw new IllegalArgumentException("TopoJSON ring refers to arc " + arc + " of " + arcCount + " arcs");
            }
            out[i] = idx;
        }
        return out;
    }

    /** The ring made of these arcs, {@code [lon0, lat0, lon1, lat1, ...]}. */
    double[] ring(int[] indices) {
        int total = 0;
        for (int idx : indices) {
            total += arcs.get(idx >= 0 ? idx : ~idx).length;
        }
        double[] ring = new double[total];
        int n = 0;
        for (int idx : indices) {
            double[] arc = arcs.get(idx >= 0 ? idx : ~idx);
            // Consecutive arcs share their end and start point; keeping both is harmless for drawing.
            if (idx >= 0) {
                System.arraycopy(arc, 0, ring, n, arc.length);
            } else {
                for (int i = 0; i < arc.length; i += 2) {
                    ring[n + arc.length - 2 - i] = arc[i];
                    ring[n + arc.length - 1 - i] = arc[i + 1];
                }
            }
            n += arc.length;
        }
        return ring;
    }

    /** Every ring of {@code g} as coordinates. */
    List<double[]> rings(Geometry g) {
        List<double[]> out = new ArrayList<>(g.rings().size());
        for (int[] r : g.rings()) {
            out.add(ring(r));
        }
        return out;
    }

    /** minLon, minLat, maxLon, maxLat of {@code rings}. */
    static double[] bbox(List<double[]> rings) {
        double[] bbox = {180, 90, -180, -90};
        for (double[] r : rings) {
            for (int i = 0; i < r.length; i += 2) {
                bbox[0] = Math.min(bbox[0], r[i]);
                bbox[1] = Math.min(bbox[1], r[i + 1]);
                bbox[2] = Math.max(bbox[2], r[i]);
                bbox[3] = Math.max(bbox[3], r[i + 1]);
            }
        }
        return bbox;
    }
}
