package org.daleel.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daleel.analysis.EventType;
import org.daleel.archive.Archive;
import org.daleel.core.InvalidInputException;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.search.SearchFilter;
import org.daleel.search.SearchHit;
import org.daleel.search.SearchQuery;
import org.daleel.search.SearchResult;
import org.daleel.web.Json;

/**
 * {@code daleel export --format csv|geojson}: the items a search finds (or the items named), as
 * a CSV table with ACLED-style columns, one row per reported event (an item with no event gets one
 * row), or as a GeoJSON FeatureCollection with one point per place of an item (a picture's GPS place
 * at its exact position). Written to a temporary file and renamed when complete.
 *
 * <p>Fatalities (ACLED's column): an event row's {@code fatalities} counts the "killed" figures
 * reported in that event's sentence ({@link ItemAnalysis#fatalities}: repeated or overlapping
 * figures once, figures at distinct places added), each figure counted for one event only, approximate ones at the lower bound the text gives; an item without events
 * leaves it empty. A GeoJSON feature carries the fatalities of the item's main event ({@link
 * ItemAnalysis#mainEventFatalities}: its first dated event, with the figures of the same incident's
 * other sentences such as the headline), or null when it reports none.
 */
final class ResultsExport {
    /** Most items one export writes. */
    static final int MAX_ITEMS = 100_000;

    static final List<String> CSV_COLUMNS = List.of(
            "item_id",
            "event_date",
            "year",
            "event_type",
            "sub_event_type",
            "daleel_event_type",
            "actor1",
            "actor2",
            "country",
            "admin1",
            "location",
            "geonameid",
            "latitude",
            "longitude",
            "geo_source",
            "fatalities",
            "source_url",
            "file_name",
            "title",
            "captured_at",
            "published",
            "sha256",
            "notes");

    private ResultsExport() {}

    /** One item with its analysis. */
    private record Row(Item item, ItemAnalysis analysis) {}

