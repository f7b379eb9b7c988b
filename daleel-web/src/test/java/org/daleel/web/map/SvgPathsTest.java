package org.daleel.web.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Path data for one view: clipped to the view plus its margin, simplified, in relative tenths of a pixel. */
class SvgPathsTest {
    // 10 pixels per degree, x = lon * 10, y = (10 - lat) * 10: a 100 x 100 view of lon 0..10, lat 0..10.
    private static final Projection PROJ = new Projection(0, 10, 10, 1);

    private static SvgPaths paths() {
        return new SvgPaths(PROJ, 100, 100, 0.35);
    }

    @Test
    void a_ring_around_the_whole_view_becomes_the_view_plus_its_margin() {
        StringBuilder d = new StringBuilder();

        assertThat(paths().ring(d, new double[] {-50, -50, 60, -50, 60, 60, -50, 60, -50, -50}))
                .isTrue();
        assertThat(d.toString()).as("z closes the ring").isEqualTo("M-4,-4l0,108 108,0 0,-108z");
    }

    @Test
    void a_ring_outside_the_view_or_smaller_than_half_a_pixel_is_left_out() {
        StringBuilder d = new StringBuilder();

        assertThat(paths().ring(d, new double[] {20, 20, 21, 20, 21, 21, 20, 20}))
                .isFalse();
        assertThat(paths().ring(d, new double[] {5, 5, 5.01, 5, 5.01, 5.01, 5, 5}))
                .isFalse();
        assertThat(d).isEmpty();
    }

    @Test
    void points_within_the_tolerance_of_a_straight_line_are_dropped() {
        StringBuilder d = new StringBuilder();

        paths().ring(d, new double[] {1, 1, 5, 1.01, 9, 1, 9, 9, 1, 9, 1, 1});

        assertThat(d.toString()).isEqualTo("M10,90l80,0 0,-80 -80,0 0,80z");
    }

    @Test
    void a_line_leaving_and_reentering_the_view_is_cut_into_its_visible_parts() {
        StringBuilder d = new StringBuilder();

        assertThat(paths().line(d, new double[] {5, 5, 15, 5, 15, 6, 5, 6})).isTrue();

        assertThat(d.toString()).isEqualTo("M50,50l54,0M104,40l-54,0");
        assertThat(paths().meets(new double[] {20, 20, 30, 30})).isFalse();
        assertThat(paths().meets(new double[] {9, 9, 30, 30})).isTrue();
    }

    @Test
    void tenths_are_written_with_at_most_one_decimal() {
        StringBuilder d = new StringBuilder();
        SvgPaths.tenths(d, 123);
        d.append(' ');
        SvgPaths.tenths(d, 120);
        d.append(' ');
        SvgPaths.tenths(d, -5);
        d.append(' ');
        SvgPaths.tenths(d, 0);

        assertThat(d.toString()).isEqualTo("12.3 12 -0.5 0");
    }
}
