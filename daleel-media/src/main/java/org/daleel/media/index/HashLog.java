package org.daleel.media.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.daleel.core.ConflictException;
import org.daleel.core.DaleelException;
import org.daleel.core.IntegrityException;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;

/**
 * The append-only file behind a persisted {@link HashIndex}: {@code DIR/hashes.log}.
 *
 * <p>Format: a 16-byte header (8 bytes magic {@code DALEELHX}, int version 1, int record size 45),
 * then fixed-size records of 45 bytes, big-endian: byte op (1 = add or replace, 2 = remove), long id,
 * four long hash words (most significant first; zero for a remove), int CRC-32C of the preceding 41
 * bytes. Opening replays the records; a partial last record (a write cut short by a crash) is cut
 * off; a bad checksum elsewhere is an {@link IntegrityException} naming the file and offset.
 * {@code DIR/index.lock} is held locked while open so that one process writes at a time.
 *
 * <p>Not thread-safe; the owning index serialises writes.
 */
final class HashLog implements AutoCloseable {
    static final String LOG_FILE = "hashes.log";
    static final String LOCK_FILE = "index.lock";

    private static final byte[] MAGIC = "DALEELHX".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    static final int HEADER_SIZE = 16;
    static final int RECORD_SIZE = 45;
    private static final byte OP_ADD = 1;
    private static final byte OP_REMOVE = 2;

    /** Receives the records of the log in order while it is opened. */
    interface Replay {
        void add(long id, Hash256 hash);

        void remove(long id);
    }

    private final Path dir;
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;
    private long records;
    private final ByteBuffer record = ByteBuffer.allocate(RECORD_SIZE);
    private final CRC32C crc = new CRC32C();

    private HashLog(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.file = dir.resolve(LOG_FILE);
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating when absent) the log in {@code dir}, locks it and replays it into {@code replay}. */
    static HashLog open(Path dir, Replay replay) {
        FileChannel lockChannel = null;
        FileChannel logChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new ConflictException("hash index " + dir + ": expected an unlocked directory, found " + LOCK_FILE
                        + " locked by another open index");
            }
            HashLog log = new HashLog(dir, lockChannel, lock);
            logChannel = FileChannel.open(
                    log.file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            log.channel = logChannel;
            log.replay(replay);
            return log;
        } catch (IOException e) {
            closeQuietly(logChannel);
            closeQuietly(lockChannel);
            throw new DaleelException("hash index " + dir + ": could not open: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(logChannel);
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** Number of records in the log (adds and removes, including superseded ones). */
    long records() {
        return records;
    }

    void appendAdd(long id, Hash256 hash) {
        append(OP_ADD, id, hash);
    }

    void appendRemove(long id) {
        append(OP_REMOVE, id, Hash256.ZERO);
    }

    private void append(byte op, long id, Hash256 hash) {
        record.clear();
        putRecord(record, op, id, hash);
        record.flip();
        try {
            while (record.hasRemaining()) {
                channel.write(record);
            }
        } catch (IOException e) {
            throw new DaleelException("hash index " + dir + ": could not append to " + file + ": " + e.getMessage(), e);
        }
        records++;
    }

    private void putRecord(ByteBuffer buf, byte op, long id, Hash256 hash) {
        int start = buf.position();
        buf.put(op)
                .putLong(id)
                .putLong(hash.w0())
                .putLong(hash.w1())
                .putLong(hash.w2())
                .putLong(hash.w3());
        crc.reset();
        crc.update(buf.array(), buf.arrayOffset() + start, RECORD_SIZE - 4);
        buf.putInt((int) crc.getValue());
    }

    /**
     * Replaces the log by one holding only the given live entries: written to a temporary file,
     * forced to disk, then atomically renamed over the log.
     */
    void rewrite(HashEntries entries) {
        Path tmp = dir.resolve(LOG_FILE + ".tmp");
        try (FileChannel out = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(RECORD_SIZE * 1024);
            writeHeader(buf);
            for (int s = 0; s < entries.size(); s++) {
                if (buf.remaining() < RECORD_SIZE) {
                    drain(buf, out);
                }
                putRecord(buf, OP_ADD, entries.id(s), entries.hash(s));
            }
            drain(buf, out);
            out.force(true);
        } catch (IOException e) {
            throw new DaleelException("hash index " + dir + ": could not write " + tmp + ": " + e.getMessage(), e);
        }
        try {
            channel.close();
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.position(channel.size());
            records = entries.size();
        } catch (IOException e) {
            throw new DaleelException("hash index " + dir + ": could not replace " + file + ": " + e.getMessage(), e);
        }
    }

    private static void drain(ByteBuffer buf, FileChannel out) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            out.write(buf);
        }
        buf.clear();
    }

