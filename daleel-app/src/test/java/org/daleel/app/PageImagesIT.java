package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daleel.app.MediaFixtures.find;
import static org.daleel.app.MediaFixtures.importId;
import static org.daleel.app.MediaFixtures.json;
import static org.daleel.app.MediaFixtures.match;
import static org.daleel.app.MediaFixtures.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images inside captured pages: a page on a loopback server shows a photo already archived with
 * other claims; its capture carries the "seen before" alert, {@code daleel match} finds the page
 * and names the image URL, and importing the capture's WARC into another archive does the same.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PageImagesIT {
    @TempDir
    Path tmp;

    @Test
    void a_recycled_photo_in_a_captured_page_flags_the_page_and_is_found_by_match() throws Exception {
        Path data = tmp.resolve("data");
        Path original = tmp.resolve("fallujah.png");
        ImageIO.write(MediaIT.photo(2016), "png", original.toFile());
        // the repost: resized to 70 % and recompressed as JPEG
        java.awt.image.BufferedImage small =
                new java.awt.image.BufferedImage(560, 392, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = small.createGraphics();
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(MediaIT.photo(2016), 0, 0, 560, 392, null);
        g.dispose();
        Path repost = tmp.resolve("repost.jpg");
        ImageIO.write(small, "jpg", repost.toFile());
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        ImageIO.write(MediaIT.photo(9), "jpg", other);
        String html = "<!doctype html><html><head><title>Shelling in Aleppo</title></head><body>"
                + "<article><h1>Shelling in Aleppo</h1><p>Residents said the market was hit.</p>"
                + "<img src=\"img/market.jpg\" alt=\"market\"><img src=\"/img/other.jpg\" alt=\"other\">"
                + "</article></body></html>";
        String originalId =
                importId(data, original, "--claimed-place", "Fallujah, Iraq", "--claimed-date", "2016-06-15");

        String base;
        Cli.Result captured;
        try (MediaFixtures.Origin origin = new MediaFixtures.Origin(Map.of(
                "/news/aleppo.html", html.getBytes(StandardCharsets.UTF_8),
                "/news/img/market.jpg", Files.readAllBytes(repost),
                "/img/other.jpg", other.toByteArray()))) {
            base = origin.base();
            captured = Cli.run(
                            data,
                            "capture",
                            base + "/news/aleppo.html",
                            "--allow-private",
                            "--claimed-place",
                            "Aleppo, Syria",
                            "--json")
                    .assertOk();
        }
        JsonNode page = json(captured);
        String pageId = page.path("id").asText();
        assertThat(captured.err()).contains("seen before").contains(base + "/news/img/market.jpg");
        assertThat(page.path("alerts").findValuesAsText("id")).containsExactly(originalId);

        JsonNode alert = show(data, pageId).path("alerts").get(0);
        assertThat(alert.path("id").asText()).isEqualTo(originalId);
        assertThat(alert.path("relation").asText()).isEqualTo("earlier");
        assertThat(alert.path("alert").asText()).startsWith("seen before").contains("claimed place differs");
        assertThat(alert.path("explanation").asText()).contains("image " + base + "/news/img/market.jpg here");

        JsonNode pageHit = find(match(data, original), "id", pageId);
        assertThat(pageHit).as("the page is found through its image").isNotNull();
        assertThat(pageHit.path("method").asText()).isEqualTo("page-image");
        assertThat(pageHit.path("imageUrl").asText()).isEqualTo(base + "/news/img/market.jpg");

        // a crop of the page's image (a fifth off one side, a tenth off the others) finds the page too,
        // through the crop stage, besides the archived original
        Path crop = tmp.resolve("crop.jpg");
        ImageIO.write(small.getSubimage(112, 39, 392, 314), "jpg", crop.toFile());
        JsonNode cropOnPage = find(match(data, crop), "id", pageId);
        assertThat(cropOnPage)
                .as("the page is found through a crop of its image")
                .isNotNull();
        assertThat(cropOnPage.path("method").asText()).isEqualTo("page-image");
        assertThat(cropOnPage.path("imageUrl").asText()).isEqualTo(base + "/news/img/market.jpg");
        assertThat(cropOnPage.path("explanation").asText()).startsWith("crop: archived region");

        // the capture's WARC imported into another archive: the page record lists and matches its images
        Path data2 = tmp.resolve("data2");
        Cli.run(data2, "import", MediaFixtures.warc(data, "DALEEL-*.warc.gz").toString())
                .assertOk();
        JsonNode hits2 = match(data2, original);
        assertThat(hits2.findValuesAsText("method")).contains("page-image", "pdq");
        JsonNode pageRecord = find(hits2, "method", "page-image");
        assertThat(pageRecord.path("url").asText()).isEqualTo(base + "/news/aleppo.html");
        assertThat(pageRecord.path("imageUrl").asText()).isEqualTo(base + "/news/img/market.jpg");
        JsonNode record = show(data2, pageRecord.path("id").asText());
        assertThat(record.path("resources").findValuesAsText("url"))
                .containsExactlyInAnyOrder(base + "/news/img/market.jpg", base + "/img/other.jpg");
        assertThat(Cli.run(data2, "verify").assertOk().out()).contains("0 failed");
    }
}
