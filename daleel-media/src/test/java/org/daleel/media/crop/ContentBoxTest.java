package org.daleel.media.crop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.daleel.media.pdq.LumaPlane;
import org.junit.jupiter.api.Test;

class ContentBoxTest {
    private static final BufferedImage BRIDGE = TestPictures.read(TestPictures.image("dih/bridge-1-original.jpg"));

    private static Optional<Region> box(BufferedImage image) {
        return ContentBox.of(RegionPlane.of(LumaPlane.of(image, CropRobustMatcher.WORKING_SIZE)));
    }

    @Test
    void finds_the_photo_between_letterbox_bars() {
        BufferedImage letterbox = Edits.jpeg(Edits.border(BRIDGE, Color.BLACK, 0, 0.2, 0, 0.2), 0.7f);

        Region r = box(letterbox).orElseThrow();

        // The photo spans 1004 of 1404 rows, starting at row 200.
        assertThat(r.y()).isCloseTo(200 / 1404.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.h()).isCloseTo(1004 / 1404.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.x()).isZero();
    }

    @Test
    void finds_the_photo_in_a_screenshot_with_text_above_and_below() {
        BufferedImage shot = Edits.screenshot(BRIDGE, 0.8, false, 1);
        int top = 56 + 70 + 3 * 26;
        int pw = (int) (720 * 0.8);
        int ph = (int) Math.round(1004 * (pw / 1600.0));

        Region r = box(shot).orElseThrow();

        assertThat(r.y() * shot.getHeight()).isCloseTo(top, org.assertj.core.data.Offset.offset(3.0));
        assertThat(r.h() * shot.getHeight()).isCloseTo(ph, org.assertj.core.data.Offset.offset(4.0));
        assertThat(r.w() * shot.getWidth()).isCloseTo(pw, org.assertj.core.data.Offset.offset(4.0));
    }

    @Test
    void leaves_a_photo_without_borders_alone() {
        assertThat(box(BRIDGE)).isEmpty();
    }
}
