package org.daleel.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.daleel.archive.DataDir;
import org.daleel.blob.Digests;
import org.daleel.blob.FileBlobStore;
import org.daleel.catalog.Catalog;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.core.Version;
import org.daleel.item.Item;
import org.daleel.ledger.KeyHistory;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.warc.WarcBlock;
import org.daleel.warc.WarcRecord;
import org.daleel.warc.WarcType;
import org.daleel.warc.WarcWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code daleel export --format wacz ID... --output FILE.wacz}: writes an evidence package, a WACZ
 * 1.1.1 file holding the items' WARC files (stored uncompressed in the zip), a CDXJ index, a pages
 * list, {@code datapackage.json} with the SHA-256 and size of every file, and, as listed resources,
 * the custody material that lets anyone check it offline: the signed checkpoint, the verifier key,
 * one c2sp.org/tlog-proof receipt per item and the exact entry bytes each receipt proves, and the
 * RFC 3161 time-stamps that date them ({@link PackageTimestamps}). Imported
 * files, which have no WARC, get one written here (a {@code resource} record per file). The package
 * is written to a temporary file next to the output and renamed when complete.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write items as an evidence package: a WACZ 1.1.1 file with their WARCs, index, pages and custody receipts.",
            "The package lists every file's SHA-256 and size in datapackage.json and holds the signed checkpoint, the"
                    + " verifier key, the key history after key rotations (custody/vkeys, with each rotation entry and its"
                    + " receipt custody/receipts/key-rotation.N.tlog-proof), one tlog-proof receipt per item (custody/receipts/ID.tlog-proof), the ledger"
                    + " entries they prove (custody/entries/N.json) and the RFC 3161 time-stamps of the earliest"
                    + " stamped checkpoints covering them, with the TSA chain and a consistency proof to the package's"
                    + " checkpoint (custody/timestamps/). Check it offline with 'daleel verify-package'."
        })
