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
        description = "Print one item: metadata, digests, claims, WARC, embedded resources, what its analysis found"
                + " (places, actors, events, quantities such as '12 killed — Darayya, 2016-08-20') and extracted text.")
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
        java.util.Optional<org.daleel.item.ItemAnalysis> analysis;
        try (Wiring.Session session = Wiring.forReading(data.dataDir())) {
            item = session.archive().get(id.trim());
            resources = session.archive().resources(item.id());
            metadata = session.archive().metadata(item.id());
            analysis = session.archive().analysis(item.id());
        }
        List<SimilarItem> similar = List.of();
        if (item.mediaType().startsWith("image/")
                || item.mediaType().startsWith("video/")
                || resources.stream()
                        .anyMatch(r -> r.mediaType().startsWith("image/")
                                || r.mediaType().startsWith("video/"))) {
            try (Wiring.Session session = Wiring.forMatching(data.dataDir(), System.err)) {
                similar = session.archive().similar(item.id());
            }
        }
        if (data.json) {
            var node = Json.item(item, resources, similar, metadata);
            analysis.ifPresent(a -> node.set("analysis", org.daleel.web.AnalysisJson.analysis(a)));
            System.out.println(Json.write(node));
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
        analysis.ifPresent(ShowCommand::analysis);
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

    /** The places, actors, event types and quantities of the item's analysis, one row each. */
    private static void analysis(org.daleel.item.ItemAnalysis a) {
        java.util.LinkedHashSet<String> places = new java.util.LinkedHashSet<>();
        for (var p : a.places()) {
            String where = p.name() + " (geonames " + p.geonameId() + ", " + p.countryCode()
                    + (p.admin1().isEmpty() ? "" : "-" + p.admin1()) + ")";
            if (p.source() instanceof org.daleel.item.ItemAnalysis.PlaceSource.Exif e) {
                where += String.format(
                        java.util.Locale.ROOT,
                        " from EXIF: GPS %.6f, %.6f, %.1f km away",
                        e.lat(),
                        e.lon(),
                        e.distanceKm());
            }
            places.add(where);
        }
        places.forEach(p -> row("place", p));
        a.actors().stream()
                .map(x -> x.name() + " (" + x.type() + ")")
                .distinct()
                .forEach(x -> row("actor", x));
        a.events().stream()
                .map(e -> e.type() + (e.date().isEmpty() ? "" : " " + e.date()))
                .distinct()
                .forEach(e -> row("event", e));
        a.quantities().forEach(q -> row("quantity", org.daleel.web.QuantityText.line(a, q) + "  [" + q.text() + "]"));
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
