package org.daleel.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.daleel.archive.LocalArchive;

/**
 * A running Daleel server on a real archive (ports 0, private capture allowed, 2 MiB uploads) and
 * a loopback origin with a page that has English and Arabic text, an image, a stylesheet and a
 * script. Helpers speak HTTP with the JDK client and never follow redirects.
 */
final class WebFixture implements AutoCloseable {
    static final long MAX_UPLOAD = 2L * 1024 * 1024;
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    static final String ARABIC = "غادرت القافلة الأحياء الشرقية عند الفجر وهي تحمل المدنيين الجرحى نحو الريف الغربي،"
            + " ووصف الشهود طوابير طويلة عند المعبر.";

    final LocalArchive archive;
    final DaleelServer server;
    final OriginServer origin;
    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    WebFixture(Path data) throws IOException {
        archive = TestArchive.open(data);
        origin = new OriginServer();
        String img = origin.url("/img.png");
        origin.page("/img.png", "image/png", PNG)
                .page("/style.css", "text/css", "body { background: url(\"/img.png\") no-repeat; }")
                .page("/app.js", "application/javascript", "document.body.setAttribute('data-js', 'ran');")
                .page("/page.html", "text/html; charset=utf-8", """
                        <!doctype html><html><head><title>Convoy report</title>
                        <link rel="stylesheet" href="style.css"></head>
                        <body><article><h1>Convoy report</h1>
                        <p>The evacuation convoy left the eastern districts at dawn on 15 December, carrying wounded
                        civilians toward the western countryside. Witnesses described long queues at the crossing
                        and volunteers counted the buses and ambulances as they passed the checkpoint.</p>
                        <p>Medical teams said the wounded had waited for days without treatment, and that the
                        convoy stopped twice before it reached the crossing in the late afternoon.</p>
                        <p>%s</p>
                        <img id="local" src="/img.png" alt="map"><img id="absolute" src="%s" alt="map again">
                        <a href="%s">other page</a>
                        <script src="app.js"></script>
                        </article></body></html>
                        """.formatted(ARABIC, img, origin.url("/other.html")));
        ServerConfig config = ServerConfig.defaults("test")
                .withPort(0)
                .withAllowPrivateCapture(true)
                .withMaxUploadBytes(MAX_UPLOAD)
                .withOperator("tester");
        server = new DaleelServer(config, archive, archive.custody()).start();
    }

    @Override
    public void close() {
        server.stop();
        origin.close();
        archive.close();
    }

    /** Captures the origin's page through the API; returns the item JSON. */
    JsonNode capturePage() throws IOException {
        var r = postJson(
                "/api/captures",
                "{\"url\": \"" + origin.url("/page.html")
                        + "\", \"note\": \"from a test\", \"claimedPlace\": \"Aleppo\", \"claimedDate\": \"2016-12-15\","
                        + " \"allowPrivate\": true}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("capture failed: " + r.statusCode() + " " + r.body());
        }
        return Json.parse(r.body(), "capture response");
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getReplay(String path) throws IOException {
        return send(
                HttpRequest.newBuilder(URI.create(server.replayBaseUrl() + path))
                        .GET(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException {
        return send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        var b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return send(b, HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs files as multipart/form-data parts named {@code file}, plus text fields. */
    HttpResponse<String> upload(
            String path, Map<String, byte[]> files, Map<String, String> fields, Map<String, String> headers)
            throws IOException {
        String boundary = "----daleel-test-boundary-7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                            + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (var f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body(), "response body");
    }
}
