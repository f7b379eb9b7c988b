package org.daleel.web.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.Provenance;
import org.daleel.item.Resource;
import org.daleel.match.MediaPart;
import org.daleel.meta.MediaMetadata;
import org.daleel.web.Html;
import org.daleel.web.replay.ReplayPaths;

/**
 * One item: its text in its own direction, metadata and digests, downloads, provenance, embedded
 * resources, and for captured pages a sandboxed replay framed from the replay origin.
 */
final class ItemPage {
    /** Languages written right to left (ISO 639-1/2 codes). */
    private static final Set<String> RTL = Set.of("ar", "fa", "he", "ur", "ps", "yi", "ckb", "sd", "dv", "ug");

    private ItemPage() {}

    /** What to call an item in a heading: its title, else file name, else URL, else id. */
    static String heading(Item item) {
        for (String s : List.of(item.title(), item.fileName(), item.url())) {
            if (!s.isBlank()) {
                return s;
            }
        }
        return item.id();
    }

    /** The direction of text in {@code language}: rtl, or auto (the browser decides per paragraph). */
    static String direction(String language) {
        return RTL.contains(language) ? "rtl" : "auto";
    }

    static Html render(Item item, List<Resource> resources, String replayOrigin) {
        return render(item, resources, List.of(), replayOrigin);
    }

    static Html render(
            Item item, List<Resource> resources, List<org.daleel.archive.SimilarItem> similar, String replayOrigin) {
        return render(item, resources, similar, MediaMetadata.empty(), replayOrigin);
    }

    static Html render(
            Item item,
            List<Resource> resources,
            List<org.daleel.archive.SimilarItem> similar,
            MediaMetadata picture,
            String replayOrigin) {
        return render(item, resources, similar, picture, Optional.empty(), List.of(), replayOrigin);
    }

    static Html render(
            Item item,
            List<Resource> resources,
            List<org.daleel.archive.SimilarItem> similar,
            MediaMetadata picture,
            Optional<ItemAnalysis> analysis,
            List<MediaPart> parts,
            String replayOrigin) {
        Html h = new Html();
        h.element("h1", heading(item), "dir", "auto");
        alerts(h, similar);
        boolean video = item.mediaType().startsWith("video/");
        if (video) {
            video(h, item, replayOrigin);
            frames(h, parts.stream().filter(MediaPart::isFrame).toList(), replayOrigin + ReplayPaths.MEDIA + item.id());
        } else if (!item.url().isEmpty()) {
            replay(h, item, replayOrigin);
            pageVideos(h, item, resources, parts, replayOrigin);
        }
        downloads(h, item);
        metadata(h, item);
        if (item.mediaType().startsWith("image/") || video) {
            picture(h, picture, video);
        }
        provenance(h, item.provenance());
        if (!item.extractionNote().isEmpty()) {
            h.element("h2", "Extraction note");
            h.element("p", item.extractionNote(), "class", "note", "dir", "auto");
        }
        analysis.ifPresent(a -> Understanding.render(h, item, a));
        text(h, item, analysis);
        resources(h, resources);
        return h;
    }

    /** Recycled-media alerts first, where nobody can miss them. */
    private static void alerts(Html h, List<org.daleel.archive.SimilarItem> similar) {
        if (similar.isEmpty()) {
            return;
        }
        h.open("section", "class", "alerts");
        h.element("h2", "Seen elsewhere in the archive");
        h.open("ul");
        for (var s : similar) {
            h.open("li", "class", s.relation() == org.daleel.archive.SimilarItem.Relation.EARLIER ? "alert" : "link");
            h.element("a", s.alert(), "href", "/items/" + s.item().id(), "dir", "auto");
            h.text(" (" + s.explanation() + ")");
            h.close("li");
        }
        h.close("ul");
        h.close("section");
    }

