package org.daleel.capture.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the resources a page embeds, the ones a browser would load to render it (not the pages it
 * links to): {@code img src/srcset} (and the lazy-loading {@code data-src/data-srcset}),
 * {@code picture/audio source src/srcset}, {@code video poster}, {@code link href} with rel
 * {@code stylesheet}, {@code icon}, {@code apple-touch-icon}, {@code preload} or
 * {@code modulepreload}, {@code script src}, and {@code url(...)} and {@code @import} in
 * {@code <style>} elements and {@code style} attributes. URLs resolve against the document base
 * ({@code <base href>} when present), lose their fragment and are deduplicated in document order;
 * non-http(s) references ({@code data:}, {@code javascript:}, ...) are dropped. Videos ({@code video
 * src}, a {@code source} inside {@code video}, {@code link rel=preload as=video}) are left to {@link
 * PageVideos}, which fetches them whole under the video bounds. Stateless.
 */
final class EmbeddedResources {
    /** url(...) with optional quotes, and @import "..." (CSS Syntax 3 s4.3.6, CSS Cascade 4 s2). */
    private static final Pattern CSS_URL = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)'\"\\s]*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Set<String> LINK_RELS =
            Set.of("stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload");

    private EmbeddedResources() {}

    /** An embedded resource; {@code stylesheet} when the page loads it as CSS. */
    record Link(HttpUrl url, boolean stylesheet) {}

    /**
     * The resources embedded in an HTML page.
     *
     * @param charset the charset named by the response, or "" to let jsoup detect it (BOM, meta)
     */
    static List<Link> fromHtml(Path body, String charset, HttpUrl page) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(body)) {
            doc = Jsoup.parse(in, charset.isEmpty() ? null : charset, page.toString());
        }
        Map<HttpUrl, Link> found = new LinkedHashMap<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            HttpUrl base = baseOf(e, page);
            switch (tag) {
                case "img" -> {
                    add(found, base, e.attr("src"), false);
                    add(found, base, e.attr("data-src"), false);
                    srcset(found, base, e.attr("srcset"));
                    srcset(found, base, e.attr("data-srcset"));
                }
                case "source" -> {
                    if (e.parent() == null || !e.parent().normalName().equals("video")) {
                        add(found, base, e.attr("src"), false);
                        srcset(found, base, e.attr("srcset"));
                    }
                }
                case "video" -> add(found, base, e.attr("poster"), false);
                case "audio", "script" -> add(found, base, e.attr("src"), false);
                case "link" -> {
                    List<String> rels =
                            List.of(e.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
                    boolean video = rels.contains("preload") && e.attr("as").equalsIgnoreCase("video");
                    if (rels.stream().anyMatch(LINK_RELS::contains) && !video) {
                        boolean css = rels.contains("stylesheet")
                                || (rels.contains("preload") && e.attr("as").equalsIgnoreCase("style"));
                        add(found, base, e.attr("href"), css);
                    }
                }
                case "style" -> fromCss(e.data(), base).forEach(u -> put(found, u, false));
                default -> {}
            }
            if (e.hasAttr("style")) {
                fromCss(e.attr("style"), base).forEach(u -> put(found, u, false));
            }
        }
        found.remove(strip(page));
        return List.copyOf(found.values());
    }

    /** The URLs in {@code url(...)} and {@code @import} of a style sheet, resolved against {@code base}. */
    static List<HttpUrl> fromCss(String css, HttpUrl base) {
        List<HttpUrl> out = new ArrayList<>();
        Matcher m = CSS_URL.matcher(CSS_COMMENT.matcher(css).replaceAll(" "));
        while (m.find()) {
            for (int g = 1; g <= 5; g++) {
                if (m.group(g) != null) {
                    HttpUrl u = resolve(base, unescape(m.group(g)));
                    if (u != null && !out.contains(u)) {
                        out.add(u);
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static HttpUrl baseOf(Element e, HttpUrl page) {
        HttpUrl base = HttpUrl.parse(e.baseUri());
        return base != null ? base : page;
    }

    private static void add(Map<HttpUrl, Link> found, HttpUrl base, String ref, boolean stylesheet) {
        HttpUrl u = resolve(base, ref);
        if (u != null) {
            put(found, u, stylesheet);
        }
    }

    private static void put(Map<HttpUrl, Link> found, HttpUrl u, boolean stylesheet) {
        Link old = found.get(u);
        if (old == null) {
            found.put(u, new Link(u, stylesheet));
        } else if (stylesheet && !old.stylesheet()) {
            found.put(u, new Link(u, true));
        }
    }

    /** Image candidate strings (HTML s4.8.4.3.9): URL, then optional descriptors, comma separated. */
    private static void srcset(Map<HttpUrl, Link> found, HttpUrl base, String srcset) {
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(srcset.charAt(i))) {
                i++;
            }
            String url = srcset.substring(start, i);
            boolean endsCandidate = url.endsWith(",");
            while (url.endsWith(",")) {
                url = url.substring(0, url.length() - 1);
            }
            if (!url.isEmpty()) {
                add(found, base, url, false);
            }
            if (!endsCandidate) {
                int depth = 0; // skip descriptors up to the next comma outside parentheses
                while (i < n && !(srcset.charAt(i) == ',' && depth == 0)) {
                    char c = srcset.charAt(i);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    i++;
                }
            }
        }
    }

    private static HttpUrl resolve(HttpUrl base, String ref) {
        String r = ref.strip();
        if (r.isEmpty() || r.startsWith("#")) {
            return null;
        }
        HttpUrl u = base.resolve(r);
        return u == null ? null : strip(u);
    }

    private static HttpUrl strip(HttpUrl u) {
        return u.fragment() == null ? u : u.newBuilder().fragment(null).build();
    }

    /** Removes CSS backslash escapes of non-hex characters (enough for URLs). */
    private static String unescape(String s) {
        return s.indexOf('\\') < 0 ? s : s.replaceAll("\\\\([^0-9a-fA-F])", "$1");
    }
}
