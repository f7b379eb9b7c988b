package org.daleel.extract.text;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns bytes into text, choosing the charset in this order: a byte-order mark; a declared charset
 * (HTTP Content-Type or {@code <meta charset>}); UTF-8 when the bytes are valid UTF-8 (or mostly
 * so: then invalid sequences become U+FFFD); windows-1256 when the bytes look like legacy Arabic;
 * else windows-1252 (the WHATWG default for unlabelled legacy text). Thread-safe, stateless.
 */
public final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

    private TextDecoder() {}

    /**
     * Decoded text.
     *
     * @param text the decoded characters (not yet cleaned)
     * @param charset the charset used
     * @param note "" or why a declared charset was not used
     */
    public record Decoded(String text, Charset charset, String note) {}

    /** Decodes {@code bytes}; {@code declaredCharset} is a charset label or "". */
    public static Decoded decode(byte[] bytes, String declaredCharset) {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, n - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "");
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, "");
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, "");
        }
        Optional<Charset> utf16 = utf16WithoutBom(bytes);
        if (utf16.isPresent()) {
            return new Decoded(new String(bytes, utf16.get()), utf16.get(), "");
        }
        Utf8Scan scan = Utf8Scan.of(bytes);
        Optional<Charset> declared = charset(declaredCharset);
        if (declared.isPresent()) {
            Charset cs = declared.get();
            boolean latin = cs.equals(WINDOWS_1252);
            if (latin && scan.invalid() == 0 && scan.multiByte() > 0) {
                // Pages labelled Latin-1 that are really UTF-8 are common; Latin-1 text with
                // non-ASCII letters is almost never valid UTF-8.
                return new Decoded(
                        new String(bytes, StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8,
                        "declared charset " + declaredCharset.strip() + ", decoded as UTF-8");
            }
            boolean utf8 = cs.equals(StandardCharsets.UTF_8);
            if (!utf8 || scan.mostlyUtf8()) {
                return new Decoded(new String(bytes, cs), cs, "");
            }
            Charset legacy = legacy(bytes);
            return new Decoded(
                    new String(bytes, legacy),
                    legacy,
                    "declared charset UTF-8 but the bytes are not UTF-8, decoded as " + legacy.name());
        }
        if (scan.mostlyUtf8()) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "");
        }
        Charset legacy = legacy(bytes);
        return new Decoded(new String(bytes, legacy), legacy, "");
    }

    /** Resolves a charset label the way browsers do (Latin-1 and ASCII mean windows-1252). */
    public static Optional<Charset> charset(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String name = label.strip().toLowerCase(Locale.ROOT);
        if (name.length() > 2 && (name.charAt(0) == '"' || name.charAt(0) == '\'')) {
            name = name.substring(1, name.length() - 1).strip();
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        switch (name) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp819" -> {
                return Optional.of(WINDOWS_1252);
            }
            case "utf-16", "utf-16le", "utf-16be", "x-user-defined" -> {
                // WHATWG: a UTF-16 label without a BOM in an ASCII-compatible prescan means UTF-8.
                return Optional.of(StandardCharsets.UTF_8);
            }
            default -> {
                // fall through to the JDK's registry
            }
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** windows-1256 when the non-ASCII bytes look like Arabic letters written in words, else windows-1252. */
    static Charset legacy(byte[] bytes) {
        return looksLikeCp1256(bytes) ? WINDOWS_1256 : WINDOWS_1252;
    }

    /**
     * Arabic text in windows-1256 has runs of high bytes (letters of one word) that fall on the
     * Arabic letter positions of the code page; Latin-1 text has isolated accented letters.
     */
    static boolean looksLikeCp1256(byte[] bytes) {
        int n = Math.min(bytes.length, 64 * 1024);
        int high = 0;
        int arabic = 0;
        int inRuns = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                continue;
            }
            high++;
            if (isCp1256Arabic(b)) {
                arabic++;
            }
            boolean prevHigh = i > 0 && (bytes[i - 1] & 0x80) != 0;
            boolean nextHigh = i + 1 < n && (bytes[i + 1] & 0x80) != 0;
            if (prevHigh || nextHigh) {
                inRuns++;
            }
        }
        return high >= 4 && arabic * 10 >= high * 7 && inRuns * 2 >= high;
    }

    private static boolean isCp1256Arabic(int b) {
        return (b >= 0xC1 && b <= 0xD6)
                || (b >= 0xD8 && b <= 0xDF)
                || b == 0xE1
                || (b >= 0xE3 && b <= 0xE6)
                || b == 0xEC
                || b == 0xED
                || (b >= 0xF0 && b <= 0xF3)
                || b == 0xF5
                || b == 0xF6
                || b == 0xF8
                || b == 0xFA
                || b == 0xA1
                || b == 0xBA
                || b == 0xBF
                || b == 0x81
                || b == 0x8D
                || b == 0x8E
                || b == 0x90
                || b == 0x98;
    }

    /** UTF-16 without a BOM shows as ASCII letters alternating with zero bytes. */
    private static Optional<Charset> utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length & ~1, 512);
        if (n < 8) {
            return Optional.empty();
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < n; i += 2) {
            if (bytes[i] == 0) {
                zeroEven++;
            }
            if (bytes[i + 1] == 0) {
                zeroOdd++;
            }
        }
        int pairs = n / 2;
        if (zeroOdd * 10 >= pairs * 9 && zeroEven == 0) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (zeroEven * 10 >= pairs * 9 && zeroOdd == 0) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    /** Whether the bytes look like UTF-16 text without a BOM. */
    public static boolean isUtf16WithoutBom(byte[] bytes) {
        return utf16WithoutBom(bytes).isPresent();
    }
}