    private static void replay(Html h, Item item, String replayOrigin) {
        h.open("section", "class", "replay");
        h.open("p", "class", "banner");
        h.text("Archived copy of ")
                .element("span", item.url(), "class", "url", "dir", "auto")
                .text(", captured " + item.capturedAt()
                        + ". It is replayed from the archive in a sandbox on a separate origin;"
                        + " nothing in it loads from the live web.");
        h.close("p");
        h.open(
                        "iframe",
                        "class",
                        "replay",
                        "title",
                        "Archived page",
                        "sandbox",
                        "allow-scripts allow-forms",
                        "referrerpolicy",
                        "no-referrer",
                        "src",
                        replayOrigin + ReplayPaths.path(item.id(), item.url()))
                .close("iframe");
        h.close("section");
    }

    /** An HTML5 player whose source is the replay origin (sandboxed), never the app's origin. */
    private static void video(Html h, Item item, String replayOrigin) {
        h.open("section", "class", "video");
        h.open("p", "class", "banner");
        h.text("Archived video" + (item.url().isEmpty() ? "" : " from "))
                .element("span", item.url(), "class", "url", "dir", "auto")
                .text(", added " + item.capturedAt()
                        + ". It plays from the archive's separate, sandboxed replay origin.");
        h.close("p");
        h.open(
                "video",
                "class",
                "player",
                "controls",
                "",
                "preload",
                "metadata",
                "width",
                "640",
                "src",
                replayOrigin + ReplayPaths.MEDIA + item.id());
        h.text("This browser cannot play " + item.mediaType() + "; download the original below.");
        h.close("video");
        h.close("section");
    }

    /**
     * The videos a captured page shows, archived whole with it: each with a player whose source is the
     * replay origin ({@code /media/{id}/{sha256}}, sandboxed) and the strip of its sampled frames.
     */
    private static void pageVideos(
            Html h, Item item, List<Resource> resources, List<MediaPart> parts, String replayOrigin) {
        List<Resource> videos = resources.stream()
                .filter(r -> r.mediaType().startsWith("video/") && r.status() >= 200 && r.status() <= 299)
                .toList();
        if (videos.isEmpty()) {
            return;
        }
        h.open("section", "class", "page-videos");
        h.element("h2", videos.size() == 1 ? "Video in this page" : "Videos in this page (" + videos.size() + ")");
        for (Resource r : videos) {
            String src = replayOrigin + ReplayPaths.MEDIA + item.id() + "/" + r.sha256();
            h.open("p", "class", "banner");
            h.text("Archived whole with the page: ")
                    .element("span", r.url(), "class", "url", "dir", "auto")
                    .text(" (" + r.mediaType() + ", " + r.size()
                            + " bytes). It plays from the archive's separate, sandboxed replay origin.");
            h.close("p");
            h.open("video", "class", "player", "controls", "", "preload", "metadata", "width", "640", "src", src);
            h.text("This browser cannot play " + r.mediaType() + "; download the page's WARC above.");
            h.close("video");
            frames(
                    h,
                    parts.stream()
                            .filter(p -> p.isFrame() && p.imageUrl().equals(r.url()))
                            .toList(),
                    src);
        }
        h.close("section");
    }

    /** Most frames shown in the strip of sampled frames. */
    static final int STRIP_FRAMES = 12;

