package org.daleel.meta;

import java.util.Objects;

/**
 * One metadata entry as the reader found it.
 *
 * @param directory where it was found, e.g. {@code Exif IFD0}, {@code GPS}, {@code XMP}, {@code IPTC}
 * @param tag the tag's name, e.g. {@code Make}
 * @param value the value as text, at most {@link MediaMetadata#MAX_VALUE_CHARS} characters
 */
public record MetadataTag(String directory, String tag, String value) {
    public MetadataTag {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
    }
}
