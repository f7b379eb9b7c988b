package org.daleel.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.daleel.blob.Digests;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.custody.CustodyEvent;
import org.daleel.ledger.EntryKind;
import org.daleel.ledger.KeyHistory;
import org.daleel.ledger.LedgerEntry;
import org.daleel.ledger.PayloadDigest;
import org.daleel.ledger.TlogProof;
import org.daleel.ledger.merkle.MerkleTree;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code daleel verify-package FILE.wacz}: checks an evidence package written by {@code daleel
 * export} offline, with nothing but the file: {@code datapackage-digest.json} against {@code
 * datapackage.json}; every listed resource's SHA-256 and size; every WARC record's block and payload
 * digests; every receipt's RFC 9162 inclusion proof of its entry bytes against the packaged
 * checkpoint, and the checkpoint's Ed25519 signature against the packaged verifier key; and that the
 * digests each entry records name a packaged WARC file or WARC payload. Exit 0 only if all holds,
 * 6 otherwise. The verifier key proves the package is self-consistent; that it is the archive's key
 * must be checked out of band (it is printed).
 */
@Command(
        name = "verify-package",
        mixinStandardHelpOptions = true,
        description = {
            "Check an evidence package (from 'daleel export') offline; exit 0 only if all holds.",
            "Checks datapackage-digest.json, the SHA-256 and size of every listed file, the block and payload digests"
                    + " of every WARC record, every receipt's inclusion proof against the signed checkpoint, the"
                    + " checkpoint signature against the packaged verifier key, the key rotation chain (custody/vkeys"
                    + " against the packaged KEY_ROTATION entries; stamped checkpoints with the key of their size), and that each ledger entry's digests"
                    + " name a packaged WARC or payload, and every RFC 3161 time-stamp (token over the exact stamped"
                    + " checkpoint, signature at genTime with the packaged TSA chain, checkpoint consistent with the"
                    + " package's). Prints each problem with the file inside the package and"
                    + " expected vs found, then a summary. Exit 6 when something does not hold."
        })
