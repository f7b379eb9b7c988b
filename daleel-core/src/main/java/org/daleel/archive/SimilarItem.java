package org.daleel.archive;

import java.util.Objects;
import org.daleel.item.Item;

/**
 * An archived item whose picture matches another picture: the basis of a recycled-media alert.
 *
 * @param item the matching archived item
 * @param distance PDQ Hamming distance of the codes that matched
 * @param method {@code pdq} (whole picture, any rotation or mirror image) or {@code crop}
 * @param explanation which transform or regions matched
 * @param relation {@link Relation#EARLIER} when the matching item entered the archive first
 * @param alert the sentence an investigator sees, e.g. "seen before: first captured 2016-06-15 from
 *     fallujah.jpg, claimed Fallujah, Iraq / 2016-06-15; claimed place differs (this item: Aleppo)"
 * @param frameMillis when the match is a frame of the matching item's video: its time in
 *     milliseconds, else -1
 * @param imageUrl when the match is an image of the matching item's captured page: its URL; when it is
 *     a frame of a video shown by that page: the video's URL; else ""
 */
public record SimilarItem(
        Item item,
        int distance,
        String method,
        String explanation,
        Relation relation,
        String alert,
        long frameMillis,
        String imageUrl) {
    public SimilarItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(imageUrl, "imageUrl");
    }

    /** A match on the other item's own picture. */
    public SimilarItem(Item item, int distance, String method, String explanation, Relation relation, String alert) {
        this(item, distance, method, explanation, relation, alert, -1, "");
    }

    /** Whether the matching item is older or newer than the one it was compared with. */
    public enum Relation {
        /** Entered the archive before: the compared picture was "seen before". */
        EARLIER,
        /** Entered the archive after: the picture was reposted later. */
        LATER,
        /** A match for a picture that is not in the archive (a lookup). */
        LOOKUP;

        /** Lower-case label for JSON. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
