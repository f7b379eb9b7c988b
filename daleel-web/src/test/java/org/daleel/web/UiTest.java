package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiTest {
    static final String HOSTILE = "<title>Pwned <script>alert('x')</script> \"quoted\" & more</title>";

    @TempDir
    static Path data;

    static WebFixture web;
    static String captureId;
    static String hostileId;

    @BeforeAll
    static void start() throws IOException {
        web = new WebFixture(data);
        captureId = web.capturePage().path("id").asText();
        String html = "<!doctype html><html><head>" + HOSTILE + "</head><body><p>Hostile hospital page body with"
                + " <img src=x onerror=alert(1)> markup and enough words to be extracted as the main text of the page,"
                + " mentioning the hospital twice: hospital.</p></body></html>";
        var r = web.post(
                "/api/files?name=" + URLEncoder.encode("<img src=x onerror=alert(2)>.html", StandardCharsets.UTF_8),
                "text/html",
                html.getBytes(StandardCharsets.UTF_8),
                Map.of());
        hostileId = WebFixture.json(r).get(0).path("id").asText();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void app_pages_carry_strict_security_headers() throws IOException {
        for (String path : new String[] {
            "/", "/search?q=convoy", "/items/" + captureId, "/capture", "/upload", "/match", "/api/docs"
        }) {
            HttpResponse<String> r = web.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp)
                    .as(path)
                    .startsWith("default-src 'self'; frame-src " + web.server.replayBaseUrl() + "; media-src "
                            + web.server.replayBaseUrl() + "; img-src 'self' data:;"
                            + " object-src 'none'; base-uri 'none'; form-action 'self'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.body())
                    .as(path)
                    .contains("<html lang=\"en\" dir=\"ltr\">")
                    .doesNotContain("<script");
        }
    }

    @Test
    void every_page_credits_the_place_data_in_its_footer_with_links_only() throws IOException {
        for (String path : new String[] {
            "/", "/search?q=convoy", "/items/" + captureId, "/capture", "/upload", "/match", "/no/such/page"
        }) {
            String body = web.get(path).body();
            String footer = body.substring(body.indexOf("<footer"));
            assertThat(footer)
                    .as(path)
                    .contains("Place data from GeoNames (<a href=\"https://www.geonames.org\" rel=\"noreferrer\">"
                            + "https://www.geonames.org</a>, CC BY 4.0) via Who&#39;s On First"
                            + " (<a href=\"https://whosonfirst.org\" rel=\"noreferrer\">https://whosonfirst.org</a>)"
                            + " and the GeoNames cities500 dump and first-level division list.")
                    .doesNotContain("<img")
                    .doesNotContain("<script")
                    .doesNotContain("<link");
        }
    }

    @Test
    void front_page_has_a_search_box_and_recent_items() throws IOException {
        String body = web.get("/").body();
        assertThat(body).contains("name=\"q\"").contains("/items/" + captureId).contains("Convoy report");
        assertThat(web.get("/static/daleel.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
    }

    @Test
    void hostile_title_is_shown_as_text_on_every_page() throws IOException {
        String item = web.get("/items/" + hostileId).body();
        assertThat(item)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        assertThat(item).contains("&lt;img src=x onerror=alert(2)&gt;.html").doesNotContain("<img");
        String results = web.get("/search?q=hospital").body();
        assertThat(results)
                .contains("/items/" + hostileId)
                .contains("&lt;script&gt;")
                .doesNotContain("<script>alert");
        assertThat(results).contains("<b>hospital</b>");
        String front = web.get("/").body();
        assertThat(front).doesNotContain("<script>alert").doesNotContain("<img");
    }

    @Test
    void item_page_shows_text_digests_downloads_claims_and_a_sandboxed_replay_frame() throws IOException {
        JsonNode item = WebFixture.json(web.get("/api/items/" + captureId));
        String page = web.get("/items/" + captureId).body();
        assertThat(page)
                .contains("evacuation convoy")
                .contains(item.path("sha256").asText())
                .contains(item.path("warc").path("sha256").asText())
                .contains("href=\"/api/items/" + captureId + "/payload\"")
                .contains("href=\"/api/items/" + captureId + "/warc\"")
                .contains("Aleppo")
                .contains("2016-12-15")
                .contains("tester")
                .contains(web.origin.url("/img.png"));
        assertThat(page)
                .contains("<iframe class=\"replay\"")
                .contains("sandbox=\"allow-scripts allow-forms\"")
                .contains("src=\"" + web.server.replayBaseUrl() + "/replay/" + captureId + "/"
                        + web.origin.url("/page.html") + "\"")
                .doesNotContain("allow-same-origin");
        // The Arabic paragraph is whole (the analysis marks entities inside it with links).
        assertThat(org.jsoup.Jsoup.parse(page).select("div.text > p").eachText())
                .contains(WebFixture.ARABIC);
    }

    @Test
    void arabic_item_text_is_right_to_left() throws IOException {
        String arabic =
                "قصفت الطائرات المستشفى الميداني في حي الشعار صباح اليوم، وقال الأطباء إن المستشفى خرج عن الخدمة"
                        + " بعد أن أصيب عدد من المرضى والعاملين.\n";
        var r = web.post("/api/files?name=shaar.txt", "text/plain", arabic.getBytes(StandardCharsets.UTF_8), Map.of());
        String id = WebFixture.json(r).get(0).path("id").asText();
        JsonNode item = WebFixture.json(web.get("/api/items/" + id));
        assertThat(item.path("language").asText()).isEqualTo("ar");
        assertThat(web.get("/items/" + id).body()).contains("<div class=\"text\" lang=\"ar\" dir=\"rtl\">");
    }

    @Test
    void capture_form_redirects_to_the_new_item() throws IOException {
        String form = "url=" + URLEncoder.encode(web.origin.url("/page.html"), StandardCharsets.UTF_8)
                + "&note=form&claimedPlace=Darayya&claimedDate=&allowPrivate=true";
        var r = web.post(
                "/capture",
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8),
                Map.of("Origin", web.server.baseUrl(), "Sec-Fetch-Site", "same-origin"));
        assertThat(r.statusCode()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/items/[0-9A-Z]{26}");
        assertThat(web.get(location).body()).contains("Darayya");
    }

    @Test
    void capture_form_shows_the_error_and_keeps_the_input() throws IOException {
        String form = "url=" + URLEncoder.encode("ftp://example.org/<x>", StandardCharsets.UTF_8) + "&note=keep+me";
        var r = web.post(
                "/capture", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("class=\"error\"")
                .contains("bad-url")
                .contains("keep me")
                .contains("value=\"ftp://example.org/&lt;x&gt;\"");
    }

    @Test
    void cross_site_form_post_is_refused() throws IOException {
        String form =
                "url=" + URLEncoder.encode(web.origin.url("/page.html"), StandardCharsets.UTF_8) + "&allowPrivate=true";
        long before = web.archive.count();
        var r = web.post(
                "/capture",
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8),
                Map.of("Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(web.archive.count()).isEqualTo(before);
    }

    @Test
    void upload_form_shows_new_and_duplicate_per_file() throws IOException {
        byte[] a = "Residents of Madaya described the siege and the lack of food.\n".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("madaya.txt", a);
        files.put("madaya-copy.txt", a);
        var r = web.upload("/upload", files, Map.of("note", "via form"), Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("madaya.txt")
                .contains("madaya-copy.txt")
                .contains("<td class=\"status\">new</td>")
                .contains("<td class=\"status\">duplicate</td>");
    }

    @Test
    void unknown_item_page_is_an_html_404() throws IOException {
        var r = web.get("/items/01JD0000000000000000000000");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("not-found");
        assertThat(web.get("/no/such/page").statusCode()).isEqualTo(404);
    }
}
