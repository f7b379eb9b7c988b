package org.daleel.warc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.daleel.blob.Digests;

/**
 * Writes WARC 1.1 records to a channel, each record its own gzip member (WARC 1.1 annex D.2), so that
 * a reader can seek to any record's offset and decompress it alone.
 *
 * <p>Each record is {@code WARC/1.1 CRLF}, the named fields, {@code Content-Length},
 * {@code WARC-Block-Digest} and (when the block has a payload) {@code WARC-Payload-Digest}, an empty
 * line, the block and two CRLFs (s4). Digests are {@code sha256:<lowercase hex>} (s5.8, s5.9 leave
 * the encoding to the algorithm label; Daleel names everything by hex SHA-256). The block is read
 * twice: once for the digests and length, once to write it; a block that changes in between fails
 * with an {@link IOException}.
 *
 * <p>The writer does not own the channel: it never closes or forces it; the caller does both. Each
 * {@link #write} flushes its whole record to the channel before returning. Not thread-safe: one
 * writer per file.
 */
public final class WarcWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int BUFFER = 64 * 1024;

    private final WritableByteChannel channel;
    private long position;

    /**
     * Writes to {@code channel}; offsets count from the channel's current position when it is a
     * {@link SeekableByteChannel} (such as a {@link java.nio.channels.FileChannel}), else from 0.
     */
    public WarcWriter(WritableByteChannel channel) throws IOException {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.position = channel instanceof SeekableByteChannel s ? s.position() : 0;
    }

    /** Byte offset where the next record will start. */
    public long position() {
        return position;
    }

    /**
     * Writes one record as its own gzip member.
     *
     * @return the byte offset of the record (of its gzip member) in the channel
     */
    public long write(WarcRecord record) throws IOException {
        WarcBlock block = record.block();
        MessageDigest blockDigest = Digests.sha256();
        MessageDigest payloadDigest = Digests.sha256();
        blockDigest.update(block.head());
        long payloadLength = digest(block, blockDigest, payloadDigest);
        if (payloadLength != block.payloadLength()) {
            throw new IOException(record.type().token() + " record " + record.id() + ": expected a "
                    + block.payloadLength() + "-byte payload, read " + payloadLength);
        }
        StringBuilder head = new StringBuilder(512).append("WARC/1.1\r\n");
        for (Map.Entry<String, String> f : record.fields()) {
            head.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
        }
        head.append("WARC-Block-Digest: sha256:")
                .append(HexFormat.of().formatHex(blockDigest.digest()))
                .append("\r\n");
        if (block.hasPayload()) {
            head.append("WARC-Payload-Digest: sha256:")
                    .append(HexFormat.of().formatHex(payloadDigest.digest()))
                    .append("\r\n");
        }
        head.append("Content-Length: ").append(block.length()).append("\r\n\r\n");

        long offset = position;
        CountingChannelStream sink = new CountingChannelStream(channel);
        GZIPOutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(sink, BUFFER), BUFFER);
        gzip.write(head.toString().getBytes(StandardCharsets.UTF_8));
        gzip.write(block.head());
        long written = copyPayload(block, gzip);
        if (written != block.payloadLength()) {
            throw new IOException(record.type().token() + " record " + record.id() + ": payload changed while"
                    + " writing, expected " + block.payloadLength() + " bytes, read " + written);
        }
        gzip.write(CRLF);
        gzip.write(CRLF);
        gzip.finish();
        gzip.flush();
        position += sink.count;
        return offset;
    }

    private static long digest(WarcBlock block, MessageDigest blockDigest, MessageDigest payloadDigest)
            throws IOException {
        long n = 0;
        try (InputStream in = block.openPayload()) {
            byte[] buf = new byte[BUFFER];
            int r;
            while ((r = in.read(buf)) > 0) {
                blockDigest.update(buf, 0, r);
                payloadDigest.update(buf, 0, r);
                n += r;
            }
        }
        return n;
    }

    private static long copyPayload(WarcBlock block, OutputStream out) throws IOException {
        long n = 0;
        try (InputStream in = block.openPayload()) {
            byte[] buf = new byte[BUFFER];
            int r;
            while ((r = in.read(buf)) > 0) {
                out.write(buf, 0, r);
                n += r;
            }
        }
        return n;
    }

    /** Writes to the channel and counts bytes; never closes it. */
    private static final class CountingChannelStream extends OutputStream {
        private final WritableByteChannel channel;
        private long count;

        CountingChannelStream(WritableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                count += channel.write(buf);
            }
        }
    }
}
