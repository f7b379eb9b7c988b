package org.daleel.extract.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Formats recognised by their first bytes (signatures as listed by WHATWG MIME Sniffing s6 and the
 * formats' own specifications): PDF, PNG, JPEG, GIF, WebP, TIFF, BMP, ISO BMFF (MP4, MOV, HEIC,
 * AVIF), Matroska/WebM, Ogg, FLAC, MP3 with ID3, ZIP (WACZ, EPUB, ODF, OOXML), gzip (a gzipped WARC
 * is a WARC), WARC, zstd, RAR, 7z, bzip2, xz, OLE2 and RTF.
 */
final class MagicBytes {
    private MagicBytes() {}

    /** Media type from magic bytes, if any format is recognised. */
    static Optional<String> detect(byte[] b, String fileName) {
        int n = b.length;
        if (n < 2) {
            return Optional.empty();
        }
        if (startsWith(b, 0, "%PDF-") || pdfAfterJunk(b)) {
            return Optional.of("application/pdf");
        }
        if (n >= 8 && (b[0] & 0xFF) == 0x89 && startsWith(b, 1, "PNG\r\n\u001a\n")) {
            return Optional.of("image/png");
        }
        if (n >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (startsWith(b, 0, "RIFF") && n >= 12) {
            if (startsWith(b, 8, "WEBP")) {
                return Optional.of("image/webp");
            }
            if (startsWith(b, 8, "WAVE")) {
                return Optional.of("audio/wav");
            }
            if (startsWith(b, 8, "AVI ")) {
                return Optional.of("video/x-msvideo");
            }
        }
        if (n >= 4 && (startsWith(b, 0, "II*\u0000") || startsWith(b, 0, "MM\u0000*"))) {
            return Optional.of("image/tiff");
        }
        if (isBmp(b)) {
            return Optional.of("image/bmp");
        }
        if (n >= 12 && startsWith(b, 4, "ftyp")) {
            return Optional.of(isoBrand(new String(b, 8, 4, StandardCharsets.ISO_8859_1)));
        }
        if (n >= 8 && (startsWith(b, 4, "moov") || startsWith(b, 4, "mdat") || startsWith(b, 4, "wide"))) {
            return Optional.of("video/quicktime");
        }
        if (n >= 4
                && (b[0] & 0xFF) == 0x1A
                && (b[1] & 0xFF) == 0x45
                && (b[2] & 0xFF) == 0xDF
                && (b[3] & 0xFF) == 0xA3) {
            return Optional.of(indexOf(b, "webm", Math.min(n, 64)) >= 0 ? "video/webm" : "video/x-matroska");
        }
        if (startsWith(b, 0, "OggS")) {
            return Optional.of("audio/ogg");
        }
        if (startsWith(b, 0, "fLaC")) {
            return Optional.of("audio/flac");
        }
        if (startsWith(b, 0, "ID3")) {
            return Optional.of("audio/mpeg");
        }
        if (n >= 4 && startsWith(b, 0, "PK") && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6))) {
            return Optional.of(zipType(b, fileName));
        }
        if ((b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            return Optional.of(gunzipsToWarc(b) ? "application/warc" : "application/gzip");
        }
        if (startsWith(b, 0, "WARC/1.")) {
            return Optional.of("application/warc");
        }
        if (n >= 4
                && (b[0] & 0xFF) == 0x28
                && (b[1] & 0xFF) == 0xB5
                && (b[2] & 0xFF) == 0x2F
                && (b[3] & 0xFF) == 0xFD) {
            return Optional.of("application/zstd");
        }
        if (startsWith(b, 0, "Rar!\u001a\u0007")) {
            return Optional.of("application/vnd.rar");
        }
        if (n >= 6 && startsWith(b, 0, "7z") && (b[2] & 0xFF) == 0xBC && (b[3] & 0xFF) == 0xAF) {
            return Optional.of("application/x-7z-compressed");
        }
        if (startsWith(b, 0, "BZh")) {
            return Optional.of("application/x-bzip2");
        }
        if (n >= 6 && (b[0] & 0xFF) == 0xFD && startsWith(b, 1, "7zXZ")) {
            return Optional.of("application/x-xz");
        }
        if (n >= 8
                && (b[0] & 0xFF) == 0xD0
                && (b[1] & 0xFF) == 0xCF
                && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0) {
            return Optional.of(MediaTypes.byExtension(fileName)
                    .filter(t -> MediaKind.of(t) == MediaKind.DOCUMENT)
                    .orElse("application/msword"));
        }
        if (startsWith(b, 0, "{\\rtf")) {
            return Optional.of("application/rtf");
        }
        return Optional.empty();
    }

