package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static HttpServer serve(Map<String, byte[]> files) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders()
                    .set("Content-Type", path.endsWith(".html") ? "text/html; charset=utf-8" : "image/jpeg");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

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
        String original_id = JSON.readTree(Cli.run(
                                data,
                                "import",
                                original.toString(),
                                "--claimed-place",
                                "Fallujah, Iraq",
                                "--claimed-date",
                                "2016-06-15",
                                "--json")
                        .assertOk()
                        .out())
                .get(0)
                .path("id")
                .asText();

        HttpServer server = serve(Map.of(
                "/news/aleppo.html", html.getBytes(StandardCharsets.UTF_8),
                "/news/img/market.jpg", Files.readAllBytes(repost),
                "/img/other.jpg", other.toByteArray()));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Cli.Result captured;
        try {
            captured = Cli.run(
                            data,
                            "capture",
                            base + "/news/aleppo.html",
                            "--allow-private",
                            "--claimed-place",
                            "Aleppo, Syria",
                            "--json")
                    .assertOk();
        } finally {
            server.stop(0);
        }
        JsonNode page = JSON.readTree(captured.out());
        String pageId = page.path("id").asText();
        assertThat(captured.err()).contains("seen before").contains(base + "/news/img/market.jpg");
        assertThat(page.path("alerts").findValuesAsText("id")).containsExactly(original_id);

        JsonNode shown =
                JSON.readTree(Cli.run(data, "show", pageId, "--json").assertOk().out());
        JsonNode alert = shown.path("alerts").get(0);
        assertThat(alert.path("id").asText()).isEqualTo(original_id);
        assertThat(alert.path("relation").asText()).isEqualTo("earlier");
        assertThat(alert.path("alert").asText()).startsWith("seen before").contains("claimed place differs");
        assertThat(alert.path("explanation").asText()).contains("image " + base + "/news/img/market.jpg here");

        JsonNode hits = JSON.readTree(
                Cli.run(data, "match", original.toString(), "--json").assertOk().out());
        JsonNode pageHit = null;
        for (JsonNode h : hits) {
            if (h.path("id").asText().equals(pageId)) {
                pageHit = h;
            }
        }
        assertThat(pageHit).as("the page is found through its image").isNotNull();
        assertThat(pageHit.path("method").asText()).isEqualTo("page-image");
        assertThat(pageHit.path("imageUrl").asText()).isEqualTo(base + "/news/img/market.jpg");

        // a crop of the page's image (a fifth off one side, a tenth off the others) finds the page too,
        // through the crop stage, besides the archived original
        Path crop = tmp.resolve("crop.jpg");
        ImageIO.write(small.getSubimage(112, 39, 392, 314), "jpg", crop.toFile());
        JsonNode cropHits = JSON.readTree(
                Cli.run(data, "match", crop.toString(), "--json").assertOk().out());
        JsonNode cropOnPage = null;
        for (JsonNode h : cropHits) {
            if (h.path("id").asText().equals(pageId)) {
                cropOnPage = h;
            }
        }
        assertThat(cropOnPage)
                .as("the page is found through a crop of its image")
                .isNotNull();
        assertThat(cropOnPage.path("method").asText()).isEqualTo("page-image");
        assertThat(cropOnPage.path("imageUrl").asText()).isEqualTo(base + "/news/img/market.jpg");
        assertThat(cropOnPage.path("explanation").asText()).startsWith("crop: archived region");

        // the capture's WARC imported into another archive: the page record lists and matches its images
        Path data2 = tmp.resolve("data2");
        Path warc;
        try (DirectoryStream<Path> warcs = Files.newDirectoryStream(data.resolve("warcs"), "DALEEL-*.warc.gz")) {
            warc = warcs.iterator().next();
        }
        Cli.run(data2, "import", warc.toString()).assertOk();
        JsonNode hits2 = JSON.readTree(Cli.run(data2, "match", original.toString(), "--json")
                .assertOk()
                .out());
        assertThat(hits2.findValuesAsText("method")).contains("page-image", "pdq");
        JsonNode pageRecord = null;
        for (JsonNode h : hits2) {
            if (h.path("method").asText().equals("page-image")) {
                pageRecord = h;
            }
        }
        assertThat(pageRecord.path("url").asText()).isEqualTo(base + "/news/aleppo.html");
        assertThat(pageRecord.path("imageUrl").asText()).isEqualTo(base + "/news/img/market.jpg");
        JsonNode record =
                JSON.readTree(Cli.run(data2, "show", pageRecord.path("id").asText(), "--json")
                        .assertOk()
                        .out());
        assertThat(record.path("resources").findValuesAsText("url"))
                .containsExactlyInAnyOrder(base + "/news/img/market.jpg", base + "/img/other.jpg");
        assertThat(Cli.run(data2, "verify").assertOk().out()).contains("0 failed");
    }
}
