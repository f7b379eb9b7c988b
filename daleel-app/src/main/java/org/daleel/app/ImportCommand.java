package org.daleel.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.daleel.archive.ImportResult;
import org.daleel.archive.ItemOptions;
import org.daleel.archive.SimilarItem;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code daleel import PATH...}. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import files and folders (recursively) and print each file's item id and status.",
            "Formats: HTML, plain text, PDF, images, video, WARC files.",
            "Every payload is stored once, by SHA-256; a file already archived is reported as a duplicate",
            "and nothing new is stored. A progress bar shows on a terminal. Errors on single files are",
            "reported and the import goes on; the exit code is non-zero if any file failed."
        })
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to import.")
    List<Path> paths;

    @Mixin
    ClaimOptions claims;

    @picocli.CommandLine.Option(
            names = "--threads",
            paramLabel = "N",
            description = "Files imported at once (default ${DEFAULT-VALUE}); each is committed on its own.")
    int threads = DEFAULT_THREADS;

    /** Enough threads that disk flushes of several files overlap and the ledger commits them together. */
    static final int DEFAULT_THREADS = 16;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        List<Path> files = expand(paths);
        ItemOptions options = claims.toOptions();
        List<ImportResult> results = new ArrayList<>();
        int[] failures = {0};
        java.util.Map<String, List<SimilarItem>> alerts = new java.util.HashMap<>();
        try (Wiring.Session session = Wiring.forWriting(data.dataDir(), System.err);
                ProgressBar bar = ProgressBar.onTerminal(files.size(), "files")) {
            ParallelImport.run(session.archive(), files, options, threads, new ParallelImport.Listener() {
                @Override
                public void imported(Path file, ImportResult r) {
                    results.add(r);
                    if (r.status() == ImportResult.Status.NEW
                            && (r.item().mediaType().startsWith("image/")
                                    || r.item().mediaType().startsWith("video/"))) {
                        List<SimilarItem> seen =
                                session.archive().similar(r.item().id());
                        if (!seen.isEmpty()) {
                            alerts.put(r.item().id(), seen);
                        }
                        for (SimilarItem s : seen) {
                            System.err.println("daleel: " + r.path() + ": " + s.alert() + " [item "
                                    + s.item().id() + "]");
                        }
                    }
                    if (!data.json) {
                        System.out.println(r.status().label() + "\t" + r.item().id() + "\t" + r.path()
                                + (r.records() > 0 ? "\t(" + r.records() + " archived responses)" : ""));
                    }
                    bar.step();
                }

                @Override
                public void failed(Path file, DaleelException e) {
                    if (files.size() == 1) {
                        throw e;
                    }
                    System.err.println("\ndaleel: " + e.getMessage());
                    failures[0]++;
                    bar.step();
                }
            });
        }
        if (data.json) {
            var array = Json.importResults(results);
            for (var node : array) {
                List<SimilarItem> seen = alerts.get(node.path("id").asText());
                if (seen != null) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("alerts", Json.similar(seen));
                }
            }
            System.out.println(Json.write(array));
        }
        return failures[0] == 0 ? 0 : 1;
    }

    /** Files under the given paths, folders walked recursively in name order; symlinks are not followed. */
    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(p + ": no such file or folder");
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new InvalidInputException(p + ": could not list the folder: " + e.getMessage());
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
