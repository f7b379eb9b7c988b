package org.daleel.media.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.daleel.meta.MediaMetadata;
import org.daleel.meta.MetadataTag;
import org.junit.jupiter.api.Test;

class DrewMetadataReaderTest {
    private final DrewMetadataReader reader = new DrewMetadataReader();

    private static byte[] photo() {
        return ExifJpeg.jpeg(
                "Canon",
                "Canon EOS 5D Mark II",
                "Adobe Photoshop 25.0 (Windows)",
                "2016:06:20 08:00:00",
                "2016:06:15 10:30:00",
                33.3128,
                -44.3615,
                34.5);
    }

    @Test
    void reads_camera_dates_software_and_gps_from_exif() {
        MediaMetadata m = reader.read(photo(), "photo.jpg");

        assertThat(m.cameraMake()).isEqualTo("Canon");
        assertThat(m.cameraModel()).isEqualTo("Canon EOS 5D Mark II");
        assertThat(m.camera()).isEqualTo("Canon EOS 5D Mark II");
        assertThat(m.software()).isEqualTo("Adobe Photoshop 25.0 (Windows)");
        assertThat(m.dateTimeOriginal()).isEqualTo("2016:06:15 10:30:00");
        assertThat(m.offsetTimeOriginal()).isEqualTo("+03:00");
        assertThat(m.width()).isEqualTo(64);
        assertThat(m.height()).isEqualTo(48);
        assertThat(m.gps()).hasValueSatisfying(g -> {
            assertThat(g.latitude()).isCloseTo(33.3128, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(g.longitude()).isCloseTo(-44.3615, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(g.altitude()).hasValue(34.5);
            assertThat(g.source()).isEqualTo("EXIF");
        });
        assertThat(m.tags()).contains(new MetadataTag("Exif IFD0", "Make", "Canon"));
        assertThat(m.tags())
                .isSortedAccordingTo(
                        java.util.Comparator.comparing(MetadataTag::directory).thenComparing(MetadataTag::tag));
    }

    @Test
    void assessment_names_the_editor_the_differing_dates_and_the_gps() {
        MediaMetadata m = reader.read(photo(), "photo.jpg");

        assertThat(m.assessment())
                .anySatisfy(n ->
                        assertThat(n).startsWith("edited with Adobe Photoshop").endsWith("(Software tag)"))
                .anySatisfy(n -> assertThat(n).startsWith("EXIF dates differ"))
                .anySatisfy(n -> assertThat(n).startsWith("GPS present: 33.312800, -44.361500"))
                .noneSatisfy(n -> assertThat(n).contains("stripped"));
    }

    @Test
    void camera_picture_without_an_editor_is_not_called_edited() {
        byte[] jpeg = ExifJpeg.jpeg(
                "Apple", "iPhone 12", "15.4.1", "2021:03:01 12:00:00", "2021:03:01 12:00:00", 36.2, 37.1, 400);

        MediaMetadata m = reader.read(jpeg, "IMG_0001.JPG");

        assertThat(m.camera()).isEqualTo("Apple iPhone 12");
        assertThat(m.assessment())
                .noneSatisfy(n -> assertThat(n).startsWith("edited"))
                .noneSatisfy(n -> assertThat(n).startsWith("EXIF dates differ"));
    }

    @Test
    void png_without_metadata_is_assessed_as_stripped() {
        MediaMetadata m = reader.read(ExifJpeg.png(), "screenshot.png");

        assertThat(m.camera()).isEmpty();
        assertThat(m.gps()).isEmpty();
        assertThat(m.width()).isEqualTo(64);
        assertThat(m.height()).isEqualTo(48);
        assertThat(m.assessment()).anySatisfy(n -> assertThat(n).startsWith("no EXIF at all (metadata stripped"));
    }

    @Test
    void bad_input_never_throws() {
        assertThat(reader.read(new byte[0], "empty.jpg")).isEqualTo(MediaMetadata.empty());
        assertThat(reader.read("not a picture".getBytes(StandardCharsets.UTF_8), "x.txt")
                        .assessment())
                .anySatisfy(n -> assertThat(n).startsWith("metadata not read"));
        byte[] photo = photo();
        for (int cut = 4; cut < 400; cut += 7) {
            MediaMetadata m = reader.read(Arrays.copyOf(photo, cut), "cut.jpg");
            assertThat(m).isNotNull();
        }
        byte[] flipped = photo.clone();
        for (int i = 30; i < 300; i += 13) {
            flipped[i] ^= (byte) 0x5A;
        }
        assertThat(reader.read(flipped, "flipped.jpg")).isNotNull();
    }

    @Test
    void long_values_are_cut_and_tags_are_bounded() {
        String longModel = "M".repeat(2000);
        byte[] jpeg = ExifJpeg.jpeg("Maker", longModel, "", "", "", 1, 1, 0);

        MediaMetadata m = reader.read(jpeg, "long.jpg");

        assertThat(m.tags()).allSatisfy(t -> assertThat(t.value()).hasSizeLessThanOrEqualTo(500));
        assertThat(m.tags()).hasSizeLessThanOrEqualTo(MediaMetadata.MAX_TAGS);
    }
}
