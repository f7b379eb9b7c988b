package org.daleel.extract.content;

import org.daleel.extract.Extraction;
import org.daleel.extract.ExtractionInput;
import org.daleel.extract.Extractor;
import org.daleel.extract.html.HtmlExtractor;
import org.daleel.extract.lang.LanguageIdentifier;
import org.daleel.extract.pdf.PdfExtractor;
import org.daleel.extract.text.CleanText;
import org.daleel.extract.text.PlainTextExtractor;

/**
 * The {@link Extractor}: detects the media type ({@link MediaSniffer}) and hands the payload to the
 * extractor for HTML, XML, plain text or PDF. Images, video, audio, archives and office documents
 * give an {@link Extraction.Extracted} without text and a note; an empty file or unrecognised bytes
 * give an {@link Extraction.Failed}. Never throws for bad content. Thread-safe; build one and share
 * it (the language profiles load once per JVM).
 */
public final class ContentExtractor implements Extractor {
    private final HtmlExtractor html;
    private final PlainTextExtractor text;
    private final PdfExtractor pdf;

    /** An extractor with the built-in language profiles. */
    public ContentExtractor() {
        LanguageIdentifier languages = new LanguageIdentifier();
        this.html = new HtmlExtractor(languages);
        this.text = new PlainTextExtractor(languages);
        this.pdf = new PdfExtractor(languages);
    }

    @Override
    public Extraction extract(ExtractionInput input) {
        byte[] bytes = input.bytes();
        String name = input.fileName().isBlank() ? "payload" : input.fileName();
        if (bytes.length == 0) {
            String type = MediaTypes.byExtension(input.fileName()).orElse("application/octet-stream");
            return new Extraction.Failed(type, "could not extract text: empty file");
        }
        Sniffed sniffed = MediaSniffer.sniff(bytes, input.declaredType(), input.fileName());
        String type = sniffed.mediaType();
        Extraction result;
        try {
            result = switch (sniffed.kind()) {
                case HTML -> html.extract(bytes, type, sniffed.charset(), input.url());
                case XML -> html.extractXml(bytes, type, sniffed.charset());
                case TEXT -> text.extract(bytes, type, sniffed.charset());
                case PDF -> pdf.extract(bytes, type, name);
                case IMAGE -> noText(type, "the picture is hashed for matching");
                case VIDEO -> noText(type, "frames are sampled and hashed for matching");
                case AUDIO -> noText(type, "audio is stored as is");
                case ARCHIVE ->
                    noText(
                            type,
                            type.equals("application/warc") || type.equals("application/wacz")
                                    ? "import reads its records as items"
                                    : "archive contents are not unpacked");
                case DOCUMENT -> noText(type, "text extraction from this format is not supported yet");
                case BINARY ->
                    new Extraction.Failed(
                            type,
                            "could not extract text: " + name + ": "
                                    + (sniffed.note().isEmpty()
                                            ? "unrecognised binary content (starts with " + MediaTypes.head(bytes) + ")"
                                            : sniffed.note()));
            };
        } catch (RuntimeException | StackOverflowError e) {
            // A defect in a parser must not stop an import; the payload is stored and the reason shown.
            String message = e.getMessage() == null ? "" : ": " + CleanText.cut(CleanText.of(e.getMessage()), 200);
            return new Extraction.Failed(
                    type,
                    "could not extract text: " + name + ": internal error "
                            + e.getClass().getSimpleName() + message);
        }
        return sniffed.kind() == MediaKind.BINARY ? result : withNote(result, sniffed.note());
    }

    private static Extraction noText(String type, String why) {
        return new Extraction.Extracted(type, "", "", "", "", type + ": no text extracted (" + why + ")");
    }

    private static Extraction withNote(Extraction result, String note) {
        if (note.isEmpty()) {
            return result;
        }
        return switch (result) {
            case Extraction.Extracted e ->
                new Extraction.Extracted(
                        e.mediaType(),
                        e.title(),
                        e.text(),
                        e.language(),
                        e.published(),
                        e.note().isEmpty() ? note : note + "; " + e.note());
            case Extraction.Failed f -> new Extraction.Failed(f.mediaType(), f.reason() + " (" + note + ")");
        };
    }
}
