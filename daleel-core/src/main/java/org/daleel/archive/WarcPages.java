package org.daleel.archive;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daleel.blob.BlobRef;
import org.daleel.extract.WarcRecords;
import org.daleel.item.Resource;

/**
 * While an imported WARC is read: its HTML pages, its images and its videos, so that each page item
 * lists as embedded resources the images and whole videos of the same WARC that its HTML refers to (by
 * full URL, path or file name). A video recorded only as partial responses (HTTP 206, as browsers
 * fetch media with {@code Range}) is not the video: the page gets a note instead ({@link #notes}); a
 * 206 whose {@code Content-Range} covers every byte ({@code bytes 0-(n-1)/n}) is the whole video.
 * Bounded: {@link #MAX_PAGES} pages of at most {@link #MAX_HTML_CHARS} characters are kept,
 * {@link #MAX_IMAGES} images and videos, and {@link #MAX_RESOURCES} resources per page.
 */
final class WarcPages {
    static final int MAX_PAGES = 2000;
    static final int MAX_HTML_CHARS = 2_000_000;
    static final int MAX_IMAGES = 5000;
    static final int MAX_RESOURCES = 200;

    private final Map<String, String> htmlById = new LinkedHashMap<>();
    private final Map<String, Resource> mediaByUrl = new LinkedHashMap<>();
    private final Set<String> partialVideos = new LinkedHashSet<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private Map<String, List<Resource>> resolved;

    /** Notes one record, as item {@code id} with detected media type {@code mediaType}. */
    void see(String id, WarcRecords.ArchivedRecord record, String mediaType, BlobRef blob) {
        if (media(record.url(), record.status(), record.whole(), mediaType, blob, record.offset())) {
            return;
        }
        if ((mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml"))
                && htmlById.size() < MAX_PAGES) {
            resolved = null;
            byte[] p = record.payload();
            String html = new String(p, 0, Math.min(p.length, MAX_HTML_CHARS), StandardCharsets.UTF_8);
            htmlById.put(id, html);
        }
    }

    /**
     * Notes an image or video record (stored as {@code blob}) that pages may refer to; false when
     * {@code mediaType} is neither. A video that is not {@code whole} (a 206 fragment) is only noted as
     * partial.
     */
    boolean media(String url, int status, boolean whole, String mediaType, BlobRef blob, long offset) {
        boolean video = mediaType.startsWith("video/");
        if (!video && !mediaType.startsWith("image/")) {
            return false;
        }
        resolved = null;
        if (url.isEmpty()) {
            return true;
        }
        if (video && !whole) {
            partial(url);
        } else if (mediaByUrl.size() < MAX_IMAGES) {
            mediaByUrl.putIfAbsent(url, new Resource(url, status, mediaType, blob.sha256(), blob.size(), offset));
        }
        return true;
    }

    /** Notes that the WARC holds video {@code url} only as a partial (206) response. */
    void partial(String url) {
        resolved = null;
        if (!url.isEmpty() && partialVideos.size() < MAX_IMAGES) {
            partialVideos.add(url);
        }
    }

    /** Notes a record of {@code url} that was not stored, and why, for the pages that refer to it. */
    void skipped(String url, String reason) {
        if (!url.isEmpty() && skipped.size() < MAX_IMAGES) {
            skipped.putIfAbsent(url, reason);
        }
    }

    /** {@code visitor}, with the records the reader skips (too large, undecodable) remembered for {@link #notes}. */
    WarcRecords.Visitor noting(WarcRecords.Visitor visitor) {
        return new WarcRecords.Visitor() {
            @Override
            public void record(WarcRecords.ArchivedRecord record) throws java.io.IOException {
                visitor.record(record);
            }

            @Override
            public boolean large(WarcRecords.LargeRecord record, java.io.InputStream payload)
                    throws java.io.IOException {
                return visitor.large(record, payload);
            }

            @Override
            public void skipped(long offset, String url, String reason) throws java.io.IOException {
                WarcPages.this.skipped(url, reason);
                visitor.skipped(offset, url, reason);
            }
        };
    }

    /**
     * Sentences for page {@code id}: the videos its HTML refers to that the WARC holds only as partial
     * (206) responses, and the records it refers to that were skipped (a video larger than the
     * extraction bound, say); "" when none.
     */
    String notes(String id) {
        String html = htmlById.get(id);
        if (html == null || (partialVideos.isEmpty() && skipped.isEmpty())) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        skipped.forEach((url, reason) -> {
            if (!mediaByUrl.containsKey(url) && refers(html, url)) {
                notes.add(
                        "page resource " + url + " not analysed: its record in the WARC was skipped (" + reason + ")");
            }
        });
        for (String url : partialVideos) {
            if (!mediaByUrl.containsKey(url) && refers(html, url)) {
                notes.add("page video " + url + " not analysed: the WARC holds only partial (206) responses for it,"
                        + " not the whole video");
            }
        }
        return String.join("; ", notes);
    }

    /** The images and whole videos item {@code id}'s HTML refers to; empty for other items. */
    List<Resource> resources(String id) {
        if (resolved == null) {
            resolved = new LinkedHashMap<>();
        }
        return resolved.computeIfAbsent(id, this::resolve);
    }

    private List<Resource> resolve(String id) {
        String html = htmlById.get(id);
        if (html == null || mediaByUrl.isEmpty()) {
            return List.of();
        }
        List<Resource> out = new ArrayList<>();
        for (Resource r : mediaByUrl.values()) {
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
