package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.daleel.archive.ItemOptions;
import org.daleel.item.Provenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Picture metadata in the API and on the item page. The fixture exif-gps.jpg is a 64×48 JPEG with a
 * hand-built EXIF segment (written by daleel-media's test ExifJpeg): Make "Canon", Model "Canon EOS
 * 5D &lt;Mark II&gt;", Software "Adobe Photoshop 25.0 &lt;script&gt;alert(1)&lt;/script&gt;", DateTime
 * 2016:06:20 08:00:00, DateTimeOriginal 2016:06:15 10:30:00 +03:00, GPS 33.3128 N 44.3615 E 34.5 m.
 */
class PictureMetadataTest {
    @TempDir
    static Path data;

    static WebFixture web;
    static String photoId;
    static String textId;

    @BeforeAll
    static void start() throws IOException {
        web = new WebFixture(data);
        try (InputStream in = PictureMetadataTest.class.getResourceAsStream("exif-gps.jpg")) {
            photoId = web.archive
                    .importStream(in, "photo.jpg", new ItemOptions(new Provenance("tester", "", "", "")))
                    .item()
                    .id();
        }
        textId = web.archive
                .importStream(
                        new ByteArrayInputStream("plain words".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "note.txt",
                        new ItemOptions(new Provenance("tester", "", "", "")))
                .item()
                .id();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void item_json_of_an_image_carries_camera_date_software_and_gps_from_exif() throws IOException {
        JsonNode m = WebFixture.json(web.get("/api/items/" + photoId)).path("metadata");

        assertThat(m.path("camera").asText()).isEqualTo("Canon EOS 5D <Mark II>");
        assertThat(m.path("dateTimeOriginal").asText()).isEqualTo("2016:06:15 10:30:00");
        assertThat(m.path("offsetTimeOriginal").asText()).isEqualTo("+03:00");
        assertThat(m.path("software").asText()).startsWith("Adobe Photoshop 25.0");
        assertThat(m.path("gps").path("lat").asDouble()).isBetween(33.31279, 33.31281);
        assertThat(m.path("gps").path("lon").asDouble()).isBetween(44.36149, 44.36151);
        assertThat(m.path("gps").path("source").asText()).isEqualTo("EXIF");
        assertThat(m.path("assessment").toString()).contains("edited with Adobe Photoshop", "EXIF dates differ");
        assertThat(m.path("tags").size()).isGreaterThan(5);
    }

    @Test
    void metadata_route_answers_for_images_and_is_empty_for_other_items() throws IOException {
        JsonNode photo = WebFixture.json(web.get("/api/items/" + photoId + "/metadata"));
        assertThat(photo.path("cameraMake").asText()).isEqualTo("Canon");

        var text = web.get("/api/items/" + textId + "/metadata");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(WebFixture.json(text).path("tags").size()).isZero();
        assertThat(WebFixture.json(web.get("/api/items/" + textId)).has("metadata"))
                .isFalse();
        assertThat(web.get("/api/items/01ARZ3NDEKTSV4RRFFQ69G5FAV/metadata").statusCode())
                .isEqualTo(404);
    }

    @Test
    void item_page_shows_picture_metadata_escaped_with_a_plain_map_link() throws IOException {
        String page = web.get("/items/" + photoId).body();

        assertThat(page)
                .contains("<h2>Picture metadata</h2>")
                .contains("Canon EOS 5D &lt;Mark II&gt;")
                .contains("Adobe Photoshop 25.0 &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)")
                .contains("2016:06:15 10:30:00 +03:00")
                .contains("GPS position (from EXIF)")
                .contains("33.312800, 44.361500")
                .contains("href=\"https://www.openstreetmap.org/?mlat=33.312800&amp;mlon=44.361500")
                .contains("EXIF dates differ")
                .contains("<details class=\"tags\">");
        assertThat(web.get("/items/" + textId).body()).doesNotContain("Picture metadata");
    }
}
