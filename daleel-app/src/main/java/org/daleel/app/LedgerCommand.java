package org.daleel.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.daleel.archive.Setting;
import org.daleel.archive.Settings;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.custody.CheckpointStamp;
import org.daleel.item.ItemIds;
import org.daleel.ledger.KeyHistory;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.ledger.TimestampAudit;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.SignedNote;
import org.daleel.ledger.tsa.CheckpointStamper;
import org.daleel.ledger.tsa.StampingStatus;
import org.daleel.ledger.tsa.TimestampClient;
import org.daleel.ledger.tsa.TimestampStore;
import org.daleel.ledger.tsa.TsaConfig;
import org.daleel.web.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code daleel ledger ...}: read the custody ledger (checkpoint, verifier key, entries, receipts,
 * consistency proofs, RFC 3161 time-stamps) and time-stamp its latest checkpoint. Works while
 * {@code daleel serve} or another writer runs: the ledger is opened read-only.
 */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = {
            "Read the custody ledger: checkpoint, verifier key, entries, receipts, proofs, RFC 3161 time-stamps.",
            "The ledger is an append-only Merkle log (RFC 9162) of every capture and import, with Ed25519-signed"
                    + " checkpoints in the C2SP formats (signed-note, tlog-checkpoint, tlog-tiles, tlog-proof), checkable"
                    + " offline by tools nobody here wrote. Works while 'daleel serve' runs; only 'timestamp' writes"
                    + " (a token into DATA/ledger/timestamps/) and 'rotate-key' (a new signing key)."
        },
        subcommands = {
            LedgerCommand.CheckpointCommand.class,
            LedgerCommand.VkeyCommand.class,
            LedgerCommand.EntryCommand.class,
            LedgerCommand.ProveCommand.class,
            LedgerCommand.ConsistencyCommand.class,
            LedgerCommand.TimestampCommand.class,
            LedgerCommand.TimestampsCommand.class,
            LedgerCommand.RotateKeyCommand.class
        })
