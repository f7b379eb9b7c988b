package org.daleel.web.map;

/**
 * Turns longitude/latitude rings and lines into compact SVG path data for one view: projected,
 * clipped to the view plus a margin (Sutherland-Hodgman for rings, Liang-Barsky for lines, so what
 * lies outside costs nothing), simplified to the view's scale (Douglas-Peucker with a tolerance in
 * pixels) and written with relative coordinates at a tenth of a pixel. The clipped edges lie in the
 * margin, outside the visible view, so strokes along them are never seen.
 *
 * <p>Not thread-safe (reuses buffers): one instance per drawing.
 */
final class SvgPaths {
    /** Off-view margin in pixels: clipping edges lie here, out of sight. */
    static final double MARGIN = 4;

    private final Projection proj;
    private final double x0;
    private final double y0;
    private final double x1;
    private final double y1;
    private final double tolerance2;
    private double[] xs = new double[1024];
    private double[] ys = new double[1024];
    private int n;

    /**
     * @param proj the view's projection
     * @param width the view's width in pixels
     * @param height the view's height in pixels
     * @param tolerance the largest distance in pixels by which simplification may move a line
     */
    SvgPaths(Projection proj, double width, double height, double tolerance) {
        this.proj = proj;
        this.x0 = -MARGIN;
        this.y0 = -MARGIN;
        this.x1 = width + MARGIN;
        this.y1 = height + MARGIN;
        this.tolerance2 = tolerance * tolerance;
    }

    /** Whether a box minLon, minLat, maxLon, maxLat meets the view. */
    boolean meets(double[] bbox) {
        return proj.x(bbox[2]) >= x0 && proj.x(bbox[0]) <= x1 && proj.y(bbox[1]) >= y0 && proj.y(bbox[3]) <= y1;
    }

    /**
     * Appends a closed ring ({@code M ... z}) and returns true, or returns false and appends nothing
     * when nothing of it is left in the view at this scale.
     */
    boolean ring(StringBuilder d, double[] lonLat) {
        n = 0;
        for (int i = 0; i < lonLat.length; i += 2) {
            add(proj.x(lonLat[i]), proj.y(lonLat[i + 1]));
        }
        // Sutherland-Hodgman, one edge of the box at a time.
        for (int edge = 0; edge < 4 && n > 0; edge++) {
            clipEdge(edge);
        }
        if (n < 3 || tiny(0, n)) {
            return false;
        }
        boolean[] keep = simplify(0, n);
        write(d, 0, n, keep, true);
        return true;
    }

    /** Appends the parts of a line inside the view ({@code M ... l ...}); false when none is. */
    boolean line(StringBuilder d, double[] lonLat) {
        int count = lonLat.length / 2;
        double[] px = new double[count];
        double[] py = new double[count];
        for (int i = 0; i < count; i++) {
            px[i] = proj.x(lonLat[2 * i]);
            py[i] = proj.y(lonLat[2 * i + 1]);
        }
        boolean any = false;
        n = 0;
        for (int i = 0; i + 1 < count; i++) {
            double[] seg = liangBarsky(px[i], py[i], px[i + 1], py[i + 1]);
            if (seg == null) {
                continue;
            }
            boolean continues = n > 0 && xs[n - 1] == seg[0] && ys[n - 1] == seg[1];
            if (!continues) {
                any |= flushLine(d);
                add(seg[0], seg[1]);
            }
            add(seg[2], seg[3]);
        }
        any |= flushLine(d);
        return any;
    }

    private boolean flushLine(StringBuilder d) {
        if (n < 2 || tiny(0, n)) {
            n = 0;
            return false;
        }
        write(d, 0, n, simplify(0, n), false);
        n = 0;
        return true;
    }

    private void add(double x, double y) {
        if (n == xs.length) {
            xs = java.util.Arrays.copyOf(xs, n * 2);
            ys = java.util.Arrays.copyOf(ys, n * 2);
        }
        xs[n] = x;
        ys[n] = y;
        n++;
    }

