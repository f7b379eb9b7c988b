package org.daleel.extract.content;

import java.util.Objects;

/**
 * A detected media type.
 *
 * @param mediaType lower-case media type without parameters
 * @param kind what the extractor does with it
 * @param charset charset parameter of the declared type, or ""
 * @param note "" or a remark on a mismatch between the content and its name or declared type
 */
public record Sniffed(String mediaType, MediaKind kind, String charset, String note) {
    public Sniffed {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(note, "note");
    }
}
