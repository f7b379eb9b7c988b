package org.daleel.analysis.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daleel.analysis.EventType;
import org.daleel.core.InvalidInputException;

/**
 * A named set of {@link GoldDocument}s read from a gold file (format 1, documented in
 * docs/evaluation.md and at the top of the bundled files).
 *
 * <p>A {@code place: SURFACE = ID} line marks every occurrence of SURFACE in the text as a mention
 * of GeoNames place ID; {@code place: SURFACE #N = ID} marks only the N-th occurrence (1-based)
 * that no other line took. An occurrence must stand as a whole word: it may follow one or two
 * attached Arabic clitic letters (و ف ب ل ك: "بحلب" holds "حلب"), nothing else. Longer surfaces
 * claim their occurrences first, so "Aleppo" inside "rural Aleppo" is not a second mention.
 *
 * @param name the set's name ("dev", "test", or the gold file's name)
 * @param documents the documents in file order
 */
public record GoldSet(String name, List<GoldDocument> documents) {
    /** The sets bundled with Daleel: "dev" (rules were tuned on it) and "test" (held out). */
    public static final List<String> BUNDLED = List.of("dev", "test");

    private static final Pattern PLACE = Pattern.compile("^(.+?)\\s*(?:#(\\d+))?\\s*=\\s*(\\d+|\\?)\\s*$");
    private static final Pattern DATE =
            Pattern.compile("^(.+?)\\s*(?:#(\\d+))?\\s*=\\s*(\\d{4}(?:-W\\d{2}|-\\d{2}(?:-\\d{2})?)?)\\s*$");
    private static final long MAX_TEXT = 1 << 20;

    /** Copies the list. */
    public GoldSet {
        Objects.requireNonNull(name, "name");
        documents = List.copyOf(documents);
    }

