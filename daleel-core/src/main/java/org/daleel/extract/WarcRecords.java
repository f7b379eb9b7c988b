package org.daleel.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the response (and resource) records of a WARC file, plain or gzipped, to import them as
 * items.
 *
 * <p>Contract: a truncated or corrupt WARC throws {@link org.daleel.core.InvalidInputException}
 * naming the file, the byte offset and what is wrong; nothing is yielded after the first error.
 * Payloads larger than {@code maxPayloadBytes} are not loaded: each is offered to {@link
 * Visitor#large} as a stream (a visitor may store a video that way), and reported to {@link
 * Visitor#skipped} when the visitor does not take it.
 */
public interface WarcRecords {

    /** Calls {@code visitor} for each HTTP response (status 200..299) and resource record, in file order. */
    void read(Path warcFile, long maxPayloadBytes, Visitor visitor) throws IOException;

    /** Receives archived records. */
    @FunctionalInterface
    interface Visitor {
        /** One archived record; {@code payload} is the HTTP body (or resource block), dechunked. */
        void record(ArchivedRecord record) throws IOException;

        /**
         * A response (status 200..299) or resource record whose payload is larger than {@code
         * maxPayloadBytes}, offered as a stream before it is skipped. A visitor that takes it reads
         * {@code payload} (the HTTP body de-chunked and decoded, or the resource block) during this
         * call, as far as it wants, and returns true; the stream is not valid afterwards and need not
         * be closed. Returning false (the default), whether or not it read from the stream, has the
         * reader report it to {@link #skipped} as before. An {@link IOException} thrown here ends the read.
         */
        default boolean large(LargeRecord record, InputStream payload) throws IOException {
            return false;
        }

        /**
         * A response or resource record whose payload was not loaded, so that callers can count and
         * report it: its payload is larger than {@code maxPayloadBytes} (and {@link #large} did not take
         * it), or its HTTP message or content encoding cannot be decoded. The default ignores it.
         *
         * @param offset byte offset of the record in the WARC file
         * @param url WARC-Target-URI, or ""
         * @param reason why it was skipped, e.g. "payload larger than 10485760 bytes"
         */
        default void skipped(long offset, String url, String reason) throws IOException {}
    }

    /**
     * An archived HTTP response or resource.
     *
     * @param offset byte offset of the record in the WARC file
     * @param url WARC-Target-URI
     * @param date WARC-Date
     * @param status HTTP status (0 for resource records)
     * @param mediaType payload media type
     * @param payload the payload bytes
     * @param contentRange the response's {@code Content-Range} header (RFC 9110 s14.4), "" when none
     */
    record ArchivedRecord(
            long offset,
            String url,
            java.time.Instant date,
            int status,
            String mediaType,
            byte[] payload,
            String contentRange) {
        public ArchivedRecord {
            contentRange = Objects.requireNonNullElse(contentRange, "");
        }

        /** A record without a {@code Content-Range} header. */
        public ArchivedRecord(long offset, String url, Instant date, int status, String mediaType, byte[] payload) {
            this(offset, url, date, status, mediaType, payload, "");
        }

        /** Whether the payload is the whole resource: not a partial (206) response, see {@link #isWhole}. */
        public boolean whole() {
            return isWhole(status, contentRange, payload.length);
        }
    }

    /**
     * The head of a record whose payload is larger than the bound, offered to {@link Visitor#large}.
     *
     * @param offset byte offset of the record in the WARC file
     * @param url WARC-Target-URI
     * @param date WARC-Date
     * @param status HTTP status (0 for resource records)
     * @param mediaType payload media type as declared ({@code Content-Type}), "" when none
     * @param contentRange the response's {@code Content-Range} header, "" when none
     * @param size payload size when known before decoding (no content encoding), else -1
     */
    record LargeRecord(
            long offset, String url, Instant date, int status, String mediaType, String contentRange, long size) {
        public LargeRecord {
            Objects.requireNonNull(url, "url");
            mediaType = Objects.requireNonNullElse(mediaType, "");
            contentRange = Objects.requireNonNullElse(contentRange, "");
        }

        /** Whether a payload of {@code length} bytes is the whole resource; see {@link #isWhole}. */
        public boolean whole(long length) {
            return isWhole(status, contentRange, length);
        }
    }

    /**
     * Whether a response of {@code status} with {@code contentRange} and a payload of {@code length}
     * bytes holds the whole resource: any status but 206, or a 206 whose {@code Content-Range} is
     * {@code bytes 0-(n-1)/n} with {@code n == length} (RFC 9110 s14.4: the range covers every byte
     * of a representation of known length). A 206 without that header, with another range or an
     * unknown length ({@code /*}) is a fragment.
     */
    static boolean isWhole(int status, String contentRange, long length) {
        if (status != 206) {
            return true;
        }
        // bytes 0-LAST/COMPLETE, the unit case-insensitive (RFC 9110 s14.1)
        Matcher m = Pattern.compile("(?i)bytes[ \\t]+0+-([0-9]+)/([0-9]+)")
                .matcher(contentRange == null ? "" : contentRange.strip());
        if (!m.matches() || m.group(1).length() > 18 || m.group(2).length() > 18) {
            return false;
        }
        long last = Long.parseLong(m.group(1));
        long complete = Long.parseLong(m.group(2));
        return length > 0 && complete == length && last == length - 1;
    }
}
