package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTest {
    @TempDir
    static Path data;

    static WebFixture web;
    static JsonNode captured;
    /**
     * A second server on the same archive with a 1 KiB upload bound: over-limit bodies of a few KiB
     * sit whole in the socket buffers before the server answers early and closes, so the client
     * reliably reads the 413 (with megabytes it may see the connection reset first).
     */
    static DaleelServer small;

    @BeforeAll
    static void start() throws IOException {
        web = new WebFixture(data);
        captured = web.capturePage();
        small = new DaleelServer(ServerConfig.defaults("test").withPort(0).withMaxUploadBytes(1024), web.archive)
                .start();
    }

    @AfterAll
    static void stop() {
        small.stop();
        web.close();
    }

    @Test
    void capture_of_a_loopback_page_returns_the_item_with_all_fields_and_resources() throws IOException {
        assertThat(captured.path("id").asText()).hasSize(26);
        assertThat(captured.path("kind").asText()).isEqualTo("capture");
        assertThat(captured.path("url").asText()).isEqualTo(web.origin.url("/page.html"));
        assertThat(captured.path("title").asText()).isEqualTo("Convoy report");
        assertThat(captured.path("text").asText()).contains("evacuation convoy").contains("القافلة");
        assertThat(captured.path("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(captured.path("capturedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(captured.path("warc").path("fileName").asText()).endsWith(".warc.gz");
        assertThat(captured.path("warc").path("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(captured.path("provenance").path("operator").asText()).isEqualTo("tester");
        assertThat(captured.path("provenance").path("claimedPlace").asText()).isEqualTo("Aleppo");
        assertThat(captured.path("provenance").path("claimedDate").asText()).isEqualTo("2016-12-15");
        assertThat(captured.path("provenance").path("note").asText()).isEqualTo("from a test");
        List<String> resourceUrls = new ArrayList<>();
        captured.path("resources").forEach(r -> resourceUrls.add(r.path("url").asText()));
        assertThat(resourceUrls).contains(web.origin.url("/img.png"), web.origin.url("/style.css"));
        for (String field : List.of(
                "id",
                "kind",
                "url",
                "requestedUrl",
                "fileName",
                "sha256",
                "size",
                "mediaType",
                "capturedAt",
                "title",
                "text",
                "language",
                "published",
                "extractionNote",
                "warc",
                "provenance",
                "resources")) {
            assertThat(captured.has(field)).as(field).isTrue();
        }

        var again = (com.fasterxml.jackson.databind.node.ObjectNode)
                WebFixture.json(web.get("/api/items/" + captured.path("id").asText()));
        assertThat(again.path("analysis").path("events").get(0).path("type").asText())
                .as("GET carries the item's analysis")
                .isEqualTo("evacuation");
        again.remove("analysis");
        assertThat(again).isEqualTo(captured);
    }

    @Test
    void capture_of_a_private_address_without_allow_private_is_403() throws IOException {
        var r = web.postJson("/api/captures", "{\"url\": \"" + web.origin.url("/page.html") + "\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(WebFixture.json(r).path("error").asText()).isEqualTo("forbidden-address");
    }

    @Test
    void capture_of_a_missing_upstream_page_is_502() throws IOException {
        var r = web.postJson(
                "/api/captures", "{\"url\": \"" + web.origin.url("/gone.html") + "\", \"allowPrivate\": true}");
        assertThat(r.statusCode()).isEqualTo(502);
        JsonNode body = WebFixture.json(r);
        assertThat(body.path("error").asText()).isEqualTo("capture-http-status");
        assertThat(body.path("detail").asText()).contains("/gone.html");
    }

    @Test
    void capture_of_a_malformed_url_is_400() throws IOException {
        var r = web.postJson("/api/captures", "{\"url\": \"ftp://example.org/file\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WebFixture.json(r).path("error").asText()).isEqualTo("bad-url");
    }

    @Test
    void malformed_json_is_400_naming_the_position() throws IOException {
        var r = web.postJson("/api/captures", "{\"url\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = WebFixture.json(r);
        assertThat(body.path("error").asText()).isEqualTo("invalid-input");
        assertThat(body.path("detail").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void unknown_capture_field_is_400_naming_the_field() throws IOException {
        var r = web.postJson("/api/captures", "{\"url\": \"https://example.org/\", \"claimed_place\": \"Homs\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WebFixture.json(r).path("detail").asText())
                .contains("claimed_place")
                .contains("claimedPlace");
    }

    @Test
    void capture_without_a_json_content_type_is_415() throws IOException {
        var r = web.post(
                "/api/captures",
                "text/plain",
                "{\"url\": \"https://example.org/\"}".getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(WebFixture.json(r).path("error").asText()).isEqualTo("unsupported-media-type");
    }

    @Test
    void cross_site_post_is_refused_with_403() throws IOException {
        var r = web.post(
                "/api/captures",
                "application/json",
                "{\"url\": \"https://example.org/\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Origin", "http://evil.example"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(WebFixture.json(r).path("error").asText()).isEqualTo("forbidden");
        var sandboxed = web.post(
                "/api/files?name=x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8), Map.of("Origin", "null"));
        assertThat(sandboxed.statusCode()).isEqualTo(403);
        var fetchSite = web.post(
                "/api/files?name=x.txt",
                "text/plain",
                "x".getBytes(StandardCharsets.UTF_8),
                Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(fetchSite.statusCode()).isEqualTo(403);
        var sameOrigin = web.post(
                "/api/files?name=same.txt",
                "text/plain",
                "same".getBytes(StandardCharsets.UTF_8),
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", "null"));
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
    }

    @Test
    void request_for_a_foreign_host_name_is_421() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), web.server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /api/health HTTP/1.1\r\nHost: attacker.example:7070\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 421").contains("misdirected-request");
        }
    }

    @Test
    void unknown_item_id_is_404_json() throws IOException {
        var r = web.get("/api/items/01JD0000000000000000000000");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(WebFixture.json(r).path("error").asText()).isEqualTo("not-found");

        var malformed = web.get("/api/items/not-an-id");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(WebFixture.json(malformed).path("detail").asText()).contains("not-an-id");
    }

    @Test
    void unknown_api_route_is_404_json() throws IOException {
        var r = web.get("/api/nothing/here");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = WebFixture.json(r);
        assertThat(body.path("error").asText()).isEqualTo("not-found");
        assertThat(body.path("detail").asText()).isNotBlank();
    }

    @Test
    void empty_query_is_400_json() throws IOException {
        var r = web.get("/api/search?q=");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(WebFixture.json(r).path("detail").asText()).contains("empty");
        assertThat(web.get("/api/search?q=convoy&limit=abc").statusCode()).isEqualTo(400);
        assertThat(web.get("/api/search?q=convoy&from=yesterday").statusCode()).isEqualTo(400);
        assertThat(web.get("/api/search?q=convoy&kind=tweet").statusCode()).isEqualTo(400);
    }

    @Test
    void search_finds_the_captured_page_with_a_snippet() throws IOException {
        var r = web.get("/api/search?q=convoy&limit=5");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = WebFixture.json(r);
        assertThat(body.path("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode hit = body.path("hits").get(0);
        assertThat(hit.path("id").asText()).isEqualTo(captured.path("id").asText());
        assertThat(hit.path("title").asText()).isEqualTo("Convoy report");
        assertThat(hit.path("url").asText()).isEqualTo(web.origin.url("/page.html"));
        assertThat(hit.path("snippet").asText()).containsIgnoringCase("<b>convoy</b>");
        assertThat(hit.has("capturedAt")).isTrue();

        JsonNode arabic = WebFixture.json(
                web.get("/api/search?q=" + java.net.URLEncoder.encode("القافلة", StandardCharsets.UTF_8)));
        assertThat(arabic.path("total").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode filtered = WebFixture.json(web.get("/api/search?q=convoy&kind=file"));
        for (JsonNode h : filtered.path("hits")) {
            assertThat(h.path("id").asText()).isNotEqualTo(captured.path("id").asText());
        }
    }

    @Test
    void upload_then_duplicate_upload_reports_new_then_duplicate() throws IOException {
        byte[] a = "Shelling reported near the hospital in the old city.\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = "Aid trucks waited at the checkpoint for a second day.\n".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("hospital.txt", a);
        files.put("trucks.txt", b);
        var first = web.upload("/api/files", files, Map.of("claimedPlace", "Homs", "note", "two files"), Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode results = WebFixture.json(first);
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("path").asText()).isEqualTo("hospital.txt");
        assertThat(results.get(0).path("status").asText()).isEqualTo("new");
        assertThat(results.get(0).path("sha256").asText()).isEqualTo(sha256(a));
        assertThat(results.get(0).path("records").asInt()).isZero();
        assertThat(results.get(1).path("status").asText()).isEqualTo("new");

        var second = web.upload("/api/files", Map.of("copy-of-hospital.txt", a), Map.of(), Map.of());
        JsonNode dup = WebFixture.json(second).get(0);
        assertThat(dup.path("status").asText()).isEqualTo("duplicate");
        assertThat(dup.path("id").asText()).isEqualTo(results.get(0).path("id").asText());

        JsonNode item = WebFixture.json(
                web.get("/api/items/" + results.get(0).path("id").asText()));
        assertThat(item.path("kind").asText()).isEqualTo("file");
        assertThat(item.path("fileName").asText()).isEqualTo("hospital.txt");
        assertThat(item.path("provenance").path("claimedPlace").asText()).isEqualTo("Homs");
        assertThat(item.path("resources")).isEmpty();
    }

    @Test
    void raw_upload_larger_than_a_megabyte_is_accepted_under_the_limit() throws IOException {
        byte[] big = new byte[1_500_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        var r = web.post("/api/files?name=big.txt&claimedDate=2016-12-13", "application/octet-stream", big, Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = WebFixture.json(r).get(0);
        assertThat(result.path("sha256").asText()).isEqualTo(sha256(big));
        assertThat(result.path("path").asText()).isEqualTo("big.txt");
    }

    @Test
    void upload_over_the_limit_is_413_and_stores_nothing() throws IOException {
        long before = web.archive.count();
        byte[] over = new byte[4096];
        var raw = web.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(small.baseUrl() + "/api/files?name=over.bin"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(over)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(413);
        assertThat(WebFixture.json(raw).path("error").asText()).isEqualTo("too-large");
        assertThat(WebFixture.json(raw).path("detail").asText()).contains("1024");

        String boundary = "XyZ";
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(over);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] body = out.toByteArray();
        for (boolean chunked : new boolean[] {false, true}) {
            // an InputStream publisher has no length: the body goes chunked, so only the parser can stop it
            var publisher = chunked
                    ? java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body);
            var r = web.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(small.baseUrl() + "/api/files"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(publisher),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("chunked " + chunked).isEqualTo(413);
            assertThat(WebFixture.json(r).path("error").asText()).isEqualTo("too-large");
        }
        assertThat(web.archive.count()).isEqualTo(before);
    }

    @Test
    void malformed_multipart_is_400() throws IOException {
        var malformed = web.post(
                "/api/files",
                "multipart/form-data; boundary=XyZ",
                "this is not multipart".getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(WebFixture.json(malformed).path("error").asText()).isEqualTo("invalid-input");
    }

    @Test
    void upload_without_a_file_or_name_is_400() throws IOException {
        var noName = web.post("/api/files", "application/octet-stream", new byte[] {1, 2, 3}, Map.of());
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(WebFixture.json(noName).path("detail").asText()).contains("name");
        var noFile = web.upload("/api/files", Map.of(), Map.of("note", "nothing attached"), Map.of());
        assertThat(noFile.statusCode()).isEqualTo(400);
    }

    @Test
    void payload_download_is_a_sandboxed_attachment_with_the_original_bytes() throws IOException {
        String id = captured.path("id").asText();
        HttpResponse<byte[]> r = web.getBytes(web.server.baseUrl() + "/api/items/" + id + "/payload");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sha256(r.body())).isEqualTo(captured.path("sha256").asText());
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("sandbox"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment").contains("page.html"));
        assertThat(r.headers().firstValue("Repr-Digest"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("sha-256=:"));
    }

    @Test
    void warc_download_is_the_gzipped_warc_file() throws IOException {
        String id = captured.path("id").asText();
        HttpResponse<byte[]> r = web.getBytes(web.server.baseUrl() + "/api/items/" + id + "/warc");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/warc"));
        assertThat(r.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v)
                        .startsWith("attachment")
                        .contains(captured.path("warc").path("fileName").asText()));
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("sandbox"));
        assertThat(sha256(r.body()))
                .isEqualTo(captured.path("warc").path("sha256").asText());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            assertThat(new String(in.readNBytes(8), StandardCharsets.US_ASCII)).isEqualTo("WARC/1.1");
        }
    }

    @Test
    void warc_of_an_uploaded_file_is_404() throws IOException {
        var up = WebFixture.json(web.post(
                "/api/files?name=note.txt",
                "text/plain",
                "A note without a WARC.".getBytes(StandardCharsets.UTF_8),
                Map.of()));
        var r = web.get("/api/items/" + up.get(0).path("id").asText() + "/warc");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(WebFixture.json(r).path("detail").asText()).contains("no WARC");
    }

    @Test
    void recent_items_and_health_report_the_archive() throws IOException {
        JsonNode recent = WebFixture.json(web.get("/api/items?limit=100"));
        assertThat(recent.path("total").asLong()).isEqualTo(web.archive.count());
        assertThat(recent.path("items").findValuesAsText("id"))
                .contains(captured.path("id").asText());
        assertThat(web.get("/api/items?limit=0").statusCode()).isEqualTo(400);
        JsonNode health = WebFixture.json(web.get("/api/health"));
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("items").asLong()).isEqualTo(web.archive.count());
    }

    @Test
    void openapi_document_lists_exactly_the_api_routes() throws IOException {
        var r = web.get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = WebFixture.json(r);
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info").path("version").asText()).isEqualTo("test");
        List<String> documented = new ArrayList<>();
        for (var path : doc.path("paths").properties()) {
            path.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(web.server.apiRoutes());
    }

    @Test
    void docs_page_documents_every_route_and_loads_nothing_external() throws IOException {
        var r = web.get("/api/docs");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        for (String route : web.server.apiRoutes()) {
            assertThat(r.body()).contains(route);
        }
        // Plain links (the footer's attribution) are fine; nothing may be loaded from elsewhere.
        assertThat(r.body())
                .doesNotContain("<script")
                .doesNotContainPattern("src=\"(https?:)?//")
                .doesNotContainPattern("<link[^>]*href=\"(https?:)?//");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
