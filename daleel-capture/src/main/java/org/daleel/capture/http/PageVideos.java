package org.daleel.capture.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.daleel.capture.VideoFormats;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the videos a page shows: {@code <video src>}, {@code <video><source src>}, {@code <link
 * rel=preload as=video>}, and the Open Graph and Twitter card meta tags ({@code og:video},
 * {@code og:video:url}, {@code og:video:secure_url}, {@code twitter:player:stream}; an
 * {@code og:video:type} that is not a video type, such as an HTML player page, is skipped). Video
 * files are returned to be fetched whole; adaptive streams (HLS, DASH, {@code blob:} URLs of Media
 * Source Extensions players) and {@code <video>} elements with no source in the HTML (a script sets
 * it, usually a stream) are returned as sentences for the item's note. Stateless.
 */
final class PageVideos {
    private PageVideos() {}

    /**
     * What a page shows.
     *
     * @param files video URLs to fetch whole, in document order, without duplicates
     * @param streams one sentence per stream that is not archived
     */
    record Found(List<HttpUrl> files, List<String> streams) {
        Found {
            files = List.copyOf(files);
            streams = List.copyOf(streams);
        }
    }

    /** The videos of an HTML page ({@code charset} "" lets jsoup detect it). */
    static Found fromHtml(Path body, String charset, HttpUrl page) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(body)) {
            doc = Jsoup.parse(in, charset.isEmpty() ? null : charset, page.toString());
        }
        Set<HttpUrl> files = new LinkedHashSet<>();
        Map<String, String> streams = new LinkedHashMap<>();
        for (Element video : doc.select("video")) {
            HttpUrl base = baseOf(video, page);
            boolean hasSource = add(files, streams, base, video.attr("src"), "");
            for (Element source : video.select("source")) {
                hasSource |= add(files, streams, base, source.attr("src"), source.attr("type"));
            }
            if (!hasSource) {
                streams.putIfAbsent(
                        "no-source",
                        "video served as a stream: not archived (a video player without a source in the page's"
                                + " HTML: a script sets it)");
            }
        }
        for (Element link : doc.select("link[rel][href]")) {
            List<String> rels =
                    List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
            if (rels.contains("preload") && link.attr("as").equalsIgnoreCase("video")) {
                add(files, streams, baseOf(link, page), link.attr("href"), link.attr("type"));
            }
        }
        String ogType = meta(doc, "og:video:type").orElse("");
        boolean ogIsVideo = ogType.isEmpty()
                || VideoFormats.isVideoType(ogType)
                || VideoFormats.streamKind("", ogType).isPresent();
        for (Element m : doc.select("meta[content]")) {
            String key = (m.hasAttr("property") ? m.attr("property") : m.attr("name")).toLowerCase(Locale.ROOT);
            boolean og = key.equals("og:video") || key.equals("og:video:url") || key.equals("og:video:secure_url");
            if ((og && ogIsVideo) || key.equals("twitter:player:stream")) {
                add(files, streams, baseOf(m, page), m.attr("content"), og ? ogType : "");
            }
        }
        files.remove(strip(page));
        return new Found(new ArrayList<>(files), new ArrayList<>(streams.values()));
    }

    /** Adds one video reference; true when it named a file or a stream. */
    private static boolean add(Set<HttpUrl> files, Map<String, String> streams, HttpUrl base, String ref, String type) {
        String r = ref.strip();
        if (r.isEmpty() || r.startsWith("#")) {
            return false;
        }
        Optional<String> stream = VideoFormats.streamKind(r, type);
        HttpUrl url = base.resolve(r);
        if (stream.isPresent()) {
            String where = url == null ? r : strip(url).toString();
            streams.putIfAbsent(where, "video served as a stream: not archived (" + stream.get() + " " + where + ")");
            return true;
        }
        if (url == null) {
            return r.indexOf(':') > 0; // data: and other schemes: a source, but nothing to fetch
        }
        files.add(strip(url));
        return true;
    }

    private static Optional<String> meta(Document doc, String property) {
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.attr("name");
            if (key.equalsIgnoreCase(property)) {
                return Optional.of(m.attr("content").strip());
            }
        }
        return Optional.empty();
    }

    private static HttpUrl baseOf(Element e, HttpUrl page) {
        HttpUrl base = HttpUrl.parse(e.baseUri());
        return base != null ? base : page;
    }

    private static HttpUrl strip(HttpUrl u) {
        return u.fragment() == null ? u : u.newBuilder().fragment(null).build();
    }
}
