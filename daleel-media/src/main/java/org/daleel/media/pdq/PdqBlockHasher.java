package org.daleel.media.pdq;

import java.util.ArrayList;
import java.util.List;
import org.daleel.match.Hash256;

/**
 * PDQ's frequency stage alone: hashes a 64x64 luma block that the caller has already downsampled
 * (the 16x16 DCT-II block, median threshold and quality of {@link PdqHasher}, PDQ hashing.pdf).
 *
 * <p>{@link PdqHasher} feeds this stage with Meta's Jarosz filter over the whole picture; other
 * callers (the crop-robust region hashes of {@code org.daleel.media.crop}) feed it with their own
 * downsampling of a part of a picture. Equal blocks give equal hashes to {@link PdqHasher}'s.
 * Immutable and thread-safe.
 */
public final class PdqBlockHasher {
    /** Side of the input block: 64, so inputs hold {@code 64 * 64} values, row-major. */
    public static final int SIZE = JaroszDownsampler.SIZE;

    private final PdqDct dct = new PdqDct();

    /**
     * Hashes a row-major 64x64 luma block (values on PDQ's 0..255 luma scale).
     *
     * @throws IllegalArgumentException when {@code luma} does not hold 4096 values
     */
    public PdqHash hash(float[] luma) {
        check(luma);
        return new PdqHash(PdqDct.bits(dct.transform(luma)), PdqDct.quality(luma));
    }

    /** The eight dihedral hashes of a 64x64 luma block (see {@link PdqHasher#hashDihedral}). */
    public PdqDihedralHashes hashDihedral(float[] luma) {
        check(luma);
        float[] block = dct.transform(luma);
        List<Hash256> hashes = new ArrayList<>(8);
        for (Dihedral d : Dihedral.values()) {
            hashes.add(PdqDct.bits(d == Dihedral.ORIGINAL ? block : PdqDct.transformed(block, d)));
        }
        return new PdqDihedralHashes(hashes, PdqDct.quality(luma));
    }

    /** PDQ's quality metric (0..100) of a 64x64 luma block, without the DCT. */
    public static int quality(float[] luma) {
        check(luma);
        return PdqDct.quality(luma);
    }

    private static void check(float[] luma) {
        if (luma.length != SIZE * SIZE) {
            throw new IllegalArgumentException(
                    "luma block: expected " + SIZE * SIZE + " values (64x64), found " + luma.length);
        }
    }
}
