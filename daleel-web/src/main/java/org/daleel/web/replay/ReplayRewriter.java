package org.daleel.web.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Rewrites archived HTML and CSS so that every http(s) URL they reference, absolute or relative,
 * points into the replay path of the same item: nothing is loaded from the live web. Nothing is
 * added to the archived content (no banner, no script); the app page that frames the replay shows
 * the banner.
 */
public final class ReplayRewriter {
    /** Attributes holding one URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "src",
            "href",
            "xlink:href",
            "poster",
            "data",
            "action",
            "formaction",
            "background",
            "cite",
            "longdesc",
            "lowsrc",
            "dynsrc",
            "manifest",
            "icon",
            "codebase",
            "usemap",
            "profile");
    /** Attributes holding a srcset (URL and descriptor list). */
    private static final Set<String> SRCSET_ATTRIBUTES = Set.of("srcset", "imagesrcset");
    /** Attributes that would send requests elsewhere and serve no purpose in replay. */
    private static final Set<String> DROPPED_ATTRIBUTES = Set.of("ping");

    private static final Pattern CSS_URL =
            Pattern.compile("url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_IMPORT =
            Pattern.compile("@import\\s+(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_REFRESH_URL =
            Pattern.compile("(?i)^(\\s*\\d*\\s*[;,]\\s*url\\s*=\\s*)(['\"]?)([^'\"]*)\\2(.*)$");

    private final String itemId;

    /** A rewriter into the replay path of item {@code itemId}. */
    public ReplayRewriter(String itemId) {
        this.itemId = itemId;
    }

    /**
     * Rewrites an archived HTML document fetched from {@code baseUrl}; returns it as UTF-8 (the
     * meta charset is updated to match). {@code charset} is the declared charset or "" to detect it.
     */
    public byte[] html(byte[] archived, String charset, String baseUrl) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(archived), charset.isEmpty() ? null : charset, baseUrl);
        doc.outputSettings().prettyPrint(false);
        for (Element el : doc.getAllElements()) {
            rewriteAttributes(el);
            if (el.normalName().equals("style")) {
                for (DataNode data : el.dataNodes()) {
                    data.setWholeData(css(data.getWholeData(), el.baseUri()));
                }
            }
            if (el.normalName().equals("meta") && el.attr("http-equiv").equalsIgnoreCase("refresh")) {
                el.attr("content", metaRefresh(el.attr("content"), el.baseUri()));
            }
        }
        doc.charset(StandardCharsets.UTF_8);
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /** Rewrites the URLs of an archived stylesheet (or style attribute) fetched from {@code baseUrl}. */
    public String css(String css, String baseUrl) {
        String out = replaceAll(CSS_URL, css, m -> "url(\"" + rewrite(group(m), baseUrl) + "\")");
        return replaceAll(CSS_IMPORT, out, m -> "@import \"" + rewrite(group(m), baseUrl) + "\"");
    }

    private void rewriteAttributes(Element el) {
        for (Attribute a : el.attributes().asList()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            String value = a.getValue();
            if (DROPPED_ATTRIBUTES.contains(key)) {
                el.removeAttr(a.getKey());
            } else if (URL_ATTRIBUTES.contains(key)) {
                el.attr(a.getKey(), rewrite(value, el.baseUri()));
            } else if (SRCSET_ATTRIBUTES.contains(key)) {
                el.attr(a.getKey(), srcset(value, el.baseUri()));
            } else if (key.equals("style")) {
                el.attr(a.getKey(), css(value, el.baseUri()));
            }
        }
    }

    /** The replay path of {@code url} resolved against {@code base}; non-http(s) URLs unchanged. */
    String rewrite(String url, String base) {
        String trimmed = url.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return url; // in-page anchors stay in the page
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")
                || lower.startsWith("blob:")
                || lower.startsWith("javascript:")
                || lower.startsWith("about:")
                || lower.startsWith("mailto:")
                || lower.startsWith("tel:")) {
            return url;
        }
        String absolute = StringUtil.resolve(base, trimmed);
        String absLower = absolute.toLowerCase(Locale.ROOT);
        if (!absLower.startsWith("http://") && !absLower.startsWith("https://")) {
            // Unresolvable or another scheme: nothing to fetch from the archive. Point it nowhere
            // rather than at the live web (the replay CSP would block it anyway).
            return absolute.isEmpty() ? "about:blank" : absolute;
        }
        int hash = absolute.indexOf('#');
        String path = ReplayPaths.path(itemId, absolute);
        return hash < 0 ? path : path + "#" + ReplayPaths.encode(absolute.substring(hash + 1));
    }

    /** Rewrites each URL of a srcset ({@code url [descriptor], url [descriptor], ...}). */
    String srcset(String value, String base) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            String url = value.substring(start, i);
            String descriptor = "";
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                int dStart = i;
                while (i < n && value.charAt(i) != ',') {
                    i++;
                }
                descriptor = value.substring(dStart, i).strip();
            }
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(rewrite(url, base));
            if (!descriptor.isEmpty()) {
                out.append(' ').append(descriptor);
            }
        }
        return out.toString();
    }

    private String metaRefresh(String content, String base) {
        Matcher m = META_REFRESH_URL.matcher(content);
        if (!m.matches()) {
            return content;
        }
        return m.group(1) + m.group(2) + rewrite(m.group(3), base) + m.group(2) + m.group(4);
    }

    private static String group(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    private static String replaceAll(Pattern p, String input, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(input);
        StringBuilder out = new StringBuilder(input.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
