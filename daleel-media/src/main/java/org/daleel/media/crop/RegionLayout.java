package org.daleel.media.crop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which regions are coded, on the archive side and on the query side.
 *
 * <p>Archive side (numbered, 12 regions): 0 the whole frame; 1 and 2 centred windows of 90% and 80%
 * of each side; 3..11 squares whose side is {@value #SQUARE} of the shorter side, centred on the
 * picture's centre and shifted by -1, 0, +1 times {@value #FINE_STEP} of their side along each axis
 * (row-major). A crop that keeps at least 75% of each side keeps the picture's centre square.
 *
 * <p>Query side: the whole frame, and squares of {@link #QUERY_SCALES} times the shorter side whose
 * centres lie on a grid of {@value #COARSE_STEP} of their side, reaching {@value #REACH} of the
 * frame either side of its centre (an archived picture's centre lands within 1/6 of the centre when
 * the query keeps at least 75% of each side of it, or it of the query). The archive's fine steps and the query's coarse steps interleave (the
 * baby-step giant-step pattern), so some pair is within {@value #FINE_STEP} / 2 of the right
 * alignment along each axis; the scales 0.4..0.63 against 0.5 cover a size ratio of 0.8..1.33 in
 * steps of about 12%, within the coarse code's tolerance.
 */
final class RegionLayout {
    static final double SQUARE = 0.5;
    static final double FINE_STEP = 0.04;
    static final double COARSE_STEP = 0.12;
    static final double REACH = 0.17;
    static final double[] QUERY_SCALES = {0.4, 0.44, 0.5, 0.56, 0.63};

    /** Number of archive regions. */
    static final int ARCHIVE_REGIONS = 12;

    private RegionLayout() {}

    /** The archive regions of a {@code width x height} picture, indexed by number. */
    static List<Region> archive(int width, int height) {
        List<Region> out = new ArrayList<>(ARCHIVE_REGIONS);
        out.add(Region.FULL);
        out.add(Region.anchored(0.9, 0.9, 0.5, 0.5));
        out.add(Region.anchored(0.8, 0.8, 0.5, 0.5));
        double side = SQUARE * Math.min(width, height);
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
                out.add(square(
                        width, height, side, 0.5 + i * FINE_STEP * side / width, 0.5 + j * FINE_STEP * side / height));
            }
        }
        return out;
    }

    /** The query windows of a {@code width x height} frame (duplicates after clamping removed). */
    static List<Region> query(int width, int height) {
        Set<Region> out = new LinkedHashSet<>();
        out.add(Region.FULL);
        for (double scale : QUERY_SCALES) {
            double side = scale * Math.min(width, height);
            double sx = COARSE_STEP * side / width;
            double sy = COARSE_STEP * side / height;
            // Grid points up to REACH, or the nearest short of it when that leaves it within half a step.
            int nx = (int) Math.ceil(REACH / sx - 0.5);
            int ny = (int) Math.ceil(REACH / sy - 0.5);
            for (int j = -ny; j <= ny; j++) {
                for (int i = -nx; i <= nx; i++) {
                    out.add(square(width, height, side, 0.5 + i * sx, 0.5 + j * sy));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** A square of {@code side} pixels centred near {@code (cx, cy)} (fractions), moved inside the frame. */
    static Region square(int width, int height, double side, double cx, double cy) {
        double w = Math.min(1, side / width);
        double h = Math.min(1, side / height);
        double x = Math.max(0, Math.min(1 - w, cx - w / 2));
        double y = Math.max(0, Math.min(1 - h, cy - h / 2));
        // Round to 1e-6 so that windows clamped to the same place compare equal.
        return new Region(round(x), round(y), round(w), round(h));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
