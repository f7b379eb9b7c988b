package org.daleel.extract.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.daleel.extract.Extraction;
import org.daleel.extract.date.StatedDates;
import org.daleel.extract.lang.LanguageIdentifier;
import org.daleel.extract.text.CleanText;

/**
 * Extracts the text layer of a PDF with PDFBox, in main memory bounded by
 * {@link #MAX_MEMORY_BYTES} and at most {@link #MAX_PAGES} pages.
 *
 * <p>Title: the document information's Title when it reads like one, else the first line. Published:
 * only XMP {@code prism:publicationDate} or {@code prism:coverDate}; the Info CreationDate says when
 * the file was made (a scan, an export, a re-save), not when the document was published, so it is
 * reported in the note and never as the publication date. Encrypted (with a user password),
 * corrupt and truncated files give {@link Extraction.Failed}. Thread-safe.
 */
public final class PdfExtractor {
    /** Main memory PDFBox may use for one document's streams. */
    public static final long MAX_MEMORY_BYTES = 256L * 1024 * 1024;
    /** Pages read at most. */
    public static final int MAX_PAGES = 2_000;

    private static final Pattern XMP_PUBLISHED =
            Pattern.compile("prism:(?:publicationDate|coverDate)(?:>|\\s*=\\s*\")\\s*([0-9][0-9T:+\\-Z.]{3,40})");

    private final LanguageIdentifier languages;

    /** An extractor that identifies languages with {@code languages}. */
    public PdfExtractor(LanguageIdentifier languages) {
        this.languages = languages;
    }

    /** Extracts from a PDF payload; {@code name} names it in messages. */
    public Extraction extract(byte[] bytes, String mediaType, String name) {
        try (PDDocument doc = Loader.loadPDF(
                bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY_BYTES).streamCache)) {
            int pages = doc.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n");
            stripper.setPageEnd("\n\n");
            stripper.setEndPage(MAX_PAGES);
            String text = CleanText.of(stripper.getText(doc));
            PDDocumentInformation info = doc.getDocumentInformation();
            String title = title(info.getTitle(), text);
            StringBuilder note = new StringBuilder();
            if (text.isEmpty()) {
                note.append("application/pdf: no text layer (scanned pages need OCR)");
            }
            if (pages > MAX_PAGES) {
                append(note, "text of the first " + MAX_PAGES + " of " + pages + " pages");
            }
            Calendar created = info.getCreationDate();
            if (created != null) {
                int year = created.get(Calendar.YEAR);
                if (year >= 1990 && year <= 2100) {
                    append(note, "file created " + created.toInstant() + " (file metadata, not a publication date)");
                }
            }
            String language = languages.identify(text.isEmpty() ? title : text);
            return new Extraction.Extracted(mediaType, title, text, language, xmpPublished(doc), note.toString());
        } catch (InvalidPasswordException e) {
            return new Extraction.Failed(mediaType, "could not extract text: " + name + ": encrypted with a password");
        } catch (IOException e) {
            return new Extraction.Failed(mediaType, "could not extract text: " + name + ": " + message(e));
        } catch (RuntimeException | StackOverflowError e) {
            // PDFBox meets hostile files with unchecked exceptions and deep recursion; the payload is
            // still stored and the reason shown, as the Extractor contract requires.
            return new Extraction.Failed(
                    mediaType, "could not extract text: " + name + ": malformed PDF (" + message(e) + ")");
        }
    }

    private static String title(String infoTitle, String text) {
        if (infoTitle != null) {
            String t = CleanText.cut(CleanText.of(infoTitle).replace('\n', ' '), 300);
            String lower = t.toLowerCase(Locale.ROOT);
            boolean generic = lower.isEmpty()
                    || lower.startsWith("microsoft word")
                    || lower.startsWith("untitled")
                    || lower.endsWith(".doc")
                    || lower.endsWith(".docx")
                    || lower.endsWith(".pdf")
                    || lower.endsWith(".indd");
            if (!generic && t.length() >= 3) {
                return t;
            }
        }
        return CleanText.firstLine(text, 200);
    }

    private static String xmpPublished(PDDocument doc) {
        try {
            PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return "";
            }
            byte[] xmp = metadata.toByteArray();
            String s = new String(xmp, 0, Math.min(xmp.length, 256 * 1024), StandardCharsets.UTF_8);
            Matcher m = XMP_PUBLISHED.matcher(s);
            if (m.find()) {
                Optional<String> date = StatedDates.normalise(m.group(1));
                return date.orElse("");
            }
            return "";
        } catch (IOException e) {
            return ""; // unreadable XMP leaves the date unknown; the text was read
        }
    }

    private static void append(StringBuilder note, String part) {
        if (note.length() > 0) {
            note.append("; ");
        }
        note.append(part);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        String s = m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
        return CleanText.cut(CleanText.of(s).replace('\n', ' '), 300);
    }
}
