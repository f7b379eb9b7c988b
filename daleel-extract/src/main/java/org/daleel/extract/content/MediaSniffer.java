package org.daleel.extract.content;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.daleel.extract.text.TextDecoder;
import org.daleel.extract.text.Utf8Scan;

/**
 * Detects the media type of a payload: magic bytes first, then HTML markup in the first kilobyte,
 * then the declared type, then the file name's extension, and {@code text/plain} for text. A name
 * or declared type that the content contradicts is reported in {@link Sniffed#note()}. Stateless
 * and thread-safe.
 */
public final class MediaSniffer {
    private static final int TEXT_SAMPLE = 8 * 1024;
    private static final int HTML_SAMPLE = 1024;

    /** Types whose magic bytes are reliable: a payload without them is not of that type. */
    private static final Set<String> MAGIC_TYPES = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/tiff",
            "image/bmp",
            "video/webm",
            "video/x-matroska",
            "application/zip",
            "application/wacz",
            "application/gzip",
            "application/warc");

    private static final Set<String> UNINFORMATIVE = Set.of(
            "application/octet-stream",
            "binary/octet-stream",
            "application/unknown",
            "application/x-unknown",
            "unknown/unknown",
            "application/binary",
            "application/force-download",
            "application/download");

    private MediaSniffer() {}

    /** Detects the media type of {@code bytes}, given the declared type and file name (each may be ""). */
    public static Sniffed sniff(byte[] bytes, String declaredType, String fileName) {
        String declared = baseType(declaredType);
        String charset = charsetParameter(declaredType);
        String byName = MediaTypes.byExtension(fileName).orElse("");
        Optional<String> magic = MagicBytes.detect(bytes, fileName);
        if (magic.isPresent()) {
            String type = magic.get();
            return new Sniffed(type, MediaKind.of(type), charset, mismatch(type, declared, byName, fileName));
        }
        boolean text = isText(bytes);
        if (text) {
            Optional<String> markup = markup(bytes);
            if (markup.isPresent()) {
                String type = markup.get();
                return new Sniffed(type, MediaKind.of(type), charset, mismatch(type, declared, byName, fileName));
            }
        }
        String claimed = !declared.isEmpty() ? declared : byName;
        if (!claimed.isEmpty()) {
            MediaKind kind = MediaKind.of(claimed);
            boolean textual = kind == MediaKind.TEXT || kind == MediaKind.HTML || kind == MediaKind.XML;
            if (MAGIC_TYPES.contains(claimed) || (textual && !text)) {
                String type = text ? "text/plain" : "application/octet-stream";
                String what = text ? "text" : "not " + claimed + " (starts with " + MediaTypes.head(bytes) + ")";
                return new Sniffed(
                        type,
                        text ? MediaKind.TEXT : MediaKind.BINARY,
                        charset,
                        claim(declared, byName, fileName) + ", but the content is " + what);
            }
            return new Sniffed(claimed, kind, charset, "");
        }
        if (text) {
            return new Sniffed("text/plain", MediaKind.TEXT, charset, "");
        }
        return new Sniffed("application/octet-stream", MediaKind.BINARY, charset, "");
    }

    /** The lower-case media type without parameters, aliases resolved; "" when uninformative. */
    static String baseType(String declaredType) {
        if (declaredType == null) {
            return "";
        }
        int semi = declaredType.indexOf(';');
        String base = (semi < 0 ? declaredType : declaredType.substring(0, semi))
                .strip()
                .toLowerCase(Locale.ROOT);
        if (base.indexOf('/') <= 0 || base.endsWith("/") || UNINFORMATIVE.contains(base) || base.contains("*")) {
            return "";
        }
        return MediaTypes.canonical(base);
    }

    /** The charset parameter of a Content-Type value, or "". */
    static String charsetParameter(String declaredType) {
        if (declaredType == null) {
            return "";
        }
        String lower = declaredType.toLowerCase(Locale.ROOT);
        int i = lower.indexOf("charset=");
        if (i < 0) {
            return "";
        }
        String value = declaredType.substring(i + "charset=".length());
        int end = value.indexOf(';');
        if (end >= 0) {
            value = value.substring(0, end);
        }
        return value.replace("\"", "").replace("'", "").strip();
    }

    private static String claim(String declared, String byName, String fileName) {
        return !declared.isEmpty() ? "declared type " + declared : "file name '" + fileName + "' suggests " + byName;
    }

    /** A note when a reliable detection contradicts the declared type or the file name. */
    private static String mismatch(String detected, String declared, String byName, String fileName) {
        StringBuilder note = new StringBuilder();
        if (!declared.isEmpty() && contradicts(declared, detected)) {
            note.append("declared type ")
                    .append(declared)
                    .append(", but the content is ")
                    .append(detected);
        }
        if (!byName.isEmpty() && contradicts(byName, detected)) {
            if (note.length() > 0) {
                note.append("; ");
            }
            note.append("file name '")
                    .append(fileName)
                    .append("' does not match the content: suggests ")
                    .append(byName)
                    .append(", detected ")
                    .append(detected);
        }
        return note.toString();
    }

    private static boolean contradicts(String claimed, String detected) {
        if (claimed.equals(detected)) {
            return false;
        }
        MediaKind c = MediaKind.of(claimed);
        MediaKind d = MediaKind.of(detected);
        boolean markupOrText = (c == MediaKind.TEXT || c == MediaKind.HTML || c == MediaKind.XML)
                && (d == MediaKind.HTML
                        || d == MediaKind.XML
                        || d == MediaKind.IMAGE && detected.equals("image/svg+xml"));
        if (markupOrText) {
            return false; // a .txt or .xml that holds markup is not worth a remark
        }
        // container formats often travel under their content's name (.warc.gz is gzip, .wacz is zip)
        return !(c == MediaKind.ARCHIVE && d == MediaKind.ARCHIVE)
                && !(c == MediaKind.DOCUMENT && detected.equals("application/zip"));
    }

    /**
     * Whether the bytes look like text: UTF-16 by its BOM or pattern, else no NUL and hardly any
     * other control bytes in the first 8 KB (any byte-oriented encoding is allowed).
     */
    static boolean isText(byte[] b) {
        int n = Math.min(b.length, TEXT_SAMPLE);
        if (n == 0) {
            return false;
        }
        if (n >= 2
                && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                        || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
            return true;
        }
        if (TextDecoder.isUtf16WithoutBom(b)) {
            return true;
        }
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) {
                controls++;
            }
        }
        if (controls * 100 > n) {
            return false;
        }
        Utf8Scan scan = Utf8Scan.of(b, n);
        // invalid UTF-8 is fine (legacy charsets) as long as the bytes are not mostly high bytes
        // scattered like compressed data; legacy text has ASCII spaces between its words
        return scan.valid() || spaces(b, n) * 50 >= n;
    }

    private static int spaces(byte[] b, int n) {
        int spaces = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == ' ' || b[i] == '\n') {
                spaces++;
            }
        }
        return spaces;
    }

    /** HTML, XHTML, SVG or other XML recognised by its first tags. */
    static Optional<String> markup(byte[] b) {
        String head = MediaTypes.prefixLowerCase(b, HTML_SAMPLE);
        String start = stripLeading(head);
        if (start.startsWith("<?xml")) {
            if (head.contains("<svg")) {
                return Optional.of("image/svg+xml");
            }
            if (head.contains("<html") || head.contains("<!doctype html")) {
                return Optional.of("application/xhtml+xml");
            }
            if (head.contains("<rss")) {
                return Optional.of("application/rss+xml");
            }
            if (head.contains("<feed")) {
                return Optional.of("application/atom+xml");
            }
            return Optional.of("application/xml");
        }
        if (start.startsWith("<svg")) {
            return Optional.of("image/svg+xml");
        }
        if (head.contains("<!doctype html")
                || head.contains("<html")
                || head.contains("<head")
                || head.contains("<body")
                || containsTag(head, "<p")
                || startsWithHtmlTag(start)) {
            return Optional.of("text/html");
        }
        return Optional.empty();
    }

    /** WHATWG MIME Sniffing s7.1: tags that open HTML documents. */
    private static boolean startsWithHtmlTag(String start) {
        for (String tag : new String[] {
            "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b", "<br", "<meta",
            "<!--"
        }) {
            if (start.startsWith(tag)) {
                if (tag.equals("<!--")) {
                    return true;
                }
                if (start.length() > tag.length()) {
                    char c = start.charAt(tag.length());
                    if (c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '/') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean containsTag(String s, String tag) {
        int from = 0;
        while (true) {
            int i = s.indexOf(tag, from);
            if (i < 0 || i + tag.length() >= s.length()) {
                return false;
            }
            char c = s.charAt(i + tag.length());
            if (c == '>' || c == ' ' || c == '\n' || c == '\t') {
                return true;
            }
            from = i + 1;
        }
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) {
            i++;
        }
        return s.substring(i);
    }
}