    private boolean tiny(int from, int to) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        return maxX - minX < 0.5 && maxY - minY < 0.5;
    }

    private void clipEdge(int edge) {
        double[] inX = java.util.Arrays.copyOf(xs, n);
        double[] inY = java.util.Arrays.copyOf(ys, n);
        int m = n;
        n = 0;
        for (int i = 0; i < m; i++) {
            int j = (i + m - 1) % m; // previous point: the ring closes on itself
            boolean in = inside(edge, inX[i], inY[i]);
            boolean prevIn = inside(edge, inX[j], inY[j]);
            if (in != prevIn) {
                double t = crossing(edge, inX[j], inY[j], inX[i], inY[i]);
                add(inX[j] + t * (inX[i] - inX[j]), inY[j] + t * (inY[i] - inY[j]));
            }
            if (in) {
                add(inX[i], inY[i]);
            }
        }
    }

    private boolean inside(int edge, double x, double y) {
        return switch (edge) {
            case 0 -> x >= x0;
            case 1 -> x <= x1;
            case 2 -> y >= y0;
            default -> y <= y1;
        };
    }

    private double crossing(int edge, double ax, double ay, double bx, double by) {
        return switch (edge) {
            case 0 -> (x0 - ax) / (bx - ax);
            case 1 -> (x1 - ax) / (bx - ax);
            case 2 -> (y0 - ay) / (by - ay);
            default -> (y1 - ay) / (by - ay);
        };
    }

    /** The part of segment a-b inside the box as {ax, ay, bx, by}, or null (Liang-Barsky). */
    private double[] liangBarsky(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return null;
                }
                continue;
            }
            double t = q[k] / p[k];
            if (p[k] < 0) {
                t0 = Math.max(t0, t);
            } else {
                t1 = Math.min(t1, t);
            }
            if (t0 > t1) {
                return null;
            }
        }
        return new double[] {
            t0 == 0 ? ax : ax + t0 * dx,
            t0 == 0 ? ay : ay + t0 * dy,
            t1 == 1 ? bx : ax + t1 * dx,
            t1 == 1 ? by : ay + t1 * dy
        };
    }

    /** Douglas-Peucker over points from..to-1: which to keep (the ends always). */
    private boolean[] simplify(int from, int to) {
        boolean[] keep = new boolean[to - from];
        keep[0] = true;
        keep[to - from - 1] = true;
        int[] stack = new int[2 * (to - from) + 2];
        int top = 0;
        stack[top++] = from;
        stack[top++] = to - 1;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            double best = -1;
            int at = -1;
            for (int i = a + 1; i < b; i++) {
                double dist = distance2(xs[i], ys[i], xs[a], ys[a], xs[b], ys[b]);
                if (dist > best) {
                    best = dist;
                    at = i;
                }
            }
            if (at >= 0 && best > tolerance2) {
                keep[at - from] = true;
                stack[top++] = a;
                stack[top++] = at;
                stack[top++] = at;
                stack[top++] = b;
            }
        }
        return keep;
    }

    /** Squared distance of p from segment a-b. */
    private static double distance2(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double ex = ax + t * dx - px;
        double ey = ay + t * dy - py;
        return ex * ex + ey * ey;
    }

    /** M then relative l steps between tenths of a pixel (exact: deltas of rounded positions). */
    private void write(StringBuilder d, int from, int to, boolean[] keep, boolean close) {
        long lastX = 0;
        long lastY = 0;
        boolean first = true;
        for (int i = from; i < to; i++) {
            if (!keep[i - from]) {
                continue;
            }
            long x = Math.round(xs[i] * 10);
            long y = Math.round(ys[i] * 10);
            if (first) {
                d.append('M');
                tenths(d, x);
                d.append(',');
                tenths(d, y);
                d.append('l');
                first = false;
            } else if (x != lastX || y != lastY) {
                if (d.charAt(d.length() - 1) != 'l') {
                    d.append(' ');
                }
                tenths(d, x - lastX);
                d.append(',');
                tenths(d, y - lastY);
            } else {
                continue;
            }
            lastX = x;
            lastY = y;
        }
        if (d.charAt(d.length() - 1) == 'l') {
            d.setLength(d.length() - 1); // a single point: no step
        }
        if (close) {
            d.append('z');
        }
    }

    /** {@code v / 10} with at most one decimal: 123 is "12.3", 120 is "12", -5 is "-0.5". */
    static void tenths(StringBuilder d, long v) {
        if (v < 0) {
            d.append('-');
            v = -v;
        }
        d.append(v / 10);
        if (v % 10 != 0) {
            d.append('.').append(v % 10);
        }
    }
}
