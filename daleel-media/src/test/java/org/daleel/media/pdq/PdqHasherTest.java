package org.daleel.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.daleel.match.Hash256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdqHasherTest {
    private static final PdqHasher HASHER = new PdqHasher();
    private static final Path BRIDGE = ConformanceData.image("dih/bridge-1-original.jpg");

    @Test
    void hex_is_64_lowercase_digits_and_round_trips() throws IOException {
        Hash256 hash = HASHER.hash(BRIDGE).hash();

        assertThat(hash.toHex()).matches("[0-9a-f]{64}");
        assertThat(Hash256.fromHex(hash.toHex())).isEqualTo(hash);
        // The median threshold sets the bits of the 128 largest of 256 distinct coefficients.
        assertThat(hash.bitCount()).isEqualTo(128);
    }

    @Test
    void recycled_copy_cropped_scaled_captioned_and_recompressed_stays_within_31_bits(@TempDir Path dir)
            throws IOException {
        BufferedImage original = ImageIO.read(BRIDGE.toFile());
        Path copy = dir.resolve("aleppo.jpg");
        writeJpeg(edit(original, 0.02, 0.6, 0.06), copy, 0.6f);

        int distance = HASHER.hash(BRIDGE).hash().distance(HASHER.hash(copy).hash());

        assertThat(distance).isLessThanOrEqualTo(31);
    }

    @Test
    void different_photos_are_far_apart() throws IOException {
        Hash256 bridge = HASHER.hash(BRIDGE).hash();
        Hash256 pen = HASHER.hash(ConformanceData.image("pen-and-coaster.png")).hash();

        assertThat(bridge.distance(pen)).isGreaterThan(80);
    }

    @Test
    void flat_image_has_quality_zero_and_detailed_photo_quality_100() throws IOException {
        BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, 300, 200);
        g.dispose();

        assertThat(HASHER.hash(grey).quality()).isZero();
        assertThat(HASHER.hash(BRIDGE).quality()).isEqualTo(100);
    }

    @Test
    void every_pixel_layout_gives_the_hash_of_its_getRGB_values() throws IOException {
        BufferedImage decoded = ImageIO.read(BRIDGE.toFile()); // TYPE_3BYTE_BGR: direct byte path
        Hash256 expected = HASHER.hash(decoded).hash();

        for (int type : new int[] {
            BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_INT_ARGB_PRE,
            BufferedImage.TYPE_INT_BGR
        }) {
            assertThat(HASHER.hash(copy(decoded, type)).hash())
                    .as("image type %d", type)
                    .isEqualTo(expected);
        }
    }

    @Test
    void grey_and_palette_tables_match_getRGB_conversion() throws IOException {
        for (String file : new String[] {"misc-images/modes/L.png", "misc-images/modes/P.png"}) {
            BufferedImage image = ImageIO.read(ConformanceData.image(file).toFile());
            assertThat(image.getRaster().getNumBands()).isEqualTo(1);

            assertThat(HASHER.hash(image)).as(file).isEqualTo(HASHER.hash(copy(image, BufferedImage.TYPE_INT_RGB)));
        }
    }

    @Test
    void a_subimage_hashes_like_the_same_pixels_copied_out() throws IOException {
        BufferedImage decoded = ImageIO.read(BRIDGE.toFile());
        BufferedImage sub = decoded.getSubimage(100, 50, 900, 700);

        assertThat(HASHER.hash(sub)).isEqualTo(HASHER.hash(copy(sub, BufferedImage.TYPE_3BYTE_BGR)));
    }

    @Test
    void dihedral_hashes_match_the_pictures_turned_and_mirrored_pixel_by_pixel() throws IOException {
        BufferedImage image = ImageIO.read(BRIDGE.toFile());
        PdqDihedralHashes all = HASHER.hashDihedral(image);

        for (Dihedral d : Dihedral.values()) {
            Hash256 direct = HASHER.hash(transform(image, d)).hash();
            // Neither the 64x64 sample grid nor even-width box windows are exactly symmetric, so a
            // few bits differ (Meta's reference behaves the same: see its dih/ test images).
            assertThat(direct.distance(all.hash(d))).as("%s", d).isLessThanOrEqualTo(12);
            for (Dihedral other : Dihedral.values()) {
                if (other != d) {
                    assertThat(direct.distance(all.hash(other)))
                            .as("%s vs %s", d, other)
                            .isGreaterThan(60);
                }
            }
        }
    }

    @Test
    void tiny_images_hash() {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage strip = new BufferedImage(3, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            strip.setRGB(y % 3, y, 0xffffff);
        }

        assertThat(HASHER.hash(one).quality()).isZero();
        assertThat(HASHER.hash(strip).hash().toHex()).hasSize(64);
    }

    @Test
    void concurrent_hashing_gives_the_same_results() throws Exception {
        List<Path> files = List.of(
                BRIDGE,
                ConformanceData.image("pen-and-coaster.png"),
                ConformanceData.image("misc-images/modes/L.png"),
                ConformanceData.image("labelme-subset/q1050.jpg"));
        List<PdqHash> serial = new ArrayList<>();
        for (Path f : files) {
            serial.add(HASHER.hash(f));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PdqHash>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Path f : files) {
                    futures.add(pool.submit(() -> HASHER.hash(f)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(serial.get(i % files.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static BufferedImage copy(BufferedImage src, int type) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
        int[] row = new int[src.getWidth()];
        for (int y = 0; y < src.getHeight(); y++) {
            src.getRGB(0, y, src.getWidth(), 1, row, 0, src.getWidth());
            out.setRGB(0, y, src.getWidth(), 1, row, 0, src.getWidth());
        }
        return out;
    }

    private static BufferedImage transform(BufferedImage s, Dihedral d) {
        int w = s.getWidth(), h = s.getHeight();
        BufferedImage out = new BufferedImage(d.transpose ? h : w, d.transpose ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] to = switch (d) {
                    case ORIGINAL -> new int[] {x, y};
                    case ROTATE_90 -> new int[] {y, w - 1 - x};
                    case ROTATE_180 -> new int[] {w - 1 - x, h - 1 - y};
                    case ROTATE_270 -> new int[] {h - 1 - y, x};
                    case FLIP_X -> new int[] {x, h - 1 - y};
                    case FLIP_Y -> new int[] {w - 1 - x, y};
                    case FLIP_PLUS1 -> new int[] {y, x};
                    case FLIP_MINUS1 -> new int[] {h - 1 - y, w - 1 - x};
                };
                out.setRGB(to[0], to[1], s.getRGB(x, y));
            }
        }
        return out;
    }

    /** The acceptance scenario's edit: centre crop, scale, caption bar (as shared/acceptance/data/Edit2.java). */
    static BufferedImage edit(BufferedImage src, double crop, double scale, double bar) {
        int cw = (int) (src.getWidth() * (1 - crop)), ch = (int) (src.getHeight() * (1 - crop));
        BufferedImage c = src.getSubimage((src.getWidth() - cw) / 2, (src.getHeight() - ch) / 2, cw, ch);
        int w = (int) (cw * scale), h = (int) (ch * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(c, 0, 0, w, h, null);
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRect(0, h - (int) (h * bar), w, (int) (h * bar));
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (h * bar / 2)));
        g.drawString("ALEPPO", 10, h - (int) (h * bar / 4));
        g.dispose();
        return out;
    }

    static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        try (ImageOutputStream os = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(os);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
    }
}
