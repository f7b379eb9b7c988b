package org.daleel.capture.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A loopback origin for capture tests: an article with embedded resources and misbehaving endpoints. */
final class OriginServer implements AutoCloseable {
    static final byte[] PHOTO = bytes(3000, 7);
    static final byte[] BACKGROUND = bytes(1500, 11);
    static final byte[] SMALL = bytes(800, 13);
    static final byte[] LARGE = bytes(200 * 1024, 17);
    static final String SCRIPT = "document.title = 'Aleppo, 13 December 2016';\n";
    static final String CSS =
            "/* site */\nbody { background: url(\"../img/bg.png\") no-repeat; }\n" + "h1 { font-family: serif; }\n";
    static final String ARTICLE = """
        <!DOCTYPE html>
        <html lang="ar" dir="rtl"><head>
        <meta charset="utf-8">
        <title>إجلاء حلب الشرقية</title>
        <link rel="stylesheet" href="/css/site.css">
        <link rel="icon" href="/favicon.ico">
        <script src="/js/app.js"></script>
        <style>.banner { background-image: url('/img/banner.png'); }</style>
        </head><body>
        <h1>إجلاء المدنيين من حلب الشرقية</h1>
        <p>Evacuation convoy leaves eastern Aleppo. <a href="/other">other page</a></p>
        <img src="/img/photo.png" srcset="/img/photo.png 1x, /img/photo-2x.png 2x" alt="convoy">
        <img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
        <div style="background: url(/img/div.png)"></div>
        </body></html>
        """;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "origin");
        t.setDaemon(true);
        return t;
    });
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> userAgents = new ConcurrentHashMap<>();
    final Map<String, String> acceptEncodings = new ConcurrentHashMap<>();

    OriginServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        requests.add(path);
        userAgents.put(path, String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
        acceptEncodings.put(path, String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding")));
        try (ex) {
            switch (path) {
                case "/article" -> send(ex, 200, "text/html; charset=utf-8", ARTICLE.getBytes(StandardCharsets.UTF_8));
                case "/css/site.css" -> send(ex, 200, "text/css", CSS.getBytes(StandardCharsets.UTF_8));
                case "/js/app.js" -> send(ex, 200, "application/javascript", SCRIPT.getBytes(StandardCharsets.UTF_8));
                case "/img/photo.png" -> send(ex, 200, "image/png", PHOTO);
                case "/img/bg.png" -> send(ex, 200, "image/png", BACKGROUND);
                case "/img/photo-2x.png", "/img/banner.png", "/img/div.png", "/favicon.ico" ->
                    send(ex, 200, "image/png", SMALL);
                case "/r1" -> redirect(ex, 302, "/r2");
                case "/r2" -> redirect(ex, 301, url("/article"));
                case "/to-metadata" -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/");
                case "/to-ftp" -> redirect(ex, 302, "ftp://127.0.0.1/file");
                case "/missing" -> send(ex, 404, "text/plain", "no such page".getBytes(StandardCharsets.UTF_8));
                case "/slow" -> {
                    sleep(3000);
                    send(ex, 200, "text/plain", "late".getBytes(StandardCharsets.UTF_8));
                }
                case "/big" -> send(ex, 200, "application/octet-stream", LARGE);
                case "/big-chunked" -> sendChunked(ex, "application/octet-stream", LARGE);
                case "/chunked" ->
                    sendChunked(ex, "text/html", "<html><body>chunked</body></html>".getBytes(StandardCharsets.UTF_8));
                case "/broken-image" ->
                    send(
                            ex,
                            200,
                            "text/html",
                            "<html><body><img src=/img/none.png><img src=/img/photo.png><img src=/big></body></html>"
                                    .getBytes(StandardCharsets.UTF_8));
                default -> {
                    if (path.startsWith("/loop/")) {
                        int n = Integer.parseInt(path.substring(6));
                        redirect(ex, 302, "/loop/" + (n + 1));
                    } else {
                        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sendChunked(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < body.length; i += 1000) {
                out.write(body, i, Math.min(1000, body.length - i));
                out.flush();
            }
        }
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        send(ex, status, "text/plain", ("see " + location).getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * seed + (i >> 8));
        }
        return b;
    }
}
