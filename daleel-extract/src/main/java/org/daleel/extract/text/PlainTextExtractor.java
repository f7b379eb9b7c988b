package org.daleel.extract.text;

import org.daleel.extract.Extraction;
import org.daleel.extract.lang.LanguageIdentifier;

/**
 * Extracts from plain text (and CSV, JSON, Markdown): decodes it (BOM, declared charset, UTF-8,
 * windows-1256 for legacy Arabic, windows-1252), cleans it, and takes the first non-empty line as
 * the title. Thread-safe.
 */
public final class PlainTextExtractor {
    /** Longest title taken from the first line. */
    public static final int MAX_TITLE = 200;

    private final LanguageIdentifier languages;

    /** An extractor that identifies languages with {@code languages}. */
    public PlainTextExtractor(LanguageIdentifier languages) {
        this.languages = languages;
    }

    /** Extracts from a text payload; {@code declaredCharset} may be "". */
    public Extraction.Extracted extract(byte[] bytes, String mediaType, String declaredCharset) {
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, declaredCharset);
        String text = CleanText.of(decoded.text());
        String title = CleanText.firstLine(text, MAX_TITLE);
        String note = decoded.note();
        if (text.isEmpty()) {
            note = note.isEmpty() ? "no text: the file holds only white space or control characters" : note;
        }
        return new Extraction.Extracted(mediaType, title, text, languages.identify(text), "", note);
    }
}
