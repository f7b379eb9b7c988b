package org.daleel.analysis.gazetteer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.daleel.core.InvalidInputException;

/**
 * GeoNames dumps a user imports ({@code daleel gazetteer import}), kept in a directory of the data
 * directory and merged by GeoNames id over the default gazetteer.
 *
 * <p>Files understood, plain or as the {@code .zip} GeoNames distributes: geoname tables
 * ({@code allCountries.txt}, {@code <CC>.txt}, {@code cities500.txt}...; populated places, countries
 * and first- to third-level divisions are kept), {@code alternateNamesV2.txt} (Latin and Arabic
 * names of places the gazetteer holds; codes, links and colloquial names are left out; preferred
 * Arabic names become the Arabic name), {@code admin1CodesASCII.txt} and {@code countryInfo.txt}.
 * Rows of an id the gazetteer already holds add names and fill what the record lacks; new ids add
 * places.
 *
 * <p>Layout of the directory: {@code imports.tsv} (one line per imported file), {@code rows/} (the
 * kept rows of each import, gzipped, replayed on every rebuild) and {@code gazetteer.gaz} (the
 * compiled result, rebuilt when the default gazetteer changes). An import that fails leaves the
 * directory as it was. Imports are serialised by a lock file; a reader sees the old or the new
 * compiled file, never a partial one.
 */
public final class GazetteerOverlay {
    private static final String MANIFEST = "imports.tsv";
    private static final String COMPILED = "gazetteer.gaz";
    private static final int CHUNK_LINES = 50_000;
    private static final Set<String> KEPT_ADMIN = Set.of("ADM1", "ADM2", "ADM3", "PCLI", "PCLD", "PCLF", "PCLS", "PCL");
    private static final Set<String> CODE_LANGUAGES = Set.of(
            "link", "wkdt", "iata", "icao", "faac", "fr_1793", "post", "abbr", "tcid", "unlc", "phon", "piny", "uicn",
            "lid", "pron", "dbpedia");
    private static final System.Logger LOG = System.getLogger(GazetteerOverlay.class.getName());

    private final Path dir;

    private GazetteerOverlay(Path dir) {
        this.dir = dir;
    }

    /** The overlay kept in {@code dir} (which need not exist yet). */
    public static GazetteerOverlay at(Path dir) {
        return new GazetteerOverlay(dir);
    }

    /** Kinds of GeoNames files, in the order they are read. */
    public enum Kind {
        /** countryInfo.txt. */
        COUNTRIES,
        /** A geoname table: allCountries.txt, CC.txt, citiesN.txt. */
        GEONAMES,
        /** admin1CodesASCII.txt. */
        ADMIN1,
        /** alternateNamesV2.txt or alternateNames.txt (after the places they name). */
        ALTERNATE_NAMES
    }

    /** One imported file as recorded in the manifest. */
    public record Imported(String file, Kind kind, long kept, long skipped, String sha256, Instant at, String rows) {}

    /** True when the user has imported something here. */
    public boolean hasImports() {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** The imports so far, oldest first. */
    public List<Imported> imports() throws IOException {
        List<Imported> out = new ArrayList<>();
        if (!hasImports()) {
            return out;
        }
        for (String line : Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 7) {
                throw new IOException(dir.resolve(MANIFEST) + ": damaged line '" + line + "'");
            }
            out.add(new Imported(
                    f[0],
                    Kind.valueOf(f[1]),
                    Long.parseLong(f[2]),
                    Long.parseLong(f[3]),
                    f[4],
                    Instant.parse(f[5]),
                    f[6]));
        }
        return out;
    }

    /**
     * The gazetteer to analyse with: the default one when nothing was imported, else the compiled
     * overlay (rebuilt first when it is missing or was built over another default gazetteer).
     */
    public Gazetteer load() throws IOException {
        if (!hasImports()) {
            return Gazetteer.loadDefault();
        }
        List<Imported> imports = imports();
        String expected = fingerprint(imports);
        Path compiled = dir.resolve(COMPILED);
        if (expected.equals(Gazetteer.fingerprintQuietly(compiled))) {
            return Gazetteer.open(compiled);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "gazetteer: rebuilding " + compiled + " over the current default gazetteer (" + imports.size()
                        + " import(s))");
        FileLock lock = lock();
        try {
            Gazetteer g = replay(imports, expected);
            g.write(compiled);
            return Gazetteer.open(compiled);
        } finally {
            lock.release();
        }
    }

