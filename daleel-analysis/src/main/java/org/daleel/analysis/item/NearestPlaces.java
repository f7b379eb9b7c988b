package org.daleel.analysis.item;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.gazetteer.GazetteerPlace;

/**
 * Reverse geocoding: the populated place of the gazetteer nearest to a position, searched in a grid
 * of half-degree cells ring by ring, up to {@link #MAX_KM} away. Immutable after construction,
 * thread-safe.
 */
final class NearestPlaces {
    /** Farther than this from any populated place, a position gets no place. */
    static final double MAX_KM = 100;

    private static final double CELL = 0.5;

    private final Gazetteer gazetteer;
    private final Map<Long, int[]> cells;

    NearestPlaces(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        Map<Long, List<Integer>> build = new HashMap<>();
        for (int i = 0; i < gazetteer.size(); i++) {
            GazetteerPlace p = gazetteer.place(i);
            if (p.featureClass() == 'P' && !p.contextOnly() && !p.historical() && p.hasCoordinates()) {
                build.computeIfAbsent(key(row(p.lat()), col(p.lon())), k -> new ArrayList<>())
                        .add(i);
            }
        }
        this.cells = new HashMap<>(build.size() * 2);
        build.forEach(
                (k, v) -> cells.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Index of the nearest populated place within {@link #MAX_KM}, or empty. */
    Optional<Integer> nearest(double lat, double lon) {
        int r0 = row(lat);
        int c0 = col(lon);
        int best = -1;
        double bestKm = MAX_KM;
        // A ring of cells r away is at least (r - 1) * CELL degrees of latitude (~55 km) away.
        int maxRing = (int) Math.ceil(MAX_KM / (CELL * 111.0)) + 1;
        for (int ring = 0; ring <= maxRing; ring++) {
            if (best >= 0
                    && (ring - 1) * CELL * 111.0 * Math.cos(Math.toRadians(Math.min(Math.abs(lat) + ring * CELL, 89)))
                            > bestKm) {
                break;
            }
            for (int r = r0 - ring; r <= r0 + ring; r++) {
                for (int c = c0 - ring; c <= c0 + ring; c++) {
                    if (Math.max(Math.abs(r - r0), Math.abs(c - c0)) != ring) {
                        continue;
                    }
                    int[] here = cells.get(key(r, Math.floorMod(c, (int) (360 / CELL))));
                    if (here == null) {
                        continue;
                    }
                    for (int i : here) {
                        GazetteerPlace p = gazetteer.place(i);
                        double km = GazetteerPlace.distanceKm(lat, lon, p.lat(), p.lon());
                        if (km < bestKm
                                || (km == bestKm
                                        && best >= 0
                                        && p.population()
                                                > gazetteer.place(best).population())) {
                            bestKm = km;
                            best = i;
                        }
                    }
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    private static int row(double lat) {
        return (int) Math.floor((lat + 90) / CELL);
    }

    private static int col(double lon) {
        return Math.floorMod((int) Math.floor((lon + 180) / CELL), (int) (360 / CELL));
    }

    private static long key(int row, int col) {
        return ((long) row << 32) | (col & 0xffffffffL);
    }
}
