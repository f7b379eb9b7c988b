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
    private static final int N = RegionPlane.CELLS;
    private static final int K = 16;

    private final PdqBlockHasher pdq = new PdqBlockHasher();
    private final float[] basis = new float[K * N];
    private final float[] window = new float[N];

    RegionCoder() {
        for (int k = 0; k < K; k++) {
            double f = (k + 1) * 0.5;
            for (int j = 0; j < N; j++) {
                basis[k * N + j] = (float) Math.cos(Math.PI * f * (2 * j + 1) / (2.0 * N));
            }
        }
        for (int j = 0; j < N; j++) {
            window[j] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (j + 0.5) / N));
        }
    }

    PdqHash pdq(float[] block) {
        return pdq.hash(block);
    }

    Hash256 key(float[] block) {
        double mean = 0;
        for (float v : block) {
            mean += v;
        }
        float m = (float) (mean / block.length);
        float[] a = new float[N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                a[y * N + x] = (block[y * N + x] - m) * window[x] * window[y];
            }
        }
        float[] t = new float[K * N];
        for (int i = 0; i < K; i++) {
            for (int y = 0; y < N; y++) {
                float d = basis[i * N + y];
                int ay = y * N;
                int ti = i * N;
                for (int x = 0; x < N; x++) {
                    t[ti + x] += d * a[ay + x];
                }
            }
        }
        float[] c = new float[K * K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                float s = 0;
                for (int x = 0; x < N; x++) {
                    s += t[i * N + x] * basis[j * N + x];
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
