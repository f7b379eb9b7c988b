package org.daleel.extract;

import java.util.Objects;

/** Result of {@link Extractor#extract}: what could be read from a payload, or why nothing could. */
public sealed interface Extraction {

    /** Detected media type (sniffed from the bytes, the declared type and the name, in that order). */
    String mediaType();

    /**
     * Text was extracted.
     *
     * @param mediaType detected media type
     * @param title title, or ""
     * @param text main text with boilerplate removed, or "" (e.g. an image)
     * @param language ISO 639-1 code, or "" when unknown
     * @param published publication date stated in the document, ISO-8601 at the known precision, or ""
     * @param note "" or a remark a person should see (e.g. "image: no text extracted")
     */
    record Extracted(String mediaType, String title, String text, String language, String published, String note)
            implements Extraction {
        public Extracted {
            Objects.requireNonNull(mediaType, "mediaType");
            title = Objects.requireNonNullElse(title, "");
            text = Objects.requireNonNullElse(text, "");
            language = Objects.requireNonNullElse(language, "");
            published = Objects.requireNonNullElse(published, "");
            note = Objects.requireNonNullElse(note, "");
        }
    }

    /**
     * Nothing could be extracted; the payload is still stored.
     *
     * @param mediaType detected media type
     * @param reason why, e.g. "could not extract text: file.pdf is not a PDF (starts with 'GIF89a')"
     */
    record Failed(String mediaType, String reason) implements Extraction {
        public Failed {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
