package org.daleel.media.crop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives of both stages on edits of Meta's test photos and of synthetic
 * pictures (a reduced set of {@link CropEvaluation#edits()} to keep the suite fast; the full run is
 * {@link CropEvaluationBenchmark}). The table is written to {@code target/crop-evaluation.md}.
 */
class CropEvaluationTest {
    private static final List<String> EDITS = List.of(
            "resize 60% + JPEG q60",
            "crop 5% centred",
            "crop 12% centred",
            "crop 25% centred",
            "crop 10% off-centre",
            "crop 25% off-centre",
            "crop 20% from one side",
            "Edit2: crop 12%, 50%, caption 8%",
            "mirror + crop 15% off-centre",
            "letterbox, black bars 15%",
            "white frame 8%",
            "screenshot, light theme, photo 80% wide",
            "crop 20% off-centre in a white frame");

    private static final int SYNTHETIC = 12;

    private static CropEvaluation evaluation;
    private static List<CropEvaluation.Outcome> photos;
    private static List<CropEvaluation.Outcome> synthetic;

    @BeforeAll
    static void run() throws IOException {
        List<CropEvaluation.Picture> archive = new ArrayList<>(TestPictures.photos());
        int n = archive.size();
        archive.addAll(TestPictures.synthetic(0, SYNTHETIC));
        evaluation = new CropEvaluation(new CropRobustMatcher(), archive, TestPictures.RELATED);
        List<CropEvaluation.Edit> edits = CropEvaluation.edits().stream()
                .filter(e -> EDITS.contains(e.name()))
                .toList();
        assertThat(edits).hasSize(EDITS.size());
        photos = evaluation.run(edits, 0, n, 1);
        List<CropEvaluation.Edit> few = edits.stream()
                .filter(e -> e.name().contains("25% off-centre") || e.name().startsWith("screenshot"))
                .toList();
        synthetic = evaluation.run(few, n, n + SYNTHETIC, 2);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(
                    target.resolve("crop-evaluation.md"),
                    "## Photos\n\n" + evaluation.table(photos) + "\n## Synthetic pictures\n\n"
                            + evaluation.table(synthetic),
                    StandardCharsets.UTF_8);
        }
    }

    @Test
    void second_stage_finds_at_least_90_percent_of_crops_up_to_25_percent() {
        Map<String, CropEvaluation.Tally> groups = CropEvaluation.byGroup(photos);

        assertThat(groups.get(CropEvaluation.GROUP_CROP).stage2Recall()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void second_stage_finds_at_least_90_percent_of_borders_and_screenshots() {
        Map<String, CropEvaluation.Tally> groups = CropEvaluation.byGroup(photos);

        assertThat(groups.get(CropEvaluation.GROUP_FRAME).stage2Recall()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void second_stage_finds_the_large_crops_that_whole_frame_pdq_misses() {
        Map<String, CropEvaluation.Tally> edits = CropEvaluation.byEdit(photos);

        assertThat(edits.get("crop 12% centred").stage1()).isLessThanOrEqualTo(1);
        assertThat(edits.get("crop 12% centred").stage2()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void no_edit_of_a_photo_matches_a_different_photo() {
        assertThat(photos)
                .allSatisfy(o -> assertThat(o.falsePositiveNames())
                        .as(o.picture() + " / " + o.edit().name())
                        .isEmpty());
    }

    @Test
    void synthetic_pictures_are_found_and_never_confused() {
        assertThat(synthetic)
                .allSatisfy(o -> assertThat(o.falsePositiveNames())
                        .as(o.picture() + " / " + o.edit().name())
                        .isEmpty());
        long found =
                synthetic.stream().filter(CropEvaluation.Outcome::stage2Hit).count();
        assertThat(found).isGreaterThanOrEqualTo((long) Math.ceil(0.9 * synthetic.size()));
    }

    @Test
    void matches_explain_which_regions_agreed() {
        CropEvaluation.Outcome hit = photos.stream()
                .filter(o -> o.stage2Hit() && o.edit().name().equals("crop 25% off-centre"))
                .findFirst()
                .orElseThrow();

        assertThat(hit.stage2().distance()).isBetween(0, 31);
        assertThat(hit.stage2().archivedRegion().w()).isLessThan(1);
        assertThat(hit.stage2().explain())
                .matches("archived region \\d+ \\(.*%\\) matches query region \\(.*\\) at PDQ distance \\d+");
    }
}
