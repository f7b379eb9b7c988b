package org.daleel.media.crop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.daleel.media.pdq.PdqHasher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance scenario of the media issue: the shared {@code Edit2.java} (copied into test
 * resources, run as a source-file program in a child JVM exactly as the acceptance script does)
 * makes a recycled copy and a 12% crop of Meta's bridge photo.
 */
class Edit2AcceptanceTest {
    private static final Path BRIDGE = TestPictures.image("dih/bridge-1-original.jpg");
    private static final CropRobustMatcher MATCHER = new CropRobustMatcher();
    private static final PdqHasher PDQ = new PdqHasher();
    private static RegionIndex index;

    @BeforeAll
    static void archive_the_bridge_photo_and_a_distractor() {
        index = RegionIndex.inMemory();
        MATCHER.index(7, TestPictures.read(BRIDGE), index);
        MATCHER.index(8, TestPictures.read(TestPictures.image("pen-and-coaster.png")), index);
    }

    @Test
    void twelve_percent_crop_at_half_size_with_caption_matches_the_original(@TempDir Path dir) throws Exception {
        BufferedImage cropped = edit2(dir, "cropped.jpg", "0.12", "0.5", "0.08");

        List<CropMatch> matches = MATCHER.match(cropped, index);

        assertThat(matches).extracting(CropMatch::imageId).containsExactly(7L);
        assertThat(matches.get(0).distance()).isLessThanOrEqualTo(31);
        assertThat(matches.get(0).explain()).contains("archived region").contains("PDQ distance");
        // Whole-frame PDQ alone misses it: this is what the second stage is for.
        int pdqDistance = PDQ.hash(BRIDGE).hash().distance(PDQ.hash(cropped).hash());
        assertThat(pdqDistance).isGreaterThan(31);
    }

    @Test
    void recycled_copy_with_two_percent_crop_matches_both_stages(@TempDir Path dir) throws Exception {
        BufferedImage aleppo = edit2(dir, "aleppo.jpg", "0.02", "0.6", "0.06");

        assertThat(MATCHER.match(aleppo, index)).extracting(CropMatch::imageId).containsExactly(7L);
        assertThat(PDQ.hash(BRIDGE).hash().distance(PDQ.hash(aleppo).hash())).isLessThanOrEqualTo(31);
    }

    /** Runs Edit2.java in a child JVM (the running one's {@code java}) and decodes its output. */
    private static BufferedImage edit2(Path dir, String name, String crop, String scale, String caption)
            throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-Djava.awt.headless=true",
                        TestPictures.resource("/acceptance/Edit2.java").toString(),
                        BRIDGE.toString(),
                        out.toString(),
                        crop,
                        scale,
                        caption)
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("Edit2 finished").isTrue();
        assertThat(p.exitValue()).as("Edit2 exit status; output: %s", log).isZero();
        return TestPictures.read(out);
    }
}
