package org.daleel.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.daleel.archive.DataDir;
import org.daleel.archive.ItemOptions;
import org.daleel.archive.LocalArchive;
import org.daleel.search.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code daleel bench}: reproducible throughput and latency figures for docs/benchmarks.md, run on a
 * fresh temporary data directory with synthetic English and Arabic reports.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure import, search, capture, media, ledger and text-analysis speed on this machine.",
            "Runs on a fresh temporary data directory (or --work DIR) and never touches your archive;",
            "the figures go in docs/benchmarks.md.",
            "  import: files imported per second end to end (hash, store, extract, catalog, index)",
            "  search: search latency (median, p95) with --items items in the archive, service layer and HTTP",
            "  capture: pages captured per second (page + stylesheet + 2 images) from a loopback server",
            "  pdq: PDQ hashing time of a photo, against Meta's Java PDQ in the same run (--reference)",
            "  match: Hamming search at radius 31 in --hashes hashes, multi-index against brute force; its open time",
            "  ledger: durable ledger appends/s, append-to-checkpoint latency, inclusion proofs at --entries entries,"
                    + " verify hashing MB/s next to sha256sum",
            "  analysis: gazetteer and analyzer load time, then 800-word articles analysed per second",
            "  crop: crop-robust query time (window coding, key lookups, alignment) at 10,000 pictures and every"
                    + " tenfold up to --pictures"
        })