    /**
     * Reads a bundled set.
     *
     * @throws InvalidInputException if {@code name} is not one of {@link #BUNDLED}
     */
    public static GoldSet bundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new InvalidInputException(
                    "gold set: expected one of " + String.join(", ", BUNDLED) + "; found '" + name + "'");
        }
        String resource = "gold-" + name + ".txt";
        try (InputStream in = GoldSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "classpath resource org/daleel/analysis/eval/" + resource + " is missing from this build");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException("gold set " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a gold file.
     *
     * @param reader the file's text
     * @param name the set name, also used in error messages
     * @throws InvalidInputException naming the set, the line and what is wrong (a missing field, a
     *     surface that is not in the text, an unknown event type, a duplicate document id)
     * @throws IOException if reading fails
     */
    public static GoldSet read(Reader reader, String name) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<GoldDocument> docs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Draft d = null;
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.startsWith("## doc ")) {
                if (d != null) {
                    docs.add(d.build(name));
                }
                String id = line.substring(7).strip();
                if (id.isEmpty() || !ids.add(id)) {
                    throw error(name, n, id.isEmpty() ? "document without an id" : "duplicate document id " + id);
                }
                d = new Draft(id, n);
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (d == null) {
                throw error(name, n, "expected '## doc ID' before any field, found '" + clip(line) + "'");
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw error(name, n, "expected 'key: value', found '" + clip(line) + "'");
            }
            d.field(line.substring(0, colon).strip(), line.substring(colon + 1).strip(), name, n);
        }
        if (d != null) {
            docs.add(d.build(name));
        }
        if (docs.isEmpty()) {
            throw new InvalidInputException("gold set " + name + ": no '## doc ID' block found");
        }
        return new GoldSet(name, docs);
    }

    private static InvalidInputException error(String set, int line, String what) {
        return new InvalidInputException("gold set " + set + " line " + line + ": " + what);
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /** A document being read. */
    private static final class Draft {
        final String id;
        final int line;
        final Map<String, String> fields = new LinkedHashMap<>();
        final List<PlaceLine> places = new ArrayList<>();
        final List<PlaceLine> dates = new ArrayList<>();
        final List<String> dateValues = new ArrayList<>();
        final Set<String> events = new LinkedHashSet<>();
        final Set<String> actors = new LinkedHashSet<>();

        Draft(String id, int line) {
            this.id = id;
            this.line = line;
        }

        void field(String key, String value, String set, int n) {
            switch (key) {
                case "lang", "published", "text" -> {
                    if (fields.putIfAbsent(key, value) != null) {
                        throw error(set, n, "doc " + id + ": second '" + key + "' line");
                    }
                }
                case "place" -> {
                    Matcher m = PLACE.matcher(value);
                    if (!m.matches()) {
                        throw error(
                                set,
                                n,
                                "expected 'place: SURFACE = GEONAMEID' (0 for a trap, ? for unscored), optionally"
                                        + " 'SURFACE #N = ...',"
                                        + " found '" + clip(value) + "'");
                    }
                    int occurrence = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                    String id = m.group(3);
                    places.add(
                            new PlaceLine(m.group(1).strip(), occurrence, id.equals("?") ? -1 : Long.parseLong(id), n));
                }
                case "date" -> {
                    Matcher m = DATE.matcher(value);
                    if (!m.matches()) {
                        throw error(
                                set,
                                n,
                                "expected 'date: SURFACE = VALUE' with an ISO 8601 value (2016, 2016-08,"
                                        + " 2016-W33, 2016-08-19), found '" + clip(value) + "'");
                    }
                    int occurrence = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                    dates.add(new PlaceLine(m.group(1).strip(), occurrence, dateValues.size(), n));
                    dateValues.add(m.group(3));
                }
                case "event" -> {
                    try {
                        events.add(EventType.parse(value).code());
                    } catch (IllegalArgumentException e) {
                        throw error(set, n, e.getMessage());
                    }
                }
                case "actor" -> {
                    if (value.isEmpty() || value.startsWith("person:")) {
                        throw error(set, n, "expected a thesaurus actor id, found '" + value + "'");
                    }
                    actors.add(value);
                }
                default ->
                    throw error(
                            set,
                            n,
                            "unknown key '" + key + "' (expected lang, published, text, place, date, event, actor)");
            }
        }

        GoldDocument build(String set) {
            for (String k : List.of("lang", "published", "text")) {
                if (!fields.containsKey(k) || fields.get(k).isEmpty()) {
                    throw error(set, line, "doc " + id + " has no '" + k + "' line");
                }
            }
            String lang = fields.get("lang");
            if (!lang.equals("en") && !lang.equals("ar")) {
                throw error(set, line, "doc " + id + ": lang must be en or ar, found '" + lang + "'");
            }
            LocalDate published;
            try {
                published = LocalDate.parse(fields.get("published"));
            } catch (DateTimeParseException e) {
                throw error(set, line, "doc " + id + ": published '" + fields.get("published") + "' is not YYYY-MM-DD");
            }
            String text = fields.get("text");
            if (text.length() > MAX_TEXT) {
                throw error(set, line, "doc " + id + ": text longer than " + MAX_TEXT + " chars");
            }
            List<GoldPlace> placeSpans = new ArrayList<>();
            for (Span sp : spans(places, text, set)) {
                long gid = sp.line.id;
                placeSpans.add(
                        gid < 0
                                ? new GoldPlace(sp.line.surface, sp.start, sp.end, GoldPlace.Kind.UNSCORED, 0)
                                : gid == 0
                                        ? new GoldPlace(sp.line.surface, sp.start, sp.end, GoldPlace.Kind.TRAP, 0)
                                        : new GoldPlace(sp.line.surface, sp.start, sp.end, GoldPlace.Kind.PLACE, gid));
            }
            List<GoldDate> dateSpans = new ArrayList<>();
            for (Span sp : spans(dates, text, set)) {
                dateSpans.add(new GoldDate(sp.line.surface, sp.start, sp.end, dateValues.get((int) sp.line.id)));
            }
            return new GoldDocument(id, set, lang, published, text, placeSpans, dateSpans, events, actors);
        }

        private List<Span> spans(List<PlaceLine> lines, String text, String set) {
            List<PlaceLine> order = new ArrayList<>(lines);
            // longer surfaces first; for one surface, "#N" lines before the line for all occurrences
            order.sort(Comparator.comparingInt((PlaceLine p) -> -p.surface.length())
                    .thenComparing(p -> p.occurrence == 0));
            boolean[] taken = new boolean[text.length()];
            List<Span> out = new ArrayList<>();
            for (PlaceLine p : order) {
                List<int[]> free = new ArrayList<>();
                for (int[] o : Occurrences.of(text, p.surface)) {
                    if (!any(taken, o[0], o[1])) {
                        free.add(o);
                    }
                }
                if (free.isEmpty() || p.occurrence > free.size()) {
                    throw error(
                            set,
                            p.line,
                            "doc " + id + ": '" + p.surface + "'"
                                    + (p.occurrence > 0 ? " #" + p.occurrence : "")
                                    + " does not occur as a word in the text (or a longer place line took it)");
                }
                List<int[]> chosen = p.occurrence == 0 ? free : List.of(free.get(p.occurrence - 1));
                for (int[] o : chosen) {
                    for (int i = o[0]; i < o[1]; i++) {
                        taken[i] = true;
                    }
                    out.add(new Span(p, o[0], o[1]));
                }
            }
            out.sort(Comparator.comparingInt(Span::start));
            return out;
        }

        private static boolean any(boolean[] taken, int from, int to) {
            for (int i = from; i < to; i++) {
                if (taken[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A place or date line: the surface, which occurrence (0 for all), the id (or date index), the line number. */
    private record PlaceLine(String surface, int occurrence, long id, int line) {}

    private record Span(PlaceLine line, int start, int end) {}
}
