package org.daleel.media.crop;

import org.daleel.media.pdq.LumaPlane;

/**
 * A working copy of a picture's luma with its summed-area table, from which any region is reduced
 * to PDQ's 64x64 block in constant time per cell.
 *
 * <p>Cell {@code (i, j)} of a region's block is the exact mean of the luma over that cell's
 * rectangle (1/64 of the region each way, fractional pixel edges included): the table is read at
 * the 65x65 cell corners by bilinear interpolation, which is exact for the integral of a
 * piecewise-constant picture. Immutable after construction and thread-safe.
 */
final class RegionPlane {
    static final int CELLS = 64;

    private final int width;
    private final int height;
    private final float[] luma;
    /** Summed-area table, {@code (width + 1) x (height + 1)}: sum of luma above and left of each corner. */
    private final double[] table;

    RegionPlane(int width, int height, float[] luma) {
        this.width = width;
        this.height = height;
        this.luma = luma;
        int stride = width + 1;
        this.table = new double[stride * (height + 1)];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                row += luma[y * width + x];
                table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + row;
            }
        }
    }

    static RegionPlane of(LumaPlane plane) {
        return new RegionPlane(plane.width(), plane.height(), plane.values());
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Luma at column {@code x}, row {@code y}. */
    float at(int x, int y) {
        return luma[y * width + x];
    }

    /** The part {@code r} as a plane of its own (whole pixels, at least 1x1). */
    RegionPlane crop(Region r) {
        int x0 = (int) Math.round(r.x() * width);
        int y0 = (int) Math.round(r.y() * height);
        int w = Math.max(1, Math.min(width - x0, (int) Math.round(r.w() * width)));
        int h = Math.max(1, Math.min(height - y0, (int) Math.round(r.h() * height)));
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(luma, (y0 + y) * width + x0, out, y * w, w);
        }
        return new RegionPlane(w, h, out);
    }

    /** The mirror image (left to right). */
    RegionPlane mirrored() {
        float[] out = new float[luma.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = luma[y * width + width - 1 - x];
            }
        }
        return new RegionPlane(width, height, out);
    }

    /** The region's 64x64 block of cell means, row-major. */
    float[] block(Region r) {
        return block(r, CELLS);
    }

    /**
     * The region's {@code cells x cells} block of cell means, row-major. A 32x32 block is the 2x2
     * mean of the 64x64 one (up to rounding), at a quarter of the cost.
     */
    float[] block(Region r, int cells) {
        int[] xi = new int[cells + 1];
        double[] xf = new double[cells + 1];
        int[] yi = new int[cells + 1];
        double[] yf = new double[cells + 1];
        double[] xs = corners(r.x(), r.w(), width, xi, xf, cells);
        double[] ys = corners(r.y(), r.h(), height, yi, yf, cells);
        int stride = width + 1;
        // Integral at every cell corner: bilinear in the table, first along the row pair, then between.
        double[] above = new double[cells + 1];
        double[] below = new double[cells + 1];
        double[] prev = new double[cells + 1];
        double[] cur = new double[cells + 1];
        float[] out = new float[cells * cells];
        for (int j = 0; j <= cells; j++) {
            int o0 = yi[j] * stride;
            int o1 = o0 + stride;
            for (int i = 0; i <= cells; i++) {
                int o = xi[i];
                double f = xf[i];
                above[i] = table[o0 + o] + (table[o0 + o + 1] - table[o0 + o]) * f;
                below[i] = table[o1 + o] + (table[o1 + o + 1] - table[o1 + o]) * f;
            }
            double g = yf[j];
            for (int i = 0; i <= cells; i++) {
                cur[i] = above[i] + (below[i] - above[i]) * g;
            }
            if (j > 0) {
                double rowHeight = ys[j] - ys[j - 1];
                int base = (j - 1) * cells;
                for (int i = 0; i < cells; i++) {
                    double sum = cur[i + 1] - cur[i] - prev[i + 1] + prev[i];
                    out[base + i] = (float) (sum / (rowHeight * (xs[i + 1] - xs[i])));
                }
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return out;
    }

    /**
     * The {@code cells + 1} cell edges of a region along one axis, in pixels, with the table index
     * left of each and the fraction past it.
     */
    private static double[] corners(double start, double length, int n, int[] index, double[] fraction, int cells) {
        double[] edges = new double[cells + 1];
        for (int i = 0; i <= cells; i++) {
            double v = Math.max(0, Math.min(n, (start + length * i / cells) * n));
            int k = Math.min((int) v, n - 1);
            edges[i] = v;
            index[i] = k;
            fraction[i] = v - k;
        }
        return edges;
    }
}
