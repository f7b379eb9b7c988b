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
import java.util.Set;
import org.daleel.analysis.text.Lexicon;
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
    /**
     * Countries whose Latin names are mostly transliterations from Arabic, Persian, Turkish or
     * Ukrainian: only their names get the loose {@link Normalizer#fuzzy} keys (elsewhere a fuzzy key
     * would mostly turn ordinary words into far-away places).
     */
    static final Set<String> FUZZY_COUNTRIES = Set.of(
            "SY", "IQ", "LB", "JO", "YE", "LY", "TR", "UA", "PS", "EG", "SA", "KW", "QA", "AE", "BH", "OM", "SD", "TN",
            "DZ", "MA", "MR", "SO", "DJ", "IR", "AF");

    private final List<Row> rows = new ArrayList<>();
    private final Map<Long, Integer> byId = new HashMap<>();
    private final NameTable.Builder exact = new NameTable.Builder();
    private final NameTable.Builder fuzzy = new NameTable.Builder();
    private final NameTable.Builder first = new NameTable.Builder();
    private final List<Gazetteer.Source> sources = new ArrayList<>();
    private String fingerprint = "";

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
        boolean noCoordinates;
        /** The Arabic name came from Natural Earth's world list of divisions. */
        boolean worldArabicName;
        /** Copied from a built gazetteer, whose build already tried to derive its admin1 code. */
        boolean seeded;
    }

    /**
     * A builder seeded with every place and name of {@code base}, so that more files can be merged
     * into it by GeoNames id (place indices of the base are kept).
     */
    public static GazetteerBuilder from(Gazetteer base) {
        GazetteerBuilder b = new GazetteerBuilder();
        for (int i = 0; i < base.size(); i++) {
            GazetteerPlace p = base.place(i);
            Row r = new Row();
            r.id = p.geonameId();
            r.name = p.name();
            r.nameAr = p.nameAr();
            r.cc = p.countryCode();
            r.admin1 = p.admin1();
            r.fclass = p.featureClass();
            r.fcode = p.featureCode();
            r.lat = p.lat();
            r.lon = p.lon();
            r.population = p.population();
            r.historical = p.historical();
            r.worldArabicName = p.worldArabicName();
            r.seeded = true;
            b.rows.add(r);
            if (r.id != 0) {
                b.byId.putIfAbsent(r.id, i);
            }
        }
        copy(base.names(), b.exact);
        copy(base.fuzzyNames(), b.fuzzy);
        NameTable fw = base.firstWords();
        for (int k = 0; k < fw.keys(); k++) {
            b.first.max(fw.key(k), fw.posting(fw.from(k)));
        }
        b.sources.addAll(base.sources());
        return b;
    }

    private static void copy(NameTable from, NameTable.Builder to) {
        for (int k = 0; k < from.keys(); k++) {
            String key = from.key(k);
            for (int p = from.from(k); p < from.to(k); p++) {
                to.add(key, from.posting(p));
            }
        }
    }

    /** Records a source of the places (shown by {@code daleel gazetteer info}). */
    public GazetteerBuilder source(String name, String attribution, int rows) {
        sources.add(new Gazetteer.Source(name, attribution, rows));
        return this;
    }

    /** Sets the fingerprint stored with the built gazetteer. */
    public GazetteerBuilder fingerprint(String value) {
        this.fingerprint = value;
        return this;
    }

    /** True if a place with this GeoNames id has been added. */
    public boolean contains(long geonameId) {
        return byId.containsKey(geonameId);
    }

    /** Number of places so far. */
    public int size() {
        return rows.size();
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
        return parse(in, source, false, false);
    }

    /**
     * Like {@link #parse(InputStream, String)}. With {@code strictAlternates}, alternate names that look
     * like codes or machine transliterations are left out: names with digits, all-capital names of
     * up to five letters (IATA and ICAO codes such as "PMS") and Latin names without a capital letter
     * ("tdmr", "ba er mi la"); GeoNames' own cities500 and dumps carry many. With {@code strictRows},
     * a row with fewer than 15 columns or no id is an error naming the line instead of being skipped.
     */
    public static Parsed parse(InputStream in, String source, boolean strictAlternates, boolean strictRows)
            throws IOException {
        return parse(in, source, strictAlternates, strictRows, 0);
    }

    /** Like {@link #parse(InputStream, String, boolean, boolean)}, numbering lines after {@code linesBefore}. */
    public static Parsed parse(
            InputStream in, String source, boolean strictAlternates, boolean strictRows, long linesBefore)
            throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String[] f = new String[25];
        List<ParsedRow> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String line;
        long lineNo = linesBefore;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int n = split(line, f);
            if (strictRows && (n < 15 || parseLong(f[0]) <= 0)) {
                throw new InvalidInputException("gazetteer " + source + " line " + lineNo
                        + ": expected a GeoNames row (a numeric geonameid and at least 15 tab-separated columns), found "
                        + n + " column(s) starting '" + abbreviate(line) + "'");
            }
            if (n < 15 || f[0].isEmpty()) {
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
            row.nameAr = Normalizer.script(nameAr) == 'A'
                    ? nameAr
                    : strictAlternates ? pickArabic(f[3]) : pick(f[1], f[2], f[3], 'A');
            row.historical = isHistorical(row.fcode, f[1], nameAr);
            if (strictRows && (row.cc.length() != 2 || !Character.isLetter(row.fclass))) {
                throw new InvalidInputException("gazetteer " + source + " line " + lineNo
                        + ": expected a feature class and a two-letter country code, found '" + f[6] + "' and '"
                        + f[8] + "'");
            }
            boolean fz = FUZZY_COUNTRIES.contains(row.cc);
            names.clear();
            collect(f[1], true, fz, names);
            if (!f[2].equals(f[1])) {
                collect(f[2], true, fz, names);
            }
            if (!nameAr.isEmpty()) {
                collect(nameAr, true, fz, names);
            } else if (strictAlternates && !row.nameAr.isEmpty()) {
                collect(row.nameAr, true, fz, names); // the Arabic name counts as the place's own name
            }
            String alts = f[3];
            int from = 0;
            while (from < alts.length()) {
                int comma = alts.indexOf(',', from);
                int to = comma < 0 ? alts.length() : comma;
                if (to > from) {
                    String alt = alts.substring(from, to);
                    if ((!strictAlternates || plausibleAlternate(alt)) && !(row.fclass == 'P' && namesDivision(alt))) {
                        collect(alt, false, fz, names);
                    }
                }
                from = to + 1;
            }
            out.add(new ParsedRow(row, names.toArray(new String[0])));
        }
        return new Parsed(out);
    }

    /**
     * True for a name of the division rather than the town ("محافظة إدلب", "Idlib Governorate"): the
     * village files list some under the governorate's capital too, where they would make "محافظة
     * إدلب" the city.
     */
    static boolean namesDivision(String alt) {
        String s = alt.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        return s.startsWith("محافظة ")
                || s.startsWith("محافظه ")
                || lower.endsWith(" governorate")
                || lower.endsWith(" province");
    }

    /** False for alternate names that are codes or machine transliterations rather than names. */
    static boolean plausibleAlternate(String alt) {
        String s = alt.trim();
        if (s.isEmpty()) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
                upper |= Character.isUpperCase(c);
                lower |= Character.isLowerCase(c);
            }
        }
        if (upper && !lower && letters <= 5) {
            return false; // "PMS", "OSDI"
        }
        if (letters <= 3 && Normalizer.script(s) == 'L') {
            return false; // "Pa", "Wé": too short to tell from a word
        }
        if (s.startsWith("The ") || s.startsWith("the ")) {
            return false; // "The city": a description, not a name
        }
        return upper || Normalizer.script(s) != 'L';
    }

    private static String abbreviate(String line) {
        String s = line.replace('\t', ' ');
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
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

    /**
     * Merges parsed rows of a later source: a row whose id is already present only adds its names and
     * fills what the present record lacks (admin1 code, population, Arabic name, the rank of a
     * populated place: the village files list Tripoli, Libya's capital, as a plain PPL where GeoNames
     * says PPLC); a current row replaces a deprecated one (keeping its Arabic name and admin1 code); a
     * new id adds a place. Returns the number of new places.
     */
    public int merge(Parsed parsed) {
        int added = 0;
        for (ParsedRow pr : parsed.rows) {
            Row incoming = pr.row();
            Integer existing = byId.get(incoming.id);
            int idx;
            if (existing == null) {
                idx = rows.size();
                rows.add(incoming);
                byId.put(incoming.id, idx);
                added++;
            } else {
                idx = existing;
                Row r = rows.get(idx);
                if (r.deprecated && !incoming.deprecated) {
                    // Who's On First superseded the record (Tripoli, Libya's capital) but GeoNames keeps
                    // it current: the current row's attributes win, the village file's Arabic name stays
                    if (incoming.nameAr.isEmpty()) {
                        incoming.nameAr = r.nameAr;
                    }
                    if (incoming.admin1.isEmpty()) {
                        incoming.admin1 = r.admin1;
                    }
                    rows.set(idx, incoming);
                    r = incoming;
                }
                if (r.admin1.isEmpty()) {
                    r.admin1 = incoming.admin1;
                }
                if (r.population == 0) {
                    r.population = incoming.population;
                }
                if (r.nameAr.isEmpty()) {
                    r.nameAr = incoming.nameAr;
                }
                if (r.fclass == 'P' && r.fcode.equals("PPL") && incoming.fclass == 'P' && ranked(incoming.fcode)) {
                    r.fcode = incoming.fcode;
                }
                if (r.noCoordinates && !incoming.noCoordinates) {
                    r.lat = incoming.lat;
                    r.lon = incoming.lon;
                    r.noCoordinates = false;
                }
            }
            String[] names = pr.names();
            for (int i = 0; i + 2 < names.length; i += 3) {
                index(names[i], names[i + 1], idx, names[i + 2].equals("1"));
            }
        }
        return added;
    }

    /**
     * Adds an alternate name to the place with this id (a line of GeoNames alternateNamesV2.txt).
     * Returns false, changing nothing, when no such place was added or the name is in neither Latin
     * nor Arabic script.
     *
     * @param arabicPreferred the name is the preferred Arabic name: it becomes the place's Arabic name
     */
    public boolean addAlternateName(long geonameId, String name, boolean arabicPreferred) {
        Integer idx = byId.get(geonameId);
        if (idx == null) {
            return false;
        }
        Row r = rows.get(idx);
        char script = Normalizer.script(name);
        if (script == '?') {
            return false;
        }
        if (script == 'A' && (arabicPreferred || r.nameAr.isEmpty())) {
            r.nameAr = name.trim();
            r.worldArabicName = false;
        }
        List<String> names = new ArrayList<>(3);
        collect(name, false, FUZZY_COUNTRIES.contains(r.cc), names);
        for (int i = 0; i + 2 < names.size(); i += 3) {
            index(names.get(i), names.get(i + 1), idx, false);
        }
        return !names.isEmpty();
    }

    /**
     * Adds or completes a country or first-level division (a line of GeoNames countryInfo.txt or
     * admin1CodesASCII.txt). A division without coordinates gets the median point of the places that
     * carry its codes when the gazetteer is built.
     */
    public GazetteerBuilder addDivision(
            long geonameId, String countryCode, String admin1, String featureCode, String name, long population) {
        return addDivision(geonameId, countryCode, admin1, featureCode, name, population, true);
    }

    private GazetteerBuilder addDivision(
            long geonameId,
            String countryCode,
            String admin1,
            String featureCode,
            String name,
            long population,
            boolean named) {
        Integer existing = byId.get(geonameId);
        Row r;
        int idx;
        if (existing != null) {
            idx = existing;
            r = rows.get(idx);
        } else {
            idx = rows.size();
            r = new Row();
            r.id = geonameId;
            r.name = name;
            r.noCoordinates = true;
            rows.add(r);
            byId.put(geonameId, idx);
        }
        r.cc = countryCode.toUpperCase(Locale.ROOT).intern();
        r.fclass = 'A';
        r.fcode = featureCode.intern();
        if (!admin1.isEmpty()) {
            r.admin1 = admin1.intern();
        }
        if (r.population == 0) {
            r.population = population;
        }
        if (named) {
            addName(name, idx, true);
        }
        return this;
    }

    /**
     * Words that, all together, make a division's name too generic to be told from ordinary text
     * ("Central", "North West", "Eastern Province", "Far North"): such divisions are added without
     * indexing their names (they still have their id, codes and centre, and contain their places).
     */
    static final Set<String> GENERIC_DIVISION_WORDS = Set.of(
            "central",
            "centre",
            "center",
            "centrale",
            "centro",
            "middle",
            "east",
            "eastern",
            "est",
            "este",
            "oriental",
            "orientale",
            "west",
            "western",
            "ouest",
            "oeste",
            "occidental",
            "occidentale",
            "north",
            "northern",
            "nord",
            "norte",
            "south",
            "southern",
            "sud",
            "sur",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
            "northeastern",
            "northwestern",
            "southeastern",
            "southwestern",
            "far",
            "upper",
            "lower",
            "capital",
            "coast",
            "coastal",
            "littoral",
            "maritime",
            "islands",
            "island",
            "region",
            "province",
            "district",
            "department",
            "state",
            "territory",
            "area",
            "zone",
            "division",
            "governorate",
            "city",
            "municipality",
            "the",
            "of",
            "and");

    /** True when every word of a division's name is a {@link #GENERIC_DIVISION_WORDS generic word}. */
    static boolean genericDivisionName(String name) {
        String[] words = Normalizer.key(name).split("[ \\-]+");
        for (String w : words) {
            if (!w.isEmpty() && !GENERIC_DIVISION_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Counts of {@link #addAdmin1Codes}: divisions added, completed (id already present) and skipped. */
    public record Admin1Counts(int added, int completed, int skipped) {}

    /**
     * Adds the first-level divisions of GeoNames {@code admin1CodesASCII.txt} (UTF-8 lines
     * {@code CC.CODE<TAB>name<TAB>ascii name<TAB>geonameid}): each becomes (or completes) a place of
     * feature code ADM1 with its codes, its name and its ASCII name as an alternate. Its centre and
     * population are set when the gazetteer is {@link #build built} (the median point and the summed
     * population of the places carrying its codes). Skipped: divisions no place carries the codes of
     * (nothing to place them by) and ids that are populated places here. Names made only of
     * {@link #GENERIC_DIVISION_WORDS generic words} are not indexed.
     *
     * @throws InvalidInputException naming the line, for a line that is not such a row
     */
    public Admin1Counts addAdmin1Codes(InputStream in, String source) throws IOException {
        java.util.Set<String> carried = new java.util.HashSet<>();
        for (Row r : rows) {
            if (r.fclass == 'P' && r.id != 0 && !r.admin1.isEmpty()) {
                carried.add(r.cc + "." + r.admin1);
            }
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        int added = 0;
        int completed = 0;
        int skipped = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            int dot = f[0].indexOf('.');
            long id = f.length == 4 ? parseLong(f[3]) : -1;
            if (f.length != 4 || dot != 2 || dot == f[0].length() - 1 || id <= 0 || f[1].isBlank()) {
                throw new InvalidInputException("gazetteer " + source + " line " + lineNo
                        + ": expected an admin1 row (CC.CODE, name, ascii name, geonameid), found '"
                        + abbreviate(line) + "'");
            }
            String cc = f[0].substring(0, 2).toUpperCase(Locale.ROOT);
            String code = f[0].substring(3);
            Integer existing = byId.get(id);
            if (existing != null && rows.get(existing).fclass == 'P') {
                skipped++; // an id that is a populated place here: keep the place
                continue;
            }
            if (existing == null && !carried.contains(cc + "." + code)) {
                skipped++;
                continue;
            }
            addDivision(id, cc, code, "ADM1", f[1].trim(), 0, false);
            int idx = byId.get(id);
            for (String part : f[1].split("[/()]")) {
                if (!part.isBlank() && !genericDivisionName(part)) {
                    addName(part, idx, true); // "Zanzibar Central/South": "Zanzibar Central", not "South"
                }
            }
            if (!f[2].equals(f[1])) {
                for (String part : f[2].split("[/()]")) {
                    if (!part.isBlank() && !genericDivisionName(part)) {
                        addName(part, idx, false);
                    }
                }
            }
            if (existing == null) {
                added++;
            } else {
                completed++;
            }
        }
        return new Admin1Counts(added, completed, skipped);
    }

    /**
     * First words of Natural Earth's Arabic division names that name the kind of division
     * ("محافظة أسوان", "ولاية الخرطوم", "منطقة الرياض"), as {@link Normalizer#key} forms: the name
     * is indexed with and without it, the word alone never.
     */
    static final Set<String> ARABIC_DIVISION_PREFIXES = keys(
            "محافظة",
            "ولاية",
            "منطقة",
            "إقليم",
            "مقاطعة",
            "عمالة",
            "جهة",
            "المحافظة",
            "الولاية",
            "المنطقة",
            "الإقليم",
            "المقاطعة",
            "الجهة");

    /**
     * Arabic words that alone never name a division: directions and other adjectives of the kind
     * ("الشمالية", "الوسطى"), as {@link Normalizer#key} forms. A Natural Earth name made only of
     * these and {@link #ARABIC_DIVISION_PREFIXES} ("الولاية الشمالية", "المنطقة الشرقية") is not
     * indexed, nor is a name left with only these once its prefix is removed.
     */
    static final Set<String> GENERIC_ARABIC_DIVISION_WORDS = keys(
            "الشمالية",
            "الجنوبية",
            "الشرقية",
            "الغربية",
            "الوسطى",
            "الشمالي",
            "الجنوبي",
            "الشرقي",
            "الغربي",
            "الأوسط",
            "العليا",
            "السفلى",
            "الكبرى",
            "العاصمة",
            "شمال",
            "جنوب",
            "شرق",
            "غرب",
            "وسط",
            "الشمال",
            "الجنوب",
            "الشرق",
            "الغرب",
            "الوسط",
            "المركزية",
            "الساحلية",
            "الجديدة",
            "شمالية",
            "جنوبية",
            "شرقية",
            "غربية",
            "مركزي");

    private static Set<String> keys(String... words) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(Normalizer.key(w));
        }
        return Set.copyOf(out);
    }

    /** Counts of {@link #addArabicDivisionNames}. */
    public record ArabicNameCounts(int matched, int named, int unmatched) {}

    /**
     * Adds Arabic names of first-level divisions by GeoNames id (Natural Earth's {@code gn_id} and
     * {@code name_ar}). For an id that is a first-level division here (feature code ADM1): each
     * name (Natural Earth separates alternatives with "،"; a part after it that is not itself a
     * division name, such as a country, is ignored) is indexed as an alternate name as given
     * ("ولاية الخرطوم"; not "محافظة أسوان", which the place recognizer reads as an admin phrase of
     * "أسوان") and without its {@link #ARABIC_DIVISION_PREFIXES kind word} ("أسوان"); the
     * division's Arabic name is set to the first name without its kind word when it has none yet
     * ({@code regions.tsv}, applied later, still wins). Names left with only
     * {@link #GENERIC_ARABIC_DIVISION_WORDS generic words} or a single common Arabic word
     * ({@link Lexicon#arabicCommon}) are not indexed. Ids that are not divisions here are counted
     * as unmatched and change nothing.
     */
    ArabicNameCounts addArabicDivisionNames(List<NaturalEarthDivisions.Division> divisions) {
        int matched = 0;
        int named = 0;
        int unmatched = 0;
        for (NaturalEarthDivisions.Division d : divisions) {
            Integer idx = byId.get(d.geonameId());
            if (idx == null || !rows.get(idx).fcode.equals("ADM1")) {
                unmatched++;
                continue;
            }
            matched++;
            Row r = rows.get(idx);
            boolean gained = false;
            String[] parts = d.nameAr().split("[،,]");
            for (int i = 0; i < parts.length; i++) {
                String name = parts[i].strip();
                String bare = withoutDivisionPrefix(name);
                if (Normalizer.script(name) != 'A' || (i > 0 && bare.equals(name))) {
                    // after a comma, only another division name: "ولاية غرب دارفور،اقليم المساليت",
                    // not the country of "المقاطعة الشمالية، زامبيا"
                    continue;
                }
                if (!genericArabicDivisionName(name) && !recognisedAsAdminPhrase(name, bare)) {
                    addName(name, idx, false);
                }
                if (!bare.equals(name) && !genericArabicDivisionName(bare)) {
                    addName(bare, idx, false);
                }
                if (r.nameAr.isEmpty() && !genericArabicDivisionName(bare)) {
                    r.nameAr = bare;
                    r.worldArabicName = true;
                    gained = true;
                }
            }
            if (gained) {
                named++;
            }
        }
        return new ArabicNameCounts(matched, named, unmatched);
    }

    /**
     * True for "محافظة X": the place recognizer reads it as the division named X (an admin phrase,
     * like "ريف X"), so only X is indexed; a full key would hide the phrase from that rule.
     */
    private static boolean recognisedAsAdminPhrase(String name, String bare) {
        return !bare.equals(name) && Normalizer.key(name).startsWith("محافظه ");
    }

    /** The name without a leading {@link #ARABIC_DIVISION_PREFIXES kind word}, or the name itself. */
    static String withoutDivisionPrefix(String name) {
        String s = name.strip();
        int space = s.indexOf(' ');
        if (space > 0 && ARABIC_DIVISION_PREFIXES.contains(Normalizer.key(s.substring(0, space)))) {
            return s.substring(space + 1).strip();
        }
        return s;
    }

    /**
     * True when the Arabic name is made only of {@link #ARABIC_DIVISION_PREFIXES kind words} and
     * {@link #GENERIC_ARABIC_DIVISION_WORDS generic words}, or is one common Arabic word.
     */
    static boolean genericArabicDivisionName(String name) {
        String[] words = Normalizer.key(name).split("[ \\-]+");
        if (words.length == 1
                && (Lexicon.arabicCommon().contains(words[0])
                        || Lexicon.arabicFunction().contains(words[0]))) {
            return true;
        }
        for (String w : words) {
            if (!w.isEmpty() && !ARABIC_DIVISION_PREFIXES.contains(w) && !GENERIC_ARABIC_DIVISION_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
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

    /**
     * The Arabic name among GeoNames alternate names, which mix Arabic with Persian, Urdu, Kurdish
     * and Uyghur names in the same script: the shortest one written with Arabic letters only
     * ("لندن" rather than "لأندأن" or "لەندەن"), or "" when there is none.
     */
    static String pickArabic(String alts) {
        String best = "";
        int from = 0;
        while (from < alts.length()) {
            int comma = alts.indexOf(',', from);
            int to = comma < 0 ? alts.length() : comma;
            String a = alts.substring(from, to).trim();
            from = to + 1;
            if (a.isEmpty() || Normalizer.script(a) != 'A' || !arabicLettersOnly(a)) {
                continue;
            }
            if (best.isEmpty() || a.length() < best.length()) {
                best = a;
            }
        }
        return best;
    }

    private static boolean arabicLettersOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Normalizer.isArabic(c) && Character.isLetter(c) && (c < 0x0621 || c > 0x064A)) {
                return false; // پ چ ژ گ ک ی ە ٹ ...: another language's letters
            }
        }
        return true;
    }

    /** A populated place with a rank: a capital or the seat of a division (PPLC, PPLA to PPLA4, PPLG). */
    private static boolean ranked(String fcode) {
        return fcode.equals("PPLC") || fcode.equals("PPLG") || fcode.startsWith("PPLA");
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
        Row r = rows.get(idx);
        List<String> names = new ArrayList<>(3);
        // context entries get loose keys too, except a division's demonyms ("Mainer" is no "Miner")
        boolean fz = FUZZY_COUNTRIES.contains(r.cc) || (r.id == 0 && r.admin1.isEmpty());
        collect(raw, primary, fz, names);
        for (int i = 0; i + 2 < names.size(); i += 3) {
            index(names.get(i), names.get(i + 1), idx, names.get(i + 2).equals("1"));
        }
    }

    /** Normalises a name into (key, fuzzy key or "", primary flag) triples; thread-safe. */
    private static void collect(String raw, boolean primary, boolean fuzzyKeys, List<String> out) {
        String s = raw.trim();
        if (s.isEmpty() || s.length() > 80) {
            return;
        }
        int paren = s.indexOf('(');
        if (paren > 0) {
            int close = s.indexOf(')', paren);
            collect(s.substring(0, paren), primary, fuzzyKeys, out);
            if (close > paren) {
                collect(s.substring(paren + 1, close), primary, fuzzyKeys, out);
            }
            return;
        }
        int slash = s.indexOf('/');
        if (slash > 0) {
            collect(s.substring(0, slash), primary, fuzzyKeys, out);
            collect(s.substring(slash + 1), primary, fuzzyKeys, out);
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
        String fz = script == 'L' && fuzzyKeys ? Normalizer.fuzzy(key) : key;
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
            row.noCoordinates = id != 0 && f[4].isEmpty();
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
                case "CTX", "DEM" -> 'C';
                case "CONT" -> 'L';
                case "PCLI", "ADM1", "ADM2", "ADM3" -> 'A';
                default -> 'P';
            };
        }
        if (!f[4].isEmpty()) {
            row.lat = Double.parseDouble(f[4]);
            row.lon = Double.parseDouble(f[5]);
            row.noCoordinates = false; // the row's own point wins over a division's derived centre
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
            row.worldArabicName = false;
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
        placeDivisions();
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
                    r.historical || r.deprecated,
                    r.worldArabicName);
        }
        return Gazetteer.of(places, exact.build(), fuzzy.build(), first.build(), fingerprint, sources);
    }

    /**
     * Gives divisions without coordinates the median latitude and longitude of the populated places
     * carrying their codes (robust to a far-off island or a misplaced record), and a first-level
     * division without a population the summed population of those places. Continents (no country
     * code) keep no coordinates.
     */
    private void placeDivisions() {
        Map<String, List<Row>> members = null;
        for (Row r : rows) {
            if (!r.noCoordinates) {
                continue;
            }
            if (members == null) {
                members = new HashMap<>();
                for (Row p : rows) {
                    if (p.noCoordinates || p.fclass != 'P' || p.id == 0) {
                        continue;
                    }
                    members.computeIfAbsent(p.cc, k -> new ArrayList<>()).add(p);
                    if (!p.admin1.isEmpty()) {
                        members.computeIfAbsent(p.cc + "." + p.admin1, k -> new ArrayList<>())
                                .add(p);
                    }
                }
            }
            List<Row> in = r.fcode.startsWith("PCL") ? members.get(r.cc) : members.get(r.cc + "." + r.admin1);
            if (r.cc.isEmpty() || in == null || in.isEmpty()) {
                continue;
            }
            double[] lats = new double[in.size()];
            double[] lons = new double[in.size()];
            long population = 0;
            for (int i = 0; i < lats.length; i++) {
                lats[i] = in.get(i).lat;
                lons[i] = in.get(i).lon;
                population += in.get(i).population;
            }
            r.lat = median(lats);
            r.lon = median(lons);
            if (r.fcode.equals("ADM1") && r.population == 0) {
                r.population = population;
            }
        }
    }

    private static double median(double[] v) {
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Fills empty admin1 codes from the nearest place of the same country that has one (0.1° grid). */
    private void deriveAdmin1() {
        boolean needed = false;
        for (Row r : rows) {
            if (needsAdmin1(r)) {
                needed = true;
                break;
            }
        }
        if (!needed) {
            return;
        }
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
            if (!needsAdmin1(r)) {
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

    /** A row without an admin1 code that one could be derived for (not yet tried, when seeded). */
    private static boolean needsAdmin1(Row r) {
        return r.admin1.isEmpty() && r.id != 0 && !r.seeded && !r.fcode.startsWith("PCL") && !r.fcode.equals("ADM1");
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
