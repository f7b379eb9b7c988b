package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
    static final String REPLAY_CSP =
            "sandbox allow-scripts allow-forms; default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:";

    @TempDir
    static Path data;

    static WebFixture web;
    static String id;

    @BeforeAll
    static void start() throws IOException {
        web = new WebFixture(data);
        JsonNode item = web.capturePage();
        id = item.path("id").asText();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void captured_page_is_replayed_on_the_replay_port_in_a_sandbox() throws IOException {
        var r = web.getReplay("/replay/" + id + "/" + web.origin.url("/page.html"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).startsWith(REPLAY_CSP));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("Convoy report").contains("القافلة");
    }

    @Test
    void replay_is_not_served_on_the_app_port() throws IOException {
        var r = web.get("/replay/" + id + "/" + web.origin.url("/page.html"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("القافلة");
    }

    @Test
    void replay_origin_serves_no_api_and_no_ui() throws IOException {
        assertThat(web.getReplay("/api/items/" + id).statusCode()).isEqualTo(404);
        assertThat(web.getReplay("/").statusCode()).isEqualTo(404);
        assertThat(web.getReplay("/items/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void urls_in_the_replayed_page_point_into_the_replay_path_not_the_live_web() throws IOException {
        String body = web.getReplay("/replay/" + id + "/" + web.origin.url("/page.html"))
                .body();
        String prefix = "/replay/" + id + "/";
        assertThat(body)
                .contains("src=\"" + prefix + web.origin.url("/img.png") + "\"")
                .contains("href=\"" + prefix + web.origin.url("/style.css") + "\"")
                .contains("src=\"" + prefix + web.origin.url("/app.js") + "\"")
                .contains("href=\"" + prefix + web.origin.url("/other.html") + "\"");
        // every occurrence of the origin's address is inside a replay path
        String live = web.origin.url("");
        int at = body.indexOf(live);
        while (at >= 0) {
            assertThat(body.substring(Math.max(0, at - prefix.length()), at)).isEqualTo(prefix);
            at = body.indexOf(live, at + 1);
        }
        assertThat(body).doesNotContain("daleel-banner").doesNotContain("Archived copy of");
    }

    @Test
    void embedded_resources_are_replayed_with_their_bytes_and_css_is_rewritten() throws IOException {
        HttpResponse<byte[]> img =
                web.getBytes(web.server.replayBaseUrl() + "/replay/" + id + "/" + web.origin.url("/img.png"));
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.body()).isEqualTo(WebFixture.PNG);
        assertThat(img.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(img.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).startsWith(REPLAY_CSP));

        var css = web.getReplay("/replay/" + id + "/" + web.origin.url("/style.css"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("url(\"/replay/" + id + "/" + web.origin.url("/img.png") + "\")");
    }

    @Test
    void unknown_url_in_replay_is_404_with_the_sandbox_header() throws IOException {
        var r = web.getReplay("/replay/" + id + "/" + web.origin.url("/other.html"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).startsWith(REPLAY_CSP));
        assertThat(web.getReplay("/replay/01JD0000000000000000000000/" + web.origin.url("/page.html"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(web.getReplay("/replay/nonsense/http://example.org/").statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_requested_url_of_a_redirected_capture_redirects_to_the_replay_of_the_final_url() throws IOException {
        web.origin.redirect("/old.html", web.origin.url("/page.html"));
        var r = web.postJson(
                "/api/captures", "{\"url\": \"" + web.origin.url("/old.html") + "\", \"allowPrivate\": true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode item = WebFixture.json(r);
        assertThat(item.path("requestedUrl").asText()).isEqualTo(web.origin.url("/old.html"));
        assertThat(item.path("url").asText()).isEqualTo(web.origin.url("/page.html"));
        String redirectedId = item.path("id").asText();
        var replay = web.getReplay("/replay/" + redirectedId + "/" + web.origin.url("/old.html"));
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.headers().firstValue("Location"))
                .hasValueSatisfying(
                        v -> assertThat(v).endsWith("/replay/" + redirectedId + "/" + web.origin.url("/page.html")));
        assertThat(replay.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).startsWith(REPLAY_CSP));
    }

    @Test
    void url_variants_match_the_archived_url() throws IOException {
        String upper = web.origin.url("/page.html").replace("http://", "HTTP://");
        assertThat(web.getReplay("/replay/" + id + "/" + upper).statusCode()).isEqualTo(200);
        assertThat(web.getReplay("/replay/" + id + "/" + web.origin.url("/%70age.html"))
                        .statusCode())
                .isEqualTo(200);
    }
}
