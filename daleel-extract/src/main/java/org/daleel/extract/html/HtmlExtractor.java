package org.daleel.extract.html;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daleel.extract.Extraction;
import org.daleel.extract.lang.LanguageIdentifier;
import org.daleel.extract.text.CleanText;
import org.daleel.extract.text.TextDecoder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Extracts from HTML (and, with {@link #extractXml}, from XML): title, main text with boilerplate
 * removed and paragraph breaks kept, publication date and language. Charset: byte-order mark, then
 * the declared (HTTP) charset, then {@code <meta charset>}, then UTF-8, windows-1256 for legacy
 * Arabic, windows-1252. Thread-safe (jsoup parses into a new document per call).
 */
public final class HtmlExtractor {
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.\\-]{2,40})", Pattern.CASE_INSENSITIVE);
    private static final int PRESCAN = 4096;

    private final LanguageIdentifier languages;

    /** An extractor that identifies languages with {@code languages}. */
    public HtmlExtractor(LanguageIdentifier languages) {
        this.languages = languages;
    }

    /**
     * Extracts from an HTML payload.
     *
     * @param mediaType the detected media type, reported as is
     * @param declaredCharset charset from the HTTP Content-Type, or ""
     * @param url base URL, or ""
     */
    public Extraction.Extracted extract(byte[] bytes, String mediaType, String declaredCharset, String url) {
        String label = declaredCharset.isBlank() ? metaCharset(bytes) : declaredCharset;
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, label);
        Document doc = Jsoup.parse(decoded.text(), url);
        PageScan scan = PageScan.of(doc);
        String title = PageMetadata.title(doc.title(), scan);
        Element body = doc.body();
        String text = "";
        if (body != null) {
            List<Element> roots = MainContent.of(body, scan);
            text = CleanText.of(BlockText.render(roots, false));
        }
        String published = PageMetadata.published(scan);
        String language = languages.identify(title.isEmpty() ? text : title + "\n\n" + text);
        if (language.isEmpty() && !text.isEmpty()) {
            language = PageMetadata.declaredLanguage(doc.selectFirst("html"));
        }
        return new Extraction.Extracted(mediaType, title, text, language, published, decoded.note());
    }

    /** Extracts all text from an XML payload; the title is the first {@code <title>} element's text. */
    public Extraction.Extracted extractXml(byte[] bytes, String mediaType, String declaredCharset) {
        String label = declaredCharset.isBlank() ? xmlEncoding(bytes) : declaredCharset;
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, label);
        Document doc = Jsoup.parse(decoded.text(), "", Parser.xmlParser());
        Element titleElement = doc.selectFirst("title");
        String title = titleElement == null ? "" : CleanText.cut(CleanText.of(titleElement.text()), 300);
        String text = CleanText.of(BlockText.render(List.of(doc), true));
        String language = languages.identify(text);
        return new Extraction.Extracted(mediaType, title, text, language, "", decoded.note());
    }

    /** The charset a {@code <meta>} in the first 4 KB declares, or "" (HTML s13.2.3.2 prescan, simplified). */
    static String metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : "";
    }

    private static final Pattern XML_ENCODING =
            Pattern.compile("<\\?xml[^>]{0,100}?encoding\\s*=\\s*[\"']([a-zA-Z0-9_:.\\-]{2,40})");

    private static String xmlEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        return m.find() ? m.group(1) : "";
    }
}
