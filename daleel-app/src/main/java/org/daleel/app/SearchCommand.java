package org.daleel.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.daleel.core.InvalidInputException;
import org.daleel.search.Facets;
import org.daleel.search.SearchFilter;
import org.daleel.search.SearchHit;
import org.daleel.search.SearchQuery;
import org.daleel.search.SearchResult;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daleel search QUERY}. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Search the archive's text (English, Arabic and more), ranked, with snippets.",
            "Every word must match; use \"quoted phrases\",",
            "OR, NOT, and field:word (title:, url:). Arabic is normalised (hamza and alef forms, taa",
            "marbuta, diacritics, tatweel), so داريا, داريّا and دارَيّا find each other.",
            "Filters on what the analysis found: --place (a governorate or country",
            "also finds the villages inside it), --actor, --type, and event dates",
            "--from/--to: the dates the text gives for the events it reports (a day,",
            "week, month or year), else the publication date the source states.",
            "Counts of countries, regions, places, actors, event types and years over",
            "all matches follow the hits. QUERY may be left out when a filter is given."
        })
final class SearchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Words to search for.")
    List<String> words = List.of();

    @Mixin
    FilterOptions filters = new FilterOptions();

    @Option(names = "--lang", paramLabel = "CODE", description = "Only items in this language (en, ar, ...).")
    String language = "";

    @Option(names = "--kind", paramLabel = "KIND", description = "Only items of this kind: capture, file, warc-record.")
    String kind = "";

    @Option(
            names = "--captured-from",
            paramLabel = "DATE",
            description = "Only items captured on or after this date (YYYY-MM-DD).")
    String capturedFrom;

    @Option(
            names = "--captured-to",
            paramLabel = "DATE",
            description = "Only items captured before this date (YYYY-MM-DD).")
    String capturedTo;

    @Option(names = "--limit", paramLabel = "N", description = "Most hits to print (default ${DEFAULT-VALUE}).")
    int limit = 20;

    @Option(names = "--offset", paramLabel = "N", description = "Hits to skip, for paging (default ${DEFAULT-VALUE}).")
    int offset = 0;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        SearchFilter filter = filters.filter();
        SearchQuery query = new SearchQuery(
                String.join(" ", words),
                language,
                kind,
                date("--captured-from", capturedFrom),
                date("--captured-to", capturedTo),
                offset,
                limit,
                filter);
        SearchResult result;
        try (Wiring.Session session = Wiring.forReading(data.dataDir())) {
            result = session.archive().search(query);
        }
        if (data.json) {
            System.out.println(Json.write(Json.searchResult(result)));
            return 0;
        }
        System.out.println(result.total() + (result.total() == 1 ? " item" : " items"));
        for (SearchHit hit : result.hits()) {
            System.out.println();
            System.out.println(
                    hit.id() + "  " + hit.capturedAt() + "  " + (hit.title().isEmpty() ? "(no title)" : hit.title()));
            String where = hit.url().isEmpty() ? hit.fileName() : hit.url();
            if (!where.isEmpty()) {
                System.out.println("  " + where);
            }
            System.out.println("  " + Text.plainSnippet(hit.snippet()));
            if (!hit.places().isEmpty()) {
                System.out.println("  places: "
                        + String.join(
                                ", ",
                                hit.places().stream()
                                        .map(p -> p.name() + (p.source().equals("exif") ? " (EXIF)" : ""))
                                        .distinct()
                                        .toList()));
            }
        }
        printFacets(result.facets());
        return 0;
    }

    private static void printFacets(Facets facets) {
        if (facets.dimensions().isEmpty()) {
            return;
        }
        System.out.println();
        facets.dimensions().forEach((dim, values) -> {
            StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%-8s", dim + ":"));
            for (int i = 0; i < values.size(); i++) {
                Facets.FacetValue v = values.get(i);
                line.append(i == 0 ? " " : ", ").append(v.label());
                if (!v.label().equals(v.value())) {
                    line.append(" [").append(v.value()).append(']');
                }
                line.append(" (").append(v.count()).append(')');
            }
            System.out.println(line);
        });
    }

    static Instant date(String option, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException(
                        option + " '" + value + "' is not a date (YYYY-MM-DD or an ISO-8601 instant)");
            }
        }
    }
}