    /** Writes the export; returns the number of items. */
    static int write(Path dir, String format, Path output, String query, SearchFilter filter, List<String> ids)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Wiring.Session session = Wiring.forReading(org.daleel.archive.DataDir.at(dir))) {
            Archive archive = session.archive();
            List<String> wanted = new ArrayList<>(ids);
            if (wanted.isEmpty()) {
                if (query.isBlank() && filter.isEmpty()) {
                    throw new InvalidInputException("export --format " + format
                            + ": give item ids, --query WORDS or a filter (--place, --actor, --type, --from, --to)");
                }
                wanted.addAll(found(archive, query, filter));
            }
            for (String id : wanted) {
                Item item = archive.get(id);
                rows.add(new Row(item, archive.analysis(id).orElse(ItemAnalysis.empty("", item.language()))));
            }
        }
        Path absolute = output.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            if (format.equals("csv")) {
                csv(rows, temp);
            } else {
                Files.writeString(temp, Json.pretty(geojson(rows)) + "\n", StandardCharsets.UTF_8);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return rows.size();
    }

    private static List<String> found(Archive archive, String query, SearchFilter filter) {
        List<String> out = new ArrayList<>();
        int offset = 0;
        while (out.size() < MAX_ITEMS) {
            SearchResult page = archive.search(new SearchQuery(query, "", "", null, null, offset, 1000, filter));
            for (SearchHit hit : page.hits()) {
                out.add(hit.id());
            }
            offset += page.hits().size();
            if (page.hits().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        return out;
    }

    private static void csv(List<Row> rows, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\ufeff'); // a BOM, so that spreadsheet programs read Arabic as UTF-8
            line(w, CSV_COLUMNS);
            for (Row r : rows) {
                Map<Long, ItemAnalysis.Place> places = new LinkedHashMap<>();
                r.analysis().places().forEach(p -> places.putIfAbsent(p.geonameId(), p));
                Map<String, String> actorNames = new LinkedHashMap<>();
                r.analysis().actors().forEach(a -> actorNames.putIfAbsent(a.id(), a.name()));
                if (r.analysis().events().isEmpty()) {
                    ItemAnalysis.Place p = places.values().stream().findFirst().orElse(null);
                    line(w, row(r, null, p, List.copyOf(actorNames.values()), "", ""));
                    continue;
                }
                for (int i = 0; i < r.analysis().events().size(); i++) {
                    ItemAnalysis.Event e = r.analysis().events().get(i);
                    ItemAnalysis.Place p = e.places().stream()
                            .map(places::get)
                            .filter(x -> x != null)
                            .findFirst()
                            .orElse(places.values().stream().findFirst().orElse(null));
                    List<String> actors = e.actors().stream()
                            .map(a -> actorNames.getOrDefault(a, a))
                            .toList();
                    line(w, row(r, e, p, actors, Long.toString(r.analysis().fatalities(i)), e.text()));
                }
            }
        }
    }

    private static List<String> row(
            Row r, ItemAnalysis.Event e, ItemAnalysis.Place p, List<String> actors, String fatalities, String notes) {
        Item item = r.item();
        String date = e == null ? "" : e.date();
        Optional<EventType> type = e == null ? Optional.empty() : parse(e.type());
        double lat = p == null ? 0 : p.lat();
        double lon = p == null ? 0 : p.lon();
        if (p != null && p.source() instanceof ItemAnalysis.PlaceSource.Exif x) {
            lat = x.lat();
            lon = x.lon();
        }
        String admin1 = p == null
                ? ""
                : p.within().stream()
                        .filter(a -> a.level() == ItemAnalysis.AreaLevel.ADMIN1)
                        .map(ItemAnalysis.Area::name)
                        .findFirst()
                        .orElse("");
        return List.of(
                item.id(),
                date,
                date.length() >= 4 ? date.substring(0, 4) : "",
                type.map(EventType::acledEventType).orElse(""),
                type.map(EventType::acledSubEventType).orElse(""),
                e == null ? "" : e.type(),
                actors.isEmpty() ? "" : actors.get(0),
                actors.size() < 2 ? "" : actors.get(1),
                p == null ? "" : p.countryCode(),
                admin1,
                p == null ? "" : p.name(),
                p == null ? "" : Long.toString(p.geonameId()),
                p == null ? "" : Double.toString(lat),
                p == null ? "" : Double.toString(lon),
                p == null ? "" : p.source().label(),
                fatalities,
                item.url(),
                item.fileName(),
                item.title(),
                item.capturedAt().toString(),
                item.published(),
                item.sha256(),
                notes);
    }

    private static Optional<EventType> parse(String code) {
        try {
            return Optional.of(EventType.parse(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a type of a newer vocabulary: keep Daleel's code only
        }
    }

    /** One CSV line (RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled). */
    private static void line(BufferedWriter w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String f = fields.get(i);
            // A leading =, +, - or @ would be a formula in a spreadsheet: prefix it (OWASP CSV injection).
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0 && !f.matches("-?[0-9.]+")) {
                f = "'" + f;
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"' + f.replace("\"", "\"\"") + '"');
            } else {
                w.write(f);
            }
        }
        w.write("\r\n");
    }

    private static ObjectNode geojson(List<Row> rows) {
        ObjectNode fc = Json.object();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Row r : rows) {
            Map<String, ItemAnalysis.Place> places = new LinkedHashMap<>();
            r.analysis().places().forEach(p -> places.putIfAbsent(p.source().label() + p.geonameId(), p));
            for (ItemAnalysis.Place p : places.values()) {
                double lat = p.lat();
                double lon = p.lon();
                if (p.source() instanceof ItemAnalysis.PlaceSource.Exif x) {
                    lat = x.lat();
                    lon = x.lon();
                }
                ObjectNode f = features.addObject();
                f.put("type", "Feature");
                ObjectNode g = f.putObject("geometry");
                g.put("type", "Point");
                // RFC 7946 s3.1.1: longitude first
                g.putArray("coordinates").add(lon).add(lat);
                ObjectNode props = f.putObject("properties");
                props.put("itemId", r.item().id());
                props.put("title", r.item().title());
                props.put("url", r.item().url());
                props.put("fileName", r.item().fileName());
                props.put("capturedAt", r.item().capturedAt().toString());
                props.put("published", r.item().published());
                props.put("sha256", r.item().sha256());
                props.put("place", p.name());
                props.put("geonameId", p.geonameId());
                props.put("countryCode", p.countryCode());
                props.put("admin1", p.admin1());
                props.put("source", p.source().label());
                int main = r.analysis().mainEvent();
                if (main >= 0) {
                    props.put("mainEventType", r.analysis().events().get(main).type());
                    props.put("fatalities", r.analysis().mainEventFatalities());
                } else {
                    props.putNull("fatalities");
                }
                ArrayNode types = props.putArray("eventTypes");
                r.analysis().events().stream()
                        .map(ItemAnalysis.Event::type)
                        .distinct()
                        .forEach(types::add);
                ArrayNode dates = props.putArray("eventDates");
                r.analysis().events().stream()
                        .map(ItemAnalysis.Event::date)
                        .filter(d -> !d.isEmpty())
                        .distinct()
                        .forEach(dates::add);
                ArrayNode actors = props.putArray("actors");
                r.analysis().actors().stream()
                        .map(ItemAnalysis.Actor::id)
                        .distinct()
                        .forEach(actors::add);
            }
        }
        return fc;
    }
}
