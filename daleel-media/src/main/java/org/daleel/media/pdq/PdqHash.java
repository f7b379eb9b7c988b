package org.daleel.media.pdq;

import org.daleel.match.Hash256;

/**
 * A PDQ hash with its quality.
 *
 * @param hash the 256-bit hash; {@link Hash256#toHex()} is Meta's reference format
 * @param quality 0..100, how much gradient (detail) the image has; Meta recommends discarding
 *     hashes of quality 49 or less (flat or nearly blank images hash unreliably)
 */
public record PdqHash(Hash256 hash, int quality) {

    public PdqHash {
        if (hash == null) {
            throw new IllegalArgumentException("hash: expected a value, found null");
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality " + quality + ": expected 0..100");
        }
    }
}
