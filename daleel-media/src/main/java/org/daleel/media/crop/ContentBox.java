package org.daleel.media.crop;

import java.util.Optional;

/**
 * Finds the picture inside added borders or a screenshot: the box left after peeling off, from each
 * side, rows and columns that are mostly one flat tone (letterbox bars, frames, a page or an app
 * around a photo, lines of text on a plain background).
 *
 * <p>A row (or column, within the current box) is peeled when at least {@value #FLAT_SHARE} of its
 * pixels lie within {@value #TOLERANCE} luma levels of its most common level. Text rows qualify
 * because letters cover a minority of a line; rows through the photo do not, since the photo
 * covers most of them with varying tones. Rows and columns alternate until nothing changes, so a
 * side panel peeled as columns frees the rows beside it. A photo whose own edge is flat (clear
 * sky) may lose that edge too; callers also match the untrimmed frame. Stateless.
 */
final class ContentBox {
    static final double FLAT_SHARE = 0.6;
    static final int TOLERANCE = 6;
    /** The box must keep at least this share of each side, and differ by at least {@link #MIN_CHANGE}. */
    private static final double MIN_SIDE = 0.25;

    private static final double MIN_CHANGE = 0.01;

    private ContentBox() {}

    /** The content box in fractions of the plane, or empty when nothing (or almost everything) peels off. */
    static Optional<Region> of(RegionPlane p) {
        int w = p.width();
        int h = p.height();
        int x0 = 0;
        int x1 = w;
        int y0 = 0;
        int y1 = h;
        int[] hist = new int[256];
        for (int round = 0; round < 6; round++) {
            int before = x0 + x1 * 7 + y0 * 31 + y1 * 127;
            while (y1 - y0 > 1 && flat(p, x0, x1, y0, true, hist)) {
                y0++;
            }
            while (y1 - y0 > 1 && flat(p, x0, x1, y1 - 1, true, hist)) {
                y1--;
            }
            while (x1 - x0 > 1 && flat(p, y0, y1, x0, false, hist)) {
                x0++;
            }
            while (x1 - x0 > 1 && flat(p, y0, y1, x1 - 1, false, hist)) {
                x1--;
            }
            if (before == x0 + x1 * 7 + y0 * 31 + y1 * 127) {
                break;
            }
        }
        boolean large = x1 - x0 >= MIN_SIDE * w && y1 - y0 >= MIN_SIDE * h;
        boolean changed =
                x0 >= MIN_CHANGE * w || w - x1 >= MIN_CHANGE * w || y0 >= MIN_CHANGE * h || h - y1 >= MIN_CHANGE * h;
        if (!large || !changed) {
            return Optional.empty();
        }
        return Optional.of(
                new Region((double) x0 / w, (double) y0 / h, (double) (x1 - x0) / w, (double) (y1 - y0) / h));
    }

    /** Whether line {@code at} (a row when {@code row}, else a column) between {@code from} and {@code to} is flat. */
    private static boolean flat(RegionPlane p, int from, int to, int at, boolean row, int[] hist) {
        java.util.Arrays.fill(hist, 0);
        for (int i = from; i < to; i++) {
            hist[level(row ? p.at(i, at) : p.at(at, i))]++;
        }
        int window = 0;
        for (int v = 0; v <= 2 * TOLERANCE && v < 256; v++) {
            window += hist[v];
        }
        int best = window;
        for (int v = 2 * TOLERANCE + 1; v < 256; v++) {
            window += hist[v] - hist[v - 2 * TOLERANCE - 1];
            best = Math.max(best, window);
        }
        return best >= FLAT_SHARE * (to - from);
    }

    private static int level(float luma) {
        return Math.max(0, Math.min(255, Math.round(luma)));
    }
}
