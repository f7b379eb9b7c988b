package org.daleel.extract.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.daleel.extract.Extraction;
import org.daleel.extract.Extraction.Extracted;
import org.daleel.extract.Extraction.Failed;
import org.daleel.extract.ExtractionInput;
import org.daleel.extract.content.ContentExtractor;
import org.daleel.extract.lang.LanguageIdentifier;
import org.junit.jupiter.api.Test;

class PdfExtractorTest {
    private static final PdfExtractor PDF = new PdfExtractor(new LanguageIdentifier());

    private static final String[] LINES = {
        "Report on the siege of Madaya",
        "Residents of Madaya said that no food convoy had entered the town for three months,",
        "and that several people had died of hunger while the roads remained closed.",
    };

    /** A one-page PDF with {@code lines} in Helvetica; {@code configure} may add metadata or encryption. */
    static byte[] pdf(String[] lines, PdfSetup configure) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            if (lines.length > 0) {
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 700);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            configure.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    interface PdfSetup {
        void apply(PDDocument doc) throws IOException;
    }

    @Test
    void extracts_text_title_and_language_and_keeps_the_creation_date_out_of_published() throws IOException {
        byte[] bytes = pdf(LINES, doc -> {
            doc.getDocumentInformation().setTitle("Madaya siege report");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(2016, Calendar.JANUARY, 7, 12, 0, 0);
            doc.getDocumentInformation().setCreationDate(created);
        });

        Extraction result = PDF.extract(bytes, "application/pdf", "madaya.pdf");

        assertThat(result).isInstanceOf(Extracted.class);
        Extracted e = (Extracted) result;
        assertThat(e.title()).isEqualTo("Madaya siege report");
        assertThat(e.text())
                .contains("no food convoy had entered the town")
                .startsWith("Report on the siege of Madaya");
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.published()).isEmpty();
        assertThat(e.note()).contains("file created 2016-01-07T12:00:00Z (file metadata, not a publication date)");
    }

    @Test
    void takes_the_first_line_as_title_when_the_info_title_is_missing_or_generic() throws IOException {
        byte[] bytes = pdf(LINES, doc -> doc.getDocumentInformation().setTitle("Microsoft Word - draft3.docx"));

        Extracted e = (Extracted) PDF.extract(bytes, "application/pdf", "madaya.pdf");

        assertThat(e.title()).isEqualTo("Report on the siege of Madaya");
    }

    @Test
    void takes_the_publication_date_from_xmp_prism() throws IOException {
        String xmp =
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description xmlns:prism=\"http://prismstandard.org/namespaces/basic/2.0/\">"
                        + "<prism:publicationDate>2016-02-01</prism:publicationDate></rdf:Description></rdf:RDF></x:xmpmeta>";
        byte[] bytes = pdf(LINES, doc -> {
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(metadata);
        });

        assertThat(((Extracted) PDF.extract(bytes, "application/pdf", "a.pdf")).published())
                .isEqualTo("2016-02-01");
    }

    @Test
    void notes_a_pdf_without_a_text_layer() throws IOException {
        Extracted e = (Extracted) PDF.extract(pdf(new String[0], doc -> {}), "application/pdf", "scan.pdf");

        assertThat(e.text()).isEmpty();
        assertThat(e.note()).contains("no text layer");
    }

    @Test
    void fails_on_a_pdf_encrypted_with_a_user_password() throws IOException {
        byte[] bytes = pdf(LINES, doc -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
        });

        Extraction result = PDF.extract(bytes, "application/pdf", "locked.pdf");

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).reason())
                .isEqualTo("could not extract text: locked.pdf: encrypted with a password");
    }

    @Test
    void reads_a_pdf_that_only_restricts_permissions() throws IOException {
        byte[] bytes = pdf(LINES, doc -> {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", permissions);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
        });

        Extraction result = PDF.extract(bytes, "application/pdf", "restricted.pdf");

        assertThat(result).isInstanceOf(Extracted.class);
        assertThat(((Extracted) result).text()).contains("Madaya");
    }

    @Test
    void fails_on_a_corrupt_pdf_naming_the_file() {
        byte[] bytes =
                "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Extraction result = PDF.extract(bytes, "application/pdf", "broken.pdf");

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).reason()).startsWith("could not extract text: broken.pdf: ");
    }

    @Test
    void never_throws_on_truncated_pdfs() throws IOException {
        byte[] bytes = pdf(LINES, doc -> {});
        ContentExtractor extractor = new ContentExtractor();
        for (int cut = 1; cut < bytes.length; cut += Math.max(1, bytes.length / 40)) {
            Extraction result = extractor.extract(new ExtractionInput(Arrays.copyOf(bytes, cut), "", "cut.pdf", ""));
            assertThat(result.mediaType()).isNotNull();
            if (result instanceof Failed f) {
                assertThat(f.reason()).startsWith("could not extract text: cut.pdf");
            }
        }
    }

    @Test
    void content_extractor_sends_pdf_bytes_to_the_pdf_extractor() throws IOException {
        Extraction result = new ContentExtractor().extract(new ExtractionInput(pdf(LINES, doc -> {}), "", "", ""));

        assertThat(result.mediaType()).isEqualTo("application/pdf");
        assertThat(((Extracted) result).text()).contains("Madaya");
    }
}
