package org.daleel.match;

import java.util.List;

/**
 * Perceptual fingerprints of archived images and near-duplicate search over them: how Daleel notices
 * that a picture entering the archive was already seen, perhaps with another place or date.
 *
 * <p>Contract:
 * <ul>
 *   <li>Images are keyed by the catalog seq of their item; {@link #add} of a seq already present
 *       replaces it. Adds are durable when they return; {@link #maxSeq()} tells the caller where to
 *       resume after a crash (the index is derived from the catalog).
 *   <li>Bad input never throws: a payload that is not an image, or cannot be decoded within the
 *       adapter's pixel and size bounds, gives {@link Fingerprint.NotAnImage} or
 *       {@link Fingerprint.Unreadable} with a reason.
 *   <li>{@link #match} finds the items whose picture is within {@code maxDistance} bits (PDQ, all
 *       eight rotations and mirror images), and, beyond PDQ, pictures of which the query shows a
 *       crop, a bordered copy or a screenshot; each match says how it was found. Flat images
 *       (quality below 50) are not matched by PDQ, following Meta's guidance.
 *   <li>Thread-safe; one writer process at a time (the data directory's writer lock).
 * </ul>
 */
public interface MediaIndex extends AutoCloseable {

    /** Fingerprints an image payload without storing it. */
    Fingerprint fingerprint(byte[] payload, String name);

    /** Fingerprints and indexes an item's image payload under its catalog seq. */
    Fingerprint add(long seq, byte[] payload, String name);

    /** Items whose pictures match {@code payload}, nearest first; empty when none or not an image. */
    List<MediaMatch> match(byte[] payload, String name, int maxDistance);

    /** Highest seq added, 0 when empty. */
    long maxSeq();

    @Override
    void close();

    /** An index that holds nothing and matches nothing. */
    static MediaIndex none() {
        return NoMediaIndex.INSTANCE;
    }
}
