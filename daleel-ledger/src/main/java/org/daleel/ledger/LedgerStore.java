package org.daleel.ledger;

import java.io.IOException;
import java.util.List;

/**
 * The custody ledger: an append-only Merkle log (RFC 9162 hashing) of opaque entries (Daleel writes
 * {@link LedgerEntry} encodings), with signed checkpoints (c2sp.org/tlog-checkpoint, Ed25519
 * signed notes) and offline-verifiable receipts (c2sp.org/tlog-proof@v1).
 *
 * <p>TODO(issue "Custody ledger"): this port belongs in daleel-core next to BlobStore; it lives
 * here until the lead moves it.
 *
 * <p>Contract, for every adapter:
 * <ul>
 *   <li>Thread-safe. Concurrent appends are committed in groups (one durable write and one
 *       checkpoint per group).
 *   <li>Durable: when {@link #append} returns, the entry, the tree hashes over it and a signed
 *       checkpoint covering it survive a crash or power loss. An append that throws may or may not
 *       have been stored.
 *   <li>Append-only: entry N never changes; every checkpoint is consistent with every earlier one.
 *   <li>Reads see the state of the latest checkpoint. Indices past it throw
 *       {@link org.daleel.core.NotFoundException}; sizes out of range throw
 *       {@link org.daleel.core.InvalidInputException}. Stored data that fails a check throws
 *       {@link org.daleel.core.IntegrityException} naming the file.
 * </ul>
 */
public interface LedgerStore extends AutoCloseable {

    /** Largest entry in bytes (tlog-tiles entry bundles use a 16-bit length prefix). */
    int MAX_ENTRY_BYTES = 65_535;

    /**
     * Appends one entry and returns its index once it is durable and checkpointed.
     *
     * @param entry 0 to {@link #MAX_ENTRY_BYTES} bytes, copied; larger entries throw
     *     {@link org.daleel.core.InvalidInputException}
     */
    long append(byte[] entry) throws IOException;

    /**
     * Appends entries at consecutive indices and returns them, with the durability of {@link
     * #append}; adapters commit them together where they can.
     */
    default List<Long> appendAll(List<byte[]> entries) throws IOException {
        List<Long> indices = new java.util.ArrayList<>(entries.size());
        for (byte[] e : entries) {
            indices.add(append(e));
        }
        return indices;
    }

    /** Number of entries in the latest checkpoint. */
    long size();

    /** The exact bytes of entry {@code index}. */
    byte[] entry(long index) throws IOException;

    /** The latest checkpoint as a signed note (text ending in a newline). */
    String checkpoint();

    /** The verifier key of the log's signing key, {@code name+hexkeyid+base64key}. */
    String verifierKey();

    /** The root hash of the first {@code size} entries, {@code 0 <= size <= size()}. */
    byte[] rootHash(long size) throws IOException;

    /** Inclusion proof of entry {@code index} in the tree of {@code size} entries (RFC 9162 s2.1.3). */
    List<byte[]> inclusionProof(long index, long size) throws IOException;

    /** Consistency proof from {@code oldSize} to {@code newSize} entries, {@code 0 < oldSize <= newSize <= size()}. */
    List<byte[]> consistencyProof(long oldSize, long newSize) throws IOException;

    /**
     * A receipt for entry {@code index} in c2sp.org/tlog-proof@v1 text form: the index, its
     * inclusion proof and the latest checkpoint, verifiable offline with {@link #verifierKey()}.
     */
    String tlogProof(long index) throws IOException;

    /**
     * Re-reads everything stored, recomputes the tree from the entries and checks it against the
     * stored hashes and the signed checkpoint.
     *
     * @return {@link LedgerVerification.Intact}, or the first problem found, naming the first bad
     *     entry when one can be named
     */
    LedgerVerification verify() throws IOException;

    /** Releases the store (and its lock): a batch being committed finishes, appends still queued fail. */
    @Override
    void close();
}
