package org.daleel.media.crop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void rejects_rectangles_outside_the_frame_or_empty() {
        assertThatThrownBy(() -> new Region(0.5, 0, 0.6, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside 0..1");
        assertThatThrownBy(() -> new Region(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Region(-0.1, 0, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void composes_a_part_of_a_part() {
        Region half = new Region(0.5, 0, 0.5, 1);

        Region quarter = half.compose(new Region(0.5, 0.5, 0.5, 0.5));

        assertThat(quarter.x()).isEqualTo(0.75);
        assertThat(quarter.y()).isEqualTo(0.5);
        assertThat(quarter.w()).isEqualTo(0.25);
        assertThat(quarter.h()).isEqualTo(0.5);
    }

    @Test
    void anchored_windows_split_the_free_space() {
        assertThat(Region.anchored(0.8, 0.6, 0, 1)).isEqualTo(new Region(0, 0.4, 0.8, 0.6));
        assertThat(Region.anchored(0.5, 0.5, 0.5, 0.5)).isEqualTo(new Region(0.25, 0.25, 0.5, 0.5));
    }

    @Test
    void percent_is_short_and_readable() {
        assertThat(new Region(0.125, 0, 0.75, 1).percent()).isEqualTo("12.5,0,75,100");
        assertThat(Region.FULL.isFull()).isTrue();
    }
}