    private static void writeHeader(ByteBuffer buf) {
        buf.put(MAGIC).putInt(VERSION).putInt(RECORD_SIZE);
    }

    private void replay(Replay replay) throws IOException {
        long length = channel.size();
        if (length == 0) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
            writeHeader(header);
            header.flip();
            channel.write(header, 0);
            channel.force(true);
            channel.position(HEADER_SIZE);
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(RECORD_SIZE * 4096);
        channel.position(0);
        readFully(buf, HEADER_SIZE, length);
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        int version = buf.getInt();
        int recordSize = buf.getInt();
        if (!Arrays.equals(magic, MAGIC) || version != VERSION || recordSize != RECORD_SIZE) {
            throw new IntegrityException("hash index log " + file + ": expected header DALEELHX version " + VERSION
                    + " record size " + RECORD_SIZE + ", found magic '" + new String(magic, StandardCharsets.ISO_8859_1)
                    + "' version " + version + " record size " + recordSize);
        }
        long whole = (length - HEADER_SIZE) / RECORD_SIZE;
        long offset = HEADER_SIZE;
        for (long r = 0; r < whole; r++, offset += RECORD_SIZE) {
            if (buf.remaining() < RECORD_SIZE) {
                buf.compact();
                buf.flip();
                int want = (int) Math.min(buf.capacity() - buf.limit(), length - channel.position());
                readMore(buf, want);
            }
            readRecord(buf, offset, replay);
        }
        records = whole;
        long end = HEADER_SIZE + whole * RECORD_SIZE;
        if (end != length) {
            // A partial record at the end is a write cut short by a crash: drop it.
            channel.truncate(end);
        }
        channel.position(end);
    }

    private void readRecord(ByteBuffer buf, long offset, Replay replay) {
        int start = buf.position();
        crc.reset();
        crc.update(buf.array(), buf.arrayOffset() + start, RECORD_SIZE - 4);
        byte op = buf.get();
        long id = buf.getLong();
        Hash256 hash = new Hash256(buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong());
        int stored = buf.getInt();
        if (stored != (int) crc.getValue()) {
            throw new IntegrityException("hash index log " + file + ": record at offset " + offset
                    + ": expected CRC-32C " + Integer.toHexString((int) crc.getValue()) + ", found "
                    + Integer.toHexString(stored));
        }
        switch (op) {
            case OP_ADD -> replay.add(id, hash);
            case OP_REMOVE -> replay.remove(id);
            default ->
                throw new IntegrityException("hash index log " + file + ": record at offset " + offset
                        + ": expected op 1 (add) or 2 (remove), found " + op);
        }
    }

    private void readFully(ByteBuffer buf, int min, long length) throws IOException {
        buf.clear();
        buf.limit(0);
        readMore(buf, (int) Math.min(buf.capacity(), length));
        if (buf.remaining() < min) {
            throw new IntegrityException("hash index log " + file + ": expected a " + HEADER_SIZE
                    + "-byte header, found " + length + " bytes");
        }
    }

    /** Reads up to {@code want} more bytes after the current limit; leaves the buffer ready to read. */
    private void readMore(ByteBuffer buf, int want) throws IOException {
        int pos = buf.position();
        int target = buf.limit() + want;
        buf.position(buf.limit());
        buf.limit(target);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                break;
            }
        }
        buf.limit(buf.position());
        buf.position(pos);
    }

    /** Forces the log to disk. */
    void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new DaleelException("hash index " + dir + ": could not flush " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.force(false);
            channel.close();
            lock.release();
        } catch (IOException e) {
            throw new DaleelException("hash index " + dir + ": could not close " + file + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // Closing after another failure: the first failure is the one reported.
            }
        }
    }
}
