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
    /** Summed-area table, {@code (width + 1) x (height + 1)}: sum of luma above and left of each corner. */
    private final double[] table;
    private final LumaPlane luma;

    RegionPlane(LumaPlane luma) {
        this.luma = luma;
        this.width = luma.width();
        this.height = luma.height();
        int stride = width + 1;
        this.table = new double[stride * (height + 1)];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                row += luma.at(x, y);
                table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + row;
            }
        }
    }

    LumaPlane luma() {
        return luma;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The region's 64x64 block of cell means, row-major. */
    float[] block(Region r) {
        double[] xs = new double[CELLS + 1];
        double[] ys = new double[CELLS + 1];
        for (int i = 0; i <= CELLS; i++) {
            xs[i] = (r.x() + r.w() * i / CELLS) * width;
            ys[i] = (r.y() + r.h() * i / CELLS) * height;
        }
        double[] corners = new double[(CELLS + 1) * (CELLS + 1)];
        for (int j = 0; j <= CELLS; j++) {
            for (int i = 0; i <= CELLS; i++) {
                corners[j * (CELLS + 1) + i] = integral(xs[i], ys[j]);
            }
        }
        float[] out = new float[CELLS * CELLS];
        for (int j = 0; j < CELLS; j++) {
            double area = (ys[j + 1] - ys[j]);
            int c0 = j * (CELLS + 1);
            int c1 = c0 + CELLS + 1;
            for (int i = 0; i < CELLS; i++) {
                double sum = corners[c1 + i + 1] - corners[c1 + i] - corners[c0 + i + 1] + corners[c0 + i];
                out[j * CELLS + i] = (float) (sum / (area * (xs[i + 1] - xs[i])));
            }
        }
        return out;
    }

    /** Integral of luma over {@code [0, x] x [0, y]}, bilinear between table corners. */
    private double integral(double x, double y) {
        x = Math.max(0, Math.min(width, x));
        y = Math.max(0, Math.min(height, y));
        int x0 = Math.min((int) x, width - 1);
        int y0 = Math.min((int) y, height - 1);
        double fx = x - x0;
        double fy = y - y0;
        int stride = width + 1;
        int o = y0 * stride + x0;
        double a = table[o], b = table[o + 1], c = table[o + stride], d = table[o + stride + 1];
        return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
    }
}
