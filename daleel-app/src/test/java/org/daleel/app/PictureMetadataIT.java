package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code daleel show} of an imported EXIF JPEG prints its camera, date, software and GPS position. */
class PictureMetadataIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void show_of_an_imported_exif_jpeg_carries_camera_and_gps_from_exif() throws Exception {
        Path data = tmp.resolve("data");
        Path photo = tmp.resolve("photo.jpg");
        try (InputStream in = getClass().getResourceAsStream("exif-gps.jpg")) {
            Files.copy(in, photo);
        }
        String id = JSON.readTree(Cli.run(data, "import", photo.toString(), "--json")
                        .assertOk()
                        .out())
                .get(0)
                .path("id")
                .asText();

        JsonNode m = JSON.readTree(
                        Cli.run(data, "show", id, "--json").assertOk().out())
                .path("metadata");
        assertThat(m.path("camera").asText()).isEqualTo("Canon EOS 5D <Mark II>");
        assertThat(m.path("dateTimeOriginal").asText()).isEqualTo("2016:06:15 10:30:00");
        assertThat(m.path("software").asText()).startsWith("Adobe Photoshop 25.0");
        assertThat(m.path("gps").path("lat").asDouble()).isBetween(33.31279, 33.31281);
        assertThat(m.path("gps").path("lon").asDouble()).isBetween(44.36149, 44.36151);
        assertThat(m.path("gps").path("source").asText()).isEqualTo("EXIF");
        assertThat(m.path("assessment").toString()).contains("edited with Adobe Photoshop");
        assertThat(m.path("tags").size()).isGreaterThan(5);

        String plain = Cli.run(data, "show", id).assertOk().out();
        assertThat(plain)
                .contains("camera:        Canon EOS 5D <Mark II>")
                .contains("taken (EXIF):  2016:06:15 10:30:00 +03:00")
                .contains("gps:           33.312800, 44.361500, 34.5 m (from EXIF)")
                .contains("metadata:      edited with Adobe Photoshop");
    }
}
