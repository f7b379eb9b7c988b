package org.daleel.extract.warc;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.daleel.core.InvalidInputException;
import org.daleel.extract.WarcRecords;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * {@link WarcRecords} with jwarc: reads WARC 1.0/1.1 files, plain or gzipped (one member per record
 * or not), sequentially. Yields {@code response} records holding an HTTP response with status
 * 200..299, the payload de-chunked and its Content-Encoding (gzip, deflate) decoded, with the
 * response's Content-Type (charset included) as media type; and {@code resource} records with
 * their block. Other records (request, metadata, revisit, warcinfo, DNS responses) are passed over.
 *
 * <p>A record whose payload exceeds the bound is offered to {@link Visitor#large} as a stream (its
 * {@code Content-Range} and, without content encoding, its size are given; an error reading the
 * stream is an {@link InvalidInputException} naming the file and offset) and, when the visitor does
 * not take it, reported through {@link Visitor#skipped}; one whose HTTP message cannot be parsed or
 * whose content encoding cannot be decoded (brotli, zstd) is reported through {@link
 * Visitor#skipped} and not loaded. Framing errors (a bad record header, a body shorter than its Content-Length, a broken
 * gzip member, a record not followed by CRLF CRLF) throw {@link InvalidInputException} naming the
 * file, the offset of the record and the problem; nothing is yielded after them. The file is read
 * as a stream, so skipped payloads are never held in memory. Stateless and thread-safe.
 */
public final class JwarcRecords implements WarcRecords {
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    @Override
    public void read(Path warcFile, long maxPayloadBytes, Visitor visitor) throws IOException {
        if (maxPayloadBytes < 0) {
            throw new InvalidInputException("maxPayloadBytes: expected 0 or more, got " + maxPayloadBytes);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(warcFile), 64 * 1024)) {
            WarcReader reader;
            try {
                reader = new WarcReader(in);
            } catch (IOException | RuntimeException e) {
                throw invalid(warcFile, 0, e);
            }
            try (reader) {
                readRecords(warcFile, reader, maxPayloadBytes, visitor);
            }
        }
    }

    private void readRecords(Path file, WarcReader reader, long max, Visitor visitor) throws IOException {
        List<String> warnings = new ArrayList<>(1);
        reader.onWarning(warnings::add);
        long previous = 0;
        Skip pending = null;
        while (true) {
            Optional<WarcRecord> next;
            try {
                next = reader.next();
            } catch (IOException | RuntimeException e) {
                if (!warnings.isEmpty()) {
                    // a bad trailer (WARC 1.1 s4: a record ends with CRLF CRLF) comes first
                    throw new InvalidInputException(
                            "WARC " + file + ": record at offset " + previous + ": " + warnings.get(0) + ", then: "
                                    + message(e),
                            e);
                }
                // jwarc moves its position only once the previous record was read to its end, so
                // this is the record whose body ended early, or whose header is bad
                throw invalid(file, reader.position(), e);
            }
            if (!warnings.isEmpty()) {
                throw new InvalidInputException(
                        "WARC " + file + ": record at offset " + previous + ": " + warnings.get(0));
            }
            if (pending != null) {
                // the framing after the record was sound, so the problem lies in its HTTP payload
                visitor.skipped(pending.offset(), pending.url(), pending.reason());
                pending = null;
            }
            if (next.isEmpty()) {
                return;
            }
            WarcRecord record = next.get();
            long offset = reader.position();
            previous = offset;
            Loaded loaded;
            try {
                loaded = load(file, record, offset, max);
            } catch (PayloadException e) {
                pending = new Skip(offset, e.url, e.getMessage());
                continue;
            }
            switch (loaded) {
                case Loaded.Record r -> visitor.record(r.record());
                case Loaded.Large l -> {
                    if (!visitor.large(l.record(), new Guarded(l.payload(), file, offset))) {
                        visitor.skipped(offset, l.record().url(), tooLarge(max));
                    }
                }
                case Loaded.Skipped s -> visitor.skipped(offset, s.url(), s.reason());
                case Loaded.Ignored i -> {}
            }
        }
    }

    private record Skip(long offset, String url, String reason) {}

    /** What one record gives. */
    private sealed interface Loaded {
        record Record(ArchivedRecord record) implements Loaded {}

        record Large(LargeRecord record, InputStream payload) implements Loaded {}

        record Skipped(String url, String reason) implements Loaded {}

        record Ignored() implements Loaded {}
    }

    /** A payload that could not be read; a framing error may still show up when reading on. */
    private static final class PayloadException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String url;

        PayloadException(String url, String message, Throwable cause) {
            super(message, cause);
            this.url = url;
        }
    }

    private Loaded load(Path file, WarcRecord record, long offset, long max) throws PayloadException {
        if (record instanceof WarcResponse response) {
            return response(file, response, offset, max);
        }
        if (record instanceof WarcResource resource) {
            return resource(file, resource, offset, max);
        }
        return new Loaded.Ignored();
    }

    private Loaded response(Path file, WarcResponse response, long offset, long max) throws PayloadException {
        String url = target(response);
        String blockType = response.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!blockType.startsWith("application/http")) {
            return new Loaded.Ignored(); // dns:, gemini: and other non-HTTP responses
        }
        HttpResponse http;
        try {
            http = response.http();
        } catch (IOException | RuntimeException e) {
            throw new PayloadException(url, "unparseable HTTP response: " + message(e), e);
        }
        int status = http.status();
        if (status < 200 || status > 299) {
            return new Loaded.Ignored();
        }
        Instant date = date(file, response, offset);
        String mediaType = http.headers().first("Content-Type").orElse("").strip();
        String range = http.headers().first("Content-Range").orElse("").strip();
        List<String> encodings = http.headers().all("Content-Encoding");
        String encoding = encodings.isEmpty()
                ? "identity"
                : encodings.get(encodings.size() - 1).strip().toLowerCase(Locale.ROOT);
        boolean identity = encoding.equals("identity") || encoding.equals("none") || encoding.isEmpty();
        boolean supported =
                identity || encoding.equals("gzip") || encoding.equals("x-gzip") || encoding.equals("deflate");
        if (!supported || encodings.size() > 1) {
            return new Loaded.Skipped(url, "content encoding " + String.join(", ", encodings) + " is not supported");
        }
        try {
            long size = http.body().size();
            if (identity && size > max) {
                return new Loaded.Large(
                        new LargeRecord(offset, url, date, status, mediaType, range, size), http.body().stream());
            }
            InputStream body = http.bodyDecoded().stream();
            byte[] payload = readAtMost(body, max);
            if (payload.length > max) {
                return new Loaded.Large(
                        new LargeRecord(offset, url, date, status, mediaType, range, identity ? size : -1),
                        new SequenceInputStream(new ByteArrayInputStream(payload), body));
            }
            return new Loaded.Record(new ArchivedRecord(offset, url, date, status, mediaType, payload, range));
        } catch (IOException | RuntimeException e) {
            throw new PayloadException(url, "could not read the HTTP payload (" + encoding + "): " + message(e), e);
        }
    }

    private Loaded resource(Path file, WarcResource resource, long offset, long max) throws PayloadException {
        String url = target(resource);
        Instant date = date(file, resource, offset);
        String mediaType = resource.headers().first("Content-Type").orElse("").strip();
        try {
            MessageBody body = resource.body();
            LargeRecord large = new LargeRecord(offset, url, date, 0, mediaType, "", body.size());
            if (body.size() > max) {
                return new Loaded.Large(large, body.stream());
            }
            InputStream in = body.stream();
            byte[] payload = readAtMost(in, max);
            if (payload.length > max) {
                return new Loaded.Large(large, new SequenceInputStream(new ByteArrayInputStream(payload), in));
            }
            return new Loaded.Record(new ArchivedRecord(offset, url, date, 0, mediaType, payload));
        } catch (IOException | RuntimeException e) {
            throw new PayloadException(url, "could not read the resource block: " + message(e), e);
        }
    }

    /** The stream's bytes up to {@code max + 1}: more than {@code max} when the payload is larger. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        int limit = (int) Math.min(max, MAX_ARRAY - 1);
        return in.readNBytes(limit + 1);
    }

    /** A large payload's stream: a read error is the WARC's, named with the file and the record's offset. */
    private static final class Guarded extends FilterInputStream {
        private final Path file;
        private final long offset;

        Guarded(InputStream in, Path file, long offset) {
            super(in);
            this.file = file;
            this.offset = offset;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                throw invalid(file, offset, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw invalid(file, offset, e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException | RuntimeException e) {
                throw invalid(file, offset, e);
            }
        }

        @Override
        public void close() {
            // the reader owns the record's stream
        }
    }

    private static String target(WarcRecord record) {
        String value = record.headers().sole("WARC-Target-URI").orElse("").strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1); // WARC 1.0 grammar quirk (wget)
        }
        return value;
    }

    private static Instant date(Path file, WarcRecord record, long offset) {
        String value = record.headers().sole("WARC-Date").orElse("");
        if (value.isBlank()) {
            throw new InvalidInputException("WARC " + file + ": record at offset " + offset + ": no WARC-Date");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "WARC " + file + ": record at offset " + offset
                            + ": WARC-Date expected as 2016-08-20T10:00:00Z, found '" + value.strip() + "'",
                    e);
        }
    }

    private static String tooLarge(long max) {
        return "payload larger than " + max + " bytes";
    }

    private static InvalidInputException invalid(Path file, long offset, Throwable e) {
        String problem;
        if (e instanceof java.io.EOFException) {
            String m = e.getMessage();
            problem = "truncated: " + (m == null || m.isBlank() ? "the file ends inside the record" : message(e));
        } else {
            problem = message(e);
        }
        return new InvalidInputException("WARC " + file + ": record at offset " + offset + ": " + problem, e);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        String s = m == null || m.isBlank()
                ? e.getClass().getSimpleName()
                : m.strip().replace('\n', ' ');
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
