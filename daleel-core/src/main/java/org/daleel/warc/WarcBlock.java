package org.daleel.warc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The content block of a WARC record (WARC 1.1 s5.2): an optional protocol head (for HTTP the
 * request or status line and headers) followed by the payload.
 *
 * <p>The payload is what {@code WARC-Payload-Digest} covers (s5.9): the entity body of an HTTP
 * message, or the whole block of a {@code resource} record. A block made with {@link #of(byte[])} has
 * no payload of its own (warcinfo, metadata, a GET request) and gets no payload digest.
 *
 * <p>A block backed by a file reads it when the record is written; the file must not change until
 * then. Immutable.
 */
public final class WarcBlock {
    private static final byte[] EMPTY = new byte[0];

    private final byte[] head;
    private final byte[] payloadBytes;
    private final Path payloadFile;
    private final long payloadLength;
    private final boolean hasPayload;

    private WarcBlock(byte[] head, byte[] payloadBytes, Path payloadFile, long payloadLength, boolean hasPayload) {
        this.head = head;
        this.payloadBytes = payloadBytes;
        this.payloadFile = payloadFile;
        this.payloadLength = payloadLength;
        this.hasPayload = hasPayload;
    }

    /** A block without a distinct payload (warcinfo fields, metadata, an HTTP request without body). */
    public static WarcBlock of(byte[] block) {
        return new WarcBlock(block.clone(), EMPTY, null, 0, false);
    }

    /** An HTTP message: {@code head} (start line, headers and the empty line) and the entity body. */
    public static WarcBlock http(byte[] head, byte[] body) {
        return new WarcBlock(head.clone(), body.clone(), null, body.length, true);
    }

    /** An HTTP message whose entity body is the content of {@code bodyFile}. */
    public static WarcBlock http(byte[] head, Path bodyFile) throws IOException {
        return new WarcBlock(head.clone(), EMPTY, Objects.requireNonNull(bodyFile), Files.size(bodyFile), true);
    }

    /** A block that is all payload (a {@code resource} record). */
    public static WarcBlock payload(byte[] content) {
        return new WarcBlock(EMPTY, content.clone(), null, content.length, true);
    }

    /** A block that is all payload, read from {@code file}. */
    public static WarcBlock payload(Path file) throws IOException {
        return new WarcBlock(EMPTY, EMPTY, Objects.requireNonNull(file), Files.size(file), true);
    }

    /** Length of the whole block in bytes: the record's {@code Content-Length}. */
    public long length() {
        return head.length + (hasPayload ? payloadLength : 0);
    }

    /** Length of the payload part (0 when there is none). */
    public long payloadLength() {
        return hasPayload ? payloadLength : 0;
    }

    /** True when the block has a payload that gets a {@code WARC-Payload-Digest}. */
    public boolean hasPayload() {
        return hasPayload;
    }

    /** A copy of the head part. */
    public byte[] head() {
        return head.clone();
    }

    /** Opens the payload part (empty when there is none). */
    public InputStream openPayload() throws IOException {
        if (payloadFile != null) {
            return Files.newInputStream(payloadFile);
        }
        return new ByteArrayInputStream(payloadBytes);
    }

    /** Opens the whole block, head then payload. */
    public InputStream open() throws IOException {
        return new SequenceInputStream(new ByteArrayInputStream(head), openPayload());
    }
}
