package org.daleel.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MediaMetadataTest {
    private static MediaMetadata withTags(List<MetadataTag> tags) {
        return new MediaMetadata("", "", "", "", "", "", Optional.empty(), 0, 0, 0, tags, List.of());
    }

    @Test
    void tags_are_sorted_bounded_and_values_cut() {
        List<MetadataTag> tags = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            tags.add(new MetadataTag("Exif IFD0", String.format("T%04d", 799 - i), "v".repeat(i)));
        }

        MediaMetadata m = withTags(tags);

        assertThat(m.tags()).hasSize(MediaMetadata.MAX_TAGS);
        assertThat(m.tags().get(0).tag()).isEqualTo("T0000");
        assertThat(m.tags()).allSatisfy(t -> assertThat(t.value()).hasSizeLessThanOrEqualTo(500));
    }

    @Test
    void camera_label_does_not_repeat_the_make() {
        MediaMetadata canon = new MediaMetadata(
                "Canon", "Canon EOS 5D", "", "", "", "", Optional.empty(), 0, 0, 0, List.of(), List.of());
        MediaMetadata apple = new MediaMetadata(
                "Apple", "iPhone 12", "", "", "", "", Optional.empty(), 0, 0, 0, List.of(), List.of());

        assertThat(canon.camera()).isEqualTo("Canon EOS 5D");
        assertThat(apple.camera()).isEqualTo("Apple iPhone 12");
        assertThat(MediaMetadata.empty().camera()).isEmpty();
    }

    @Test
    void empty_metadata_is_empty_and_the_none_reader_returns_it() {
        assertThat(MediaMetadata.empty().isEmpty()).isTrue();
        assertThat(MediaMetadataReader.none().read(new byte[] {1, 2, 3}, "x.jpg"))
                .isEqualTo(MediaMetadata.empty());
    }

    @Test
    void gps_position_out_of_range_is_rejected() {
        assertThatThrownBy(() -> new GpsPosition(91, 0, OptionalDouble.empty(), "EXIF"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latitude");
        assertThatThrownBy(() -> new GpsPosition(0, Double.NaN, OptionalDouble.empty(), "EXIF"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
