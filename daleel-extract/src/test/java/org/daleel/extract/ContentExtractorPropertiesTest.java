package org.daleel.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.daleel.extract.content.ContentExtractor;
import org.daleel.extract.warc.WarcBytes;

/**
 * Whatever the bytes, the extractor returns a result with a media type, never throws, puts no NUL
 * or unpaired surrogate in its text, and finishes in bounded time.
 */
class ContentExtractorPropertiesTest {
    private static final ContentExtractor EXTRACTOR = new ContentExtractor();
    /** A guard against hangs and blow-ups, not a speed check (speed is measured by daleel bench). */
    private static final long MAX_MILLIS = 60_000;

    private static final byte[] HTML;
    private static final byte[] PDF;
    private static final byte[] WARC = WarcBytes.crawl(false);
    private static final byte[] WARC_GZ = WarcBytes.crawl(true);

    static {
        try {
            HTML = ContentExtractorTest.reportPage();
            PDF = pdf();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 12);
                content.newLineAtOffset(40, 700);
                content.showText("Evacuation convoy stopped at the checkpoint");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static Extraction extractChecked(byte[] bytes, String declared, String name) {
        long start = System.nanoTime();
        Extraction result = EXTRACTOR.extract(new ExtractionInput(bytes, declared, name, "https://example.org/x"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("extraction time in ms").isLessThan(MAX_MILLIS);
        assertThat(result).isNotNull();
        assertThat(result.mediaType()).isNotBlank();
        switch (result) {
            case Extraction.Extracted e -> {
                assertClean(e.text());
                assertClean(e.title());
                assertThat(e.title().length()).isLessThanOrEqualTo(300);
            }
            case Extraction.Failed f ->
                assertThat(f.reason()).startsWith("could not extract text").doesNotContain("internal error");
        }
        return result;
    }

    private static void assertClean(String s) {
        assertThat(s).doesNotContain("\u0000");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                        .as("pair at %d", i)
                        .isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c))
                        .as("lone low surrogate at %d", i)
                        .isFalse();
            }
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("", "a.pdf", "b.html", "c.txt", "d.jpg", "e.warc.gz", "f.wacz", "g", "h.csv", "i.mp4");
    }

    @Provide
    Arbitrary<String> declaredTypes() {
        return Arbitraries.of(
                "",
                "text/html",
                "text/html; charset=windows-1256",
                "application/pdf",
                "image/png",
                "text/plain; charset=utf-16",
                "application/octet-stream",
                "nonsense",
                ";charset=",
                "text/xml");
    }

    @Property(tries = 200)
    void random_bytes_never_break_the_extractor(
            @ForAll @Size(max = 3000) byte[] bytes,
            @ForAll("declaredTypes") String declared,
            @ForAll("names") String name) {
        extractChecked(bytes, declared, name);
    }

    @Provide
    Arbitrary<byte[]> truncatedDocuments() {
        Arbitrary<byte[]> source = Arbitraries.of(HTML, PDF, WARC, WARC_GZ);
        return Combinators.combine(source, Arbitraries.doubles().between(0, 1))
                .as((bytes, fraction) -> Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    @Property(tries = 150)
    void truncated_html_pdf_and_warc_never_break_the_extractor(
            @ForAll("truncatedDocuments") byte[] bytes, @ForAll("names") String name) {
        extractChecked(bytes, "", name);
    }

    @Provide
    Arbitrary<byte[]> corruptedDocuments() {
        Arbitrary<byte[]> source = Arbitraries.of(HTML, PDF, WARC_GZ);
        return Combinators.combine(
                        source,
                        Arbitraries.integers()
                                .between(0, Integer.MAX_VALUE)
                                .list()
                                .ofMaxSize(20))
                .as((bytes, positions) -> {
                    byte[] copy = bytes.clone();
                    for (int p : positions) {
                        copy[p % copy.length] ^= (byte) (p >>> 8 | 1);
                    }
                    return copy;
                });
    }

    @Property(tries = 100)
    void flipped_bytes_in_html_pdf_and_warc_never_break_the_extractor(@ForAll("corruptedDocuments") byte[] bytes) {
        extractChecked(bytes, "", "file");
    }

    /** Any UTF-16 code units, lone surrogates included, encoded as UTF-16 code units, CESU-8 or UTF-8. */
    @Provide
    Arbitrary<byte[]> weirdUnicode() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange('\u0000', '\uFFFF')
                .withChars("<p>داريا&#0;&#xD800;&#x110000;</p>")
                .ofMaxLength(400);
        return Combinators.combine(text, Arbitraries.integers().between(0, 3), Arbitraries.of("", "<html><p>"))
                .as((s, encoding, prefix) -> encode(prefix + s, encoding));
    }

    private static byte[] encode(String s, int encoding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (encoding) {
            case 0 -> { // raw UTF-16LE code units with a BOM, lone surrogates kept
                out.write(0xFF);
                out.write(0xFE);
                for (char c : s.toCharArray()) {
                    out.write(c & 0xFF);
                    out.write(c >>> 8);
                }
            }
            case 1 -> { // CESU-8: every code unit on its own, surrogates as three bytes
                for (char c : s.toCharArray()) {
                    if (c < 0x80) {
                        out.write(c);
                    } else if (c < 0x800) {
                        out.write(0xC0 | c >>> 6);
                        out.write(0x80 | c & 0x3F);
                    } else {
                        out.write(0xE0 | c >>> 12);
                        out.write(0x80 | c >>> 6 & 0x3F);
                        out.write(0x80 | c & 0x3F);
                    }
                }
            }
            case 2 -> out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            default -> out.writeBytes(s.getBytes(StandardCharsets.UTF_16BE)); // no BOM
        }
        return out.toByteArray();
    }

    @Property(tries = 200)
    void weirdly_encoded_unicode_gives_clean_text(
            @ForAll("weirdUnicode") byte[] bytes, @ForAll("declaredTypes") String declared) {
        extractChecked(bytes, declared, "");
    }

    @Property(tries = 30)
    void html_of_any_nesting_depth_is_extracted(@ForAll @IntRange(min = 1, max = 20_000) int depth) {
        String html = "<div>".repeat(depth) + "deep text" + "</div>".repeat(depth / 2);
        Extraction result = extractChecked(html.getBytes(StandardCharsets.UTF_8), "text/html", "deep.html");
        assertThat(result).isInstanceOf(Extraction.Extracted.class);
    }
}