    /**
     * A strip of the sampled frames (at most {@link #STRIP_FRAMES}, evenly chosen), each drawn by the
     * browser from the video at the frame's time (a media fragment on the replay origin's URL).
     */
    private static void frames(Html h, List<MediaPart> frames, String videoSrc) {
        if (frames.isEmpty()) {
            return;
        }
        int shown = Math.min(STRIP_FRAMES, frames.size());
        h.open("section", "class", "frames");
        h.element(
                "h2",
                "Sampled frames (" + frames.size() + " hashed" + (shown < frames.size() ? ", " + shown + " shown" : "")
                        + ")");
        h.open("ol", "class", "strip");
        for (int i = 0; i < shown; i++) {
            MediaPart f = frames.get(shown == frames.size() ? i : (int) ((long) i * (frames.size() - 1) / (shown - 1)));
            String t = String.format(Locale.ROOT, "%.3f", f.frameMillis() / 1000.0);
            h.open("li");
            h.open(
                    "video",
                    "class",
                    "frame",
                    "muted",
                    "",
                    "preload",
                    "metadata",
                    "width",
                    "160",
                    "src",
                    videoSrc + "#t=" + t);
            h.close("video");
            h.element(
                    "span",
                    MediaPart.time(f.frameMillis()) + (f.quality() < 50 ? " (flat, not matched)" : ""),
                    "class",
                    "time");
            h.close("li");
        }
        h.close("ol");
        h.close("section");
    }

    private static void downloads(Html h, Item item) {
        h.open("p", "class", "downloads");
        h.element(
                "a",
                "Download original (" + item.size() + " bytes)",
                "href",
                "/api/items/" + item.id() + "/payload",
                "download",
                "");
        if (item.hasWarc()) {
            h.text(" · ")
                    .element(
                            "a",
                            "Download WARC (" + item.warc().size() + " bytes)",
                            "href",
                            "/api/items/" + item.id() + "/warc",
                            "download",
                            "");
        }
        h.text(" · ").element("a", "JSON", "href", "/api/items/" + item.id());
        h.close("p");
    }

    private static void metadata(Html h, Item item) {
        h.element("h2", "Record");
        h.open("table", "class", "meta");
        row(h, "Id", item.id(), true);
        row(h, "Kind", item.kind().label(), false);
        row(h, "URL", item.url(), true);
        if (!item.requestedUrl().equals(item.url())) {
            row(h, "Requested URL", item.requestedUrl(), true);
        }
        row(h, "File name", item.fileName(), false);
        row(h, "Media type", item.mediaType(), false);
        row(h, "Size", item.size() + " bytes", false);
        row(h, "Captured", item.capturedAt().toString(), false);
        row(h, "Language", item.language(), false);
        row(h, "Published (stated by source)", item.published(), false);
        row(h, "SHA-256 of payload", item.sha256(), true);
        if (item.hasWarc()) {
            row(h, "WARC file", item.warc().fileName(), true);
            row(h, "SHA-256 of WARC", item.warc().sha256(), true);
            row(h, "WARC size", item.warc().size() + " bytes", false);
            row(h, "Record offset", Long.toString(item.warc().offset()), false);
        }
        h.close("table");
    }

