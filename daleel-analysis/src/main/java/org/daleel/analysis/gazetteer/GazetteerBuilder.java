package org.daleel.analysis.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.daleel.analysis.text.Normalizer;
import org.daleel.core.InvalidInputException;

/**
 * Builds a {@link Gazetteer} from GeoNames-layout rows (the shipped WOF/GeoNames files,
 * {@code allCountries.txt} or {@code <CC>.txt} dumps: the first 19 columns are read, columns 21 and
 * 24 of the shipped files when present) and from the hand-written {@code regions.tsv} format.
 *
 * <p>Rows are merged by geonameid (names of every row are kept; the attributes of the first current
 * row win). Rows without a geonameid, or with an id that is not positive, are skipped. Only names
 * in Latin or Arabic script are indexed; an Arabic column that holds Latin text is treated as
 * Latin. Missing admin1 codes are derived from the nearest place of the same country that has one.
 * Not thread-safe; use one builder per build.
 */
public final class GazetteerBuilder {
    private final List<Row> rows = new ArrayList<>();
    private final Map<Long, Integer> byId = new HashMap<>();
    private final NameTable.Builder exact = new NameTable.Builder();
    private final NameTable.Builder fuzzy = new NameTable.Builder();
    private final NameTable.Builder first = new NameTable.Builder();

    private static final class Row {
        long id;
        String name = "";
        String nameAr = "";
        String cc = "";
        String admin1 = "";
        char fclass = 'P';
        String fcode = "PPL";
        double lat;
        double lon;
        long population;
        boolean deprecated;
        boolean historical;
    }

    /** Reads GeoNames-layout rows (UTF-8, tab-separated, no header) from {@code in}; closes nothing. */
    public GazetteerBuilder addGeoNames(InputStream in, String source) throws IOException {
        return add(parse(in, source));
    }

