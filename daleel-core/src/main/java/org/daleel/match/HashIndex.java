package org.daleel.match;

import java.util.List;
import java.util.Optional;

/**
 * Near-duplicate search over 256-bit perceptual hashes (PDQ) by Hamming distance.
 *
 * <p>Contract, for every adapter:
 * <ul>
 *   <li>Each id holds at most one hash. {@link #add} of an id already present replaces its hash.
 *       Ids are chosen by the caller (for example a catalog row id per image or video frame).
 *   <li>{@link #search} is exact: it returns every entry within the radius and no other, sorted by
 *       distance, then by ascending id ({@link HashMatch#compareTo}). Adapters may be fast or slow,
 *       never approximate.
 *   <li>Thread-safe: searches run concurrently with each other; a search sees each add or remove
 *       either entirely or not at all.
 *   <li>A persisted adapter writes each change to its files before the call returns (it survives
 *       the process being killed; {@link #close()} also forces it to disk) and rebuilds its
 *       in-memory structure from those files when reopened. One process at a time opens a given
 *       index directory; a second open fails with {@link org.daleel.core.ConflictException}.
 *   <li>Malformed arguments (negative radius) throw {@link org.daleel.core.InvalidInputException};
 *       damaged files throw {@link org.daleel.core.IntegrityException} naming the file and offset.
 *   <li>Calls after {@link #close()} throw {@link IllegalStateException}.
 * </ul>
 *
 * <p>Adapters, in daleel-media: {@code PackedMultiIndexHashIndex} (multi-index hashing with packed
 * buckets, for whole pictures and frames) and {@code BruteForceHashIndex} (a scan, the reference). Every adapter passes {@code HashIndexContract} in this
 * module's test-jar, which compares results with a brute-force scan on random data.
 */
public interface HashIndex extends AutoCloseable {

    /** Adds an entry, or replaces the hash of an id already present. */
    void add(long id, Hash256 hash);

    /** Removes an entry; returns false (and changes nothing) when the id is absent. */
    boolean remove(long id);

    /** The hash stored for an id, empty when absent. */
    Optional<Hash256> find(long id);

    /**
     * Every entry whose Hamming distance to {@code query} is at most {@code radius}, nearest first
     * (ties by ascending id). A radius of 256 or more returns every entry. An empty list when
     * nothing is that close.
     *
     * @throws org.daleel.core.InvalidInputException when {@code radius} is negative
     */
    List<HashMatch> search(Hash256 query, int radius);

    /** Number of entries. */
    int size();

    /** Flushes pending changes to disk and releases files and locks. Idempotent. */
    @Override
    void close();
}