    /** What the picture's or video's own metadata says (EXIF, XMP, IPTC, GPS; ffprobe), with the assessment. */
    private static void picture(Html h, MediaMetadata m, boolean video) {
        h.open("section", "class", "picture-metadata");
        h.element("h2", video ? "Video metadata" : "Picture metadata");
        h.element(
                "p",
                video
                        ? "Read from the video's container and streams (ffprobe); metadata can be removed or forged."
                        : "Read from the file's embedded metadata (EXIF, XMP, IPTC); metadata can be removed or forged.",
                "class",
                "muted");
        h.open("table", "class", "meta");
        row(h, "Camera", m.camera(), false);
        row(h, "Lens", m.lens(), false);
        row(
                h,
                video ? "Created (as written)" : "Taken (EXIF, as written)",
                m.dateTimeOriginal() + (m.offsetTimeOriginal().isEmpty() ? "" : " " + m.offsetTimeOriginal()),
                false);
        row(h, "Software", m.software(), false);
        if (m.width() > 0 && m.height() > 0) {
            row(h, "Dimensions", m.width() + " × " + m.height() + " pixels", false);
        }
        m.gps().ifPresent(g -> {
            String lat = String.format(Locale.ROOT, "%.6f", g.latitude());
            String lon = String.format(Locale.ROOT, "%.6f", g.longitude());
            h.open("tr").element("th", "GPS position (from " + g.source() + ")", "scope", "row");
            h.open("td", "class", "gps");
            h.element("code", lat + ", " + lon);
            g.altitude().ifPresent(a -> h.text(String.format(Locale.ROOT, ", %.1f m", a)));
            h.text(" · ")
                    .element(
                            "a",
                            "OpenStreetMap",
                            "href",
                            "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=15/" + lat + "/"
                                    + lon,
                            "rel",
                            "noopener noreferrer");
            h.close("td").close("tr");
        });
        h.close("table");
        if (!m.assessment().isEmpty()) {
            h.open("ul", "class", "assessment");
            m.assessment().forEach(note -> h.element("li", note, "dir", "auto"));
            h.close("ul");
        }
        if (m.tags().isEmpty()) {
            if (m.assessment().isEmpty()) {
                h.element("p", "No metadata was found.", "class", "muted");
            }
        } else {
            h.open("details", "class", "tags");
            h.element("summary", "All metadata tags (" + m.tags().size() + ")");
            h.open("table", "class", "meta");
            h.open("tr")
                    .element("th", "Directory")
                    .element("th", "Tag")
                    .element("th", "Value")
                    .close("tr");
            for (var t : m.tags()) {
                h.open("tr")
                        .element("td", t.directory())
                        .element("td", t.tag())
                        .element("td", t.value(), "dir", "auto")
                        .close("tr");
            }
            h.close("table");
            h.close("details");
        }
        h.close("section");
    }

    private static void provenance(Html h, Provenance p) {
        h.element("h2", "Provenance and claims");
        h.element(
                "p",
                "Claims are recorded as given when the item was added; they are not verified facts.",
                "class",
                "muted");
        h.open("table", "class", "meta");
        row(h, "Added by", p.operator(), false);
        row(h, "Note", p.note(), false);
        row(h, "Claimed place", p.claimedPlace(), false);
        row(h, "Claimed date", p.claimedDate(), false);
        h.close("table");
    }

    private static void text(Html h, Item item, Optional<ItemAnalysis> analysis) {
        h.element("h2", "Extracted text");
        if (item.text().isBlank()) {
            h.element("p", "No text was extracted.", "class", "muted");
            return;
        }
        String lang = item.language().matches("[a-z]{2,3}") ? item.language() : null;
        h.open("div", "class", "text", "lang", lang, "dir", direction(item.language()));
        if (analysis.isPresent()) {
            EntityText.render(h, item.text(), analysis.get());
        } else {
            for (String para : item.text().split("\\n\\s*")) {
                if (!para.isBlank()) {
                    h.element("p", para.strip(), "dir", "auto");
                }
            }
        }
        h.close("div");
    }

    private static void resources(Html h, List<Resource> resources) {
        if (resources.isEmpty()) {
            return;
        }
        h.element("h2", "Embedded resources (" + resources.size() + ")");
        h.open("table", "class", "resources");
        h.open("tr")
                .element("th", "URL")
                .element("th", "Status")
                .element("th", "Media type")
                .element("th", "Size")
                .element("th", "SHA-256")
                .close("tr");
        for (Resource r : resources) {
            h.open("tr");
            h.element("td", r.url(), "class", "url", "dir", "auto");
            h.element("td", Integer.toString(r.status()));
            h.element("td", r.mediaType());
            h.element("td", Long.toString(r.size()));
            h.open("td").element("code", r.sha256(), "class", "digest").close("td");
            h.close("tr");
        }
        h.close("table");
    }

    private static void row(Html h, String label, String value, boolean code) {
        if (value.isEmpty()) {
            return;
        }
        h.open("tr").element("th", label, "scope", "row").open("td", "dir", "auto");
        if (code) {
            h.element("code", value);
        } else {
            h.text(value);
        }
        h.close("td").close("tr");
    }
}
