package org.daleel.extract.warc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** WARC files written byte by byte (WARC 1.1 s4), independent of the library under test. */
final class WarcFixtures {
    private WarcFixtures() {}

    /** One record: header, block, CRLF CRLF. */
    static byte[] record(String type, String url, String contentType, byte[] block) {
        String header = "WARC/1.1\r\n"
                + "WARC-Type: " + type + "\r\n"
                + "WARC-Record-ID: <urn:uuid:"
                + java.util.UUID.nameUUIDFromBytes((type + url + block.length).getBytes(StandardCharsets.UTF_8))
                + ">\r\n"
                + "WARC-Date: 2016-08-20T10:00:00Z\r\n"
                + (url.isEmpty() ? "" : "WARC-Target-URI: " + url + "\r\n")
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + block.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(block);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] response(String url, String httpHead, byte[] body) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.writeBytes(httpHead.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        block.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        block.writeBytes(body);
        return record("response", url, "application/http;msgtype=response", block.toByteArray());
    }

    static byte[] ok(String url, String contentType, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return response(
                url, "HTTP/1.1 200 OK\nContent-Type: " + contentType + "\nContent-Length: " + b.length + "\n", b);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] chunked(byte[] body, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A file and the offset of each record in it. */
    record Warc(byte[] bytes, List<Long> offsets) {}

    /** Concatenates records, each gzipped as its own member when {@code gzip}. */
    static Warc file(boolean gzip, byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        for (byte[] r : records) {
            offsets.add((long) out.size());
            out.writeBytes(gzip ? gzip(r) : r);
        }
        return new Warc(out.toByteArray(), offsets);
    }

    /** A crawl: warcinfo, request, 200 page, 404, 200 chunked+gzip, revisit, resource, metadata. */
    static Warc crawl(boolean gzip) {
        byte[] page = "<html><title>Darayya</title><p>pumping station</p></html>".getBytes(StandardCharsets.UTF_8);
        byte[] encoded = chunked(gzip("compressed body text".getBytes(StandardCharsets.UTF_8)), 7);
        return file(
                gzip,
                record(
                        "warcinfo",
                        "",
                        "application/warc-fields",
                        "software: test\r\n".getBytes(StandardCharsets.UTF_8)),
                record(
                        "request",
                        "https://example.org/report.html",
                        "application/http;msgtype=request",
                        "GET /report.html HTTP/1.1\r\nHost: example.org\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
                response(
                        "https://example.org/report.html",
                        "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\nContent-Length: " + page.length
                                + "\n",
                        page),
                response(
                        "https://example.org/missing",
                        "HTTP/1.1 404 Not Found\nContent-Type: text/html\nContent-Length: 4\n",
                        "gone".getBytes(StandardCharsets.UTF_8)),
                response(
                        "https://example.org/data.txt",
                        "HTTP/1.1 200 OK\nContent-Type: text/plain\nTransfer-Encoding: chunked\nContent-Encoding: gzip\n",
                        encoded),
                record(
                        "revisit",
                        "https://example.org/report.html",
                        "application/http;msgtype=response",
                        "HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
                record(
                        "resource",
                        "file:///evidence/note.txt",
                        "text/plain; charset=utf-8",
                        "a note about the convoy".getBytes(StandardCharsets.UTF_8)),
                record(
                        "metadata",
                        "https://example.org/report.html",
                        "application/warc-fields",
                        "via: test\r\n".getBytes(StandardCharsets.UTF_8)));
    }
}
