package org.daleel.extract;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the response (and resource) records of a WARC file, plain or gzipped, to import them as
 * items.
 *
 * <p>Contract: a truncated or corrupt WARC throws {@link org.daleel.core.InvalidInputException}
 * naming the file, the byte offset and what is wrong; nothing is yielded after the first error.
 * Payloads larger than {@code maxPayloadBytes} are skipped and counted, not loaded.
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
         * A response or resource record whose payload was not loaded, so that callers can count and
         * report it: its payload is larger than {@code maxPayloadBytes}, or its HTTP message or
         * content encoding cannot be decoded. The default ignores it.
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
     */
    record ArchivedRecord(
            long offset, String url, java.time.Instant date, int status, String mediaType, byte[] payload) {}
}
