package org.daleel.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

    @Test
    void refuses_an_image_over_the_pixel_limit_naming_the_file() {
        Path bridge = ConformanceData.image("dih/bridge-1-original.jpg");

        assertThatThrownBy(() -> new ImageDecoder(1_000_000).decode(bridge))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(bridge.toString())
                .hasMessageContaining("1600x1004")
                .hasMessageContaining("megapixels");
    }

    @Test
    void refuses_a_tiny_file_claiming_huge_dimensions_before_decoding(@TempDir Path dir) throws IOException {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngHeader(200_000, 200_000));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new PdqHasher().hash(bomb))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bomb.png")
                .hasMessageContaining("200000x200000");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5.0);
    }

    @Test
    void a_file_that_is_not_an_image_is_invalid_input(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "not an image at all");

        assertThatThrownBy(() -> new ImageDecoder().decode(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("notes.jpg");
    }

    @Test
    void a_truncated_png_is_invalid_input(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("cut.png");
        Files.write(cut, pngHeader(64, 64));

        assertThatThrownBy(() -> new ImageDecoder().decode(cut))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cut.png");
    }

    @Test
    void a_missing_file_is_invalid_input(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jpg");

        assertThatThrownBy(() -> new ImageDecoder().decode(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing.jpg");
    }

    @Test
    void every_conformance_image_decodes_including_cmyk_jpeg() throws IOException {
        ImageDecoder decoder = new ImageDecoder();
        for (String file : ConformanceData.javaReferenceFiles()) {
            assertThat(decoder.decode(ConformanceData.image(file)).getWidth())
                    .as(file)
                    .isPositive();
        }
    }

    /** PNG signature and IHDR (8-bit RGB) only: valid dimensions, no pixel data. */
    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.write("IHDR".getBytes(StandardCharsets.US_ASCII));
        c.writeInt(width);
        c.writeInt(height);
        c.write(new byte[] {8, 2, 0, 0, 0});
        byte[] body = chunk.toByteArray();
        data.writeInt(body.length - 4);
        data.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        data.writeInt((int) crc.getValue());
        return out.toByteArray();
    }
}
