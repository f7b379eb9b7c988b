package org.daleel.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.daleel.match.TestVideos;

/**
 * What the picture and video tests of the CLI set up: slideshow videos of {@link MediaIT#photo}
 * pictures made by ffmpeg ({@link TestVideos}), stills cut from them, a loopback origin serving a
 * page with its pictures and videos, WARC files written record by record, and reading the CLI's JSON.
 */
final class MediaFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private MediaFixtures() {}

    /**
     * A video of {@code count} photos ({@link MediaIT#photo} of seeds {@code firstSeed},
     * {@code firstSeed + 1}, ...) shown {@code seconds} each, H.264 at 640 pixels wide, 25 fps, with a
     * creation time (2016-06-15T10:00:00Z) and a position (33.3152, 43.7848: Fallujah).
     */
    static Path slideshow(Path dir, String name, int firstSeed, int count, double seconds)
            throws IOException, InterruptedException {
        List<Path> pictures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path p = dir.resolve(name + "-photo" + i + ".png");
            ImageIO.write(MediaIT.photo(firstSeed + i), "png", p.toFile());
            pictures.add(p);
        }
        return TestVideos.slideshow(
                dir.resolve(name),
                pictures,
                seconds,
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-metadata",
                "creation_time=2016-06-15T10:00:00Z",
                "-metadata",
                "location=+33.3152+043.7848/");
    }

    /** A synthetic test-pattern clip (ffmpeg's testsrc2) of {@code seconds} at 320×240, MPEG-4 part 2. */
    static Path testPattern(Path out, double seconds) throws IOException, InterruptedException {
        return TestVideos.make(
                out, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=" + seconds, "-c:v", "mpeg4");
    }

    /** The frame of {@code video} at {@code seconds}, through the ffmpeg filter {@code filter}, as a picture. */
    static Path still(Path video, double seconds, String filter, Path out) throws IOException, InterruptedException {
        return TestVideos.make(
                out, "-ss", Double.toString(seconds), "-i", video.toString(), "-frames:v", "1", "-vf", filter);
    }

    /** Stdout of a successful CLI run, as JSON. */
    static JsonNode json(Cli.Result result) throws IOException {
        return JSON.readTree(result.assertOk().out());
    }

    /** Imports {@code file} through the CLI with {@code options} and returns the new item's id. */
    static String importId(Path data, Path file, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("import", file.toString()));
        args.addAll(List.of(options));
        args.add("--json");
        return json(Cli.run(data, args.toArray(String[]::new)))
                .get(0)
                .path("id")
                .asText();
    }

    /** {@code daleel show ID --json}. */
    static JsonNode show(Path data, String id) throws IOException, InterruptedException {
        return json(Cli.run(data, "show", id, "--json"));
    }

    /** {@code daleel match FILE --json}. */
    static JsonNode match(Path data, Path file) throws IOException, InterruptedException {
        return json(Cli.run(data, "match", file.toString(), "--json"));
    }

    /** The first element of {@code array} whose {@code field} is {@code value}, or null. */
    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        return null;
    }

    /** The one WARC file of {@code data}'s {@code warcs/} matching {@code glob}. */
    static Path warc(Path data, String glob) throws IOException {
        try (DirectoryStream<Path> warcs = Files.newDirectoryStream(data.resolve("warcs"), glob)) {
            Iterator<Path> it = warcs.iterator();
            if (!it.hasNext()) {
                throw new AssertionError("no WARC " + glob + " in " + data.resolve("warcs"));
            }
            return it.next();
        }
    }

    /**
     * A loopback origin serving {@code files} by path with a 200 each (404 for others), typed by
     * extension (.html, .mp4, .jpg, .png), recording each request's {@code Range} header ("null" when
     * absent).
     */
    static final class Origin implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, String> ranges = new ConcurrentHashMap<>();

        Origin(Map<String, byte[]> files) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                ranges.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
                byte[] body = files.get(path);
                try (exchange) {
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Type", type(path));
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
        }

        private static String type(String path) {
            if (path.endsWith(".html")) {
                return "text/html; charset=utf-8";
            }
            if (path.endsWith(".mp4")) {
                return "video/mp4";
            }
            return path.endsWith(".png") ? "image/png" : "image/jpeg";
        }

        /** {@code http://127.0.0.1:PORT}. */
        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The {@code Range} header of the last request for each path asked for. */
        Map<String, String> ranges() {
            return ranges;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * A WARC 1.1 file (uncompressed) written record by record, so that a test chooses each response's
     * status and headers (a 206 with its {@code Content-Range}, say).
     */
    static final class Warc {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        /** Adds a response record for {@code url}: the HTTP head (lines without the blank line) and body. */
        Warc response(String url, String httpHead, byte[] body) {
            ByteArrayOutputStream http = new ByteArrayOutputStream();
            http.writeBytes((httpHead.strip().replace("\n", "\r\n") + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            http.writeBytes(body);
            String head = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + UUID.randomUUID()
                    + ">\r\nWARC-Date: 2016-12-13T10:00:00Z\r\nWARC-Target-URI: " + url
                    + "\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: " + http.size()
                    + "\r\n\r\n";
            bytes.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            bytes.writeBytes(http.toByteArray());
            bytes.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        /** Adds a 200 response of {@code contentType}. */
        Warc ok(String url, String contentType, byte[] body) {
            return response(url, "HTTP/1.1 200 OK\nContent-Type: " + contentType, body);
        }

        /** Writes the file. */
        Path write(Path out) throws IOException {
            return Files.write(out, bytes.toByteArray());
        }
    }
}
