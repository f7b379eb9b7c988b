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

    /** The key's cosines and window sampled at the cell centres of an {@code n x n} block. */
    private static final class Basis {
        final int n;
        final float[] cosines;
        final float[] window;

        Basis(int n) {
            this.n = n;
            cosines = new float[K * n];
            window = new float[n];
            for (int k = 0; k < K; k++) {
                double f = (k + 1) * 0.5;
                for (int j = 0; j < n; j++) {
                    cosines[k * n + j] = (float) Math.cos(Math.PI * f * (2 * j + 1) / (2.0 * n));
                }
            }
            for (int j = 0; j < n; j++) {
                window[j] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (j + 0.5) / n));
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
        Basis b = switch (block.length) {
            case RegionPlane.CELLS * RegionPlane.CELLS -> full;
            case COARSE_CELLS * COARSE_CELLS -> coarse;
            default ->
                throw new IllegalArgumentException("block: expected 64x64 or 32x32 values, found " + block.length);
        };
        int n = b.n;
        double mean = 0;
        for (float v : block) {
            mean += v;
        }
        float m = (float) (mean / block.length);
        float[] a = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                a[y * n + x] = (block[y * n + x] - m) * b.window[x] * b.window[y];
            }
        }
        float[] t = new float[K * n];
        for (int i = 0; i < K; i++) {
            for (int y = 0; y < n; y++) {
                float d = b.cosines[i * n + y];
                int ay = y * n;
                int ti = i * n;
                for (int x = 0; x < n; x++) {
                    t[ti + x] += d * a[ay + x];
                }
            }
        }
        float[] c = new float[K * K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                float s = 0;
                for (int x = 0; x < n; x++) {
                    s += t[i * n + x] * b.cosines[j * n + x];
                }
                c[i * K + j] = s;
            }
        }
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