final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Parameters(
            paramLabel = "WHAT",
            description = "import, search, capture, pdq, match, ledger, analysis and/or crop (default: import search)",
            arity = "0..*")
    List<String> what = List.of("import", "search");

    @Option(names = "--files", description = "Files to import (default ${DEFAULT-VALUE}).")
    int files = 10_000;

    @Option(
            names = "--without-analysis",
            description = "Import without the text analysis (places, actors, dates, events), to measure its cost.")
    boolean withoutAnalysis;

    @Option(names = "--items", description = "Archive size for the search benchmark (default ${DEFAULT-VALUE}).")
    int items = 100_000;

    @Option(names = "--queries", description = "Queries to time (default ${DEFAULT-VALUE}).")
    int queries = 500;

    @Option(names = "--pages", description = "Pages to capture (default ${DEFAULT-VALUE}).")
    int pages = 200;

    @Option(
            names = "--entries",
            description = "Log size for the ledger inclusion-proof benchmark (default ${DEFAULT-VALUE}).")
    long entries = 10_000_000;

    @Option(names = "--hash-mib", description = "MiB hashed by the ledger verify benchmark (default ${DEFAULT-VALUE}).")
    int hashMiB = 1024;

    @Option(names = "--articles", description = "Articles to analyse (default ${DEFAULT-VALUE}).")
    int articles = 3_000;

    @Option(names = "--threads", description = "Import threads (default ${DEFAULT-VALUE}, as daleel import).")
    int threads = ImportCommand.DEFAULT_THREADS;

    @Option(names = "--hashes", description = "Hashes in the index for bench match (default ${DEFAULT-VALUE}).")
    int hashes = 10_000_000;

    @Option(
            names = "--pictures",
            description = "Archive size for bench crop, at least 10000 (default ${DEFAULT-VALUE}).")
    int pictures = 100_000;

    @Option(
            names = "--photo",
            paramLabel = "FILE",
            description =
                    "Photo for bench pdq (default: Meta's 1600x1004 bridge photo among the project's test files).")
    Path photo = Path.of("daleel-media/src/test/resources/conformance/pdq/images/dih/bridge-1-original.jpg");

    @Option(
            names = "--reference",
            paramLabel = "DIR|JAR",
            description = "Meta's compiled pdq/java classes, for bench pdq (see docs/benchmarks.md).")
    Path reference;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Work directory (default: a new temporary one, deleted after).")
    Path work;

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("daleel-bench");
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, Java %s, max heap %d MiB, work dir %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20,
                dir);
        try {
            if (what.contains("import")) {
                benchImport(dir.resolve("import"));
            }
            if (what.contains("search")) {
                benchSearch(dir.resolve("search"));
            }
            if (what.contains("capture")) {
                benchCapture(dir.resolve("capture"));
            }
            if (what.contains("pdq")) {
                new PdqBench(photo, reference, 200).run();
            }
            if (what.contains("match")) {
                new MatchBench(
                                dir.resolve("match"),
                                hashes,
                                Math.max(1, Math.min(queries * 4, hashes / MatchBench.PLANTED)),
                                50,
                                31)
                        .run();
            }
            if (what.contains("ledger")) {
                new LedgerBench(dir.resolve("ledger"), entries, hashMiB).run();
            }
            if (what.contains("analysis")) {
                AnalysisBench.run(articles, Runtime.getRuntime().availableProcessors());
            }
            if (what.contains("crop")) {
                new org.daleel.media.crop.CropBenchmark(
                                Path.of("daleel-media/src/test/resources/conformance/pdq/images"), pictures, System.out)
                        .run();
            }
        } finally {
            if (work == null) {
                Trees.delete(dir);
            }
        }
        return 0;
    }

    private void benchImport(Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        SyntheticReports reports = new SyntheticReports(42);
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            byte[] page = reports.page(i).getBytes(StandardCharsets.UTF_8);
            bytes += page.length;
            Files.write(in.resolve(String.format(Locale.ROOT, "report-%06d.html", i)), page);
        }
        List<Path> paths = ImportCommand.expand(List.of(in));
        DataDir data = DataDir.at(dir.resolve("data"));
        org.daleel.item.ItemAnalyzer analyzer = withoutAnalysis ? org.daleel.item.ItemAnalyzer.none() : Wiring.ANALYZER;
        long loadStart = System.nanoTime();
        analyzer.version(); // loads the gazetteer and thesaurus, reported apart from the import
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long start = System.nanoTime();
        try (LocalArchive archive = Wiring.openWriter(data, analyzer);
                ProgressBar bar = ProgressBar.onTerminal(paths.size(), "files")) {
            ParallelImport.run(archive, paths, ItemOptions.of("bench"), threads, new ParallelImport.Listener() {
                @Override
                public void imported(Path file, org.daleel.archive.ImportResult result) {
                    bar.step();
                }

                @Override
                public void failed(Path file, org.daleel.core.DaleelException error) {
                    throw error;
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "import: %d HTML files (%.1f KB average), %d threads, %s, in %.1f s = %.0f files/s; %s%n",
                files,
                bytes / 1024.0 / files,
                threads,
                withoutAnalysis
                        ? "without analysis"
                        : String.format(
                                Locale.ROOT,
                                "with analysis (gazetteer and thesaurus loaded in %.1f s before)",
                                loadSeconds),
                seconds,
                files / seconds,
                memory());
    }

    private void benchSearch(Path dir) throws IOException {
        DataDir data = DataDir.at(dir.resolve("data"));
        data.create();
        // The archive is filled through the search index port directly (extraction + indexing of
        // every item, no blob, ledger or catalog writes), so that a 100,000-item archive takes a
        // minute rather than the import benchmark's time; searches then run through the service layer.
        SyntheticReports reports = new SyntheticReports(7);
        var extractor = new org.daleel.extract.content.ContentExtractor();
        // Items carry analyses for the filters and facets: the first ANALYSED reports are analysed for
        // real, later items reuse those analyses in turn (analysing 100,000 reports would take minutes).
        final int analysed = Math.min(items, 2000);
        List<org.daleel.item.ItemAnalysis> analyses = new ArrayList<>(analysed);
        long fill = System.nanoTime();
        try (var index = org.daleel.search.lucene.LuceneSearchIndex.openWriter(data.index());
                ProgressBar bar = ProgressBar.onTerminal(items, "items")) {
            java.time.Instant t0 = java.time.Instant.parse("2016-01-01T00:00:00Z");
            for (int i = 0; i < items; i++) {
                byte[] page = reports.page(i).getBytes(StandardCharsets.UTF_8);
                var e = (org.daleel.extract.Extraction.Extracted)
                        extractor.extract(new org.daleel.extract.ExtractionInput(page, "text/html", "", ""));
                var item = new org.daleel.item.Item(
                        org.daleel.item.ItemIds.next(t0.plusSeconds(i)),
                        i + 1,
                        org.daleel.item.ItemKind.FILE,
                        "",
                        "",
                        "report-" + i + ".html",
                        org.daleel.blob.Digests.sha256Hex(page),
                        page.length,
                        e.mediaType(),
                        t0.plusSeconds(i),
                        e.title(),
                        e.text(),
                        e.language(),
                        e.published(),
                        "",
                        null,
                        null);
                if (i < analysed) {
                    analyses.add(Wiring.ANALYZER.analyze(item, java.util.Optional.empty()));
                }
                index.index(item, analyses.get(i % analysed));
                bar.step();
            }
            index.commit(items);
        }
        System.out.printf(
                Locale.ROOT, "search index filled with %d items in %.1f s%n", items, (System.nanoTime() - fill) / 1e9);
        String[] terms = {
            "pumping station",
            "Darayya",
            "evacuation convoy",
            "medical point",
            "داريا",
            "حلب قصف",
            "\"civil defence teams\"",
            "barrel bombs Aleppo",
            "checkpoint",
            "الدفاع المدني"
        };
        try (LocalArchive archive = Wiring.openWriter(data)) {
            for (int i = 0; i < 50; i++) {
                archive.search(SearchQuery.of(terms[i % terms.length], 10));
            }
            long[] nanos = new long[queries];
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                long t = System.nanoTime();
                hits += archive.search(SearchQuery.of(terms[i % terms.length], 10))
                        .total();
                nanos[i] = System.nanoTime() - t;
            }
            System.out.printf(
                    Locale.ROOT,
                    "search (service layer, %d items, top 10 with snippets): median %.2f ms, p95 %.2f ms, %d hits/query; %s%n",
                    items,
                    pct(nanos, 50),
                    pct(nanos, 95),
                    hits / queries,
                    memory());
            long[] filtered = new long[queries];
            long filteredHits = 0;
            var aleppo = new org.daleel.search.SearchFilter(List.of("170062"), List.of(), List.of(), null, null);
            for (int i = 0; i < queries; i++) {
                long t = System.nanoTime();
                filteredHits += archive.search(
                                SearchQuery.of(terms[i % terms.length], 10).withFilter(aleppo))
                        .total();
                filtered[i] = System.nanoTime() - t;
            }
            System.out.printf(
                    Locale.ROOT,
                    "search filtered to Aleppo governorate (with facet counts): median %.2f ms, p95 %.2f ms,"
                            + " %d hits/query%n",
                    pct(filtered, 50),
                    pct(filtered, 95),
                    filteredHits / queries);
            HttpBench.run(archive, terms, queries);
        }
    }

    private void benchCapture(Path dir) throws IOException {
        SyntheticReports reports = new SyntheticReports(3);
        var server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        byte[] png = java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.endsWith(".css")) {
                body = "body{font-family:serif}article{background:url(bg.png)}".getBytes(StandardCharsets.UTF_8);
                type = "text/css";
            } else if (path.endsWith(".png")) {
                body = png;
                type = "image/png";
            } else {
                String digits = path.replaceAll("\\D", "");
                int n = digits.isEmpty() ? 0 : Integer.parseInt(digits);
                body = reports.page(n)
                        .replace("</article>", "<img src=\"photo.png\"></article>")
                        .replace("</head>", "<link rel=\"stylesheet\" href=\"style.css\"></head>")
                        .getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        try (LocalArchive archive = Wiring.openWriter(DataDir.at(dir.resolve("data")));
                ProgressBar bar = ProgressBar.onTerminal(pages, "pages")) {
            ItemOptions options = ItemOptions.of("bench");
            archive.capture(new org.daleel.capture.CaptureRequest(base + "warmup.html", "bench", true), options);
            long start = System.nanoTime();
            for (int i = 0; i < pages; i++) {
                archive.capture(
                        new org.daleel.capture.CaptureRequest(base + "report" + i + ".html", "bench", true), options);
                bar.step();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "capture: %d pages (page + stylesheet + 2 images each, one at a time) in %.1f s = %.1f pages/s; %s%n",
                    pages,
                    seconds,
                    pages / seconds,
                    memory());
        } finally {
            server.stop(0);
        }
    }

    static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    static String memory() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    rss = ", peak RSS " + (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: heap only
        }
        return String.format(Locale.ROOT, "heap after GC %d MiB%s", heap >> 20, rss);
    }
}
