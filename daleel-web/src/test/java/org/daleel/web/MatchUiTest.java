package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.daleel.archive.ItemOptions;
import org.daleel.item.Provenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recycled-media alerts on the item page and "Find this image" (/match), on a real archive with a
 * PDQ media index: an original PNG and a copy re-encoded as JPEG at 60% scale with other claims.
 */
class MatchUiTest {
    static final Map<String, String> SAME_ORIGIN = Map.of("Sec-Fetch-Site", "same-origin");

    @TempDir
    static Path data;

    static WebFixture web;
    static byte[] original;
    static byte[] copy;
    static String originalId;
    static String copyId;

    @BeforeAll
    static void start() throws IOException {
        web = new WebFixture(data);
        BufferedImage picture = texturedPicture(640, 480, 20161215L);
        original = encode(picture, "png");
        copy = encode(scaled(picture, 0.6), "jpg");
        originalId = web.archive
                .importStream(
                        new ByteArrayInputStream(original),
                        "fallujah-market.png",
                        new ItemOptions(new Provenance("tester", "first posting", "Fallujah, Iraq", "2016-06-15")))
                .item()
                .id();
        copyId = web.archive
                .importStream(
                        new ByteArrayInputStream(copy),
                        "aleppo-market.jpg",
                        new ItemOptions(new Provenance("tester", "reposted", "Aleppo", "2016-12-15")))
                .item()
                .id();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void later_copy_page_alerts_that_the_picture_was_seen_before_under_other_claims() throws IOException {
        String page = web.get("/items/" + copyId).body();
        assertThat(page)
                .contains("<section class=\"alerts\">")
                .contains("seen before: first captured")
                .contains("fallujah-market.png")
                .contains("claimed place differs (this item: Aleppo)")
                .contains("claimed date differs (this item: 2016-12-15)")
                .contains("href=\"/items/" + originalId + "\"");
        assertThat(page.indexOf("class=\"alerts\""))
                .as("alerts come before the record")
                .isLessThan(page.indexOf("<h2>Record</h2>"));
    }

    @Test
    void original_page_says_the_picture_was_seen_again_later() throws IOException {
        String page = web.get("/items/" + originalId).body();
        assertThat(page)
                .contains("<section class=\"alerts\">")
                .contains("seen again later")
                .contains("href=\"/items/" + copyId + "\"")
                .doesNotContain("seen before");
    }

    @Test
    void match_form_has_a_file_field_and_the_default_distance() throws IOException {
        var r = web.get("/match");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("action=\"/match\"")
                .contains("enctype=\"multipart/form-data\"")
                .contains("type=\"file\" name=\"file\"")
                .contains("name=\"maxDistance\"")
                .contains("value=\"31\"");
    }

    @Test
    void navigation_links_find_this_image_next_to_upload() throws IOException {
        assertThat(web.get("/").body())
                .contains("<a href=\"/upload\">Upload</a><a href=\"/match\">Find this image</a>");
    }

    @Test
    void matching_the_copy_lists_the_original_with_its_claims_and_stores_nothing() throws IOException {
        long before = web.archive.count();
        var r = web.upload("/match", Map.of("edited <copy>.jpg", copy), Map.of("maxDistance", "40"), SAME_ORIGIN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("href=\"/items/" + originalId + "\"")
                .contains("archived: captured")
                .contains("fallujah-market.png")
                .contains("Fallujah, Iraq")
                .contains("2016-06-15")
                .contains("distance ")
                .contains(" · pdq · ")
                .contains("edited &lt;copy&gt;.jpg")
                .contains("largest distance 40")
                .doesNotContain("<copy>");
        assertThat(web.archive.count()).isEqualTo(before);
    }

    @Test
    void an_unrelated_picture_matches_nothing() throws IOException {
        byte[] other = encode(texturedPicture(640, 480, 7L), "png");
        var r = web.upload("/match", Map.of("other.png", other), Map.of(), SAME_ORIGIN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("No archived picture matches.").doesNotContain("/items/" + originalId);
    }

    @Test
    void a_file_that_is_not_an_image_shows_the_form_with_the_error() throws IOException {
        var r = web.upload(
                "/match",
                Map.of("notes.txt", "just words".getBytes(StandardCharsets.UTF_8)),
                Map.of("maxDistance", "12"),
                SAME_ORIGIN);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("class=\"error\"")
                .contains("invalid-input")
                .contains("not an image")
                .contains("action=\"/match\"")
                .contains("value=\"12\"");
    }

    @Test
    void a_request_without_a_picture_or_with_a_bad_distance_is_refused() throws IOException {
        var none = web.upload("/match", Map.of(), Map.of("maxDistance", "31"), SAME_ORIGIN);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("invalid-input").contains("no picture was sent");
        var words = web.upload("/match", Map.of("a.jpg", copy), Map.of("maxDistance", "far"), SAME_ORIGIN);
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(words.body()).contains("not a whole number").contains("value=\"far\"");
        var range = web.upload("/match", Map.of("a.jpg", copy), Map.of("maxDistance", "300"), SAME_ORIGIN);
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(range.body()).contains("out of range");
    }

    @Test
    void a_picture_over_the_upload_bound_is_refused_with_413() throws IOException {
        byte[] big = new byte[(int) WebFixture.MAX_UPLOAD + 1024];
        var r = web.upload("/match", Map.of("big.png", big), Map.of(), SAME_ORIGIN);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body())
                .contains("class=\"error\"")
                .contains("upload limit")
                .contains("action=\"/match\"");
    }

    @Test
    void cross_site_match_post_is_refused() throws IOException {
        var r = web.upload(
                "/match",
                Map.of("a.jpg", copy),
                Map.of(),
                Map.of("Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("/items/" + originalId);
    }

    /** A picture with gradients, shapes and lines: PDQ needs texture (quality of at least 50). */
    static BufferedImage texturedPicture(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, color(random), width, height, color(random)));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 40; i++) {
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                int w = 20 + random.nextInt(width / 3);
                int h = 20 + random.nextInt(height / 3);
                g.setPaint(new GradientPaint(x, y, color(random), x + w, y + h, color(random)));
                switch (i % 3) {
                    case 0 -> g.fillOval(x, y, w, h);
                    case 1 -> g.fillRect(x, y, w, h);
                    default -> {
                        g.setStroke(new BasicStroke(2 + random.nextInt(8)));
                        g.drawLine(x, y, random.nextInt(width), random.nextInt(height));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    static BufferedImage scaled(BufferedImage image, double factor) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    private static Color color(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
}
