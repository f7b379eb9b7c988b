package org.daleel.media.crop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.daleel.core.InvalidInputException;
import org.daleel.match.Hash256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionIndexTest {
    private static final CropRobustMatcher MATCHER = new CropRobustMatcher();
    private static final BufferedImage BRIDGE = TestPictures.read(TestPictures.image("dih/bridge-1-original.jpg"));
    private static final BufferedImage CROP = Edits.jpeg(Edits.scale(Edits.centredCrop(BRIDGE, 0.2), 0.5), 0.6f);

    @Test
    void entry_ids_hold_the_image_and_the_region() {
        long id = RegionIndex.entryId(123_456_789L, 11);

        assertThat(RegionIndex.imageId(id)).isEqualTo(123_456_789L);
        assertThat(RegionIndex.regionNumber(id)).isEqualTo(11);
        assertThatThrownBy(() -> RegionIndex.entryId(Long.MAX_VALUE / 8, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("image id");
        assertThatThrownBy(() -> RegionIndex.entryId(1, 64)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void skips_flat_regions_and_replaces_a_picture_added_again() {
        try (RegionIndex index = RegionIndex.inMemory()) {
            List<RegionHash> regions = MATCHER.regionHashes(BRIDGE);
            RegionHash flat = new RegionHash(5, regions.get(5).region(), Hash256.ZERO, Hash256.ZERO, 10);
            List<RegionHash> withFlat = new java.util.ArrayList<>(regions);
            withFlat.set(5, flat);

            index.add(1, 1600, 1004, withFlat);
            assertThat(index.size()).isEqualTo(11);
            index.add(1, 1600, 1004, regions);
            assertThat(index.size()).isEqualTo(12);
        }
    }

    @Test
    void a_removed_picture_is_no_longer_matched() {
        try (RegionIndex index = RegionIndex.inMemory()) {
            MATCHER.index(3, BRIDGE, index);
            assertThat(MATCHER.match(CROP, index))
                    .extracting(CropMatch::imageId)
                    .containsExactly(3L);

            assertThat(index.remove(3)).isTrue();

            assertThat(MATCHER.match(CROP, index)).isEmpty();
            assertThat(index.remove(3)).isFalse();
            assertThat(index.size()).isZero();
        }
    }

    @Test
    void persisted_index_matches_after_reopening(@TempDir Path dir) {
        try (RegionIndex index = RegionIndex.open(dir)) {
            MATCHER.index(42, BRIDGE, index);
        }
        try (RegionIndex reopened = RegionIndex.open(dir)) {
            List<CropMatch> matches = MATCHER.match(CROP, reopened);

            assertThat(matches).extracting(CropMatch::imageId).containsExactly(42L);
            // The frame size was kept, so the archived region is reported in fractions of the photo.
            assertThat(matches.get(0).archivedRegion().w()).isLessThanOrEqualTo(0.9);
        }
    }

    @Test
    void region_number_63_is_reserved_for_the_frame_size() {
        try (RegionIndex index = RegionIndex.inMemory()) {
            RegionHash bad = new RegionHash(RegionIndex.FRAME, Region.FULL, Hash256.ZERO, Hash256.ZERO, 100);

            assertThatThrownBy(() -> index.add(1, 10, 10, List.of(bad)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("reserved");
        }
    }
}
