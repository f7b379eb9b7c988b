package org.daleel.media.pdq;

import java.util.List;
import org.daleel.match.Hash256;

/**
 * The PDQ hashes of a picture's eight rotations and mirror images, computed from one DCT.
 *
 * @param hashes eight hashes indexed by {@link Dihedral#ordinal()} (Meta's order)
 * @param quality 0..100, shared by all eight (see {@link PdqHash#quality()})
 */
public record PdqDihedralHashes(List<Hash256> hashes, int quality) {

    public PdqDihedralHashes {
        hashes = List.copyOf(hashes);
        if (hashes.size() != Dihedral.values().length) {
            throw new IllegalArgumentException("hashes: expected 8 (one per Dihedral), found " + hashes.size());
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality " + quality + ": expected 0..100");
        }
    }

    /** The hash of one transform. */
    public Hash256 hash(Dihedral transform) {
        return hashes.get(transform.ordinal());
    }

    /** The untransformed picture's hash and quality. */
    public PdqHash original() {
        return new PdqHash(hash(Dihedral.ORIGINAL), quality);
    }
}
