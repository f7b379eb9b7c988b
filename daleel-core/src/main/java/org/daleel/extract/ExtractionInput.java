package org.daleel.extract;

import java.util.Objects;

/**
 * A payload to extract from.
 *
 * @param bytes the payload (callers bound its size)
 * @param declaredType media type the source declared (HTTP Content-Type), or "" when unknown
 * @param fileName original file name (its extension is a hint only), or ""
 * @param url source URL (base for relative links), or ""
 */
public record ExtractionInput(byte[] bytes, String declaredType, String fileName, String url) {
    public ExtractionInput {
        Objects.requireNonNull(bytes, "bytes");
        declaredType = Objects.requireNonNullElse(declaredType, "");
        fileName = Objects.requireNonNullElse(fileName, "");
        url = Objects.requireNonNullElse(url, "");
    }
}