    /**
     * Parses GeoNames-layout rows and normalises their names without touching any builder, so that
     * several files can be parsed in parallel and then {@link #add added} in order.
     */
    public static Parsed parse(InputStream in, String source) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String[] f = new String[25];
        List<ParsedRow> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            int n = split(line, f);
            if (n < 15 || f[0].isEmpty() || line.startsWith("#")) {
                continue;
            }
            long id = parseLong(f[0]);
            if (id <= 0) {
                continue; // WOF-only record, or an invalid id such as -1
            }
            Row row = new Row();
            row.id = id;
            try {
                row.lat = Double.parseDouble(f[4]);
                row.lon = Double.parseDouble(f[5]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("gazetteer " + source + " line " + lineNo
                        + ": expected numeric coordinates, found '" + f[4] + "', '" + f[5] + "'");
            }
            String nameAr = n > 20 ? f[20] : "";
            row.deprecated = n > 23 && "1".equals(f[23]);
            row.fclass = f[6].isEmpty() ? 'P' : f[6].charAt(0);
            row.fcode = f[7].isEmpty() ? "PPL" : f[7].intern();
            row.cc = f[8].toUpperCase(Locale.ROOT).intern();
            row.admin1 = f[10].equals("00") ? "" : f[10].intern();
            row.population = f[14].isEmpty() ? 0 : parseLong(f[14]);
            row.name = pick(f[1], f[2], f[3], 'L');
            row.nameAr = Normalizer.script(nameAr) == 'A' ? nameAr : pick(f[1], f[2], f[3], 'A');
            row.historical = isHistorical(row.fcode, f[1], nameAr);
            names.clear();
            collect(f[1], true, names);
            if (!f[2].equals(f[1])) {
                collect(f[2], true, names);
            }
            if (!nameAr.isEmpty()) {
                collect(nameAr, true, names);
            }
            String alts = f[3];
            int from = 0;
            while (from < alts.length()) {
                int comma = alts.indexOf(',', from);
                int to = comma < 0 ? alts.length() : comma;
                if (to > from) {
                    collect(alts.substring(from, to), false, names);
                }
                from = to + 1;
            }
            out.add(new ParsedRow(row, names.toArray(new String[0])));
        }
        return new Parsed(out);
    }

    /** Rows of one parsed file, ready to be {@link #add added}. */
    public static final class Parsed {
        private final List<ParsedRow> rows;

        Parsed(List<ParsedRow> rows) {
            this.rows = rows;
        }

        /** Number of rows. */
        public int size() {
            return rows.size();
        }
    }

    /** A row and its normalised names: triples of key, fuzzy key ("" when the same), primary ("1"/"0"). */
    private record ParsedRow(Row row, String[] names) {}

    /** Adds parsed rows: merged by geonameid, the first current row's attributes win. */
    public GazetteerBuilder add(Parsed parsed) {
        for (ParsedRow pr : parsed.rows) {
            Row incoming = pr.row();
            Integer existing = byId.get(incoming.id);
            int idx;
            if (existing == null) {
                idx = rows.size();
                rows.add(incoming);
                byId.put(incoming.id, idx);
            } else {
                idx = existing;
                if (rows.get(idx).deprecated && !incoming.deprecated) {
                    rows.set(idx, incoming); // a current row replaces a deprecated one
                }
            }
            String[] names = pr.names();
            for (int i = 0; i + 2 < names.length; i += 3) {
                index(names[i], names[i + 1], idx, names[i + 2].equals("1"));
            }
        }
        return this;
    }

    private static String pick(String name, String ascii, String alts, char script) {
        if (Normalizer.script(name) == script) {
            return name;
        }
        if (Normalizer.script(ascii) == script) {
            return ascii;
        }
        int from = 0;
        while (from < alts.length()) {
            int comma = alts.indexOf(',', from);
            int to = comma < 0 ? alts.length() : comma;
            String a = alts.substring(from, to).trim();
            if (!a.isEmpty() && Normalizer.script(a) == script) {
                return a;
            }
            from = to + 1;
        }
        return script == 'L' ? name : "";
    }

    private static boolean isHistorical(String fcode, String name, String nameAr) {
        if (fcode.equals("PPLH") || fcode.equals("PPLQ") || fcode.equals("PPLW") || fcode.endsWith("H")) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("kingdom")
                || lower.contains("empire")
                || lower.contains("emirate")
                || lower.contains("sultanate")
                || lower.contains("caliphate")
                || nameAr.contains("مملكة")
                || nameAr.contains("إمبراطورية")
                || nameAr.contains("امبراطورية")
                || nameAr.contains("سلطنة")
                || nameAr.contains("إمارة");
    }

    private void addName(String raw, int idx, boolean primary) {
        List<String> names = new ArrayList<>(3);
        collect(raw, primary, names);
        for (int i = 0; i + 2 < names.size(); i += 3) {
            index(names.get(i), names.get(i + 1), idx, names.get(i + 2).equals("1"));
        }
    }

    /** Normalises a name into (key, fuzzy key or "", primary flag) triples; thread-safe. */
    private static void collect(String raw, boolean primary, List<String> out) {
        String s = raw.trim();
        if (s.isEmpty() || s.length() > 80) {
            return;
        }
        int paren = s.indexOf('(');
        if (paren > 0) {
            int close = s.indexOf(')', paren);
            collect(s.substring(0, paren), primary, out);
            if (close > paren) {
                collect(s.substring(paren + 1, close), primary, out);
            }
            return;
        }
        int slash = s.indexOf('/');
        if (slash > 0) {
            collect(s.substring(0, slash), primary, out);
            collect(s.substring(slash + 1), primary, out);
            return;
        }
        char script = Normalizer.script(s);
        if (script == '?') {
            return;
        }
        String key = Normalizer.key(s);
        if (key.length() < 2) {
            return;
        }
        String fz = script == 'L' ? Normalizer.fuzzy(key) : key;
        out.add(key);
        out.add(fz.equals(key) ? "" : fz);
        out.add(primary ? "1" : "0");
    }

    private void index(String key, String fz, int idx, boolean primary) {
        int value = idx << 1 | (primary ? 1 : 0);
        exact.add(key, value);
        first.max(firstWord(key), words(key));
        if (!fz.isEmpty()) {
            fuzzy.add(fz, value);
            first.max(firstWord(fz), words(fz));
        }
    }

    /**
     * Reads the hand-written regions format (see {@code regions.tsv}): overrides and additions by
     * geonameid, and context-only rows with geonameid 0.
     */
    public GazetteerBuilder addRegions(InputStream in, String source) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        String[] f = new String[12];
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int n = split(line, f);
            if (n < 9) {
                throw new InvalidInputException("gazetteer regions " + source + " line " + lineNo
                        + ": expected at least 9 tab-separated columns, found " + n);
            }
            long id = parseLong(f[0]);
            if (id < 0) {
                throw new InvalidInputException("gazetteer regions " + source + " line " + lineNo
                        + ": expected a geonameid, found '" + f[0] + "'");
            }
            addRegion(id, f, n);
        }
        return this;
    }

    private void addRegion(long id, String[] f, int n) {
        Integer existing = id == 0 ? null : byId.get(id);
        Row row;
        int idx;
        if (existing != null) {
            idx = existing;
            row = rows.get(idx);
        } else {
            idx = rows.size();
            row = new Row();
            row.id = id;
            rows.add(row);
            if (id != 0) {
                byId.put(id, idx);
            }
        }
        row.cc = f[1].toUpperCase(Locale.ROOT).intern();
        if (!f[2].isEmpty()) {
            row.admin1 = f[2].intern();
        }
        if (!f[3].isEmpty()) {
            row.fcode = f[3].intern();
            row.fclass = switch (row.fcode) {
                case "CTX" -> 'C';
                case "PCLI", "ADM1", "ADM2", "ADM3" -> 'A';
                default -> 'P';
            };
        }
        if (!f[4].isEmpty()) {
            row.lat = Double.parseDouble(f[4]);
            row.lon = Double.parseDouble(f[5]);
        }
        if (!f[6].isEmpty()) {
            row.population = parseLong(f[6]);
        }
        if (!f[7].isEmpty()) {
            row.name = f[7];
            addName(f[7], idx, true);
        }
        if (!f[8].isEmpty()) {
            row.nameAr = f[8];
            addName(f[8], idx, true);
        }
        row.deprecated = false;
        row.historical = false;
        if (n > 9 && !f[9].isEmpty()) {
            for (String alias : f[9].split("\\|")) {
                addName(alias, idx, true);
            }
        }
    }

    /** Builds the gazetteer. */
    public Gazetteer build() {
        deriveAdmin1();
        GazetteerPlace[] places = new GazetteerPlace[rows.size()];
        for (int i = 0; i < places.length; i++) {
            Row r = rows.get(i);
            places[i] = new GazetteerPlace(
                    r.id,
                    r.name,
                    r.nameAr,
                    r.cc,
                    r.admin1,
                    r.fclass,
                    r.fcode,
                    r.lat,
                    r.lon,
                    r.population,
                    r.historical || r.deprecated);
        }
        return new Gazetteer(places, exact.build(), fuzzy.build(), first.build());
    }

    /** Fills empty admin1 codes from the nearest place of the same country that has one (0.1° grid). */
    private void deriveAdmin1() {
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (!r.admin1.isEmpty() && r.fclass == 'P' && r.id != 0) {
                grid.computeIfAbsent(
                                cell(r.cc, (int) Math.floor(r.lat * 10), (int) Math.floor(r.lon * 10)),
                                k -> new ArrayList<>())
                        .add(i);
            }
        }
        for (Row r : rows) {
            if (!r.admin1.isEmpty() || r.id == 0 || r.fcode.startsWith("PCL") || r.fcode.equals("ADM1")) {
                continue;
            }
            int la = (int) Math.floor(r.lat * 10);
            int lo = (int) Math.floor(r.lon * 10);
            for (int ring = 0; ring <= 6 && r.admin1.isEmpty(); ring++) {
                double best = Double.MAX_VALUE;
                Row bestRow = null;
                for (int dy = -ring; dy <= ring; dy++) {
                    for (int dx = -ring; dx <= ring; dx++) {
                        if (Math.max(Math.abs(dx), Math.abs(dy)) != ring) {
                            continue;
                        }
                        List<Integer> cellRows = grid.get(cell(r.cc, la + dy, lo + dx));
                        if (cellRows == null) {
                            continue;
                        }
                        for (int j : cellRows) {
                            Row o = rows.get(j);
                            double d = (o.lat - r.lat) * (o.lat - r.lat) + (o.lon - r.lon) * (o.lon - r.lon);
                            if (d < best) {
                                best = d;
                                bestRow = o;
                            }
                        }
                    }
                }
                if (bestRow != null) {
                    r.admin1 = bestRow.admin1;
                }
            }
        }
    }

    private static long cell(String cc, int la, int lo) {
        long c = cc.isEmpty() ? 0 : (cc.charAt(0) << 8 | cc.charAt(cc.length() - 1));
        return (c << 40) ^ ((long) (la + 10_000) << 20) ^ (lo + 10_000);
    }

    static String firstWord(String key) {
        int sp = key.indexOf(' ');
        return sp < 0 ? key : key.substring(0, sp);
    }

    static int words(String key) {
        int w = 1;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == ' ') {
                w++;
            }
        }
        return w;
    }

    private static int split(String line, String[] f) {
        int n = 0;
        int from = 0;
        while (n < f.length) {
            int tab = line.indexOf('\t', from);
            if (tab < 0) {
                f[n++] = line.substring(from);
                break;
            }
            f[n++] = line.substring(from, tab);
            from = tab + 1;
        }
        for (int i = n; i < f.length; i++) {
            f[i] = "";
        }
        return n;
    }

    private static long parseLong(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        long v = 0;
        boolean neg = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i == 0 && c == '-') {
                neg = true;
                continue;
            }
            if (c == '.') {
                break; // "12.0" population or id written as a float
            }
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return neg ? -v : v;
    }
}
