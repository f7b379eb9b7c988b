package org.daleel.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A loopback origin serving the test article (report.html, style.css, station.png) from daleel-core's test fixtures. */
final class Site implements AutoCloseable {
    private final HttpServer server;

    Site() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            try (InputStream in = Site.class.getResourceAsStream("/org/daleel/fixtures/site/" + name)) {
                if (in == null || name.isEmpty() || name.contains("/")) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                byte[] body = in.readAllBytes();
                String type = name.endsWith(".html")
                        ? "text/html; charset=utf-8"
                        : name.endsWith(".css")
                                ? "text/css"
                                : name.endsWith(".png") ? "image/png" : "application/octet-stream";
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