    /** Result of an import: per file, and the gazetteer it gave. */
    public record Result(List<Imported> files, Gazetteer gazetteer) {}

    /**
     * Imports GeoNames files: validates and reads them all (countries first, then geoname tables,
     * divisions, alternate names), then compiles the merged gazetteer, and only then records the
     * import. On any error nothing is recorded.
     *
     * @param progress called with the number of input bytes read so far (of the files' total size)
     * @throws InvalidInputException naming the file and line of malformed input, or an unknown file
     */
    public Result importFiles(List<Path> files, LongConsumer progress) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            sources.addAll(sources(file));
        }
        sources.sort(java.util.Comparator.comparing(Source::kind)); // stable: files of one kind keep their order
        Files.createDirectories(dir.resolve("rows"));
        FileLock lock = lock();
        try {
            List<Imported> before = imports();
            long[] read = {0};
            // a first pass finds malformed input before the (slower) merge over the default gazetteer
            for (Source s : sources) {
                read(s, null, null, bytes -> progress.accept((read[0] += bytes) / 2), "");
            }
            GazetteerBuilder b = replayBuilder(before);
            List<Imported> added = new ArrayList<>();
            List<Path> written = new ArrayList<>();
            boolean ok = false;
            try {
                int seq = before.size() + added.size();
                for (Source s : sources) {
                    seq++;
                    String rowsName = String.format(Locale.ROOT, "%04d-%s.rows.gz", seq, safe(s.label()));
                    Path rows = dir.resolve("rows").resolve(rowsName);
                    written.add(rows);
                    Imported imp = read(s, b, rows, bytes -> progress.accept((read[0] += bytes) / 2), rowsName);
                    added.add(imp);
                }
                List<Imported> all = new ArrayList<>(before);
                all.addAll(added);
                String fingerprint = fingerprint(all);
                for (Imported imp : added) {
                    b.source(
                            imp.file() + " (imported " + imp.at().truncatedTo(ChronoUnit.SECONDS) + ")",
                            "GeoNames (https://www.geonames.org, CC BY 4.0)",
                            (int) Math.min(Integer.MAX_VALUE, imp.kept()));
                }
                b.fingerprint(fingerprint);
                Gazetteer g = b.build();
                g.write(dir.resolve(COMPILED));
                writeManifest(all);
                ok = true;
                return new Result(added, g);
            } finally {
                if (!ok) {
                    for (Path p : written) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } finally {
            lock.release();
        }
    }

    /** Removes every import: the analysis goes back to the default gazetteer. */
    public void clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        FileLock lock = lock();
        try {
            Files.deleteIfExists(dir.resolve(MANIFEST));
            Files.deleteIfExists(dir.resolve(COMPILED));
            Path rows = dir.resolve("rows");
            if (Files.isDirectory(rows)) {
                try (var s = Files.list(rows)) {
                    for (Path p : s.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } finally {
            lock.release();
        }
    }

    // ---------------------------------------------------------------- reading files

    /** A readable input: a plain file or one entry of a zip. */
    private record Source(Path file, String entry, Kind kind, long size) {
        String label() {
            return entry == null ? file.getFileName().toString() : file.getFileName() + "!" + entry;
        }
    }

    private static List<Source> sources(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        String name = file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return List.of(new Source(file, null, kind(file, name), Files.size(file)));
        }
        List<Source> out = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String entry = e.getName();
                String base = entry.substring(entry.lastIndexOf('/') + 1);
                if (e.isDirectory()
                        || !base.endsWith(".txt")
                        || base.equalsIgnoreCase("readme.txt")
                        || base.startsWith("iso-languagecodes")) {
                    continue;
                }
                out.add(new Source(file, entry, kind(file, base), Math.max(0, e.getSize())));
            }
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInputException(file + ": not a readable zip archive (" + e.getMessage() + ")");
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(file + ": the zip archive holds no GeoNames .txt file");
        }
        return out;
    }

    private static Kind kind(Path file, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("alternatenames")) {
            return Kind.ALTERNATE_NAMES;
        }
        if (n.startsWith("admin1codes")) {
            return Kind.ADMIN1;
        }
        if (n.startsWith("countryinfo")) {
            return Kind.COUNTRIES;
        }
        if (n.endsWith(".txt") || n.endsWith(".tsv")) {
            return Kind.GEONAMES;
        }
        throw new InvalidInputException(file + ": not a GeoNames dump (expected allCountries.txt, <CC>.txt,"
                + " alternateNamesV2.txt, admin1CodesASCII.txt, countryInfo.txt or one of them as .zip)");
    }

    private static InputStream open(Source s) throws IOException {
        InputStream in = Files.newInputStream(s.file());
        if (s.entry() == null) {
            return in;
        }
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            if (e.getName().equals(s.entry())) {
                return zip;
            }
        }
        zip.close();
        throw new IOException(s.label() + ": entry vanished");
    }

    /** Reads one source into {@code b} and {@code rows}; with both null, only checks it. */
    private Imported read(Source s, GazetteerBuilder b, Path rows, LongConsumer bytes, String rowsName)
            throws IOException {
        MessageDigest sha = sha256();
        long[] counts = new long[2];
        try (InputStream raw = open(s);
                InputStream in = new CountingInputStream(raw, sha, bytes);
                Writer out = rows == null
                        ? Writer.nullWriter()
                        : new BufferedWriter(new OutputStreamWriter(
                                new GZIPOutputStream(Files.newOutputStream(rows), 1 << 16), StandardCharsets.UTF_8))) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            switch (s.kind()) {
                case GEONAMES -> readGeoNames(r, s.label(), b, out, counts);
                case ALTERNATE_NAMES -> readAlternateNames(r, s.label(), b, out, counts);
                case ADMIN1 -> readAdmin1(r, s.label(), b, out, counts);
                case COUNTRIES -> readCountries(r, s.label(), b, out, counts);
            }
        }
        return new Imported(
                s.label(),
                s.kind(),
                counts[0],
                counts[1],
                HexFormat.of().formatHex(sha.digest()),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                rowsName);
    }

    private static void readGeoNames(BufferedReader r, String label, GazetteerBuilder b, Writer out, long[] counts)
            throws IOException {
        StringBuilder chunk = new StringBuilder(1 << 20);
        long chunkStart = 0;
        long lineNo = 0;
        int inChunk = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                chunk.append('\n'); // keeps the line numbers of the chunk right
                continue;
            }
            String fclass = column(line, 6);
            String fcode = column(line, 7);
            boolean keep = fclass == null
                    || fclass.equals("P")
                    || (fclass.equals("A") && fcode != null && KEPT_ADMIN.contains(fcode));
            if (!keep) {
                counts[1]++;
                chunk.append('\n');
            } else {
                counts[0]++;
                chunk.append(line).append('\n');
                out.write("G\t");
                out.write(line);
                out.write('\n');
            }
            if (++inChunk >= CHUNK_LINES) {
                merge(b, chunk, label, chunkStart);
                chunkStart = lineNo;
                chunk.setLength(0);
                inChunk = 0;
            }
        }
        merge(b, chunk, label, chunkStart);
    }

    private static void merge(GazetteerBuilder b, StringBuilder chunk, String label, long linesBefore)
            throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        GazetteerBuilder.Parsed parsed =
                GazetteerBuilder.parse(new ByteArrayInputStream(bytes), label, true, true, linesBefore);
        if (b != null) {
            b.merge(parsed);
        }
    }

    /** Column {@code i} (0-based) of a tab-separated line, or null when the line has fewer columns. */
    private static String column(String line, int i) {
        int from = 0;
        for (int c = 0; c < i; c++) {
            int tab = line.indexOf('\t', from);
            if (tab < 0) {
                return null;
            }
            from = tab + 1;
        }
        int tab = line.indexOf('\t', from);
        return tab < 0 ? line.substring(from) : line.substring(from, tab);
    }

    private static void readAlternateNames(
            BufferedReader r, String label, GazetteerBuilder b, Writer out, long[] counts) throws IOException {
        String line;
        long lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            long id = f.length >= 4 ? number(f[1]) : -1;
            if (f.length < 4 || id <= 0 || number(f[0]) < 0) {
                throw new InvalidInputException(label + " line " + lineNo + ": expected an alternate-name row"
                        + " (alternateNameId, geonameid, isolanguage, name, ...: at least 4 tab-separated columns"
                        + " with numeric ids), found '" + abbreviate(line) + "'");
            }
            String lang = f[2];
            boolean colloquial = f.length > 6 && f[6].equals("1");
            if (CODE_LANGUAGES.contains(lang) || colloquial || !GazetteerBuilder.plausibleAlternate(f[3])) {
                counts[1]++;
                continue;
            }
            boolean arPreferred = lang.equals("ar") && f.length > 4 && f[4].equals("1");
            if (b == null || b.addAlternateName(id, f[3], arPreferred)) {
                counts[0]++;
                out.write("N\t" + id + "\t" + clean(f[3]) + "\t" + (arPreferred ? "1" : "0") + "\n");
            } else {
                counts[1]++;
            }
        }
    }

    private static void readAdmin1(BufferedReader r, String label, GazetteerBuilder b, Writer out, long[] counts)
            throws IOException {
        String line;
        long lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            int dot = f[0].indexOf('.');
            long id = f.length >= 4 ? number(f[3]) : -1;
            if (f.length < 4 || dot != 2 || dot == f[0].length() - 1 || id <= 0) {
                throw new InvalidInputException(label + " line " + lineNo + ": expected an admin1 row (CC.CODE, name,"
                        + " ascii name, geonameid), found '" + abbreviate(line) + "'");
            }
            String cc = f[0].substring(0, 2);
            String code = f[0].substring(3);
            division(b, out, id, cc, code, "ADM1", f[1], f[2], 0);
            counts[0]++;
        }
    }

    private static void readCountries(BufferedReader r, String label, GazetteerBuilder b, Writer out, long[] counts)
            throws IOException {
        String line;
        long lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            long id = f.length >= 17 ? number(f[16]) : -1;
            if (f.length < 17 || f[0].length() != 2 || id < 0) {
                throw new InvalidInputException(label + " line " + lineNo + ": expected a countryInfo row (ISO code,"
                        + " ..., geonameid in column 17), found '" + abbreviate(line) + "'");
            }
            if (id == 0) {
                counts[1]++; // a code without a GeoNames record (e.g. a reserved one)
                continue;
            }
            long population = Math.max(0, number(f[7]));
            division(b, out, id, f[0], "", "PCLI", f[4], "", population);
            counts[0]++;
        }
    }

    private static void division(
            GazetteerBuilder b,
            Writer out,
            long id,
            String cc,
            String admin1,
            String fcode,
            String name,
            String ascii,
            long population)
            throws IOException {
        if (b != null) {
            b.addDivision(id, cc, admin1, fcode, name, population);
            if (!ascii.isEmpty() && !ascii.equals(name)) {
                b.addAlternateName(id, ascii, false);
            }
        }
        out.write("D\t" + id + "\t" + cc + "\t" + admin1 + "\t" + fcode + "\t" + clean(name) + "\t" + clean(ascii)
                + "\t" + population + "\n");
    }

    // ---------------------------------------------------------------- replay

    private Gazetteer replay(List<Imported> imports, String fingerprint) throws IOException {
        GazetteerBuilder b = replayBuilder(imports);
        for (Imported imp : imports) {
            b.source(
                    imp.file() + " (imported " + imp.at().truncatedTo(ChronoUnit.SECONDS) + ")",
                    "GeoNames (https://www.geonames.org, CC BY 4.0)",
                    (int) Math.min(Integer.MAX_VALUE, imp.kept()));
        }
        return b.fingerprint(fingerprint).build();
    }

    /** A builder over the default gazetteer with the stored rows of {@code imports} merged in. */
    private GazetteerBuilder replayBuilder(List<Imported> imports) throws IOException {
        GazetteerBuilder b = GazetteerBuilder.from(Gazetteer.loadDefault());
        for (Imported imp : imports) {
            Path rows = dir.resolve("rows").resolve(imp.rows());
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(rows), 1 << 16), StandardCharsets.UTF_8))) {
                StringBuilder chunk = new StringBuilder();
                int inChunk = 0;
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("G\t")) {
                        chunk.append(line, 2, line.length()).append('\n');
                        if (++inChunk >= CHUNK_LINES) {
                            merge(b, chunk, rows.toString(), 0);
                            chunk.setLength(0);
                            inChunk = 0;
                        }
                        continue;
                    }
                    merge(b, chunk, rows.toString(), 0);
                    chunk.setLength(0);
                    inChunk = 0;
                    String[] f = line.split("\t", -1);
                    if (f[0].equals("N") && f.length >= 4) {
                        b.addAlternateName(Long.parseLong(f[1]), f[2], f[3].equals("1"));
                    } else if (f[0].equals("D") && f.length >= 8) {
                        b.addDivision(Long.parseLong(f[1]), f[2], f[3], f[4], f[5], Long.parseLong(f[7]));
                        if (!f[6].isEmpty()) {
                            b.addAlternateName(Long.parseLong(f[1]), f[6], false);
                        }
                    } else {
                        throw new IOException(rows + ": damaged line '" + abbreviate(line) + "'");
                    }
                }
                merge(b, chunk, rows.toString(), 0);
            }
        }
        return b;
    }

    // ---------------------------------------------------------------- helpers

    private String fingerprint(List<Imported> imports) throws IOException {
        MessageDigest md = sha256();
        md.update(Gazetteer.defaultFingerprint().getBytes(StandardCharsets.UTF_8));
        for (Imported imp : imports) {
            md.update(("\n" + imp.rows() + "\t" + imp.sha256() + "\t" + imp.kept()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private void writeManifest(List<Imported> all) throws IOException {
        StringBuilder sb = new StringBuilder("# file\tkind\tkept\tskipped\tsha256\timported\trows\n");
        for (Imported i : all) {
            sb.append(i.file())
                    .append('\t')
                    .append(i.kind())
                    .append('\t')
                    .append(i.kept())
                    .append('\t')
                    .append(i.skipped())
                    .append('\t')
                    .append(i.sha256())
                    .append('\t')
                    .append(i.at())
                    .append('\t')
                    .append(i.rows())
                    .append('\n');
        }
        Path tmp = Files.createTempFile(dir, "imports", ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                Files.move(
                        tmp,
                        dir.resolve(MANIFEST),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private FileLock lock() throws IOException {
        Files.createDirectories(dir);
        FileChannel ch =
                FileChannel.open(dir.resolve("import.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                throw new InvalidInputException(dir + ": another gazetteer import is running");
            }
            return new ChannelLock(ch, lock);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            ch.close();
            throw new InvalidInputException(dir + ": another gazetteer import is running");
        }
    }

    /** A file lock that also closes its channel. */
    private static final class ChannelLock extends FileLock {
        private final FileLock lock;

        ChannelLock(FileChannel ch, FileLock lock) {
            super(ch, 0, Long.MAX_VALUE, false);
            this.lock = lock;
        }

        @Override
        public boolean isValid() {
            return lock.isValid();
        }

        @Override
        public void release() throws IOException {
            lock.release();
            channel().close();
        }
    }

    private static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String abbreviate(String line) {
        String s = line.replace('\t', ' ');
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static long number(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Counts and hashes the bytes read. */
    private static final class CountingInputStream extends FilterInputStream {
        private final MessageDigest sha;
        private final LongConsumer bytes;

        CountingInputStream(InputStream in, MessageDigest sha, LongConsumer bytes) {
            super(in);
            this.sha = sha;
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                sha.update((byte) c);
                bytes.accept(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
                bytes.accept(n);
            }
            return n;
        }
    }
}
