package org.daleel.media.crop;

import java.util.Arrays;
import org.daleel.match.Hash256;
import org.daleel.media.pdq.PdqBlockHasher;
import org.daleel.media.pdq.PdqHash;

/**
 * The two codes of a region's 64x64 luma block.
 *
 * <ul>
 *   <li>The <em>PDQ code</em>: PDQ's own frequency stage ({@link PdqBlockHasher}) on the block, so
 *       its distances read like PDQ's (31 bits is Meta's match threshold). It needs the region to
 *       be aligned within about half a percent of its size.
 *   <li>The <em>key</em>: a coarser 256-bit code that tolerates about three times more
 *       misalignment, used only to find candidates in the index. The block minus its mean is
 *       weighted by a raised-cosine (Hann) window, so content near the region's edges (where crops
 *       and caption bars act) counts little, and projected on cosines of half PDQ's frequencies
 *       ({@code 0.5 .. 8} cycles per region in steps of 0.5, each way); each of the 256 products
 *       gives one bit, set when it exceeds their median.
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class RegionCoder {
    /** Cells a side of the coarse block that query windows are keyed from. */
    static final int COARSE_CELLS = 32;

    private static final int K = 16;

    private final PdqBlockHasher pdq = new PdqBlockHasher();
    private final Basis full = new Basis(RegionPlane.CELLS);
    private final Basis coarse = new Basis(COARSE_CELLS);

    /**
     * The key's cosines sampled at the cell centres of an {@code n x n} block, each weighted by the
     * window ({@code weighted}), also in mirrored order ({@code mirrored}: cell {@code n - 1 - j}).
     */
    private static final class Basis {
        final int n;
        final float[] weighted;
        final float[] mirrored;

        Basis(int n) {
            this.n = n;
            weighted = new float[K * n];
            mirrored = new float[K * n];
            for (int k = 0; k < K; k++) {
                double f = (k + 1) * 0.5;
                for (int j = 0; j < n; j++) {
                    double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * (j + 0.5) / n);
                    double v = Math.cos(Math.PI * f * (2 * j + 1) / (2.0 * n)) * window;
                    weighted[k * n + j] = (float) v;
                    mirrored[k * n + n - 1 - j] = (float) v;
                }
            }
        }
    }

    /**
     * PDQ's quality measure (the sum of absolute differences of neighbouring cells, hashing.pdf) on
     * a {@value #COARSE_CELLS}x{@value #COARSE_CELLS} block, scaled to read like PDQ's quality of
     * the 64x64 block of the same region: a cell step there is twice as large and there are about
     * half as many steps in all. Used only to skip flat query windows.
     */
    static int coarseQuality(float[] block) {
        int n = COARSE_CELLS;
        if (block.length != n * n) {
            throw new IllegalArgumentException("coarse block: expected " + n * n + " values, found " + block.length);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float v = block[i * n + j];
                if (i + 1 < n) {
                    sum += Math.abs(v - block[(i + 1) * n + j]);
                }
                if (j + 1 < n) {
                    sum += Math.abs(v - block[i * n + j + 1]);
                }
            }
        }
        double steps64 = 2.0 * 63 * 64;
        double steps32 = 2.0 * 31 * 32;
        double asIf64 = sum * 100 / 255 / 2 * (steps64 / steps32);
        return (int) Math.min(100, asIf64 / 90);
    }

    PdqHash pdq(float[] block) {
        return pdq.hash(block);
    }

    /**
     * The key of a 64x64 block (archive regions, alignment) or of a {@value #COARSE_CELLS}-cell
     * block (query windows: the same cosines sampled at the coarser cells, a few bits off).
     */
    Hash256 key(float[] block) {
        Basis b = basis(block);
        return bits(columns(rows(block, b), b, b.weighted));
    }

    /**
     * The keys of a block and of its mirror image (left and right swapped), sharing the first half
     * of the work: the vertical transform does not change under a horizontal mirror, only the
     * horizontal cosines are read backwards. Index 0 is the block's key, index 1 the mirror's.
     */
    Hash256[] keyAndMirror(float[] block) {
        Basis b = basis(block);
        float[] t = rows(block, b);
        return new Hash256[] {bits(columns(t, b, b.weighted)), bits(columns(t, b, b.mirrored))};
    }

    private Basis basis(float[] block) {
        return switch (block.length) {
            case RegionPlane.CELLS * RegionPlane.CELLS -> full;
            case COARSE_CELLS * COARSE_CELLS -> coarse;
            default ->
                throw new IllegalArgumentException("block: expected 64x64 or 32x32 values, found " + block.length);
        };
    }

    private static double mean(float[] block) {
        double sum = 0;
        for (float v : block) {
            sum += v;
        }
        return sum / block.length;
    }

    /** {@code t[i][x]}: the windowed cosine {@code i} down each column {@code x} of the block minus its mean. */
    private static float[] rows(float[] block, Basis b) {
        int n = b.n;
        float m = (float) mean(block);
        float[] t = new float[K * n];
        for (int i = 0; i < K; i++) {
            int ti = i * n;
            for (int y = 0; y < n; y++) {
                float d = b.weighted[ti + y];
                int by = y * n;
                for (int x = 0; x < n; x++) {
                    t[ti + x] += d * (block[by + x] - m);
                }
            }
        }
        return t;
    }

    /** The 16x16 products with the windowed cosines across ({@code across}). */
    private static float[] columns(float[] t, Basis b, float[] across) {
        int n = b.n;
        float[] c = new float[K * K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                float s = 0;
                for (int x = 0; x < n; x++) {
                    s += t[i * n + x] * across[j * n + x];
                }
                c[i * K + j] = s;
            }
        }
        return c;
    }

    private static Hash256 bits(float[] c) {
        float[] sorted = c.clone();
        Arrays.sort(sorted);
        float median = sorted[K * K / 2 - 1];
        long[] words = new long[4];
        for (int k = 0; k < K * K; k++) {
            if (c[k] > median) {
                words[3 - (k >>> 6)] |= 1L << (k & 63);
            }
        }
        return Hash256.ofWords(words, 0);
    }
}
