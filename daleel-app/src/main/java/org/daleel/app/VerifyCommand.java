package org.daleel.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.daleel.archive.DataDir;
import org.daleel.archive.Settings;
import org.daleel.blob.Digests;
import org.daleel.blob.FileBlobStore;
import org.daleel.catalog.Catalog;
import org.daleel.core.DaleelException;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.daleel.custody.CheckpointStamp;
import org.daleel.custody.CustodyEvent;
import org.daleel.item.Item;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.ledger.LedgerEntry;
import org.daleel.ledger.LedgerVerification;
import org.daleel.ledger.TimestampAudit;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code daleel verify}: checks the archive against its custody ledger. Re-reads and hashes every
 * blob and WARC file the ledger vouches for, recomputes the Merkle tree from the entries and checks
 * the signed checkpoint, and checks that every catalog item has its entry and that the catalog's
 * digests agree with it. Read-only; works while another process writes (it checks the checkpoint
 * current when it starts).
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check every item against the custody ledger; exit 0 only if all holds.",
            "Re-reads every blob and WARC and compares its SHA-256 and size with the ledger entries, recomputes the"
                    + " Merkle tree from the entries, checks the checkpoint's Ed25519 signature and every stored RFC 3161"
                    + " time-stamp (imprint, signature at genTime, checkpoint consistent with the log), and checks that every"
                    + " catalog item has its entry. Prints each problem by item id and file with expected and found"
                    + " values, then 'checked N items, N ok, N failed'. Exit 6 when something does not hold."
                    + " Works while 'daleel serve' runs."
        })
