package org.daleel.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    private static final String ARABIC = "قال سكان إن القذائف أصابت محيط محطة ضخ المياه في داريا";

    @Test
    void decodes_utf8_and_honours_byte_order_marks() {
        assertThat(TextDecoder.decode(ARABIC.getBytes(StandardCharsets.UTF_8), "")
                        .text())
                .isEqualTo(ARABIC);
        byte[] be = ("\uFEFF" + ARABIC).getBytes(StandardCharsets.UTF_16BE);
        assertThat(TextDecoder.decode(be, "utf-8").text()).isEqualTo(ARABIC);
        byte[] le = ("\uFEFF" + ARABIC).getBytes(StandardCharsets.UTF_16LE);
        assertThat(TextDecoder.decode(le, "").text()).isEqualTo(ARABIC);
    }

    @Test
    void falls_back_to_windows_1256_for_legacy_arabic_and_windows_1252_for_legacy_latin() {
        TextDecoder.Decoded arabic = TextDecoder.decode(ARABIC.getBytes(Charset.forName("windows-1256")), "");
        assertThat(arabic.charset().name()).isEqualTo("windows-1256");
        assertThat(arabic.text()).isEqualTo(ARABIC);

        String french = "Les habitants de la ville ont été évacués vers Idleb à l'aube.";
        TextDecoder.Decoded latin = TextDecoder.decode(french.getBytes(StandardCharsets.ISO_8859_1), "");
        assertThat(latin.charset().name()).isEqualTo("windows-1252");
        assertThat(latin.text()).isEqualTo(french);
    }

    @Test
    void keeps_utf8_with_replacement_when_only_a_few_bytes_are_broken() {
        byte[] good = (ARABIC + " " + ARABIC).getBytes(StandardCharsets.UTF_8);
        good[10] = (byte) 0xFF;

        TextDecoder.Decoded d = TextDecoder.decode(good, "");

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.text()).contains("\uFFFD").endsWith("في داريا");
    }

    @Test
    void trusts_a_declared_charset_but_not_latin1_over_valid_utf8() {
        byte[] cp1256 = ARABIC.getBytes(Charset.forName("windows-1256"));
        assertThat(TextDecoder.decode(cp1256, "windows-1256").text()).isEqualTo(ARABIC);
        assertThat(TextDecoder.decode(cp1256, "utf-8").text()).isEqualTo(ARABIC);

        TextDecoder.Decoded mislabelled = TextDecoder.decode("café".getBytes(StandardCharsets.UTF_8), "ISO-8859-1");
        assertThat(mislabelled.text()).isEqualTo("café");
        assertThat(mislabelled.note()).contains("decoded as UTF-8");
        assertThat(TextDecoder.decode("café".getBytes(StandardCharsets.ISO_8859_1), "latin1")
                        .text())
                .isEqualTo("café");
    }

    @Test
    void ignores_unknown_charset_labels() {
        assertThat(TextDecoder.decode("plain".getBytes(StandardCharsets.UTF_8), "no-such-charset")
                        .text())
                .isEqualTo("plain");
        assertThat(TextDecoder.charset("\"UTF-8\"")).contains(StandardCharsets.UTF_8);
        assertThat(TextDecoder.charset("x<>y")).isEmpty();
    }

    @Test
    void validates_utf8_strictly() {
        assertThat(Utf8Scan.of(new byte[] {(byte) 0xC0, (byte) 0x80}).valid()).isFalse(); // overlong NUL
        assertThat(Utf8Scan.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})
                        .valid())
                .isFalse(); // surrogate
        assertThat(Utf8Scan.of(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})
                        .valid())
                .isFalse();
        assertThat(Utf8Scan.of("😀 داريا".getBytes(StandardCharsets.UTF_8)).multiByte())
                .isEqualTo(6);
    }
}
