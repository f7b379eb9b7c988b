package org.daleel.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback web site for captures: fixed responses by path, 404 for anything else. */
final class OriginServer implements AutoCloseable {
    record Page(int status, String contentType, byte[] body) {}

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    OriginServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Page page = pages.getOrDefault(
                    exchange.getRequestURI().getPath(),
                    new Page(404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8)));
            exchange.getResponseHeaders().set("Content-Type", page.contentType());
            if (page.status() / 100 == 3) {
                exchange.getResponseHeaders().set("Location", new String(page.body(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(page.status(), -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(page.status(), page.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page.body());
            }
        });
        server.start();
    }

    OriginServer page(String path, String contentType, String body) {
        return page(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    OriginServer page(String path, String contentType, byte[] body) {
        pages.put(path, new Page(200, contentType, body));
        return this;
    }

    /** Answers {@code path} with a 301 to {@code target}. */
    OriginServer redirect(String path, String target) {
        pages.put(path, new Page(301, "text/plain", target.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