final class VerifyPackageCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATAPACKAGE = "datapackage.json";
    private static final String DIGEST = "datapackage-digest.json";
    private static final String CHECKPOINT = "custody/checkpoint";
    private static final String VKEY = "custody/vkey";
    private static final String VKEYS = "custody/vkeys";
    /** Receipts of key rotation entries are named {@code custody/receipts/key-rotation.N.tlog-proof}. */
    static final String ROTATION_RECEIPT = "key-rotation.";

    private static final Set<String> KNOWN_ROLES =
            Set.of(CustodyEvent.PAYLOAD, CustodyEvent.WARC, CustodyEvent.RESOURCE);

    @Parameters(index = "0", paramLabel = "FILE", description = "The package (.wacz) to check.")
    Path file;

    /** Common options; {@code --data} is accepted and ignored: the package is all this reads. */
    @Mixin
    DataOptions data;

    /** One thing that does not hold, named by the file inside the package. */
    record Problem(String file, String what, String expected, String found) {
        String line() {
            return "FAILED " + file + ": " + what
                    + (expected.isEmpty() && found.isEmpty()
                            ? ""
                            : " (expected " + expected + ", found " + found + ")");
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    private long resources;
    private long records;
    private long receipts;
    private List<String> keyHistory = List.of();
    private String vkey = "";
    private List<PackageTimestamps.Verified> stamps = List.of();

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no package file at " + file);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            check(zip);
        } catch (ZipException e) {
            problems.add(new Problem(file.toString(), "not a readable zip file: " + e.getMessage(), "", ""));
        }
        return report();
    }

    private void check(ZipFile zip) throws IOException {
        byte[] datapackage = bytes(zip, DATAPACKAGE);
        byte[] digest = bytes(zip, DIGEST);
        if (datapackage == null) {
            problems.add(new Problem(DATAPACKAGE, "missing", "a datapackage.json", "none"));
            return;
        }
        if (digest == null) {
            problems.add(new Problem(DIGEST, "missing", "a datapackage-digest.json", "none"));
        } else {
            JsonNode d = json(DIGEST, digest);
            String found = "sha256:" + Digests.sha256Hex(datapackage);
            if (d != null && !d.path("hash").asText().equals(found)) {
                problems.add(new Problem(
                        DATAPACKAGE,
                        "SHA-256 does not match datapackage-digest.json",
                        d.path("hash").asText(),
                        found));
            }
        }
        JsonNode dp = json(DATAPACKAGE, datapackage);
        if (dp == null) {
            return;
        }
        if (!dp.path("wacz_version").asText().equals("1.1.1")) {
            problems.add(new Problem(
                    DATAPACKAGE,
                    "unsupported wacz_version",
                    "1.1.1",
                    dp.path("wacz_version").asText()));
        }
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode r : dp.path("resources")) {
            String path = r.path("path").asText();
            listed.add(path);
            resources++;
            checkResource(zip, path, r.path("hash").asText(), r.path("bytes").asLong(-1));
        }
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (!e.isDirectory()
                    && !listed.contains(e.getName())
                    && !e.getName().equals(DATAPACKAGE)
                    && !e.getName().equals(DIGEST)) {
                problems.add(new Problem(e.getName(), "file not listed in datapackage.json", "listed", "unlisted"));
            }
        }
        Set<String> payloads = new HashSet<>();
        Set<String> warcFiles = new HashSet<>();
        for (String path : listed) {
            if (path.startsWith("archive/") && zip.getEntry(path) != null) {
                checkWarc(zip, path, payloads, warcFiles);
            }
        }
        checkCustody(zip, listed, payloads, warcFiles);
    }

    private void checkResource(ZipFile zip, String path, String hash, long size) throws IOException {
        ZipEntry e = zip.getEntry(path);
        if (e == null) {
            problems.add(new Problem(path, "listed in datapackage.json but missing", "a file", "none"));
            return;
        }
        if (path.startsWith("archive/") && e.getMethod() != ZipEntry.STORED) {
            problems.add(new Problem(path, "WARC compressed in the zip (WACZ requires STORED)", "stored", "deflated"));
        }
        MessageDigest md = Digests.sha256();
        long n = 0;
        try (InputStream in = zip.getInputStream(e)) {
            byte[] buf = new byte[1 << 16];
            int k;
            while ((k = in.read(buf)) > 0) {
                md.update(buf, 0, k);
                n += k;
            }
        } catch (ZipException ex) {
            problems.add(new Problem(path, "zip entry unreadable: " + ex.getMessage(), "", ""));
            return;
        }
        String found = "sha256:" + HexFormat.of().formatHex(md.digest());
        if (!found.equals(hash)) {
            problems.add(new Problem(path, "SHA-256 does not match datapackage.json", hash, found));
        }
        if (n != size) {
            problems.add(new Problem(path, "size does not match datapackage.json", size + " bytes", n + " bytes"));
        }
    }

    private void checkWarc(ZipFile zip, String path, Set<String> payloads, Set<String> warcFiles) throws IOException {
        ZipEntry e = zip.getEntry(path);
        if (path.endsWith(".gz")) {
            // jwarc does not check gzip CRCs; a changed byte in a record's header must still be found
            try (InputStream gz = new GZIPInputStream(zip.getInputStream(e), 1 << 16)) {
                gz.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ex) {
                problems.add(new Problem(
                        path, "gzip data is damaged: " + ex.getMessage(), "valid gzip members", "a broken member"));
            }
        }
        try (InputStream in = zip.getInputStream(e)) {
            warcFiles.add(sha256(zip, e));
            for (WarcIndex.Entry r : WarcIndex.read(in, e.getSize())) {
                records++;
                String where = path + " record at offset " + r.offset();
                if (!r.declaredBlock().isEmpty() && !r.declaredBlock().equals(r.block())) {
                    problems.add(new Problem(
                            where, "WARC-Block-Digest does not match the block", r.declaredBlock(), r.block()));
                }
                if (r.declaredPayload().startsWith("sha256:")
                        && !r.payload().isEmpty()
                        && !r.declaredPayload().equals("sha256:" + r.payload())) {
                    problems.add(new Problem(
                            where,
                            "WARC-Payload-Digest does not match the payload",
                            r.declaredPayload(),
                            "sha256:" + r.payload()));
                }
                if (!r.payload().isEmpty()) {
                    payloads.add(r.payload());
                }
            }
        } catch (IOException | RuntimeException ex) {
            // jwarc reports malformed records as ParsingException (unchecked) or IOException
            problems.add(new Problem(path, "not a readable WARC file: " + ex.getMessage(), "", ""));
        }
    }

    private void checkCustody(ZipFile zip, Set<String> listed, Set<String> payloads, Set<String> warcFiles)
            throws IOException {
        byte[] vkeyBytes = bytes(zip, VKEY);
        byte[] noteBytes = bytes(zip, CHECKPOINT);
        if (vkeyBytes == null || noteBytes == null) {
            problems.add(new Problem(vkeyBytes == null ? VKEY : CHECKPOINT, "missing", "the custody material", "none"));
            return;
        }
        NoteVerifier verifier;
        SignedNote note;
        Checkpoint checkpoint;
        try {
            vkey = new String(vkeyBytes, StandardCharsets.UTF_8).strip();
            verifier = NoteVerifier.parse(vkey);
            note = SignedNote.parse(noteBytes);
            checkpoint = Checkpoint.parse(note.text());
        } catch (InvalidInputException e) {
            problems.add(new Problem(CHECKPOINT, "custody material unreadable: " + e.getMessage(), "", ""));
            return;
        }
        if (!note.verifiedBy(verifier)) {
            problems.add(new Problem(
                    CHECKPOINT,
                    "checkpoint signature does not verify with custody/vkey",
                    "a valid Ed25519 signature by " + verifier.name(),
                    "none"));
        }
        KeyHistory keys = KeyHistory.of(verifier);
        byte[] vkeysBytes = bytes(zip, VKEYS);
        if (vkeysBytes != null) {
            try {
                keys = KeyHistory.parse(new String(vkeysBytes, StandardCharsets.UTF_8));
            } catch (InvalidInputException e) {
                problems.add(new Problem(VKEYS, "verifier key history unreadable: " + e.getMessage(), "", ""));
            }
            if (!keys.current().equals(verifier)) {
                problems.add(new Problem(
                        VKEYS,
                        "last key of the history is not custody/vkey",
                        vkey,
                        keys.current().vkey()));
            }
            keys.checkSignatures(note, checkpoint.size())
                    .ifPresent(p -> problems.add(new Problem(CHECKPOINT, p, "", "")));
        }
        List<KeyHistory.Rotation> rotations = new ArrayList<>();
        Set<String> proved = new HashSet<>();
        Set<String> provedEntries = new HashSet<>();
        for (String path : listed) {
            if (!path.startsWith("custody/receipts/") || !path.endsWith(".tlog-proof")) {
                continue;
            }
            receipts++;
            String stem = path.substring("custody/receipts/".length(), path.length() - ".tlog-proof".length());
            String item = stem.contains(".") ? stem.substring(0, stem.indexOf('.')) : stem;
            byte[] text = bytes(zip, path);
            if (text == null) {
                continue; // already named as missing
            }
            TlogProof proof;
            try {
                proof = TlogProof.parse(new String(text, StandardCharsets.UTF_8));
            } catch (InvalidInputException e) {
                problems.add(new Problem(path, "receipt unreadable: " + e.getMessage(), "", ""));
                continue;
            }
            String entryPath = "custody/entries/" + Long.toUnsignedString(proof.index()) + ".json";
            byte[] entry = bytes(zip, entryPath);
            if (entry == null) {
                problems.add(new Problem(entryPath, "entry proved by " + path + " is missing", "a file", "none"));
                continue;
            }
            if (!proof.checkpoint().verifiedBy(verifier)) {
                problems.add(new Problem(
                        path, "receipt's checkpoint signature does not verify with custody/vkey", "valid", "invalid"));
                continue;
            }
            if (!proof.verifies(entry, verifier)) {
                problems.add(new Problem(
                        path,
                        "inclusion proof of " + entryPath + " does not reach the checkpoint root",
                        "root " + java.util.Base64.getEncoder().encodeToString(checkpoint.root()),
                        "leaf hash " + HexFormat.of().formatHex(MerkleTree.leafHash(entry))));
                continue;
            }
            if (stem.startsWith(ROTATION_RECEIPT)) {
                checkRotation(path, entryPath, entry, proof.index(), rotations);
                provedEntries.add(entryPath);
                continue;
            }
            checkEntry(entryPath, entry, item, payloads, warcFiles);
            proved.add(item);
            provedEntries.add(entryPath);
        }
        for (String path : listed) {
            if (path.startsWith("custody/entries/") && !provedEntries.contains(path)) {
                problems.add(new Problem(path, "no receipt proves this entry", "a receipt with its index", "none"));
            }
        }
        rotations.sort(java.util.Comparator.comparingLong(KeyHistory.Rotation::index));
        keyHistory = keys.keys().stream().map(KeyHistory.Key::line).toList();
        for (String p : keys.checkChain(rotations)) {
            problems.add(new Problem(VKEYS, p, "", ""));
        }
        stamps = PackageTimestamps.check(listed, name -> bytes(zip, name), keys, checkpoint, problems);
        byte[] pages = bytes(zip, "pages/pages.jsonl");
        if (pages != null) {
            String[] lines = new String(pages, StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                JsonNode page = json("pages/pages.jsonl", lines[i].getBytes(StandardCharsets.UTF_8));
                String id = page == null ? "" : page.path("id").asText();
                if (!id.isEmpty() && !proved.contains(id)) {
                    problems.add(new Problem(
                            "custody/receipts/" + id + ".tlog-proof",
                            "page " + id + " has no valid receipt",
                            "a receipt proving its entry",
                            "none"));
                }
            }
        }
    }

    /** A receipt-proved key rotation entry: well-formed, of kind KEY_ROTATION, at the receipt's index. */
    private void checkRotation(
            String receipt, String entryPath, byte[] bytes, long index, List<KeyHistory.Rotation> rotations) {
        String stem = receipt.substring(
                "custody/receipts/".length() + ROTATION_RECEIPT.length(), receipt.length() - ".tlog-proof".length());
        if (!stem.equals(Long.toUnsignedString(index))) {
            problems.add(new Problem(receipt, "receipt name", ROTATION_RECEIPT + index + ".tlog-proof", stem));
            return;
        }
        LedgerEntry entry;
        try {
            entry = LedgerEntry.decode(bytes);
        } catch (InvalidInputException e) {
            problems.add(new Problem(entryPath, "not a valid ledger entry: " + e.getMessage(), "", ""));
            return;
        }
        if (entry.kind() != EntryKind.KEY_ROTATION) {
            problems.add(new Problem(
                    entryPath,
                    "entry kind",
                    EntryKind.KEY_ROTATION.name(),
                    entry.kind().name()));
            return;
        }
        rotations.add(KeyHistory.Rotation.of(index, entry));
    }

    private void checkEntry(String path, byte[] bytes, String item, Set<String> payloads, Set<String> warcFiles) {
        LedgerEntry entry;
        try {
            entry = LedgerEntry.decode(bytes);
        } catch (InvalidInputException e) {
            problems.add(new Problem(path, "not a valid ledger entry: " + e.getMessage(), "", ""));
            return;
        }
        if (!entry.item().equals(item)) {
            problems.add(new Problem(path, "entry is about another item than its receipt", item, entry.item()));
        }
        for (PayloadDigest d : entry.digests()) {
            if (!KNOWN_ROLES.contains(d.role())) {
                continue; // a role this version does not package (derived files); nothing to compare
            }
            boolean packaged = payloads.contains(d.sha256()) || warcFiles.contains(d.sha256());
            if (!packaged) {
                problems.add(new Problem(
                        path,
                        "the " + d.role() + " this entry vouches for is not in the package's WARCs",
                        "sha256:" + d.sha256(),
                        "no packaged WARC file or record payload with that digest"));
            }
        }
    }

    private static String sha256(ZipFile zip, ZipEntry e) throws IOException {
        MessageDigest md = Digests.sha256();
        try (InputStream in = zip.getInputStream(e)) {
            byte[] buf = new byte[1 << 16];
            int k;
            while ((k = in.read(buf)) > 0) {
                md.update(buf, 0, k);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private JsonNode json(String path, byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            problems.add(new Problem(path, "not valid JSON: " + e.getMessage(), "", ""));
            return null;
        }
    }

    /** The bytes of a small member (JSON, receipt, key), or null when absent. */
    private static byte[] bytes(ZipFile zip, String name) {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            return null;
        }
        if (e.getSize() > 64L << 20) {
            throw new InvalidInputException(name + " in the package is " + e.getSize()
                    + " bytes, more than the 64 MiB a metadata file may have");
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(name + ": could not read from the package", ex);
        }
    }

    private int report() throws IOException {
        boolean ok = problems.isEmpty();
        String summary = "checked " + resources + " files, " + records + " WARC records, " + receipts + " receipts: "
                + (ok ? "all hold" : problems.size() + " problems")
                + (stamps.isEmpty() ? "" : "; " + stamps.size() + " RFC 3161 time-stamps valid");
        if (data.json) {
            ObjectNode out = JSON.createObjectNode();
            out.put("ok", ok);
            out.put("package", file.toString());
            out.put("files", resources);
            out.put("records", records);
            out.put("receipts", receipts);
            out.put("vkey", vkey);
            var history = out.putArray("keys");
            keyHistory.forEach(history::add);
            var ts = out.putArray("timestamps");
            for (PackageTimestamps.Verified v : stamps) {
                ObjectNode o = ts.addObject();
                o.put("size", v.size());
                o.put("genTime", v.genTime().toString());
                o.put("tsa", v.tsa());
                o.put("serial", v.serial());
            }
            var list = out.putArray("problems");
            for (Problem p : problems) {
                ObjectNode o = list.addObject();
                o.put("file", p.file());
                o.put("problem", p.what());
                o.put("expected", p.expected());
                o.put("found", p.found());
            }
            out.put("summary", summary);
            System.out.println(JSON.writeValueAsString(out));
        } else {
            problems.forEach(p -> System.out.println(p.line()));
            if (stamps.isEmpty()) {
                System.out.println("no RFC 3161 time-stamps in the package (the archive had no TSA configured,"
                        + " or none had stamped these entries yet)");
            }
            for (PackageTimestamps.Verified v : stamps) {
                System.out.println("time-stamp: the checkpoint of " + v.size() + " entries existed by " + v.genTime()
                        + " (RFC 3161, "
                        + v.tsa() + ", serial " + v.serial() + ")");
            }
            if (!vkey.isEmpty()) {
                System.out.println("signed by " + vkey + " (compare with the archive's published verifier key)");
            }
            if (keyHistory.size() > 1) {
                System.out.println("key history (custody/vkeys, tree size each key signs from), rotations checked:");
                keyHistory.forEach(line -> System.out.println("  " + line));
            }
            System.out.println(summary);
        }
        return ok ? 0 : 6;
    }
}
