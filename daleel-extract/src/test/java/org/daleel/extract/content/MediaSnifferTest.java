package org.daleel.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.daleel.extract.warc.WarcBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaSnifferTest {

    private static byte[] hex(String hex) {
        String h = hex.replace(" ", "");
        byte[] b = new byte[h.length() / 2 + 32];
        for (int i = 0; i < h.length() / 2; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static String type(byte[] bytes, String declared, String name) {
        return MediaSniffer.sniff(bytes, declared, name).mediaType();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "255044462d312e37, application/pdf",
        "89504e470d0a1a0a, image/png",
        "ffd8ffe000104a46, image/jpeg",
        "474946383961, image/gif",
        "474946383761, image/gif",
        "52494646000000005745425056503820, image/webp",
        "49492a00, image/tiff",
        "4d4d002a, image/tiff",
        "000000186674797069736f6d, video/mp4",
        "00000014667479707174202000000000, video/quicktime",
        "0000001c667479706865696300000000, image/heic",
        "1a45dfa3a34286810142f7810142f281044282847765626d, video/webm",
        "1a45dfa3a34286810142f7810142f281044282886d6174726f736b61, video/x-matroska",
        "504b0304140000000800, application/zip",
        "1f8b0800000000000003, application/gzip",
        "4f676753, audio/ogg",
        "494433, audio/mpeg",
    })
    void detects_formats_by_their_magic_bytes(String magic, String expected) {
        assertThat(type(hex(magic), "", "")).isEqualTo(expected);
    }

    @Test
    void detects_a_bmp_by_its_header_and_not_text_that_starts_with_bm() {
        byte[] bmp = hex("424d 3a000000 00000000 36000000 28000000 01000000 01000000 0100 1800");
        assertThat(type(bmp, "", "")).isEqualTo("image/bmp");
        assertThat(type("BMW drivers protest".getBytes(StandardCharsets.US_ASCII), "", ""))
                .isEqualTo("text/plain");
    }

    @Test
    void detects_warc_plain_and_gzipped_and_wacz() {
        byte[] warc = "WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(type(warc, "", "")).isEqualTo("application/warc");
        assertThat(type(WarcBytes.gzip(warc), "", "crawl.gz")).isEqualTo("application/warc");
        assertThat(MediaSniffer.sniff(WarcBytes.gzip(warc), "", "crawl.warc.gz").note())
                .isEmpty();
        byte[] zip = hex("504b0304140000000800");
        assertThat(type(zip, "", "package.wacz")).isEqualTo("application/wacz");
        byte[] withDatapackage = new byte[200];
        System.arraycopy(zip, 0, withDatapackage, 0, 10);
        System.arraycopy("datapackage.json".getBytes(StandardCharsets.US_ASCII), 0, withDatapackage, 120, 16);
        assertThat(type(withDatapackage, "", "upload.zip")).isEqualTo("application/wacz");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "<!DOCTYPE html><title>x</title>",
                "   <html><body>x</body></html>",
                "<head><meta charset=utf-8></head>",
                "<!-- comment --><div>x</div>",
                "Some text first<p>and a paragraph</p>",
                "<table><tr><td>cell</td></tr></table>",
            })
    void detects_html_by_its_tags_in_the_first_kilobyte(String html) {
        assertThat(type(html.getBytes(StandardCharsets.UTF_8), "", "")).isEqualTo("text/html");
    }

    @Test
    void detects_xml_svg_and_feeds() {
        assertThat(type(
                        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                                .getBytes(StandardCharsets.UTF_8),
                        "",
                        ""))
                .isEqualTo("image/svg+xml");
        assertThat(type("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>".getBytes(StandardCharsets.UTF_8), "", ""))
                .isEqualTo("application/rss+xml");
        assertThat(type("<?xml version=\"1.0\"?><data/>".getBytes(StandardCharsets.UTF_8), "", ""))
                .isEqualTo("application/xml");
    }

    @Test
    void detects_html_in_utf16() {
        byte[] le = "\uFEFF<html><body>x</body></html>".getBytes(StandardCharsets.UTF_16LE);
        assertThat(type(le, "", "")).isEqualTo("text/html");
        byte[] noBom = "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_16LE);
        assertThat(type(noBom, "", "")).isEqualTo("text/html");
    }

    @Test
    void falls_back_to_the_declared_type_then_the_extension_then_text() {
        byte[] text = "col1,col2\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertThat(type(text, "text/csv", "data.json")).isEqualTo("text/csv");
        assertThat(type(text, "application/octet-stream", "data.json")).isEqualTo("application/json");
        assertThat(type(text, "", "")).isEqualTo("text/plain");
        assertThat(type(hex("0102030405060708"), "", "clip.mp3")).isEqualTo("audio/mpeg");
    }

    @Test
    void keeps_the_declared_charset() {
        Sniffed s = MediaSniffer.sniff(
                "<p>x</p>".getBytes(StandardCharsets.UTF_8), "text/html; charset=\"windows-1256\"", "");

        assertThat(s.charset()).isEqualTo("windows-1256");
        assertThat(s.kind()).isEqualTo(MediaKind.HTML);
    }

    @Test
    void says_when_the_file_name_does_not_match_the_content() {
        Sniffed s = MediaSniffer.sniff(hex("474946383961"), "", "photo.pdf");

        assertThat(s.mediaType()).isEqualTo("image/gif");
        assertThat(s.note())
                .isEqualTo(
                        "file name 'photo.pdf' does not match the content: suggests application/pdf, detected image/gif");
    }

    @Test
    void treats_legacy_arabic_bytes_as_text_and_random_bytes_as_binary() {
        byte[] cp1256 = "قال سكان إن القذائف أصابت محيط محطة ضخ المياه"
                .getBytes(java.nio.charset.Charset.forName("windows-1256"));
        assertThat(type(cp1256, "", "")).isEqualTo("text/plain");
        byte[] random = new byte[4096];
        new java.util.Random(5).nextBytes(random);
        random[0] = 0x02;
        assertThat(type(random, "", "")).isEqualTo("application/octet-stream");
    }
}