    /** Readers accept a PDF header anywhere in the first kilobyte (ISO 32000-2 s7.5.2 leaves room for junk). */
    private static boolean pdfAfterJunk(byte[] b) {
        int i = indexOf(b, "%PDF-", Math.min(b.length, 1024));
        return i > 0 && (b[i - 1] == '\n' || b[i - 1] == '\r');
    }

    private static String isoBrand(String brand) {
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B " -> "audio/mp4";
            case "heic", "heix", "heim", "heis", "mif1", "msf1" -> "image/heic";
            case "avif", "avis" -> "image/avif";
            case "3gp4", "3gp5", "3gp6", "3g2a" -> "video/3gpp";
            default -> "video/mp4";
        };
    }

    private static boolean isBmp(byte[] b) {
        if (b.length < 26 || !startsWith(b, 0, "BM")) {
            return false;
        }
        int header = (b[14] & 0xFF) | (b[15] & 0xFF) << 8;
        boolean reserved = b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0;
        return reserved
                && (header == 12
                        || header == 40
                        || header == 52
                        || header == 56
                        || header == 64
                        || header == 108
                        || header == 124);
    }

    private static String zipType(byte[] b, String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".wacz")) {
            return "application/wacz";
        }
        int n = b.length;
        if (n >= 30) {
            int nameLength = (b[26] & 0xFF) | (b[27] & 0xFF) << 8;
            if (30 + nameLength <= n) {
                String first = new String(b, 30, nameLength, StandardCharsets.ISO_8859_1);
                int extra = (b[28] & 0xFF) | (b[29] & 0xFF) << 8;
                int data = 30 + nameLength + extra;
                if (first.equals("mimetype") && data < n) {
                    // ODF and EPUB store their media type uncompressed as the first entry
                    String type = new String(b, data, Math.min(80, n - data), StandardCharsets.ISO_8859_1);
                    for (String t : new String[] {
                        "application/epub+zip",
                        "application/vnd.oasis.opendocument.text",
                        "application/vnd.oasis.opendocument.spreadsheet"
                    }) {
                        if (type.startsWith(t)) {
                            return t;
                        }
                    }
                }
                if (first.equals("[Content_Types].xml") || first.startsWith("word/") || first.startsWith("xl/")) {
                    Optional<String> office =
                            MediaTypes.byExtension(fileName).filter(t -> MediaKind.of(t) == MediaKind.DOCUMENT);
                    if (office.isPresent()) {
                        return office.get();
                    }
                }
            }
        }
        // a WACZ names datapackage.json in its central directory, at the end of the file
        int tail = Math.max(0, n - 64 * 1024);
        if (indexOf(b, tail, n, "datapackage.json") >= 0
                || indexOf(b, 0, Math.min(n, 64 * 1024), "datapackage.json") >= 0) {
            return "application/wacz";
        }
        return "application/zip";
    }

    private static boolean gunzipsToWarc(byte[] b) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b, 0, Math.min(b.length, 4096)), 512)) {
            byte[] head = in.readNBytes(7);
            return head.length == 7 && startsWith(head, 0, "WARC/1.");
        } catch (IOException | RuntimeException e) {
            // not a readable gzip member: it stays application/gzip, and the reader will say why
            return false;
        }
    }

    static boolean startsWith(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, String ascii, int limit) {
        return indexOf(b, 0, limit, ascii);
    }

    private static int indexOf(byte[] b, int from, int limit, String ascii) {
        int last = Math.min(limit, b.length) - ascii.length();
        byte first = (byte) ascii.charAt(0);
        for (int i = from; i <= last; i++) {
            if (b[i] == first && startsWith(b, i, ascii)) {
                return i;
            }
        }
        return -1;
    }
}
