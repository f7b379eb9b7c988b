package org.daleel.analysis.gazetteer;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

/**
 * Places with their names, indexed for text matching: GeoNames records (with Arabic names) for SY,
 * IQ, LB, JO, YE, LY, TR and UA shipped in this module, countries and first-level divisions from
 * {@code regions.tsv}, and context-only entries.
 *
 * <p>Name keys are {@link org.daleel.analysis.text.Normalizer#key} forms; a looser
 * {@link org.daleel.analysis.text.Normalizer#fuzzy} table holds transliteration variants. Each
 * posting is {@code placeIndex << 1 | primary}, where primary marks the record's own name (as
 * opposed to one of its alternate names).
 *
 * <p>Immutable and thread-safe. {@link #loadDefault()} builds it from the classpath, or reads a
 * compact binary copy from the cache directory ({@code daleel.cache.dir} system property, else
 * {@code java.io.tmpdir/daleel-cache}) keyed by the SHA-256 of the shipped files.
 *
 * <p>Place data from GeoNames (https://www.geonames.org, CC BY 4.0) via Who's On First
 * (https://whosonfirst.org, https://github.com/whosonfirst-data).
 */
public final class Gazetteer {
    /** Attribution to show wherever place data is displayed. */
    public static final String ATTRIBUTION = "Place data from GeoNames (https://www.geonames.org, CC BY 4.0) via"
            + " Who's On First (https://whosonfirst.org, https://github.com/whosonfirst-data).";

    /** Country files shipped in this module, in load order. */
    public static final List<String> SHIPPED_COUNTRIES = List.of("SY", "IQ", "LB", "JO", "YE", "LY", "TR", "UA");

    private static final String RESOURCE_DIR = "/org/daleel/analysis/gazetteer/";
    private static final int CACHE_FORMAT = 4;
    private static final System.Logger LOG = System.getLogger(Gazetteer.class.getName());

    private final GazetteerPlace[] places;
    private final NameTable exact;
    private final NameTable fuzzy;
    private final NameTable firstWords;
    private final Map<Long, Integer> byId;
    private final Map<String, Integer> admin1;
    private final Map<String, Integer> countries;

    Gazetteer(GazetteerPlace[] places, NameTable exact, NameTable fuzzy, NameTable firstWords) {
        this.places = places;
        this.exact = exact;
        this.fuzzy = fuzzy;
        this.firstWords = firstWords;
        this.byId = new HashMap<>(places.length * 2);
        this.admin1 = new HashMap<>();
        this.countries = new HashMap<>();
        for (int i = 0; i < places.length; i++) {
            GazetteerPlace p = places[i];
            if (p.geonameId() != 0) {
                byId.putIfAbsent(p.geonameId(), i);
            }
            if (p.isAdmin1() && !p.admin1().isEmpty() && !p.historical()) {
                admin1.putIfAbsent(p.countryCode() + "." + p.admin1(), i);
            }
            if (p.featureCode().equals("PCLI") && !p.historical()) {
                countries.putIfAbsent(p.countryCode(), i);
            }
        }
    }

    /** A builder for gazetteers made of other or additional GeoNames files. */
    public static GazetteerBuilder builder() {
        return new GazetteerBuilder();
    }

