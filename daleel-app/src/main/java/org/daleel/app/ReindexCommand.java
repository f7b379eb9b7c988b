package org.daleel.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daleel.archive.DataDir;
import org.daleel.archive.LocalArchive;
import org.daleel.core.InvalidInputException;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code daleel reindex [--search] [--media]}: rebuilds the derived indexes from the catalog and the
 * stored originals. The old index directories are moved aside first and put back when the rebuild
 * fails, so an interrupted or failed rebuild loses nothing; a leftover from a killed rebuild is
 * removed by the next one (it is derived data).
 */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the search and media indexes from the catalog and the stored originals.",
            "The catalog is the source of truth; the full-text search index (index/: words, filters, facets)",
            "and the media index (media/: PDQ and crop-region hashes of pictures, video frames and the images",
            "and videos of captured pages, which are decoded again) are derived from it. Without options",
            "both are rebuilt. Use it after a damaged",
            "or deleted index, or to index an archive again with this version's index layout.",
            "Nothing in blobs/, warcs/, the catalog or the ledger is changed. Needs the writer lock:",
            "stop 'daleel serve' first. Progress bar on a terminal."
        })
final class ReindexCommand implements Callable<Integer> {
    private static final String OLD = ".old-";

    @Option(names = "--search", description = "Rebuild the full-text search index (index/).")
    boolean search;

    @Option(
            names = "--media",
            description = "Rebuild the media index (media/): every picture and video is decoded again.")
    boolean media;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws IOException {
        DataDir dir = data.dataDir();
        if (!dir.exists()) {
            throw new InvalidInputException("no archive at " + dir
                    + ": capture or import something first, or point --data (or DALEEL_DATA) at an archive");
        }
        boolean both = !search && !media;
        List<Path> targets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (both || search) {
            targets.add(dir.index());
            names.add("search");
        }
        if (both || media) {
            targets.add(dir.media());
            names.add("media");
        }
        try (DataDir.WriterLock held = Wiring.lockLocally(dir, "reindex", System.err)) {
            assert held != null; // held until the rebuild is done
            for (Path target : targets) {
                deleteLeftovers(target);
            }
            Map<Path, Path> moved = new LinkedHashMap<>();
            String stamp = OLD + System.currentTimeMillis();
            for (Path target : targets) {
                if (Files.exists(target)) {
                    Path aside = target.resolveSibling(target.getFileName() + stamp);
                    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                    moved.put(target, aside);
                }
            }
            long items;
            String what =
                    String.join(" and ", names.stream().map(n -> n + " index").toList());
            try (LocalArchive archive = Wiring.openWriter(
                    dir,
                    Wiring.ANALYZER,
                    Wiring.progress(System.err, total -> "daleel: rebuilding the " + what + " from the catalog"))) {
                items = archive.count();
            } catch (IOException | RuntimeException e) {
                for (Map.Entry<Path, Path> m : moved.entrySet()) {
                    Trees.delete(m.getKey());
                    Files.move(m.getValue(), m.getKey(), StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            for (Path aside : moved.values()) {
                Trees.delete(aside);
            }
            if (data.json) {
                var o = Json.object();
                var rebuilt = o.putArray("rebuilt");
                names.forEach(rebuilt::add);
                o.put("items", items);
                System.out.println(Json.write(o));
            } else {
                System.out.println(
                        "rebuilt the " + what + " from the catalog: " + items + (items == 1 ? " item" : " items"));
            }
        }
        return 0;
    }

    /** Removes {@code target.old-*} directories that a killed rebuild left beside {@code target}. */
    private static void deleteLeftovers(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(parent, target.getFileName() + OLD + "*")) {
            for (Path p : old) {
                Trees.delete(p);
            }
        }
    }
}
