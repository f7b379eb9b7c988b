package org.daleel.match;

import java.util.List;
import java.util.Optional;

/**
 * Perceptual fingerprints of archived images and near-duplicate search over them: how Daleel notices
 * that a picture entering the archive was already seen, perhaps with another place or date.
 *
 * <p>Contract:
 * <ul>
 *   <li>Images are keyed by the catalog seq of their item; {@link #add} of a seq already present
 *       replaces it. Adds are durable when they return; {@link #maxSeq()} tells the caller where to
 *       resume after a crash (the index is derived from the catalog).
 *   <li>Items that hold pictures without being one (a video's sampled frames, the images of a
 *       captured page) are indexed with {@link #addParts}, each part keeping its frame time or image
 *       URL; {@link #addParts} of a seq replaces its parts. At most {@link #MAX_PARTS} parts per item.
 *       An item that was analysed and gave none (a video that cannot be decoded or has no picture, a
 *       page whose videos and images gave none) is recorded with {@link #addNoParts}, with the result,
 *       so that a writer opening the archive does not analyse it again ({@link #partsRecorded});
 *       rebuilding the index (it is derived) starts over and so retries it.
 *   <li>Bad input never throws: a payload that is not an image, or cannot be decoded within the
 *       adapter's pixel and size bounds, gives {@link Fingerprint.NotAnImage} or
 *       {@link Fingerprint.Unreadable} with a reason.
 *   <li>{@link #match} finds the items whose picture (or one of whose parts) is within
 *       {@code maxDistance} bits (PDQ, all eight rotations and mirror images), and, beyond PDQ,
 *       pictures (and parts with region codes: video frames, page images) of which the query shows a
 *       crop, a bordered copy or a screenshot; each match says how it was found. Flat images (quality below 50) are not matched by PDQ, following Meta's
 *       guidance.
 *   <li>Thread-safe; one writer process at a time (the data directory's writer lock).
 * </ul>
 */
public interface MediaIndex extends AutoCloseable {

    /** Most parts indexed per item; further ones are dropped. */
    int MAX_PARTS = 4096;

    /** Fingerprints an image payload without storing it. */
    Fingerprint fingerprint(byte[] payload, String name);

    /** Fingerprints and indexes an item's image payload under its catalog seq. */
    Fingerprint add(long seq, byte[] payload, String name);

    /** Items whose pictures match {@code payload}, nearest first; empty when none or not an image. */
    List<MediaMatch> match(byte[] payload, String name, int maxDistance);

    /**
     * Indexes the parts of item {@code seq} (video frames or a page's images), replacing any it had;
     * parts of quality below 50 are kept for {@link #parts} but not matched.
     */
    default void addParts(long seq, List<MediaPart> parts) {}

    /**
     * Records that item {@code seq} was analysed and gave no parts, with the result as one sentence
     * (a video's note, say "video not analysed: ffprobe could not read it"; clipped by the adapter),
     * replacing any parts it had; durable on return, and counted by {@link #maxSeq()}.
     */
    default void addNoParts(long seq, String result) {}

    /**
     * Whether the parts of item {@code seq} are recorded, durably: parts added by {@link #addParts}
     * or a result by {@link #addNoParts}. False for a seq never added, or whose parts were replaced by
     * none without a result. A writer catching up after a crash need not analyse such an item again.
     */
    default boolean partsRecorded(long seq) {
        return false;
    }

    /** The result recorded by {@link #addNoParts} for item {@code seq}; empty when it has parts or none is recorded. */
    default Optional<String> noPartsResult(long seq) {
        return Optional.empty();
    }

    /**
     * An image fetched with a captured page, as a part for {@link #addParts}: its PDQ hash and, when
     * the adapter codes regions for crop-robust matching and the image is large enough, its region
     * codes ({@link MediaPart#regions}). Empty when the payload is not an image this index reads.
     * Never throws for bad content.
     */
    default Optional<MediaPart> imagePart(byte[] payload, String url) {
        return fingerprint(payload, url) instanceof Fingerprint.Hashed h
                ? Optional.of(MediaPart.image(h.pdq(), h.quality(), url))
                : Optional.empty();
    }

    /** The parts indexed for item {@code seq}, in the order added; empty when none. */
    default List<MediaPart> parts(long seq) {
        return List.of();
    }

    /**
     * Items whose picture or parts match any of {@code query} (by PDQ, as given: no rotations),
     * nearest first, one match per item; item {@code excludeSeq} is left out (-1 for none). Each
     * match's explanation says which query parts matched how many archived parts.
     */
    default List<MediaMatch> matchParts(List<MediaPart> query, int maxDistance, long excludeSeq) {
        return List.of();
    }

    /** Highest seq added, 0 when empty. */
    long maxSeq();

    @Override
    void close();

    /** An index that holds nothing and matches nothing. */
    static MediaIndex none() {
        return NoMediaIndex.INSTANCE;
    }
}
