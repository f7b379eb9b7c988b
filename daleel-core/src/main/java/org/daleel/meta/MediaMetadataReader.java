package org.daleel.meta;

/**
 * Reads the metadata embedded in a picture (EXIF, XMP, IPTC, GPS) from its headers.
 *
 * <p>Contract: never throws for bad input. A payload that is not a picture, is damaged or is larger
 * than {@link #MAX_BYTES} yields {@link MediaMetadata#empty()} or a metadata value whose
 * {@link MediaMetadata#assessment()} says why nothing could be read. Implementations read headers
 * only and bound their output ({@link MediaMetadata#MAX_TAGS} tags, values of at most
 * {@link MediaMetadata#MAX_VALUE_CHARS} characters).
 */
public interface MediaMetadataReader {

    /** Largest payload a reader looks at: 256 MiB. */
    long MAX_BYTES = 256L << 20;

    /**
     * The metadata of {@code payload}.
     *
     * @param payload the picture's bytes
     * @param name file name or URL, a hint for the format (may be empty)
     */
    MediaMetadata read(byte[] payload, String name);

    /** A reader that finds nothing: for archives wired without a metadata adapter. */
    static MediaMetadataReader none() {
        return (payload, name) -> MediaMetadata.empty();
    }
}
