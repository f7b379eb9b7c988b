package org.daleel.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.daleel.extract.Extraction.Extracted;
import org.daleel.extract.Extraction.Failed;
import org.daleel.extract.content.ContentExtractor;
import org.junit.jupiter.api.Test;

class ContentExtractorTest {
    private static final ContentExtractor EXTRACTOR = new ContentExtractor();

    /** The acceptance article, from daleel-core's test fixtures. */
    static byte[] reportPage() throws IOException {
        try (InputStream in = ContentExtractorTest.class.getResourceAsStream("/org/daleel/fixtures/site/report.html")) {
            return in.readAllBytes();
        }
    }

    private static Extraction extract(byte[] bytes, String declared, String name) {
        return EXTRACTOR.extract(new ExtractionInput(bytes, declared, name, ""));
    }

    @Test
    void extracts_title_main_text_date_and_language_of_the_acceptance_report_page() throws IOException {
        Extraction result = EXTRACTOR.extract(
                new ExtractionInput(reportPage(), "text/html", "report.html", "http://127.0.0.1/report.html"));

        assertThat(result).isInstanceOf(Extracted.class);
        Extracted e = (Extracted) result;
        assertThat(e.mediaType()).isEqualTo("text/html");
        assertThat(e.title()).isEqualTo("Shelling reported near Darayya water station");
        assertThat(e.text())
                .contains("pumping station")
                .contains("في داريا")
                .doesNotContain("Subscribe to our newsletter")
                .doesNotContain("Home | World");
        assertThat(e.published()).isEqualTo("2016-08-20");
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.note()).isEmpty();
    }

    @Test
    void keeps_paragraph_breaks_between_blocks_of_the_report_page() throws IOException {
        Extracted e = (Extracted) extract(reportPage(), "", "report.html");

        assertThat(e.text()).contains("four years.\n\nA volunteer");
        assertThat(e.text()).doesNotContain("\n\n\n");
    }

    @Test
    void detects_a_gif_named_pdf_as_a_gif_and_says_the_name_did_not_match() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);

        Extraction result = extract(gif, "", "evidence.pdf");

        assertThat(result).isInstanceOf(Extracted.class);
        assertThat(result.mediaType()).isEqualTo("image/gif");
        Extracted e = (Extracted) result;
        assertThat(e.text()).isEmpty();
        assertThat(e.note()).contains("evidence.pdf").contains("does not match").contains("image/gif");
        assertThat(e.note()).contains("no text extracted");
    }

    @Test
    void reports_an_empty_file_as_failed() {
        Extraction result = extract(new byte[0], "", "empty.txt");

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).reason()).isEqualTo("could not extract text: empty file");
        assertThat(result.mediaType()).isEqualTo("text/plain");
    }

    @Test
    void reports_binary_garbage_as_failed_with_its_first_bytes() {
        byte[] garbage = new byte[300];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 0x01;
        garbage[1] = 0x02;

        Extraction result = extract(garbage, "", "blob.bin");

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(result.mediaType()).isEqualTo("application/octet-stream");
        assertThat(((Failed) result).reason())
                .startsWith("could not extract text: blob.bin: unrecognised binary content (starts with 0x01 0x02");
    }

    @Test
    void reports_garbage_named_pdf_as_not_a_pdf() {
        byte[] garbage = new byte[200];
        new java.util.Random(3).nextBytes(garbage);
        garbage[0] = 0;

        Extraction result = extract(garbage, "", "report.pdf");

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).reason())
                .startsWith("could not extract text: report.pdf:")
                .contains("not application/pdf");
    }

    @Test
    void reads_a_text_file_named_pdf_as_text_and_says_so() {
        Extraction result =
                extract("Witness statement\nI saw the convoy.".getBytes(StandardCharsets.UTF_8), "", "statement.pdf");

        assertThat(result).isInstanceOf(Extracted.class);
        Extracted e = (Extracted) result;
        assertThat(e.mediaType()).isEqualTo("text/plain");
        assertThat(e.title()).isEqualTo("Witness statement");
        assertThat(e.note()).contains("statement.pdf").contains("text");
    }

    @Test
    void gives_images_video_audio_and_archives_no_text_but_a_note() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        Extracted image = (Extracted) extract(jpeg, "", "photo.jpg");
        assertThat(image.mediaType()).isEqualTo("image/jpeg");
        assertThat(image.text()).isEmpty();
        assertThat(image.note()).isEqualTo("image/jpeg: no text extracted (the picture is hashed for matching)");

        byte[] mp4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
        assertThat(extract(mp4, "", "clip.mp4").mediaType()).isEqualTo("video/mp4");

        byte[] warc = "WARC/1.1\r\nWARC-Type: warcinfo\r\n".getBytes(StandardCharsets.US_ASCII);
        Extracted archive = (Extracted) extract(warc, "", "crawl.warc");
        assertThat(archive.mediaType()).isEqualTo("application/warc");
        assertThat(archive.note()).contains("no text extracted");
    }

    @Test
    void decodes_legacy_arabic_text_in_windows_1256() {
        String arabic = "قصف مدفعي على محيط محطة ضخ المياه في داريا، وإصابة مدنيين اثنين.";
        byte[] cp1256 = arabic.getBytes(Charset.forName("windows-1256"));

        Extracted e = (Extracted) extract(cp1256, "", "report.txt");

        assertThat(e.mediaType()).isEqualTo("text/plain");
        assertThat(e.text()).isEqualTo(arabic);
        assertThat(e.language()).isEqualTo("ar");
    }

    @Test
    void uses_the_declared_type_when_the_bytes_do_not_decide() {
        Extracted e = (Extracted) extract("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8", "");

        assertThat(e.mediaType()).isEqualTo("text/csv");
        assertThat(e.title()).isEqualTo("a,b");
    }

    @Test
    void notes_a_declared_type_that_the_content_contradicts() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        Extracted e = (Extracted) extract(png, "text/html", "");

        assertThat(e.mediaType()).isEqualTo("image/png");
        assertThat(e.note()).contains("declared type text/html, but the content is image/png");
    }
}
