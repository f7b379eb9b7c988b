package org.daleel.extract.content;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.daleel.extract.text.TextDecoder;

/** Media types by file extension, type aliases, and short descriptions of a payload's first bytes. */
public final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("shtml", "text/html"),
            Map.entry("xhtml", "application/xhtml+xml"),
            Map.entry("txt", "text/plain"),
            Map.entry("text", "text/plain"),
            Map.entry("log", "text/plain"),
            Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"),
            Map.entry("tsv", "text/tab-separated-values"),
            Map.entry("json", "application/json"),
            Map.entry("geojson", "application/geo+json"),
            Map.entry("xml", "application/xml"),
            Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"),
            Map.entry("srt", "text/plain"),
            Map.entry("vtt", "text/vtt"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("jpe", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heic"),
            Map.entry("avif", "image/avif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("avi", "video/x-msvideo"),
            Map.entry("3gp", "video/3gpp"),
            Map.entry("ts", "video/mp2t"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("aac", "audio/aac"),
            Map.entry("wav", "audio/wav"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("oga", "audio/ogg"),
            Map.entry("opus", "audio/ogg"),
            Map.entry("flac", "audio/flac"),
            Map.entry("amr", "audio/amr"),
            Map.entry("zip", "application/zip"),
            Map.entry("wacz", "application/wacz"),
            Map.entry("warc", "application/warc"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tgz", "application/gzip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("rar", "application/vnd.rar"),
            Map.entry("zst", "application/zstd"),
            Map.entry("bz2", "application/x-bzip2"),
            Map.entry("xz", "application/x-xz"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("epub", "application/epub+zip"),
            Map.entry("rtf", "application/rtf"));

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("image/jpg", "image/jpeg"),
            Map.entry("image/pjpeg", "image/jpeg"),
            Map.entry("image/x-png", "image/png"),
            Map.entry("image/x-ms-bmp", "image/bmp"),
            Map.entry("application/x-pdf", "application/pdf"),
            Map.entry("application/acrobat", "application/pdf"),
            Map.entry("application/x-gzip", "application/gzip"),
            Map.entry("application/x-zip-compressed", "application/zip"),
            Map.entry("application/x-zip", "application/zip"),
            Map.entry("application/x-warc", "application/warc"),
            Map.entry("audio/mp3", "audio/mpeg"),
            Map.entry("audio/x-wav", "audio/wav"),
            Map.entry("audio/wave", "audio/wav"),
            Map.entry("audio/x-flac", "audio/flac"),
            Map.entry("application/x-javascript", "application/javascript"),
            Map.entry("text/javascript", "application/javascript"),
            Map.entry("text/json", "application/json"));

    private MediaTypes() {}

    /** The media type the file name's extension suggests ({@code .warc.gz} is a WARC). */
    public static Optional<String> byExtension(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            return Optional.empty();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.endsWith(".warc.gz") || name.endsWith(".warc.zst")) {
            return Optional.of("application/warc");
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(name.substring(dot + 1)));
    }

    /** The usual name of a media type with an alias ({@code image/jpg} is {@code image/jpeg}). */
    public static String canonical(String base) {
        return ALIASES.getOrDefault(base, base);
    }

    /**
     * The first bytes for a message: quoted when they are printable ASCII ({@code 'GIF89a'}), else
     * in hex ({@code 0x89 0x50 ...}).
     */
    public static String head(byte[] b) {
        int n = Math.min(b.length, 8);
        boolean printable = n > 0;
        for (int i = 0; i < n; i++) {
            if (b[i] < 0x20 || b[i] >= 0x7F) {
                printable = false;
                break;
            }
        }
        if (printable) {
            return "'" + new String(b, 0, n, StandardCharsets.US_ASCII) + "'";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                hex.append(' ');
            }
            hex.append(String.format(Locale.ROOT, "0x%02x", b[i] & 0xFF));
        }
        return hex.length() == 0 ? "nothing" : hex.toString();
    }

    /** The first {@code chars} characters, lower-case; UTF-16 decoded as such, anything else as Latin-1. */
    static String prefixLowerCase(byte[] b, int chars) {
        boolean utf16be = b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF;
        boolean utf16le = b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE;
        String s;
        if (utf16be || utf16le || TextDecoder.isUtf16WithoutBom(b)) {
            int len = Math.min(b.length, chars * 2) & ~1;
            s = TextDecoder.decode(java.util.Arrays.copyOf(b, len), "").text();
        } else {
            s = new String(b, 0, Math.min(b.length, chars), StandardCharsets.ISO_8859_1);
        }
        if (s.startsWith("\u00EF\u00BB\u00BF")) {
            s = s.substring(3); // the UTF-8 byte-order mark read as Latin-1
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