final class ExportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FORMATS = List.of("wacz", "csv", "geojson");

    @Mixin
    DataOptions data;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description = "wacz (evidence package of the items named), or csv / geojson (a table or map layer of"
                    + " the items named or found by --query and the filters, with their places, actors, events and"
                    + " ACLED-style fatalities).")
    String format;

    @Option(
            names = "--query",
            paramLabel = "WORDS",
            description = "csv and geojson: export the items this search finds (with the filters below).")
    String query = "";

    @picocli.CommandLine.Mixin
    FilterOptions filters = new FilterOptions();

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The package file to write.")
    Path output;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Item ids to export.")
    List<String> ids = List.of();

    /** One file of the package: its path inside the zip and where its bytes are now. */
    private record Part(String name, Path source) {}

    @Override
    public Integer call() throws IOException {
        if (!FORMATS.contains(format)) {
            throw new InvalidInputException(
                    "export format '" + format + "' is not supported: valid formats are " + String.join(", ", FORMATS));
        }
        if (!format.equals("wacz")) {
            int items = ResultsExport.write(data.dataDir().root(), format, output, query, filters.filter(), ids);
            System.out.println(
                    data.json
                            ? JSON.writeValueAsString(JSON.createObjectNode()
                                    .put("output", output.toAbsolutePath().toString())
                                    .put("items", items))
                            : "wrote " + output.toAbsolutePath() + " (" + items + " items, " + format + ")");
            return 0;
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException("export --format wacz: give the ids of the items to package");
        }
        DataDir dir = data.dataDir();
        Path absolute = output.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".daleel-export-");
        Path temp = Files.createTempFile(parent, "." + absolute.getFileName(), ".tmp");
        try {
            int items = write(dir, staging, temp);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (data.json) {
                ObjectNode json = JSON.createObjectNode();
                json.put("output", absolute.toString());
                json.put("items", items);
                json.put("bytes", Files.size(absolute));
                System.out.println(JSON.writeValueAsString(json));
            } else {
                System.out.println("wrote " + absolute + " (" + items + " items, " + Files.size(absolute) + " bytes)");
            }
            return 0;
        } finally {
            Files.deleteIfExists(temp);
            deleteTree(staging);
        }
    }

    private int write(DataDir dir, Path staging, Path temp) throws IOException {
        List<Part> parts = new ArrayList<>();
        List<String> cdxj = new ArrayList<>();
        StringBuilder pages =
                new StringBuilder("{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"All Pages\"}\n");
        Set<String> warcNames = new LinkedHashSet<>();
        Set<String> unique = new LinkedHashSet<>(ids);
        try (Catalog catalog = Wiring.openCatalogReader(dir);
                LedgerCustodyLog log = Wiring.openLedgerReader(dir)) {
            Path custody = Files.createDirectories(staging.resolve("custody"));
            Files.writeString(custody.resolve("checkpoint"), log.checkpoint(), StandardCharsets.UTF_8);
            Files.writeString(custody.resolve("vkey"), log.verifierKey() + "\n", StandardCharsets.UTF_8);
            parts.add(new Part("custody/checkpoint", custody.resolve("checkpoint")));
            parts.add(new Part("custody/vkey", custody.resolve("vkey")));
            Files.createDirectories(custody.resolve("receipts"));
            Files.createDirectories(custody.resolve("entries"));
            // The verifier key history and every key rotation entry with its receipt: the chain from
            // the first key to the one that signs the package's checkpoint, checkable offline.
            KeyHistory keys = log.ledger().keyHistory();
            Files.writeString(custody.resolve("vkeys"), keys.format(), StandardCharsets.UTF_8);
            parts.add(new Part("custody/vkeys", custody.resolve("vkeys")));
            for (KeyHistory.Key k : keys.keys().subList(1, keys.keys().size())) {
                long index = k.from() - 1;
                String name = VerifyPackageCommand.ROTATION_RECEIPT + index + ".tlog-proof";
                Path receipt = custody.resolve("receipts").resolve(name);
                Files.writeString(receipt, log.receipt(index), StandardCharsets.UTF_8);
                parts.add(new Part("custody/receipts/" + name, receipt));
                Path entry = custody.resolve("entries").resolve(index + ".json");
                Files.write(entry, log.entry(index));
                parts.add(new Part("custody/entries/" + index + ".json", entry));
            }
            FileBlobStore blobs = new FileBlobStore(dir.blobs());
            List<Long> proved = new ArrayList<>();
            for (String id : unique) {
                Item item = catalog.find(id)
                        .orElseThrow(() -> new NotFoundException("item " + id + ": not in the archive at " + dir));
                List<Long> indices = log.indices(id);
                if (indices.isEmpty()) {
                    throw new NotFoundException("item " + id + ": no custody ledger entry records it, so it cannot"
                            + " be packaged with a receipt (run 'daleel verify')");
                }
                // One receipt per entry: the first (capture or import) as ID.tlog-proof, later ones
                // (edits, annotations) as ID.N.tlog-proof, each next to the entry bytes it proves.
                proved.addAll(indices);
                for (long index : indices) {
                    String name = index == indices.get(0) ? id + ".tlog-proof" : id + "." + index + ".tlog-proof";
                    Path receipt = custody.resolve("receipts").resolve(name);
                    Files.writeString(receipt, log.receipt(index), StandardCharsets.UTF_8);
                    parts.add(new Part("custody/receipts/" + name, receipt));
                    Path entry = custody.resolve("entries").resolve(index + ".json");
                    Files.write(entry, log.entry(index));
                    parts.add(new Part("custody/entries/" + index + ".json", entry));
                }
                Path warc;
                String warcName;
                if (item.hasWarc()) {
                    warcName = item.warc().fileName();
                    warc = dir.warcs().resolve(warcName);
                    if (!Files.isRegularFile(warc)) {
                        throw new NotFoundException("item " + id + ": WARC file " + warc + " is missing");
                    }
                } else {
                    warcName = "DALEEL-FILE-" + id + ".warc.gz";
                    warc = staging.resolve(warcName);
                    Path payload = blobs.pathOf(item.sha256());
                    if (!Files.isRegularFile(payload)) {
                        throw new NotFoundException("item " + id + ": payload file " + payload + " is missing");
                    }
                    writeResourceWarc(item, payload, warc);
                }
                if (warcNames.add(warcName)) {
                    parts.add(new Part("archive/" + warcName, warc));
                    cdxj.addAll(WarcIndex.cdxj(warc, warcName));
                }
                ObjectNode page = JSON.createObjectNode();
                page.put("id", id);
                page.put("url", pageUrl(item));
                page.put("ts", item.capturedAt().truncatedTo(ChronoUnit.MILLIS).toString());
                page.put("title", item.title().isEmpty() ? item.fileName() : item.title());
                pages.append(JSON.writeValueAsString(page)).append('\n');
            }
            for (PackageTimestamps.Staged t :
                    PackageTimestamps.stage(log, log.size(), proved, custody.resolve("timestamps"))) {
                parts.add(new Part(t.name(), t.file()));
            }
        }
        cdxj.sort(null);
        Path indexes = Files.createDirectories(staging.resolve("indexes"));
        Files.writeString(
                indexes.resolve("index.cdxj"),
                cdxj.isEmpty() ? "" : String.join("\n", cdxj) + "\n",
                StandardCharsets.UTF_8);
        parts.add(new Part("indexes/index.cdxj", indexes.resolve("index.cdxj")));
        Path pagesDir = Files.createDirectories(staging.resolve("pages"));
        Files.writeString(pagesDir.resolve("pages.jsonl"), pages, StandardCharsets.UTF_8);
        parts.add(new Part("pages/pages.jsonl", pagesDir.resolve("pages.jsonl")));

        Map<String, Stored> stored = new LinkedHashMap<>();
        for (Part p : parts) {
            stored.put(p.name(), Stored.of(p.source()));
        }
        ObjectNode dp = JSON.createObjectNode();
        dp.put("profile", "data-package");
        dp.put("wacz_version", "1.1.1");
        dp.put("title", "Daleel evidence package");
        dp.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        dp.put("software", "Daleel " + Version.current());
        dp.put("mainPageURL", "");
        ArrayNode resources = dp.putArray("resources");
        for (Part p : parts) {
            Stored s = stored.get(p.name());
            ObjectNode r = resources.addObject();
            r.put("name", p.name().substring(p.name().lastIndexOf('/') + 1));
            r.put("path", p.name());
            r.put("hash", "sha256:" + s.sha256());
            r.put("bytes", s.size());
        }
        dp.remove("mainPageURL");
        byte[] datapackage = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(dp);
        ObjectNode digest = JSON.createObjectNode();
        digest.put("path", "datapackage.json");
        digest.put("hash", "sha256:" + Digests.sha256Hex(datapackage));
        byte[] digestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(digest);

        try (OutputStream file = Files.newOutputStream(temp);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Part p : parts) {
                Stored s = stored.get(p.name());
                zip.putNextEntry(storedEntry(p.name(), s.size(), s.crc()));
                Files.copy(p.source(), zip);
                zip.closeEntry();
            }
            putBytes(zip, "datapackage.json", datapackage);
            putBytes(zip, "datapackage-digest.json", digestBytes);
        }
        return unique.size();
    }

    /** SHA-256, size and CRC-32 of a staged file. */
    private record Stored(String sha256, long size, long crc) {
        static Stored of(Path file) throws IOException {
            MessageDigest md = Digests.sha256();
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    crc.update(buf, 0, n);
                    size += n;
                }
            }
            return new Stored(HexFormat.of().formatHex(md.digest()), size, crc.getValue());
        }
    }

    private static ZipEntry storedEntry(String name, long size, long crc) {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        return e;
    }

    private static void putBytes(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        zip.putNextEntry(storedEntry(name, bytes.length, crc.getValue()));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The URL a replay tool shows for the item: its source URL, or a URN naming an imported file. */
    static String pageUrl(Item item) {
        return item.url().isEmpty() ? "urn:daleel:item:" + item.id() : item.url();
    }

    /** Writes a WARC holding an imported file as one {@code resource} record (its own gzip member). */
    private static void writeResourceWarc(Item item, Path payload, Path target) throws IOException {
        WarcRecord record = WarcRecord.builder(WarcType.RESOURCE)
                .date(item.capturedAt())
                .targetUri(pageUrl(item))
                .contentType(item.mediaType())
                .block(WarcBlock.payload(payload))
                .build();
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new WarcWriter(ch).write(record);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try {
            Trees.delete(root);
        } catch (IOException e) {
            throw new DaleelException(root + ": could not remove the export's staging files: " + e.getMessage(), e);
        }
    }
}
