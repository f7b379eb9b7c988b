package org.daleel.media.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.daleel.match.Hash256;

/**
 * Meta's PDQ perceptual image hash (facebook/ThreatExchange, pdq/ and hashing/hashing.pdf),
 * implemented from its description to agree with Meta's Java reference.
 *
 * <p>Steps: luma {@code Y = 0.299 R + 0.587 G + 0.114 B} ({@link LumaRows}); two-pass Jarosz box
 * filter with windows of {@code ceil(dimension / 128)} and decimation to 64x64
 * ({@link JaroszDownsampler}); quality from the 64x64 gradients; the 16x16 block of DCT-II
 * frequencies 1..16; one bit per coefficient above the block's median ({@link PdqDct}). The eight
 * dihedral hashes come from sign changes and a transpose of the same block ({@link Dihedral}).
 *
 * <p>Like Meta's Java reference (and unlike its C++ one, which first resizes anything larger than
 * 512x512 to 512x512), the full-resolution image is filtered; the cost stays linear in pixels
 * because only the 64x64 samples are computed. Agreement on Meta's test images: see
 * {@code PdqConformanceTest}. Immutable and thread-safe; create one and share it.
 */
public final class PdqHasher {
    private final ImageDecoder decoder;
    private final PdqDct dct = new PdqDct();

    /** A hasher decoding files with {@code decoder}. */
    public PdqHasher(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /** A hasher with the default {@link ImageDecoder} (100-megapixel limit). */
    public PdqHasher() {
        this(new ImageDecoder());
    }

    /**
     * Decodes and hashes an image file.
     *
     * @throws org.daleel.core.InvalidInputException naming the file when it is missing, not a
     *     decodable image, or over the decoder's pixel limit
     */
    public PdqHash hash(Path file) throws IOException {
        return hash(decoder.decode(file));
    }

    /**
     * Decodes and hashes an image read from a stream (not closed), for example a stored blob.
     *
     * @param name how errors name the image
     */
    public PdqHash hash(InputStream in, String name) throws IOException {
        return hash(decoder.decode(in, name));
    }

    /** Hashes a decoded image. */
    public PdqHash hash(BufferedImage image) {
        float[] small = downsample(image);
        return new PdqHash(PdqDct.bits(dct.transform(small)), PdqDct.quality(small));
    }

    /** Decodes an image file and hashes its eight rotations and mirror images. */
    public PdqDihedralHashes hashDihedral(Path file) throws IOException {
        return hashDihedral(decoder.decode(file));
    }

    /** Hashes a decoded image's eight rotations and mirror images. */
    public PdqDihedralHashes hashDihedral(BufferedImage image) {
        float[] small = downsample(image);
        float[] block = dct.transform(small);
        List<Hash256> hashes = new ArrayList<>(8);
        for (Dihedral d : Dihedral.values()) {
            hashes.add(PdqDct.bits(d == Dihedral.ORIGINAL ? block : PdqDct.transformed(block, d)));
        }
        return new PdqDihedralHashes(hashes, PdqDct.quality(small));
    }

    private static float[] downsample(BufferedImage image) {
        return JaroszDownsampler.downsample(LumaRows.of(image), image.getHeight());
    }
}
