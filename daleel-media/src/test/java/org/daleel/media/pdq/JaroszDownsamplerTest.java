package org.daleel.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The streamed 64-sample computation against a plain full-image implementation of the filter as
 * the PDQ description states it: box passes along rows, columns, rows, columns over every pixel,
 * then decimation.
 */
class JaroszDownsamplerTest {

    @Property(tries = 60)
    void streamed_samples_equal_the_full_image_filter(
            @ForAll @IntRange(min = 1, max = 700) int width,
            @ForAll @IntRange(min = 1, max = 700) int height,
            @ForAll long seed) {
        BufferedImage image = noise(width, height, seed);

        float[] fast = JaroszDownsampler.downsample(LumaRows.of(image), height);
        float[] reference = fullImageFilter(image);

        for (int i = 0; i < fast.length; i++) {
            assertThat(fast[i]).as("cell %d of %dx%d", i, width, height).isCloseTo(reference[i], offset(0.01f));
        }
    }

    @Test
    void window_sizes_round_up_a_128th_of_the_dimension() {
        assertThat(JaroszDownsampler.windowSize(1)).isEqualTo(1);
        assertThat(JaroszDownsampler.windowSize(128)).isEqualTo(1);
        assertThat(JaroszDownsampler.windowSize(129)).isEqualTo(2);
        assertThat(JaroszDownsampler.windowSize(1004)).isEqualTo(8);
        assertThat(JaroszDownsampler.windowSize(1600)).isEqualTo(13);
    }

    @Test
    void combined_weights_sum_to_one() {
        for (int n : new int[] {1, 2, 63, 64, 65, 128, 129, 1004, 1600, 4032}) {
            JaroszDownsampler.Taps taps = JaroszDownsampler.Taps.of(n);
            for (float[] w : taps.weights()) {
                double sum = 0;
                for (float v : w) {
                    sum += v;
                }
                assertThat(sum).as("n=%d", n).isCloseTo(1.0, offset(1e-5));
            }
        }
    }

    private static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        // Smooth gradient plus noise, so both low and high frequencies matter.
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = (x * 255 / width + y * 128 / height) / 2;
                int v = Math.min(255, base + random.nextInt(64));
                image.setRGB(x, y, (v << 16) | (random.nextInt(256) << 8) | (255 - v));
            }
        }
        return image;
    }

    /** Straightforward reference: every pixel, every pass, in double. */
    static float[] fullImageFilter(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        double[] a = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y * w + x] = LumaRows.luma(image.getRGB(x, y));
            }
        }
        int windowAlongRows = JaroszDownsampler.windowSize(w);
        int windowAlongColumns = JaroszDownsampler.windowSize(h);
        for (int pass = 0; pass < 2; pass++) {
            a = box(a, w, h, windowAlongRows, true);
            a = box(a, w, h, windowAlongColumns, false);
        }
        float[] out = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            int y = JaroszDownsampler.sampleIndex(i, h);
            for (int j = 0; j < 64; j++) {
                out[i * 64 + j] = (float) a[y * w + JaroszDownsampler.sampleIndex(j, w)];
            }
        }
        return out;
    }

    /** Mean over indices i - (window - half) .. i + half - 1, clipped, half = (window + 2) / 2. */
    private static double[] box(double[] in, int w, int h, int window, boolean alongRows) {
        double[] out = new double[in.length];
        int half = (window + 2) / 2;
        int n = alongRows ? w : h;
        for (int line = 0; line < (alongRows ? h : w); line++) {
            for (int i = 0; i < n; i++) {
                int lo = Math.max(0, i - (window - half));
                int hi = Math.min(n - 1, i + half - 1);
                double sum = 0;
                for (int k = lo; k <= hi; k++) {
                    sum += alongRows ? in[line * w + k] : in[k * w + line];
                }
                out[alongRows ? line * w + i : i * w + line] = sum / (hi - lo + 1);
            }
        }
        return out;
    }
}