    /**
     * Loads the shipped gazetteer, from the cache when it holds a copy of the same files.
     *
     * @throws UncheckedIOException if a shipped resource cannot be read
     */
    public static Gazetteer loadDefault() {
        try {
            Map<String, byte[]> resources = new java.util.LinkedHashMap<>();
            for (String cc : SHIPPED_COUNTRIES) {
                resources.put(cc, resource(cc + ".wof-geonames.tsv.gz"));
            }
            resources.put("regions", resource("regions.tsv"));
            String fingerprint = fingerprint(resources);
            Path cache = cacheDir().resolve("gazetteer-" + fingerprint.substring(0, 24) + ".bin");
            if (Files.isRegularFile(cache)) {
                try {
                    return readCache(cache);
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "gazetteer cache " + cache + " unreadable, rebuilding: " + e);
                }
            }
            GazetteerBuilder b = builder();
            for (GazetteerBuilder.Parsed parsed : parseInParallel(resources)) {
                b.add(parsed); // in file order, so that the result does not depend on thread timing
            }
            b.addRegions(new ByteArrayInputStream(resources.get("regions")), "regions.tsv");
            Gazetteer g = b.build();
            g.writeCacheQuietly(cache);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException("gazetteer: cannot read the shipped place files: " + e.getMessage(), e);
        }
    }

    /** Parses the country files on all cores (name normalisation is most of the load time). */
    private static List<GazetteerBuilder.Parsed> parseInParallel(Map<String, byte[]> resources) throws IOException {
        int threads = Math.max(
                1, Math.min(SHIPPED_COUNTRIES.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gazetteer-parse");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<GazetteerBuilder.Parsed>> futures = new ArrayList<>();
            for (String cc : SHIPPED_COUNTRIES) {
                byte[] bytes = resources.get(cc);
                futures.add(pool.submit(() -> {
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
                        return GazetteerBuilder.parse(in, cc + ".wof-geonames.tsv.gz");
                    }
                }));
            }
            List<GazetteerBuilder.Parsed> out = new ArrayList<>();
            for (Future<GazetteerBuilder.Parsed> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("gazetteer: interrupted while parsing the shipped files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("gazetteer: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IOException("classpath resource " + RESOURCE_DIR + name + " is missing");
            }
            return in.readAllBytes();
        }
    }

    private static String fingerprint(Map<String, byte[]> resources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("format" + CACHE_FORMAT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (byte[] b : resources.values()) {
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static Path cacheDir() {
        String dir = System.getProperty("daleel.cache.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "daleel-cache");
    }

    /** Number of places (including context-only entries). */
    public int size() {
        return places.length;
    }

    /** Place at index {@code i} (0 &lt;= i &lt; {@link #size()}). */
    public GazetteerPlace place(int i) {
        return places[i];
    }

    /** The place with this GeoNames id. */
    public Optional<GazetteerPlace> find(long geonameId) {
        Integer i = byId.get(geonameId);
        return i == null ? Optional.empty() : Optional.of(places[i]);
    }

    /** Index of the place with this GeoNames id, or -1. */
    public int indexOf(long geonameId) {
        Integer i = byId.get(geonameId);
        return i == null ? -1 : i;
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

    private void writeCacheQuietly(Path cache) {
        try {
            writeCache(cache);
            try (var old = Files.newDirectoryStream(cache.getParent(), "gazetteer-*.bin")) {
                for (Path p : old) {
                    if (!p.equals(cache)) {
                        Files.deleteIfExists(p); // a cache of other files, from an older build
                    }
                }
            }
        } catch (IOException e) {
            // The cache only saves time on the next start; the gazetteer in memory is complete.
            LOG.log(System.Logger.Level.WARNING, "gazetteer cache " + cache + " not written: " + e);
        }
    }

    /** Writes the compact binary form of this gazetteer to {@code cache} (atomically replaced). */
    void writeCache(Path cache) throws IOException {
        Files.createDirectories(cache.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(cache.toAbsolutePath().getParent(), "gazetteer", ".tmp");
        try {
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                writeTo(out);
            }
            try {
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeTo(DataOutputStream out) throws IOException {
        java.io.ByteArrayOutputStream placeBytes = new java.io.ByteArrayOutputStream(8 << 20);
        DataOutputStream p = new DataOutputStream(placeBytes);
        for (GazetteerPlace g : places) {
            p.writeLong(g.geonameId());
            p.writeUTF(g.name());
            p.writeUTF(g.nameAr());
            p.writeUTF(g.countryCode());
            p.writeUTF(g.admin1());
            p.writeChar(g.featureClass());
            p.writeUTF(g.featureCode());
            p.writeDouble(g.lat());
            p.writeDouble(g.lon());
            p.writeLong(g.population());
            p.writeBoolean(g.historical());
        }
        p.flush();
        out.writeInt(0x44474c5a); // "DGLZ"
        out.writeInt(CACHE_FORMAT);
        out.writeInt(places.length);
        out.writeInt(placeBytes.size());
        placeBytes.writeTo(out);
        exact.write(out);
        fuzzy.write(out);
        firstWords.write(out);
        out.writeInt(0x454e4421); // "END!"
    }

    static Gazetteer readCache(Path cache) throws IOException {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(Files.readAllBytes(cache));
        if (in.remaining() < 16 || in.getInt() != 0x44474c5a || in.getInt() != CACHE_FORMAT) {
            throw new IOException("not a gazetteer cache of format " + CACHE_FORMAT);
        }
        int n = in.getInt();
        int bytes = in.getInt();
        if (n < 0 || bytes < 0 || bytes > in.remaining()) {
            throw new IOException("expected a place count and size, found " + n + " and " + bytes);
        }
        GazetteerPlace[] places = new GazetteerPlace[n];
        DataInputStream p = new DataInputStream(new ByteArrayInputStream(in.array(), in.position(), bytes));
        Map<String, String> intern = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long id = p.readLong();
            String name = p.readUTF();
            String nameAr = p.readUTF();
            String cc = intern.computeIfAbsent(p.readUTF(), k -> k);
            String a1 = intern.computeIfAbsent(p.readUTF(), k -> k);
            char fc = p.readChar();
            String fcode = intern.computeIfAbsent(p.readUTF(), k -> k);
            places[i] = new GazetteerPlace(
                    id, name, nameAr, cc, a1, fc, fcode, p.readDouble(), p.readDouble(), p.readLong(), p.readBoolean());
        }
        in.position(in.position() + bytes);
        NameTable exact = NameTable.read(in);
        NameTable fuzzy = NameTable.read(in);
        NameTable first = NameTable.read(in);
        if (in.remaining() != 4 || in.getInt() != 0x454e4421) {
            throw new IOException("gazetteer cache is truncated");
        }
        return new Gazetteer(places, exact, fuzzy, first);
    }
}
