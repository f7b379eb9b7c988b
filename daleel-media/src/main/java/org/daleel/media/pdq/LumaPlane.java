package org.daleel.media.pdq;

import java.awt.image.BufferedImage;

/**
 * A picture's luma ({@code Y = 0.299 R + 0.587 G + 0.114 B}, as PDQ reads it), reduced by area
 * averaging so that neither side exceeds a bound: a small working copy for analyses that look at
 * many parts of a picture (crop-robust region hashes).
 *
 * <p>Each source pixel falls into exactly one target pixel (bins of {@code floor(n / m)} or
 * {@code ceil(n / m)} source pixels) and each target pixel is the mean of its bin. The source is
 * read once, row by row, through the same fast paths as {@link PdqHasher}. A picture already within
 * the bound keeps its size. Immutable after construction.
 */
public final class LumaPlane {
    private final int width;
    private final int height;
    private final float[] values;

    private LumaPlane(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /**
     * The luma of {@code image}, area-averaged down so that its longer side is at most
     * {@code maxSide} pixels (aspect ratio kept, each side at least 1).
     *
     * @throws IllegalArgumentException when {@code maxSide} is less than 1
     */
    public static LumaPlane of(BufferedImage image, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide " + maxSide + ": expected 1 or more");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        int[] binX = new int[w];
        for (int x = 0; x < w; x++) {
            binX[x] = (int) ((long) x * tw / w);
        }
        float[] sums = new float[tw * th];
        int[] counts = new int[tw * th];
        float[] row = new float[w];
        LumaRows rows = LumaRows.of(image);
        for (int y = 0; y < h; y++) {
            rows.read(y, row);
            int o = (int) ((long) y * th / h) * tw;
            for (int x = 0; x < w; x++) {
                sums[o + binX[x]] += row[x];
                counts[o + binX[x]]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= counts[i];
        }
        return new LumaPlane(tw, th, sums);
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Luma at column {@code x}, row {@code y} (0..255). */
    public float at(int x, int y) {
        return values[y * width + x];
    }

    /** A copy of all values, row-major ({@code width * height}). */
    public float[] values() {
        return values.clone();
    }
}
