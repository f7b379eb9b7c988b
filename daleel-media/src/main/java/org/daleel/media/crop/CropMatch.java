package org.daleel.media.crop;

/**
 * An archived picture that a query shows a part of (or that shows a part of the query), with the
 * evidence: which region of each matched and how far apart their PDQ codes are.
 *
 * @param imageId the archived picture, as given to {@link RegionIndex#add}
 * @param distance Hamming distance between the PDQ codes of the two regions after alignment,
 *     0..256; at most the matcher's threshold (31, Meta's PDQ cut-off, by default)
 * @param archivedRegionNumber the archived region's number in the layout
 * @param archivedRegion that region, in fractions of the archived picture
 * @param queryRegion the aligned region of the query, in fractions of the query picture (as
 *     decoded, before any mirroring)
 * @param mirrored whether the query matched as a mirror image (left and right swapped)
 * @param keyDistance distance of the coarse codes that made the pair a candidate
 */
public record CropMatch(
        long imageId,
        int distance,
        int archivedRegionNumber,
        Region archivedRegion,
        Region queryRegion,
        boolean mirrored,
        int keyDistance) {

    /** One line for investigators: {@code region 5 (25,25,50,80 %) ~ query (0,3,62,97 %) at distance 12}. */
    public String explain() {
        return "archived region " + archivedRegionNumber + " (" + archivedRegion.percent()
                + " %) matches query region (" + queryRegion.percent() + " %" + (mirrored ? ", mirrored" : "")
                + ") at PDQ distance " + distance;
    }
}