final class LedgerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static void writeRaw(byte[] bytes) {
        System.out.write(bytes, 0, bytes.length);
        System.out.flush();
    }

    /** {@code daleel ledger checkpoint}. */
    @Command(
            name = "checkpoint",
            mixinStandardHelpOptions = true,
            description = "Print the latest signed checkpoint (C2SP signed note), byte for byte as served.")
    static final class CheckpointCommand implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            try (LedgerCustodyLog log = Wiring.openLedgerReader(data.dataDir())) {
                String note = log.checkpoint();
                if (data.json) {
                    Checkpoint c = Checkpoint.parse(SignedNote.parse(note).text());
                    var json = Json.object();
                    json.put("origin", c.origin());
                    json.put("size", c.size());
                    json.put("root", Base64.getEncoder().encodeToString(c.root()));
                    json.put("note", note);
                    System.out.println(Json.write(json));
                } else {
                    writeRaw(note.getBytes(StandardCharsets.UTF_8));
                }
            }
            return 0;
        }
    }

    /** {@code daleel ledger vkey [--all]}. */
    @Command(
            name = "vkey",
            mixinStandardHelpOptions = true,
            description = {
                "Print the verifier key (C2SP vkey: name+keyid+base64(0x01||Ed25519 key)).",
                "With --all, the history of verifier keys after key rotations, oldest first, one"
                        + " '<from size> <vkey>' line each: the key signs checkpoints from that tree size on."
            })
    static final class VkeyCommand implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @CommandLine.Option(names = "--all", description = "Print every verifier key with the tree size it signs from.")
        boolean all;

        @Override
        public Integer call() {
            try (LedgerCustodyLog log = Wiring.openLedgerReader(data.dataDir())) {
                KeyHistory history = log.ledger().keyHistory();
                if (data.json) {
                    var json = Json.object();
                    json.put("vkey", log.verifierKey());
                    if (all) {
                        var keys = json.putArray("keys");
                        for (KeyHistory.Key k : history.keys()) {
                            keys.addObject()
                                    .put("from", k.from())
                                    .put("vkey", k.verifier().vkey());
                        }
                    }
                    System.out.println(Json.write(json));
                } else if (all) {
                    writeRaw(history.format().getBytes(StandardCharsets.UTF_8));
                } else {
                    writeRaw((log.verifierKey() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return 0;
        }
    }

    /** {@code daleel ledger rotate-key [--reason TEXT]}. */
    @Command(
            name = "rotate-key",
            mixinStandardHelpOptions = true,
            description = {
                "Replace the ledger's Ed25519 signing key with a new one and record it in the ledger.",
                "Appends a KEY_ROTATION entry with the old and the new verifier key, operator, time, tool version and"
                        + " reason; the checkpoint covering it is signed by both keys, later checkpoints by the new one."
                        + " The new key is stored owner-only in DATA/ledger/log.key; 'daleel ledger vkey --all' lists"
                        + " every key with the tree size it signs from. Earlier receipts and time-stamps keep verifying"
                        + " with the key of their time. Stop 'daleel serve' first: it signs with the key it opened."
            })
    static final class RotateKeyCommand implements Callable<Integer> {
        static final int MAX_REASON = 1000;

        @Mixin
        DataOptions data;

        @CommandLine.Option(
                names = "--reason",
                paramLabel = "TEXT",
                description = "Why the key is rotated (recorded in the entry), at most " + MAX_REASON + " characters.")
        String reason = "";

        @Override
        public Integer call() throws IOException {
            String why = java.text.Normalizer.normalize(reason.strip(), java.text.Normalizer.Form.NFC);
            if (why.length() > MAX_REASON) {
                throw new InvalidInputException(
                        "--reason: " + why.length() + " characters; at most " + MAX_REASON + " are allowed");
            }
            String user = System.getProperty("user.name", "");
            String actor = "cli:" + (user.isBlank() ? "unknown" : user);
            try (Wiring.LedgerSession session = Wiring.forLedgerWriting(data.dataDir(), System.err)) {
                LedgerCustodyLog log = session.log();
                String oldKey = log.verifierKey();
                long index = log.rotateKey(
                        actor, java.time.Instant.now(), "daleel/" + org.daleel.core.Version.current(), why);
                String newKey = log.verifierKey();
                if (data.json) {
                    var json = Json.object();
                    json.put("index", index);
                    json.put("size", index + 1);
                    json.put("oldKey", oldKey);
                    json.put("newKey", newKey);
                    json.put("checkpoint", log.checkpoint());
                    System.out.println(Json.write(json));
                } else {
                    System.out.println("rotated the ledger key at entry " + index + "; checkpoint " + (index + 1)
                            + " is signed by both keys, later ones by the new key only");
                    System.out.println("old key " + oldKey);
                    System.out.println("new key " + newKey);
                }
            }
            return 0;
        }
    }

    /** {@code daleel ledger entry N}. */
    @Command(
            name = "entry",
            mixinStandardHelpOptions = true,
            description = {
                "Write the raw bytes of entry N: exactly the bytes that were leaf-hashed.",
                "Entries are canonical JSON (RFC 8785) without a final newline; see daleel-ledger/FORMAT.md."
            })
    static final class EntryCommand implements Callable<Integer> {
        @Parameters(paramLabel = "N", description = "Entry index, from 0.")
        long index;

        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            try (LedgerCustodyLog log = Wiring.openLedgerReader(data.dataDir())) {
                writeRaw(log.entry(index));
            }
            return 0;
        }
    }

    /** {@code daleel ledger prove ID}. */
    @Command(
            name = "prove",
            mixinStandardHelpOptions = true,
            description = {
                "Print an offline receipt (c2sp.org/tlog-proof@v1) for an item or entry.",
                "For an item id the receipt proves its first entry (the capture or import); for a number, that entry."
                        + " It holds the index, the RFC 9162 inclusion proof and the signed checkpoint."
            })
    static final class ProveCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "Item id, or entry index.")
        String id;

        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            String key = id.trim();
            try (LedgerCustodyLog log = Wiring.openLedgerReader(data.dataDir())) {
                List<Long> indices;
                if (key.matches("[0-9]{1,18}")) {
                    indices = List.of(Long.parseLong(key));
                } else if (ItemIds.isId(key)) {
                    indices = log.indices(key);
                    if (indices.isEmpty()) {
                        throw new NotFoundException("item " + key + " has no entry in the custody ledger "
                                + data.dataDir().ledger());
                    }
                } else {
                    throw new InvalidInputException(
                            "'" + key + "' is neither an item id (26-character ULID) nor an entry index");
                }
                String receipt = log.receipt(indices.get(0));
                if (data.json) {
                    var json = Json.object();
                    if (ItemIds.isId(key)) {
                        json.put("item", key);
                    }
                    json.put("index", indices.get(0));
                    var all = json.putArray("indices");
                    indices.forEach(all::add);
                    json.put("receipt", receipt);
                    System.out.println(Json.write(json));
                } else {
                    writeRaw(receipt.getBytes(StandardCharsets.UTF_8));
                }
            }
            return 0;
        }
    }

    /** {@code daleel ledger consistency OLD NEW}. */
    @Command(
            name = "consistency",
            mixinStandardHelpOptions = true,
            description = "Print the RFC 9162 consistency proof from size OLD to NEW, one hash a line.")
    static final class ConsistencyCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OLD", description = "Older tree size, at least 1.")
        long oldSize;

        @Parameters(index = "1", paramLabel = "NEW", description = "Newer tree size, at most the checkpoint's.")
        long newSize;

        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            try (LedgerCustodyLog log = Wiring.openLedgerReader(data.dataDir())) {
                List<byte[]> proof = log.consistencyProof(oldSize, newSize);
                if (data.json) {
                    var json = Json.object();
                    json.put("old", oldSize);
                    json.put("new", newSize);
                    json.put(
                            "root",
                            Base64.getEncoder().encodeToString(log.ledger().rootHash(newSize)));
                    var hashes = json.putArray("proof");
                    proof.forEach(h -> hashes.add(Base64.getEncoder().encodeToString(h)));
                    System.out.println(Json.write(json));
                } else {
                    StringBuilder sb = new StringBuilder();
                    proof.forEach(h ->
                            sb.append(Base64.getEncoder().encodeToString(h)).append('\n'));
                    writeRaw(sb.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            return 0;
        }
    }

    /** {@code daleel ledger timestamp}. */
    @Command(
            name = "timestamp",
            mixinStandardHelpOptions = true,
            description = {
                "Time-stamp the latest checkpoint now with the configured RFC 3161 TSA and print the result.",
                "A checkpoint that already has a token keeps it (the earlier genTime is the stronger evidence).",
                "The TSA is 'ledger.tsa.url' (daleel config set ledger.tsa.url URL); only the SHA-256 of the"
                        + " checkpoint note is sent. The token, the note it stamps, the TSA chain and the validation"
                        + " at stamping are kept in DATA/ledger/timestamps/. Writers also stamp in the background."
            })
    static final class TimestampCommand implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            Settings settings = Settings.load(data.dataDir());
            TsaConfig tsa = Timestamping.config(settings)
                    .orElseThrow(() -> new InvalidInputException("no time-stamp authority configured: set one with"
                            + " 'daleel config set ledger.tsa.url URL' (e.g. https://freetsa.org/tsr)"));
            try (LedgerCustodyLog log = Wiring.openLedgerReader(data.dataDir())) {
                long size = log.size();
                if (size == 0) {
                    throw new InvalidInputException(
                            "the custody ledger is empty: there is no checkpoint to time-stamp");
                }
                TimestampStore store = log.timestampStore();
                // An existing token is kept: an earlier genTime is the stronger evidence, and a token
                // that no longer verifies must stay for 'daleel verify' to name.
                boolean already = java.nio.file.Files.exists(store.tokenFile(size));
                if (!already) {
                    var options = new CheckpointStamper.Options(0, java.time.Duration.ZERO, tsa.timeout());
                    try (CheckpointStamper stamper =
                            new CheckpointStamper(new TimestampClient(tsa), store, options, w -> {})) {
                        stamper.stampNow(size, log.checkpoint().getBytes(StandardCharsets.UTF_8));
                    }
                }
                CheckpointStamp checked =
                        new TimestampAudit(log.ledger(), store, Timestamping.verifier(settings)).check(size);
                if (data.json) {
                    System.out.println(Json.write(stampJson(checked)));
                } else {
                    System.out.println(
                            "checkpoint " + size + (already ? " was already" : "") + " time-stamped: genTime "
                                    + checked.genTime() + " by "
                                    + checked.tsa() + " (serial " + checked.serial() + "), " + checked.status());
                    System.out.println("token " + store.tokenFile(size) + ", checkpoint note " + store.noteFile(size));
                }
                return checked.ok() ? 0 : 6;
            }
        }
    }

    /** {@code daleel ledger timestamps}. */
    @Command(
            name = "timestamps",
            mixinStandardHelpOptions = true,
            description = {
                "List the RFC 3161 time-stamps of checkpoints, each checked now: tree size, genTime, TSA, serial,"
                        + " status.",
                "Each token is checked offline at its genTime with the TSA chain stored beside it (and the CAs of"
                        + " 'ledger.tsa.ca-file' when set), against the exact checkpoint note it stamps, and that"
                        + " checkpoint against the log. Also prints the outcome of the latest attempt to stamp."
            })
    static final class TimestampsCommand implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            Settings settings = Settings.load(data.dataDir());
            try (LedgerCustodyLog log = Wiring.openLedgerReader(data.dataDir())) {
                TimestampStore store = log.timestampStore();
                List<CheckpointStamp> stamps =
                        new TimestampAudit(log.ledger(), store, Timestamping.verifier(settings)).run();
                Optional<StampingStatus> status = store.status();
                String tsa = settings.get(Setting.LEDGER_TSA_URL);
                if (data.json) {
                    var json = Json.object();
                    json.put("tsa", tsa);
                    json.put("lastAttempt", status.map(StampingStatus::line).orElse(""));
                    json.put("lastAttemptOk", status.map(StampingStatus::ok).orElse(true));
                    var list = json.putArray("timestamps");
                    stamps.forEach(st -> list.add(stampJson(st)));
                    System.out.println(Json.write(json));
                } else {
                    System.out.println(
                            tsa.isEmpty() ? "no TSA configured (daleel config set ledger.tsa.url URL)" : "TSA " + tsa);
                    status.ifPresent(st -> System.out.println(st.line()));
                    if (stamps.isEmpty()) {
                        System.out.println("no time-stamps stored");
                    }
                    for (CheckpointStamp st : stamps) {
                        System.out.println("size " + st.treeSize() + "  genTime " + st.genTime() + "  TSA " + st.tsa()
                                + "  serial " + st.serial() + "  " + st.status());
                    }
                }
                return stamps.stream().allMatch(CheckpointStamp::ok) ? 0 : 6;
            }
        }
    }

    static ObjectNode stampJson(CheckpointStamp st) {
        ObjectNode o = Json.object();
        o.put("size", st.treeSize());
        o.put("genTime", st.genTime().toString());
        o.put("tsa", st.tsa());
        o.put("serial", st.serial());
        o.put("status", st.ok() ? "valid" : "invalid");
        o.put("file", st.file());
        var problems = o.putArray("problems");
        st.problems().forEach(problems::add);
        return o;
    }
}
