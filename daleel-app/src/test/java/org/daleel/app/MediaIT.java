package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recycled-photo scenario through the CLI: a photo imported with one claimed place and date,
 * later an edited copy (cropped, resized, recompressed, a caption bar) with another; the copy is
 * flagged as seen before, names the first capture and says the claims differ; a 12% crop is found.
 */
class MediaIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static BufferedImage photo(long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(800, 560, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(r.nextInt()), 800, 560, new Color(r.nextInt())));
        g.fillRect(0, 0, 800, 560);
        for (int i = 0; i < 120; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 180));
            int x = r.nextInt(800), y = r.nextInt(560), w = 20 + r.nextInt(160), h = 20 + r.nextInt(160);
            if (i % 3 == 0) {
                g.fillOval(x, y, w, h);
            } else if (i % 3 == 1) {
                g.fillRect(x, y, w, h);
            } else {
                g.setStroke(new BasicStroke(2 + r.nextInt(8)));
                g.drawLine(x, y, x + w, y + h);
            }
        }
        g.dispose();
        return img;
    }

    /** Crops {@code crop} of each side, scales by {@code scale}, adds a caption bar, writes a JPEG. */
    static Path edit(BufferedImage src, Path out, double crop, double scale) throws Exception {
        int cx = (int) (src.getWidth() * crop), cy = (int) (src.getHeight() * crop);
        BufferedImage cut = src.getSubimage(cx, cy, src.getWidth() - 2 * cx, src.getHeight() - 2 * cy);
        int w = (int) (cut.getWidth() * scale), h = (int) (cut.getHeight() * scale);
        int bar = h / 12;
        BufferedImage dst = new BufferedImage(w, h + bar, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(cut, 0, 0, w, h, null);
        g.setColor(Color.BLACK);
        g.fillRect(0, h, w, bar);
        g.setColor(Color.WHITE);
        g.drawString("Aleppo, December 2016", 10, h + bar - 8);
        g.dispose();
        ImageIO.write(dst, "jpg", out.toFile());
        return out;
    }

    @Test
    void a_recycled_photo_is_flagged_with_the_first_capture_and_the_differing_claims() throws Exception {
        Path data = tmp.resolve("data");
        BufferedImage original = photo(2016);
        Path fallujah = tmp.resolve("fallujah.png");
        ImageIO.write(original, "png", fallujah.toFile());
        Path aleppo = edit(original, tmp.resolve("aleppo.jpg"), 0.02, 0.6);
        Path cropped = edit(original, tmp.resolve("cropped.jpg"), 0.12, 0.5);
        Path unrelated = tmp.resolve("other.png");
        ImageIO.write(photo(7), "png", unrelated.toFile());

        String first = JSON.readTree(Cli.run(
                                data,
                                "import",
                                fallujah.toString(),
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
        Cli.run(data, "import", unrelated.toString(), "--json").assertOk();
        Cli.Result copy = Cli.run(
                        data,
                        "import",
                        aleppo.toString(),
                        "--claimed-place",
                        "Aleppo, Syria",
                        "--claimed-date",
                        "2016-12-12",
                        "--json")
                .assertOk();
        JsonNode imported = JSON.readTree(copy.out()).get(0);
        assertThat(imported.path("alerts").findValuesAsText("id")).containsExactly(first);
        assertThat(copy.err()).contains("seen before");

        JsonNode shown = JSON.readTree(Cli.run(data, "show", imported.path("id").asText(), "--json")
                .assertOk()
                .out());
        JsonNode alert = shown.path("alerts").get(0);
        assertThat(alert.path("id").asText()).isEqualTo(first);
        assertThat(alert.path("relation").asText()).isEqualTo("earlier");
        assertThat(alert.path("distance").asInt()).isLessThanOrEqualTo(31);
        assertThat(alert.path("alert").asText())
                .startsWith("seen before: first captured")
                .contains(
                        "fallujah.png",
                        "Fallujah, Iraq",
                        "2016-06-15",
                        "claimed place differs",
                        "claimed date differs");

        JsonNode earlier =
                JSON.readTree(Cli.run(data, "show", first, "--json").assertOk().out());
        assertThat(earlier.path("alerts").get(0).path("relation").asText()).isEqualTo("later");

        JsonNode match = JSON.readTree(
                Cli.run(data, "match", aleppo.toString(), "--json").assertOk().out());
        assertThat(match.findValuesAsText("id")).contains(first).hasSize(2); // the original and the copy itself
        JsonNode crop = JSON.readTree(
                Cli.run(data, "match", cropped.toString(), "--json").assertOk().out());
        assertThat(crop.findValuesAsText("id"))
                .as("a 12%% crop is beyond PDQ and found by region")
                .contains(first);
        assertThat(crop.findValuesAsText("id")).hasSize(2);

        Cli.Result notImage = Cli.run(data, "match", data.resolve("catalog.db").toString());
        assertThat(notImage.exit()).isEqualTo(2);
        assertThat(notImage.err()).contains("not an image");
    }
}
