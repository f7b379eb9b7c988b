package org.daleel.archive;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daleel.blob.BlobRef;
import org.daleel.extract.WarcRecords;
import org.daleel.item.Resource;

/**
 * While an imported WARC is read: its HTML pages and its images, so that each page item lists as
 * embedded resources the images of the same WARC that its HTML refers to (by full URL, path or file
 * name). Bounded: {@link #MAX_PAGES} pages of at most {@link #MAX_HTML_CHARS} characters are kept,
 * {@link #MAX_IMAGES} images, and {@link #MAX_RESOURCES} resources per page.
 */
final class WarcPages {
    static final int MAX_PAGES = 2000;
    static final int MAX_HTML_CHARS = 2_000_000;
    static final int MAX_IMAGES = 5000;
    static final int MAX_RESOURCES = 200;

    private final Map<String, String> htmlById = new LinkedHashMap<>();
    private final Map<String, Resource> imagesByUrl = new LinkedHashMap<>();
    private Map<String, List<Resource>> resolved;

    /** Notes one record, as item {@code id} with detected media type {@code mediaType}. */
    void see(String id, WarcRecords.ArchivedRecord record, String mediaType, BlobRef blob) {
        resolved = null;
        if (mediaType.startsWith("image/")
                && imagesByUrl.size() < MAX_IMAGES
                && !record.url().isEmpty()) {
            imagesByUrl.putIfAbsent(
                    record.url(),
                    new Resource(
                            record.url(), record.status(), mediaType, blob.sha256(), blob.size(), record.offset()));
        } else if ((mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml"))
                && htmlById.size() < MAX_PAGES) {
            byte[] p = record.payload();
            String html = new String(p, 0, Math.min(p.length, MAX_HTML_CHARS), StandardCharsets.UTF_8);
            htmlById.put(id, html);
        }
    }

    /** The images item {@code id}'s HTML refers to; empty for other items. */
    List<Resource> resources(String id) {
        if (resolved == null) {
            resolved = new LinkedHashMap<>();
        }
        return resolved.computeIfAbsent(id, this::resolve);
    }

    private List<Resource> resolve(String id) {
        String html = htmlById.get(id);
        if (html == null || imagesByUrl.isEmpty()) {
            return List.of();
        }
        List<Resource> out = new ArrayList<>();
        for (Resource r : imagesByUrl.values()) {
            if (refers(html, r.url())) {
                out.add(r);
                if (out.size() >= MAX_RESOURCES) {
                    break;
                }
            }
        }
        return out;
    }

    private static boolean refers(String html, String url) {
        if (html.contains(url)) {
            return true;
        }
        try {
            URI u = URI.create(url);
            String path = u.getRawPath();
            if (path == null || path.isEmpty() || path.equals("/")) {
                return false;
            }
            String withQuery = u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
            if (html.contains(withQuery)) {
                return true;
            }
            String file = path.substring(path.lastIndexOf('/') + 1);
            return file.length() >= 5 && containsAttribute(html, file);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code file} appears right after a quote or slash (an attribute value or path end). */
    private static boolean containsAttribute(String html, String file) {
        int from = 0;
        int at;
        while ((at = html.indexOf(file, from)) >= 0) {
            char before = at == 0 ? ' ' : html.charAt(at - 1);
            if (before == '"' || before == '\'' || before == '/' || before == '=' || before == ' ') {
                return true;
            }
            from = at + 1;
        }
        return false;
    }
}
