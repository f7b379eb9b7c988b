package org.daleel.media.pdq;

/**
 * PDQ's blur-and-decimate step: the luma image filtered by two passes of a box filter along rows
 * and two along columns (Jarosz, "Fast Image Convolutions", SIGGRAPH 2001: repeated box filters
 * approximate a tent), then sampled at the centres of a 64x64 grid (PDQ hashing.pdf, section on
 * downsampling).
 *
 * <p>Window sizes follow Meta's reference: {@code ceil(dimension / 128)} per pass, so two passes
 * cover about 1/64 of the dimension, one output cell. A box of window {@code w} at index {@code i}
 * averages indices {@code i - (w - h) .. i + h - 1} with {@code h = (w + 2) / 2}, clipped to the image
 * and divided by the number of samples inside it. Output cell {@code s} samples input index
 * {@code floor((s + 0.5) * n / 64)}.
 *
 * <p>Only the 64x64 samples are needed, so rather than filtering every pixel four times this
 * computes, per dimension, the combined weights of the two box passes for each of the 64 sample
 * positions (at most {@code 2w - 1} taps), and streams the image once: each luma row is reduced to
 * 64 horizontal samples and added, weighted, into the sample rows whose vertical taps include it.
 * In exact arithmetic this equals the reference's full-image filter (the passes are linear and
 * separable); in float it differs from Meta's running sums only in rounding, of the order of 1e-5.
 */
final class JaroszDownsampler {
    static final int SIZE = 64;

    /** Meta's PDQ_JAROSZ_WINDOW_SIZE_DIVISOR: 64 cells, two passes. */
    private static final int WINDOW_DIVISOR = 128;

    private JaroszDownsampler() {}

    /** One box-pass window size (rounded up) for a dimension of {@code n} pixels. */
    static int windowSize(int n) {
        return (n + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
    }

    /** Input index sampled by output cell {@code s} of 64 along a dimension of {@code n}. */
    static int sampleIndex(int s, int n) {
        return (int) (((s + 0.5) * n) / SIZE);
    }

    /** Combined weights of two box passes at the 64 sample positions of one dimension. */
    record Taps(int[] start, float[][] weights) {

        static Taps of(int n) {
            int w = windowSize(n);
            int[] start = new int[SIZE];
            float[][] weights = new float[SIZE][];
            double[] acc = new double[n];
            for (int s = 0; s < SIZE; s++) {
                int c = sampleIndex(s, n);
                int lo = Integer.MAX_VALUE;
                int hi = -1;
                int jLo = boxLo(c, w), jHi = boxHi(c, w, n);
                for (int j = jLo; j <= jHi; j++) {
                    double outer = 1.0 / (jHi - jLo + 1);
                    int kLo = boxLo(j, w), kHi = boxHi(j, w, n);
                    double inner = outer / (kHi - kLo + 1);
                    for (int k = kLo; k <= kHi; k++) {
                        acc[k] += inner;
                    }
                    lo = Math.min(lo, kLo);
                    hi = Math.max(hi, kHi);
                }
                start[s] = lo;
                weights[s] = new float[hi - lo + 1];
                for (int k = lo; k <= hi; k++) {
                    weights[s][k - lo] = (float) acc[k];
                    acc[k] = 0;
                }
            }
            return new Taps(start, weights);
        }

        private static int boxLo(int i, int w) {
            int half = (w + 2) / 2;
            return Math.max(0, i - (w - half));
        }

        private static int boxHi(int i, int w, int n) {
            int half = (w + 2) / 2;
            return Math.min(n - 1, i + half - 1);
        }
    }

    /**
     * Filters and decimates the image to 64x64 luma, row-major.
     *
     * @param rows luma source, read once per row that any sample depends on
     * @param height number of rows
     */
    static float[] downsample(LumaRows rows, int height) {
        int width = rows.width;
        Taps across = Taps.of(width);
        Taps down = Taps.of(height);
        float[] out = new float[SIZE * SIZE];
        float[] luma = new float[width];
        float[] reduced = new float[SIZE];
        int first = 0; // lowest sample row whose taps may still include the current row
        for (int y = down.start[0]; y < height && first < SIZE; y++) {
            while (first < SIZE && down.start[first] + down.weights[first].length <= y) {
                first++;
            }
            if (first == SIZE || down.start[first] > y) {
                continue; // no sample row uses this row
            }
            rows.read(y, luma);
            reduce(luma, across, reduced);
            for (int s = first; s < SIZE && down.start[s] <= y; s++) {
                float[] wv = down.weights[s];
                int t = y - down.start[s];
                if (t < wv.length) {
                    float weight = wv[t];
                    int o = s * SIZE;
                    for (int x = 0; x < SIZE; x++) {
                        out[o + x] += weight * reduced[x];
                    }
                }
            }
        }
        return out;
    }

    private static void reduce(float[] luma, Taps across, float[] reduced) {
        for (int x = 0; x < SIZE; x++) {
            float[] w = across.weights[x];
            int o = across.start[x];
            float sum = 0f;
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * luma[o + k];
            }
            reduced[x] = sum;
        }
    }
}
