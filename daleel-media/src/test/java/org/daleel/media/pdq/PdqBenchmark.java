package org.daleel.media.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.daleel.match.Hash256;

/**
 * Manual measurement, not a test: prints each conformance image's distance to Meta's references
 * and the hash time of the 1600x1004 bridge photo (decoded once, hashed repeatedly).
 *
 * <pre>java -cp target/classes:target/test-classes:$CORE_JAR org.daleel.media.pdq.PdqBenchmark</pre>
 */
public final class PdqBenchmark {
    private PdqBenchmark() {}

    public static void main(String[] args) throws IOException {
        PdqHasher hasher = new PdqHasher();
        Map<String, Map<String, String>> java = ConformanceData.csv("reference-meta-java.csv");
        Map<String, Map<String, String>> cpp = ConformanceData.csv("reference-cpp.csv");
        int maxJava = 0, maxCpp = 0, maxQuality = 0;
        for (String file : java.keySet()) {
            PdqHash h = hasher.hash(ConformanceData.image(file));
            int dj = h.hash().distance(Hash256.fromHex(java.get(file).get("pdq")));
            int q = Math.abs(h.quality() - Integer.parseInt(java.get(file).get("quality")));
            String dc = cpp.containsKey(file)
                    ? String.valueOf(
                            h.hash().distance(Hash256.fromHex(cpp.get(file).get("pdq"))))
                    : "-";
            if (cpp.containsKey(file)) {
                maxCpp = Math.max(maxCpp, Integer.parseInt(dc));
            }
            maxJava = Math.max(maxJava, dj);
            maxQuality = Math.max(maxQuality, q);
            System.out.printf("%-36s java %d  cpp %s  quality %d (diff %d)%n", file, dj, dc, h.quality(), q);
        }
        System.out.printf("max: %d bits from Java, %d from C++, quality diff %d%n", maxJava, maxCpp, maxQuality);

        String[] timed = {
            "bridge-mods/aaa-orig.jpg",
            "labelme-subset/q0003.jpg",
            "misc-images/modes/L.png",
            "misc-images/modes/CMYK.jpg"
        };
        for (String file : timed) {
            Path path = ConformanceData.image(file);
            ImageDecoder decoder = new ImageDecoder();
            long t0 = System.nanoTime();
            BufferedImage image = decoder.decode(path);
            long decode = System.nanoTime() - t0;
            int rounds = file.contains("CMYK") ? 10 : 200;
            double[] times = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                hasher.hash(image);
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(times);
            System.out.printf(
                    "%s %dx%d: first decode %.1f ms, hash median %.2f ms (min %.2f) over %d runs%n",
                    file, image.getWidth(), image.getHeight(), decode / 1e6, times[rounds / 2], times[0], rounds);
        }
    }
}