final class VerifyCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @Mixin
    DataOptions data;

    /** One thing that does not hold. */
    record Problem(String item, String file, String what, String expected, String found) {
        String line() {
            return "FAILED " + (item.isEmpty() ? "ledger" : item) + (file.isEmpty() ? "" : " " + file) + ": " + what
                    + (expected.isEmpty() && found.isEmpty()
                            ? ""
                            : " (expected " + expected + ", found " + found + ")");
        }
    }

    /** Hash and size of one file as read now. */
    record FileDigest(String sha256, long size) {}

    private final Map<Path, Optional<FileDigest>> hashed = new ConcurrentHashMap<>();
    private long checked;
    private long failed;

    @Override
    public Integer call() throws IOException {
        DataDir dir = data.dataDir();
        List<Problem> problems = new ArrayList<>();
        List<String> interrupted = new ArrayList<>();
        ObjectNode ledgerJson = Json.object();
        try (Catalog catalog = Wiring.openCatalogReader(dir)) {
            LedgerCustodyLog opened;
            try {
                opened = Wiring.openLedgerReader(dir);
            } catch (IntegrityException e) {
                problems.add(new Problem(
                        "",
                        dir.ledger().toString(),
                        "the ledger cannot be read, so no item can be checked against it: " + e.getMessage(),
                        "",
                        ""));
                ledgerJson.put("result", "ledger damaged: " + e.getMessage());
                checked = catalog.count();
                failed = checked;
                opened = null;
            }
            if (opened != null) {
                try (LedgerCustodyLog log = opened) {
                    checkAll(dir, catalog, log, problems, interrupted, ledgerJson);
                }
            }
        }
        return report(problems, interrupted, ledgerJson);
    }

    private void checkAll(
            DataDir dir,
            Catalog catalog,
            LedgerCustodyLog log,
            List<Problem> problems,
            List<String> interrupted,
            ObjectNode ledgerJson)
            throws IOException {
        LedgerVerification tree = log.ledger().verify();
        ledgerJson.put("entries", log.size());
        ledgerJson.put("result", tree.message());
        ledgerJson.put("keys", log.ledger().keyHistory().keys().size());
        if (!(tree instanceof LedgerVerification.Intact)) {
            String what = tree.message();
            problems.add(new Problem("", dir.ledger().toString(), what, "", ""));
        }
        checkTimestamps(dir, log, problems, ledgerJson);
        Map<String, List<LedgerEntry>> byItem = new LinkedHashMap<>();
        entries(log, 0, byItem, problems, dir);
        List<Item> unrecorded = new ArrayList<>();
        FileBlobStore blobs = new FileBlobStore(dir.blobs());
        long total = catalog.count();
        try (ProgressBar bar = data.json
                ? new ProgressBar(System.err, total, "items", false)
                : ProgressBar.onTerminal(total, "items")) {
            long after = 0;
            List<Item> page;
            while (!(page = catalog.listAfter(after, PAGE)).isEmpty()) {
                prehash(page, byItem, dir, blobs);
                for (Item item : page) {
                    after = item.seq();
                    if (!byItem.containsKey(item.id())) {
                        unrecorded.add(item); // maybe added by a writer after the ledger was opened
                        bar.step();
                        continue;
                    }
                    int before = problems.size();
                    check(item, byItem.remove(item.id()), dir, blobs, problems);
                    checked++;
                    if (problems.size() > before) {
                        failed++;
                    }
                    bar.step();
                }
            }
        }
        if (!unrecorded.isEmpty()) {
            // A running writer appends to the ledger before its catalog commit: the ledger as it
            // is now holds the entries of every item the catalog showed us.
            try (LedgerCustodyLog now = Wiring.openLedgerReader(dir)) {
                entries(now, log.size(), byItem, problems, dir);
            }
            for (Item item : unrecorded) {
                int before = problems.size();
                check(item, byItem.remove(item.id()), dir, blobs, problems);
                checked++;
                if (problems.size() > before) {
                    failed++;
                }
            }
        }
        byItem.forEach((id, list) -> interrupted.add(id));
    }

    /**
     * Checks every stored RFC 3161 token: imprint over the exact checkpoint note, signature at genTime
     * with the stored chain (and the CAs of ledger.tsa.ca-file when set), checkpoint signed by the
     * log and consistent with it.
     */
    private void checkTimestamps(DataDir dir, LedgerCustodyLog log, List<Problem> problems, ObjectNode ledgerJson)
            throws IOException {
        List<CheckpointStamp> stamps =
                new TimestampAudit(log.ledger(), log.timestampStore(), Timestamping.verifier(Settings.load(dir))).run();
        long valid = 0;
        for (CheckpointStamp st : stamps) {
            if (st.ok()) {
                valid++;
            }
            for (String p : st.problems()) {
                problems.add(new Problem(
                        "", st.file(), "RFC 3161 time-stamp of checkpoint " + st.treeSize() + ": " + p, "", ""));
            }
        }
        ObjectNode ts = ledgerJson.putObject("timestamps");
        ts.put("checked", stamps.size());
        ts.put("valid", valid);
        String line = stamps.isEmpty()
                ? "no RFC 3161 time-stamps stored"
                : stamps.size() + " RFC 3161 time-stamps checked, " + valid + " valid"
                        + stamps.stream()
                                .filter(CheckpointStamp::ok)
                                .reduce((a, b) -> b)
                                .map(st -> " (latest: checkpoint " + st.treeSize() + " at " + st.genTime() + " by "
                                        + st.tsa() + ")")
                                .orElse("");
        ts.put("result", line);
    }

    private int report(List<Problem> problems, List<String> interrupted, ObjectNode ledgerJson) {
        boolean ledgerOk = problems.stream().noneMatch(p -> p.item().isEmpty());
        boolean ok = failed == 0 && ledgerOk;
        String summary = "checked " + checked + " items, " + (checked - failed) + " ok, " + failed + " failed";
        if (data.json) {
            ObjectNode json = Json.object();
            json.put("ok", ok);
            json.put("items", checked);
            json.put("itemsOk", checked - failed);
            json.put("itemsFailed", failed);
            json.set("ledger", ledgerJson);
            var list = json.putArray("problems");
            for (Problem p : problems) {
                ObjectNode o = list.addObject();
                o.put("item", p.item());
                o.put("file", p.file());
                o.put("problem", p.what());
                o.put("expected", p.expected());
                o.put("found", p.found());
            }
            var inter = json.putArray("interruptedWrites");
            interrupted.forEach(inter::add);
            json.put("summary", summary);
            System.out.println(Json.write(json));
        } else {
            problems.forEach(p -> System.out.println(p.line()));
            for (String id : interrupted) {
                System.out.println("note " + id + ": ledger entry for an item that never reached the catalog"
                        + " (an interrupted write, not tampering)");
            }
            System.out.println(ledgerJson.path("result").asText());
            if (ledgerJson.has("timestamps")) {
                System.out.println(ledgerJson.path("timestamps").path("result").asText());
            }
            System.out.println(summary);
        }
        return ok ? 0 : 6;
    }

    /** Entries from {@code from} on, decoded and grouped by item; undecodable entries are problems. */
    private static void entries(
            LedgerCustodyLog log, long from, Map<String, List<LedgerEntry>> byItem, List<Problem> problems, DataDir dir)
            throws IOException {
        log.ledger().scan(from, log.size(), (i, bytes) -> {
            try {
                LedgerEntry e = LedgerEntry.decode(bytes);
                if (!e.item().isEmpty()) {
                    byItem.computeIfAbsent(e.item(), k -> new ArrayList<>(1)).add(e);
                }
            } catch (InvalidInputException e) {
                problems.add(new Problem(
                        "",
                        dir.ledger().toString(),
                        "ledger entry " + i + " is not a valid entry: " + e.getMessage(),
                        "",
                        ""));
            }
        });
    }

    private void check(Item item, List<LedgerEntry> entries, DataDir dir, FileBlobStore blobs, List<Problem> problems) {
        if (entries == null || entries.isEmpty()) {
            problems.add(new Problem(item.id(), "", "no ledger entry records this catalog item", "an entry", "none"));
            return;
        }
        boolean payloadVouched = false;
        for (LedgerEntry entry : entries) {
            for (var d : entry.digests()) {
                switch (d.role()) {
                    case CustodyEvent.PAYLOAD -> {
                        payloadVouched = true;
                        if (!d.sha256().equals(item.sha256())) {
                            problems.add(new Problem(
                                    item.id(),
                                    dir.catalogFile().toString(),
                                    "catalog payload digest differs from the ledger",
                                    d.sha256(),
                                    item.sha256()));
                        }
                        checkFile(item, file(item, d, dir, blobs), d, problems);
                    }
                    case CustodyEvent.WARC -> {
                        if (!item.hasWarc()) {
                            problems.add(new Problem(
                                    item.id(),
                                    dir.catalogFile().toString(),
                                    "the ledger records a WARC, the catalog none",
                                    d.sha256(),
                                    "no WARC"));
                            continue;
                        }
                        if (!d.sha256().equals(item.warc().sha256())) {
                            problems.add(new Problem(
                                    item.id(),
                                    dir.catalogFile().toString(),
                                    "catalog WARC digest differs from the ledger",
                                    d.sha256(),
                                    item.warc().sha256()));
                        }
                        if (d.sha256().equals(item.sha256())) {
                            payloadVouched = true; // an imported WARC file: the WARC is the payload
                        }
                        checkFile(item, file(item, d, dir, blobs), d, problems);
                    }
                    default -> checkFile(item, file(item, d, dir, blobs), d, problems);
                }
            }
        }
        if (!payloadVouched) {
            problems.add(new Problem(
                    item.id(), "", "no ledger entry vouches for the item's payload", item.sha256(), "none"));
        }
    }

    /** Hashes the files a page of items needs, on every core (sha256sum's speed needs more than one). */
    private void prehash(List<Item> page, Map<String, List<LedgerEntry>> byItem, DataDir dir, FileBlobStore blobs) {
        page.stream()
                .filter(item -> byItem.containsKey(item.id()))
                .flatMap(item -> byItem.get(item.id()).stream()
                        .flatMap(e -> e.digests().stream())
                        .filter(d -> !d.role().equals(CustodyEvent.WARC) || item.hasWarc())
                        .map(d -> file(item, d, dir, blobs)))
                .distinct()
                .filter(p -> !hashed.containsKey(p))
                .toList()
                .parallelStream()
                .forEach(p -> hashed.put(p, hash(p)));
    }

    /** The file that holds what digest {@code d} of {@code item} vouches for. */
    private static Path file(Item item, org.daleel.ledger.PayloadDigest d, DataDir dir, FileBlobStore blobs) {
        return switch (d.role()) {
            case CustodyEvent.PAYLOAD -> payloadFile(d.sha256(), dir, blobs);
            case CustodyEvent.WARC -> dir.warcs().resolve(item.warc().fileName());
            default -> blobs.pathOf(d.sha256());
        };
    }

    private static Path payloadFile(String sha, DataDir dir, FileBlobStore blobs) {
        Path blob = blobs.pathOf(sha);
        if (!Files.exists(blob)) {
            for (String suffix : new String[] {".warc.gz", ".warc"}) {
                Path imported = dir.warcs().resolve("IMPORT-" + sha + suffix);
                if (Files.exists(imported)) {
                    return imported;
                }
            }
        }
        return blob;
    }

    private void checkFile(Item item, Path file, org.daleel.ledger.PayloadDigest expected, List<Problem> problems) {
        Optional<FileDigest> found = hashed.computeIfAbsent(file, VerifyCommand::hash);
        if (found.isEmpty()) {
            problems.add(new Problem(
                    item.id(), file.toString(), expected.role() + " file is missing", expected.sha256(), "no file"));
            return;
        }
        if (!found.get().sha256().equals(expected.sha256())) {
            problems.add(new Problem(
                    item.id(),
                    file.toString(),
                    expected.role() + " SHA-256 does not match the ledger",
                    expected.sha256(),
                    found.get().sha256()));
        }
        if (found.get().size() != expected.size()) {
            problems.add(new Problem(
                    item.id(),
                    file.toString(),
                    expected.role() + " size does not match the ledger",
                    expected.size() + " bytes",
                    found.get().size() + " bytes"));
        }
    }

    /** SHA-256 and size of {@code file} as read now (1 MiB direct buffer); empty when it is missing. */
    static Optional<FileDigest> hash(Path file) {
        MessageDigest md = Digests.sha256();
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        long size = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = ch.read(buf)) >= 0) {
                if (n == 0 && !buf.hasRemaining()) {
                    continue;
                }
                buf.flip();
                size += buf.remaining();
                md.update(buf);
                buf.clear();
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DaleelException(file + ": could not read: " + e.getMessage(), e);
        }
        return Optional.of(new FileDigest(HexFormat.of().formatHex(md.digest()), size));
    }
}
