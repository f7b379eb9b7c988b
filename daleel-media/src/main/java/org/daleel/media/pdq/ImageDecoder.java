package org.daleel.media.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;

/**
 * Decodes images with the JDK's ImageIO (JPEG, PNG, GIF, BMP, TIFF, WBMP), refusing oversized ones
 * before any pixel is decoded.
 *
 * <p>The reader's declared width and height are checked against {@code maxPixels} first, so a
 * small file that claims huge dimensions (a decompression bomb) fails fast without allocating.
 * Only the first image of a multi-image file is decoded. EXIF orientation is not applied (Meta's
 * reference hashes the stored pixels). Thread-safe.
 *
 * <p>Errors: a missing file, an unknown format, a corrupt file or one over the limit throws
 * {@link InvalidInputException} naming the file; other I/O failures throw {@link IOException}.
 */
public final class ImageDecoder {
    /** Default limit: 100 megapixels (300 MB of decoded RGB). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    private final long maxPixels;

    /** A decoder that refuses images of more than {@code maxPixels} pixels. */
    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels " + maxPixels + ": expected 1 or more");
        }
        this.maxPixels = maxPixels;
    }

    /** A decoder with the {@link #DEFAULT_MAX_PIXELS} limit. */
    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** The pixel limit. */
    public long maxPixels() {
        return maxPixels;
    }

    /** Decodes an image file. */
    public BufferedImage decode(Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("image " + file + ": expected an existing file, found none", e);
        }
        try (in) {
            return decode(in, file.toString());
        }
    }

    /**
     * Decodes an image from a stream (read as far as needed, not closed).
     *
     * @param name how errors name the image (a file name, a blob digest)
     */
    public BufferedImage decode(InputStream in, String name) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                throw new IOException("image " + name + ": ImageIO has no stream for this input");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new InvalidInputException("image " + name + ": expected a format ImageIO decodes"
                        + " (JPEG, PNG, GIF, BMP, TIFF, WBMP), found none that matches");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (width < 1 || height < 1 || pixels > maxPixels) {
                    throw new InvalidInputException(String.format(
                            "image %s: expected at most %.1f megapixels, found %dx%d (%.1f megapixels)",
                            name, maxPixels / 1e6, width, height, pixels / 1e6));
                }
                return reader.read(0);
            } catch (DaleelException e) {
                throw e;
            } catch (IIOException | RuntimeException e) {
                // Decoders signal malformed input with IIOException and, for some damaged files,
                // with runtime exceptions (index, argument, raster errors): all mean "not decodable".
                throw new InvalidInputException(
                        "image " + name + ": expected a decodable " + reader.getFormatName() + " image, found: "
                                + e.getMessage(),
                        e);
            } finally {
                reader.dispose();
            }
        }
    }
}
