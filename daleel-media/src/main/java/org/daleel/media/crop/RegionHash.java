package org.daleel.media.crop;

import org.daleel.match.Hash256;

/**
 * The codes of one region of an archived picture, as {@link CropRobustMatcher#regionHashes}
 * computes them for the index.
 *
 * @param number the region's number in the layout, 0..{@value RegionIndex#MAX_REGIONS}-1 (stable:
 *     the same number is the same part of every picture of the same shape)
 * @param region the part of the picture, in fractions of its width and height
 * @param key the coarse code searched in the index to find candidates (tolerates misalignment)
 * @param pdq the region's PDQ code (PDQ's DCT and median step on the region's 64x64 luma), which
 *     decides a match; {@link Hash256#toHex()} reads like a PDQ hash
 * @param quality PDQ's quality metric of the region, 0..100 (below 50, the region is too flat to
 *     index)
 */
public record RegionHash(int number, Region region, Hash256 key, Hash256 pdq, int quality) {

    public RegionHash {
        if (number < 0 || number >= RegionIndex.MAX_REGIONS) {
            throw new IllegalArgumentException(
                    "region number " + number + ": expected 0.." + (RegionIndex.MAX_REGIONS - 1));
        }
        if (region == null || key == null || pdq == null) {
            throw new IllegalArgumentException("region, key and pdq: expected values, found null");
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality " + quality + ": expected 0..100");
        }
    }
}
