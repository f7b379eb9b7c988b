package org.daleel.extract;

/**
 * Turns an original payload into what the archive indexes: media type, title, main text
 * (boilerplate removed), publication date and language.
 *
 * <p>Contract: never throws for bad content. Malformed HTML, a PDF that is not a PDF, binary
 * garbage, invalid UTF-8 or an empty file give an {@link Extraction.Failed} with a reason a person
 * can act on, or an {@link Extraction.Extracted} with what could be read. Memory and time are bounded
 * by the {@link ExtractionInput#bytes()} given (callers cap them). Thread-safe.
 */
public interface Extractor {

    /** Extracts from one payload. */
    Extraction extract(ExtractionInput input);
}
