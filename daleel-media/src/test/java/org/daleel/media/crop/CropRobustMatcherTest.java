package org.daleel.media.crop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CropRobustMatcherTest {
    private static final CropRobustMatcher MATCHER = new CropRobustMatcher();
    private static final BufferedImage BRIDGE = TestPictures.read(TestPictures.image("dih/bridge-1-original.jpg"));
    private static final BufferedImage PEN = TestPictures.read(TestPictures.image("pen-and-coaster.png"));
    private static final BufferedImage LAKE = TestPictures.read(TestPictures.image("labelme-subset/q2821.jpg"));
    private static RegionIndex index;

    @BeforeAll
    static void archive() {
        index = RegionIndex.inMemory();
        MATCHER.index(1, BRIDGE, index);
        MATCHER.index(2, PEN, index);
    }

    @Test
    void computes_twelve_numbered_regions_starting_with_the_whole_frame() {
        List<RegionHash> regions = MATCHER.regionHashes(BRIDGE);

        assertThat(regions).hasSize(12);
        assertThat(regions.get(0).region()).isEqualTo(Region.FULL);
        assertThat(regions).extracting(RegionHash::number).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(regions).allSatisfy(r -> assertThat(r.quality()).isGreaterThanOrEqualTo(50));
        // The centre square of a 1600x1004 photo: half its height on each side, in the middle.
        Region centre = regions.get(7).region();
        assertThat(centre.h()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(centre.w()).isCloseTo(502 / 1600.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void a_picture_that_is_not_archived_matches_nothing() {
        assertThat(MATCHER.match(LAKE, index)).isEmpty();
        assertThat(MATCHER.match(Edits.centredCrop(LAKE, 0.2), index)).isEmpty();
    }

    @Test
    void finds_the_archived_crop_when_the_query_is_the_whole_photo() {
        try (RegionIndex crops = RegionIndex.inMemory()) {
            MATCHER.index(9, Edits.jpeg(Edits.crop(BRIDGE, new Region(0.05, 0.1, 0.8, 0.85)), 0.7f), crops);

            assertThat(MATCHER.match(BRIDGE, crops))
                    .extracting(CropMatch::imageId)
                    .containsExactly(9L);
        }
    }

    @Test
    void reports_a_mirrored_crop_as_mirrored() {
        BufferedImage query = Edits.jpeg(Edits.mirror(Edits.crop(BRIDGE, Region.anchored(0.8, 0.8, 0.2, 0.6))), 0.7f);

        List<CropMatch> matches = MATCHER.match(query, index);

        assertThat(matches).extracting(CropMatch::imageId).containsExactly(1L);
        assertThat(matches.get(0).mirrored()).isTrue();
        assertThat(matches.get(0).explain()).contains("mirrored");
    }

    @Test
    void without_mirroring_a_mirrored_crop_is_not_found() {
        CropRobustMatcher plain = new CropRobustMatcher(new CropRobustMatcher.Settings(31, 34, 50, 48, false));
        BufferedImage query = Edits.jpeg(Edits.mirror(Edits.crop(BRIDGE, Region.anchored(0.8, 0.8, 0.2, 0.6))), 0.7f);

        assertThat(plain.match(query, index)).isEmpty();
    }

    @Test
    void concurrent_queries_give_the_same_answers_as_one_at_a_time() throws Exception {
        List<BufferedImage> queries =
                List.of(Edits.centredCrop(BRIDGE, 0.15), Edits.centredCrop(PEN, 0.2), LAKE, Edits.scale(PEN, 0.5));
        List<List<CropMatch>> expected = new ArrayList<>();
        for (BufferedImage q : queries) {
            expected.add(MATCHER.match(q, index));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<CropMatch>>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (BufferedImage q : queries) {
                    futures.add(pool.submit(() -> MATCHER.match(q, index)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % queries.size()));
            }
        } finally {
            pool.shutdown();
        }
    }
}
