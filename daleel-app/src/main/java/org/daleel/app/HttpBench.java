package org.daleel.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.daleel.archive.Archive;
import org.daleel.core.Version;
import org.daleel.web.DaleelServer;
import org.daleel.web.ServerConfig;

/** Search latency through the HTTP API, against a server started in this process on free ports. */
final class HttpBench {
    private HttpBench() {}

    static void run(Archive archive, String[] terms, int queries) throws IOException {
        ServerConfig config = ServerConfig.defaults(Version.current()).withPort(0);
        try (DaleelServer server = new DaleelServer(config, archive).start();
                HttpClient http = HttpClient.newHttpClient()) {
            long[] nanos = new long[queries];
            for (int i = -50; i < queries; i++) {
                URI uri = URI.create(server.baseUrl() + "/api/search?limit=10&q="
                        + URLEncoder.encode(terms[Math.floorMod(i, terms.length)], StandardCharsets.UTF_8));
                long t = System.nanoTime();
                HttpResponse<String> r =
                        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IOException("search answered " + r.statusCode() + ": " + r.body());
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "search (HTTP API, keep-alive client, top 10 with snippets): median %.2f ms, p95 %.2f ms%n",
                    BenchCommand.pct(nanos, 50),
                    BenchCommand.pct(nanos, 95));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
