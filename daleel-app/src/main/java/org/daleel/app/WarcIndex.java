package org.daleel.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.daleel.blob.Digests;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Reads the records of one WARC file (plain or gzip per record) with jwarc for packaging: the CDXJ
 * lines of its response and resource records, and each record's declared and recomputed
 * {@code WARC-Block-Digest} and {@code WARC-Payload-Digest}.
 */
final class WarcIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private WarcIndex() {}

    /**
     * One record as read.
     *
     * @param offset byte offset of the record in the file (compressed offset for .warc.gz)
     * @param length bytes up to the next record
     * @param type WARC-Type
     * @param target WARC-Target-URI, or ""
     * @param timestamp 14-digit UTC WARC-Date
     * @param mime payload media type, or ""
     * @param status HTTP status of a response, 0 for none
     * @param declaredBlock the WARC-Block-Digest field, or ""
     * @param block recomputed block digest, sha256 lowercase hex
     * @param declaredPayload the WARC-Payload-Digest field, or ""
     * @param payload recomputed payload sha256 hex (response entity body, resource block), or ""
     */
    record Entry(
            long offset,
            long length,
            String type,
            String target,
            String timestamp,
            String mime,
            int status,
            String declaredBlock,
            String block,
            String declaredPayload,
            String payload) {}

    /** Every record of {@code warc}. */
    static List<Entry> read(Path warc) throws IOException {
        try (InputStream in = Files.newInputStream(warc)) {
            return read(in, Files.size(warc));
        }
    }

    /**
     * Every record of a WARC read from {@code in}, {@code total} bytes long.
     *
     * @throws IOException when the file is not a WARC jwarc can parse
     */
    static List<Entry> read(InputStream in, long total) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(in)) {
            reader.calculateBlockDigest();
            Optional<WarcRecord> next;
            List<Entry> pending = new ArrayList<>();
            while ((next = reader.next()).isPresent()) {
                WarcRecord r = next.get();
                long offset = reader.position(); // the start of the record just read
                String target = r instanceof WarcTargetRecord t ? t.target() : "";
                String mime = "";
                int status = 0;
                String payload = "";
                String declaredPayload = "";
                if (r instanceof WarcTargetRecord t) {
                    declaredPayload = t.payloadDigest().map(WarcIndex::hex).orElse("");
                }
                if (r instanceof WarcResponse resp) {
                    status = resp.http().status();
                    mime = resp.http().contentType().base().toString();
                    payload = sha256(resp.http().body());
                } else if (r instanceof WarcResource res) {
                    mime = res.contentType().base().toString();
                    payload = sha256(res.body());
                }
                String declaredBlock = r.blockDigest().map(WarcIndex::hex).orElse("");
                String block = r.calculatedBlockDigest().map(WarcIndex::hex).orElse("");
                pending.add(new Entry(
                        offset,
                        0,
                        r.type(),
                        target,
                        STAMP.format(r.date()),
                        mime,
                        status,
                        declaredBlock,
                        block,
                        declaredPayload,
                        payload));
            }
            pending.add(new Entry(total, 0, "", "", "", "", 0, "", "", "", ""));
            for (int i = 0; i + 1 < pending.size(); i++) {
                Entry e = pending.get(i);
                long end = pending.get(i + 1).offset();
                out.add(new Entry(
                        e.offset(),
                        end - e.offset(),
                        e.type(),
                        e.target(),
                        e.timestamp(),
                        e.mime(),
                        e.status(),
                        e.declaredBlock(),
                        e.block(),
                        e.declaredPayload(),
                        e.payload()));
            }
        }
        return out;
    }

    /** CDXJ lines (unsorted) for the response and resource records of {@code warc}. */
    static List<String> cdxj(Path warc, String fileName) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Entry e : read(warc)) {
            if (!e.type().equals("response") && !e.type().equals("resource")) {
                continue;
            }
            ObjectNode o = JSON.createObjectNode();
            o.put("url", e.target());
            o.put("mime", e.mime());
            if (e.status() != 0) {
                o.put("status", Integer.toString(e.status()));
            }
            o.put("digest", "sha256:" + e.payload());
            o.put("length", Long.toString(e.length()));
            o.put("offset", Long.toString(e.offset()));
            o.put("filename", fileName);
            try {
                lines.add(surt(e.target()) + " " + e.timestamp() + " " + JSON.writeValueAsString(o));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("CDXJ line for " + e.target() + " could not be written", ex);
            }
        }
        return lines;
    }

    /** A SURT-style sort key: host labels reversed and comma-separated, ')' and the path and query. */
    static String surt(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
        if (uri.getHost() == null) {
            return url;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        List<String> labels = new ArrayList<>(List.of(host.split("\\.")));
        if (!host.matches("[0-9.]+")) {
            java.util.Collections.reverse(labels);
        }
        String key = String.join(",", labels);
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (port == 80 && "http".equals(uri.getScheme()))
                || (port == 443 && "https".equals(uri.getScheme()));
        if (!defaultPort) {
            key += ":" + port;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return key + ")" + path.toLowerCase(Locale.ROOT) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String hex(WarcDigest d) {
        return d.algorithm().toLowerCase(Locale.ROOT).replace("-", "") + ":" + d.hex();
    }

    private static String sha256(MessageBody body) throws IOException {
        MessageDigest md = Digests.sha256();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        while (body.read(buf) >= 0) {
            buf.flip();
            md.update(buf);
            buf.clear();
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
