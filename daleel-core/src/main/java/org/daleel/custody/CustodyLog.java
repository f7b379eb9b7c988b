package org.daleel.custody;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The custody ledger as the archive sees it: an append-only, tamper-evident log of {@link
 * CustodyEvent}s (the adapter in daleel-ledger is an RFC 9162 Merkle log with signed C2SP
 * checkpoints, see {@code daleel-ledger/FORMAT.md}).
 *
 * <p>Contract, for every adapter:
 * <ul>
 *   <li>Durable: when {@link #append} returns an index, the event survives a crash or power loss
 *       and a signed checkpoint covering it is published. An append that throws may or may not have
 *       been stored.
 *   <li>Append-only: entry N never changes; indices count from 0 in append order.
 *   <li>Thread-safe; concurrent appends may be committed together.
 *   <li>Reads see the latest published checkpoint (a read-only handle: the one at open time).
 *       Indices outside it throw {@link org.daleel.core.NotFoundException}. Stored data that fails
 *       a check throws {@link org.daleel.core.IntegrityException} naming the file.
 *   <li>A read-only handle (opened while another process writes) throws
 *       {@link org.daleel.core.ConflictException} from {@link #append}.
 * </ul>
 */
public interface CustodyLog extends AutoCloseable {

    /** Appends {@code event} and returns its entry index once it is durable and checkpointed. */
    long append(CustodyEvent event) throws IOException;

    /**
     * Appends events in one commit where the adapter can, returning their indices in order. Same
     * durability as {@link #append}; on failure any prefix may have been stored.
     */
    default List<Long> appendAll(List<CustodyEvent> events) throws IOException {
        List<Long> indices = new ArrayList<>(events.size());
        for (CustodyEvent e : events) {
            indices.add(append(e));
        }
        return indices;
    }

    /** The indices of every entry about {@code itemId}, ascending; empty when there is none. */
    List<Long> indices(String itemId) throws IOException;

    /** Number of entries in the latest checkpoint. */
    long size();

    /** Entry {@code index}, decoded. */
    CustodyEvent event(long index) throws IOException;

    /** The exact bytes of entry {@code index}: the bytes that were leaf-hashed. */
    byte[] entry(long index) throws IOException;

    /** The latest signed checkpoint note (c2sp.org/tlog-checkpoint), byte for byte as stored. */
    String checkpoint();

    /** The verifier key of the log's signing key (C2SP vkey: {@code name+hexkeyid+base64key}). */
    String verifierKey();

    /** An offline receipt for entry {@code index} in the c2sp.org/tlog-proof@v1 text form. */
    String receipt(long index) throws IOException;

    /** RFC 9162 consistency proof from {@code oldSize} to {@code newSize}, hashes leaf side first. */
    List<byte[]> consistencyProof(long oldSize, long newSize) throws IOException;

    /**
     * A public file of the log as a C2SP tiled log ({@code checkpoint}, {@code tile/<L>/<N>[.p/<W>]},
     * {@code tile/entries/<N>[.p/<W>]}), or empty when there is no such file. Never the signing key.
     *
     * @param path a tlog-tiles path relative to the log's root
     */
    Optional<byte[]> published(String path) throws IOException;

    /**
     * The RFC 3161 time-stamps of the log's checkpoints, each checked now, offline, and the outcome of
     * the latest attempt to get one. Reads only; safe while the log is written. Logs without
     * time-stamps return {@link TimestampReport#none()}.
     */
    default TimestampReport timestamps() throws IOException {
        return TimestampReport.none();
    }

    /**
     * The log of an archive that has none (opened read-only before anything was written): no
     * entries, no checkpoint ({@link org.daleel.core.NotFoundException}), and appends refused with
     * {@link org.daleel.core.ConflictException}.
     */
    static CustodyLog absent() {
        return AbsentCustodyLog.INSTANCE;
    }

    /** Releases the log (and its lock). */
    @Override
    void close();
}
