package org.daleel.media.pdq;

import java.util.Arrays;
import org.daleel.match.Hash256;

/**
 * PDQ's frequency step: the 16x16 low-frequency block of the 2-D DCT-II of the 64x64 luma, its
 * median threshold to 256 bits, and the image-domain quality metric (PDQ hashing.pdf).
 *
 * <p>The DCT matrix is Meta's: {@code D[i][j] = sqrt(2/64) cos(pi/128 (i + 1)(2j + 1))} for
 * {@code i} in 0..15, {@code j} in 0..63, i.e. DCT-II rows 1..16 (the DC row 0 is skipped), and the
 * block is {@code D A D^T}, summed in float in the same order as Meta's reference. Immutable and
 * thread-safe.
 */
final class PdqDct {
    static final int N = JaroszDownsampler.SIZE;
    static final int K = 16;

    private final float[] matrix = new float[K * N];

    PdqDct() {
        // Meta computes the scale in float and the product in double, then rounds to float.
        float scale = (float) Math.sqrt(2.0 / 64.0);
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < N; j++) {
                matrix[i * N + j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
    }

    /** The 16x16 block {@code D A D^T} of a row-major 64x64 input, row-major. */
    float[] transform(float[] a) {
        float[] t = new float[K * N];
        for (int i = 0; i < K; i++) {
            int ti = i * N;
            for (int k = 0; k < N; k++) {
                float d = matrix[i * N + k];
                int ak = k * N;
                for (int j = 0; j < N; j++) {
                    t[ti + j] += d * a[ak + j];
                }
            }
        }
        float[] b = new float[K * K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                float sum = 0f;
                for (int k = 0; k < N; k++) {
                    sum += t[i * N + k] * matrix[j * N + k];
                }
                b[i * K + j] = sum;
            }
        }
        return b;
    }

    /**
     * One bit per coefficient: set when it exceeds the median (the 128th smallest of the 256), so
     * about half the bits are set. Bit {@code 16 * row + col} of the hash is coefficient
     * {@code (row, col)}.
     */
    static Hash256 bits(float[] block) {
        float[] sorted = block.clone();
        Arrays.sort(sorted);
        float median = sorted[K * K / 2 - 1];
        long[] words = new long[4];
        for (int k = 0; k < K * K; k++) {
            if (block[k] > median) {
                words[3 - (k >>> 6)] |= 1L << (k & 63);
            }
        }
        return Hash256.ofWords(words, 0);
    }

    /** The block as seen after a dihedral transform of the picture. */
    static float[] transformed(float[] block, Dihedral d) {
        float[] out = new float[K * K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                float v = block[i * K + j];
                boolean negate = (d.negateOddRows && (i & 1) == 0) ^ (d.negateOddColumns && (j & 1) == 0);
                out[d.transpose ? j * K + i : i * K + j] = negate ? -v : v;
            }
        }
        return out;
    }

    /**
     * Image-domain quality: the sum over neighbouring cells of the 64x64 luma of
     * {@code |trunc((u - v) * 100 / 255)|}, divided by 90 and capped at 100. Truncation keeps only
     * significant gradients; the constants are Meta's heuristic.
     */
    static int quality(float[] a) {
        int gradientSum = 0;
        for (int i = 0; i < N - 1; i++) {
            for (int j = 0; j < N; j++) {
                gradientSum += Math.abs((int) (((a[i * N + j] - a[(i + 1) * N + j]) * 100) / 255));
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N - 1; j++) {
                gradientSum += Math.abs((int) (((a[i * N + j] - a[i * N + j + 1]) * 100) / 255));
            }
        }
        return Math.min(100, gradientSum / 90);
    }
}
