package org.daleel.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.daleel.match.Fingerprint;
import org.daleel.match.MediaMatch;
import org.daleel.match.MediaPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdqMediaIndexPartsTest {
    @TempDir
    Path tmp;

    static byte[] png(long seed) throws Exception {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillRect(r.nextInt(320), r.nextInt(240), 10 + r.nextInt(120), 10 + r.nextInt(120));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static MediaPart frame(PdqMediaIndex index, byte[] png, long millis) {
        var h = (Fingerprint.Hashed) index.fingerprint(png, "f.png");
        return MediaPart.frame(h.pdq(), h.quality(), millis);
    }

    @Test
    void parts_are_matched_by_still_and_by_parts_and_survive_a_reopen() throws Exception {
        byte[] a = png(1), b = png(2), c = png(3);
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            var ha = (Fingerprint.Hashed) index.fingerprint(a, "a.png");
            index.addParts(7, List.of(frame(index, b, 0), frame(index, a, 2500)));
            index.addParts(9, List.of(MediaPart.image(ha.pdq(), ha.quality(), "https://example.org/a\t%.png")));
            index.add(11, c, "c.png");
        }
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            assertThat(index.parts(9))
                    .singleElement()
                    .extracting(MediaPart::imageUrl)
                    .isEqualTo("https://example.org/a\t%.png");
            assertThat(index.maxSeq()).isEqualTo(11);

            List<MediaMatch> still = index.match(a, "a.png", 31);
            assertThat(still).extracting(MediaMatch::seq).containsExactlyInAnyOrder(7L, 9L);
            MediaMatch inVideo =
                    still.stream().filter(m -> m.seq() == 7).findFirst().orElseThrow();
            assertThat(inVideo.method()).isEqualTo("frame");
            assertThat(inVideo.frameMillis()).isEqualTo(2500);
            assertThat(inVideo.explanation()).contains("frame at 0:02.5");
            MediaMatch onPage =
                    still.stream().filter(m -> m.seq() == 9).findFirst().orElseThrow();
            assertThat(onPage.method()).isEqualTo("page-image");
            assertThat(onPage.imageUrl()).isEqualTo("https://example.org/a\t%.png");

            List<MediaMatch> clip = index.matchParts(List.of(frame(index, c, 0), frame(index, a, 1000)), 31, 9);
            assertThat(clip).extracting(MediaMatch::seq).containsExactly(7L, 11L);
            assertThat(clip.getFirst().explanation()).contains("1 of 2 hashed parts match");

            index.addParts(7, List.of());
            assertThat(index.parts(7)).isEmpty();
            assertThat(index.match(a, "a.png", 31)).extracting(MediaMatch::seq).containsExactly(9L);
        }
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            assertThat(index.parts(7)).isEmpty();
            assertThat(index.parts(9)).hasSize(1);
        }
    }

    /** The middle of a picture (a fifth cut from the left, a tenth from the other sides), as JPEG. */
    static byte[] cropped(byte[] png) throws Exception {
        BufferedImage src = ImageIO.read(new java.io.ByteArrayInputStream(png));
        int w = src.getWidth(), h = src.getHeight();
        BufferedImage cut = src.getSubimage(w / 5, h / 10, w * 7 / 10, h * 8 / 10);
        BufferedImage out = new BufferedImage(cut.getWidth(), cut.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(cut, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "jpg", bytes);
        return bytes.toByteArray();
    }

    @Test
    void a_crop_of_a_large_page_image_finds_the_page_after_a_reopen_and_a_log_rewrite() throws Exception {
        byte[] photo = png(21);
        byte[] icon = png(22);
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            MediaPart large =
                    index.imagePart(photo, "https://example.org/photo.png").orElseThrow();
            assertThat(large.hasRegions()).isTrue();
            BufferedImage small = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
            small.createGraphics().drawImage(ImageIO.read(new java.io.ByteArrayInputStream(icon)), 0, 0, 120, 90, null);
            ByteArrayOutputStream smallPng = new ByteArrayOutputStream();
            ImageIO.write(small, "png", smallPng);
            MediaPart tiny = index.imagePart(smallPng.toByteArray(), "https://example.org/icon.png")
                    .orElseThrow();
            assertThat(tiny.hasRegions()).as("under the minimum size").isFalse();
            assertThat(index.imagePart("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x"))
                    .isEmpty();
            index.addParts(5, List.of(tiny, large));
            // crop-robust matching of whole pictures is unchanged beside it
            index.add(6, png(23), "other.png");
        }
        byte[] crop = cropped(photo);
        for (int round = 0; round < 2; round++) {
            try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
                assertThat(index.parts(5)).extracting(MediaPart::hasRegions).containsOnly(false);

                List<MediaMatch> hits = index.match(crop, "crop.jpg", 31);

                assertThat(hits).extracting(MediaMatch::seq).containsExactly(5L);
                assertThat(hits.getFirst().method()).isEqualTo("page-image");
                assertThat(hits.getFirst().imageUrl()).isEqualTo("https://example.org/photo.png");
                assertThat(hits.getFirst().explanation())
                        .startsWith("crop: archived region")
                        .endsWith("of the image https://example.org/photo.png");
            }
            // many superseded lines make the next open rewrite the log from memory: the codes survive it
            try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
                MediaPart part = frame(index, png(4), 0);
                for (int i = 0; i < 1200; i++) {
                    index.addParts(1000 + i, List.of(part));
                    index.addParts(1000 + i, List.of());
                }
            }
        }
    }

    @Test
    void region_codes_are_kept_for_at_most_sixteen_parts_of_an_item() throws Exception {
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            List<MediaPart> frames = new java.util.ArrayList<>();
            byte[] last = null;
            for (int i = 0; i < 18; i++) {
                last = png(100 + i);
                frames.add(index.imagePart(last, "f" + i).orElseThrow());
            }
            index.addParts(3, frames);

            assertThat(index.match(cropped(png(100)), "first.jpg", 31))
                    .extracting(MediaMatch::seq)
                    .containsExactly(3L);
            assertThat(index.match(cropped(last), "last.jpg", 31)).isEmpty();
        }
    }

    @Test
    void an_item_analysed_without_parts_is_recorded_with_its_result_across_a_crash_and_a_log_rewrite()
            throws Exception {
        String result = "page video https://example.org/v.mp4: video not analysed: ffprobe could not read it\t%";
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            index.addParts(4, List.of(frame(index, png(4), 0)));
            index.addNoParts(4, "replaced: no frames this time");
            index.addNoParts(8, result);
            assertThat(index.maxSeq()).isEqualTo(8);
        }
        // a crash before the first clean close leaves no indexed-seq: the log still says what was done
        Files.delete(tmp.resolve("indexed-seq"));
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            assertThat(index.maxSeq()).isZero();
            assertThat(index.partsRecorded(8)).isTrue();
            assertThat(index.noPartsResult(8)).contains(result);
            assertThat(index.partsRecorded(4)).isTrue();
            assertThat(index.parts(4)).isEmpty();
            assertThat(index.noPartsResult(4)).contains("replaced: no frames this time");
            assertThat(index.partsRecorded(9)).isFalse();
            assertThat(index.match(png(4), "p.png", 31)).isEmpty();

            index.addParts(8, List.of(frame(index, png(5), 0)));
            assertThat(index.noPartsResult(8)).isEmpty();
            assertThat(index.partsRecorded(8)).isTrue();
            index.addNoParts(8, result);
            // many superseded lines: the next open rewrites the log, keeping the results
            MediaPart part = frame(index, png(4), 0);
            for (int i = 0; i < 520; i++) {
                index.addParts(1000 + i, List.of(part));
                index.addParts(1000 + i, List.of());
            }
        }
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            assertThat(index.noPartsResult(8)).contains(result);
            assertThat(index.partsRecorded(1000)).isFalse();
        }
        assertThat(Files.readAllLines(tmp.resolve("parts/parts.log"))).hasSizeLessThan(10);
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            assertThat(index.noPartsResult(8)).contains(result);
            assertThat(index.noPartsResult(4)).contains("replaced: no frames this time");
            index.addParts(8, List.of());
            assertThat(index.partsRecorded(8)).as("cleared without a result").isFalse();
        }
    }

    @Test
    void a_torn_last_line_is_ignored() throws Exception {
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            index.addParts(3, List.of(frame(index, png(4), 0)));
        }
        Files.writeString(
                tmp.resolve("parts/parts.log"), "5\t0\t100\t0\t\tabc", java.nio.file.StandardOpenOption.APPEND);
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp)) {
            assertThat(index.parts(3)).hasSize(1);
            assertThat(index.parts(5)).isEmpty();
        }
    }
}
