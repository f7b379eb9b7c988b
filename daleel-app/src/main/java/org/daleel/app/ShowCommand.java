package org.daleel.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.daleel.archive.SimilarItem;
import org.daleel.item.Item;
import org.daleel.item.Resource;
import org.daleel.meta.MediaMetadata;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daleel show ID}. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Print one item: metadata, digests, claims, WARC, embedded resources and extracted text.")
final class ShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "Item id (as printed by capture, import and search).")
    String id;

    @Option(names = "--no-text", description = "Leave out the extracted text.")
    boolean noText;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        Item item;
        List<Resource> resources;
        MediaMetadata metadata;
        try (Wiring.Session session = Wiring.forReading(data.dataDir())) {
            item = session.archive().get(id.trim());
            resources = session.archive().resources(item.id());
            metadata = session.archive().metadata(item.id());
        }
        List<SimilarItem> similar = List.of();
        if (item.mediaType().startsWith("image/")
                || item.mediaType().startsWith("video/")
                || resources.stream().anyMatch(r -> r.mediaType().startsWith("image/"))) {
            try (Wiring.Session session = Wiring.forMatching(data.dataDir(), System.err)) {
                similar = session.archive().similar(item.id());
            }
        }
        if (data.json) {
            System.out.println(Json.write(Json.item(item, resources, similar, metadata)));
            return 0;
        }
        var out = System.out;
        out.println(item.title().isEmpty() ? "(no title)" : item.title());
        for (SimilarItem s : similar) {
            out.println((s.relation() == SimilarItem.Relation.EARLIER ? "ALERT " : "link  ") + s.alert() + " [item "
                    + s.item().id() + ", " + s.explanation() + "]");
        }
        row("id", item.id());
        row("kind", item.kind().label());
        row("url", item.url());
        if (!item.requestedUrl().equals(item.url())) {
            row("requested", item.requestedUrl());
        }
        row("file", item.fileName());
        row("captured", item.capturedAt().toString());
        row("published", item.published());
        row("language", item.language());
        row("media type", item.mediaType());
        row("size", item.size() + " bytes");
        row("sha256", item.sha256());
        if (item.hasWarc()) {
            row("warc", item.warc().fileName() + " @" + item.warc().offset());
            row("warc sha256", item.warc().sha256());
        }
        row("operator", item.provenance().operator());
        row("note", item.provenance().note());
        row("claimed place", item.provenance().claimedPlace());
        row("claimed date", item.provenance().claimedDate());
        row("extraction", item.extractionNote());
        if (item.mediaType().startsWith("image/") || item.mediaType().startsWith("video/")) {
            picture(metadata, item.mediaType().startsWith("video/"));
        }
        if (!resources.isEmpty()) {
            out.println("resources (" + resources.size() + "):");
            for (Resource r : resources) {
                out.println("  " + r.status() + " " + r.mediaType() + " " + r.size() + " " + r.url());
            }
        }
        if (!noText && !item.text().isEmpty()) {
            out.println();
            out.println(item.text());
        }
        return 0;
    }

    /** The key lines of a picture's embedded metadata (or a video's probed one). */
    private static void picture(MediaMetadata m, boolean video) {
        row("camera", m.camera());
        row("lens", m.lens());
        row(
                video ? "created" : "taken (EXIF)",
                m.dateTimeOriginal() + (m.offsetTimeOriginal().isEmpty() ? "" : " " + m.offsetTimeOriginal()));
        row("software", m.software());
        m.gps()
                .ifPresent(g -> row(
                        "gps",
                        String.format(java.util.Locale.ROOT, "%.6f, %.6f", g.latitude(), g.longitude())
                                + (g.altitude().isPresent()
                                        ? String.format(
                                                java.util.Locale.ROOT,
                                                ", %.1f m",
                                                g.altitude().getAsDouble())
                                        : "")
                                + " (from " + g.source() + ")"));
        for (String note : m.assessment()) {
            row("metadata", note);
        }
        if (!m.tags().isEmpty()) {
            row("metadata tags", m.tags().size() + " (all in --json)");
        }
    }

    private static void row(String name, String value) {
        if (value != null && !value.isEmpty()) {
            System.out.printf("%-14s %s%n", name + ":", value);
        }
    }
}
