package org.daleel.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.item.ItemIds;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.SignedNote;
import org.daleel.web.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code daleel ledger ...}: read the custody ledger (checkpoint, verifier key, entries, receipts,
 * consistency proofs). Read-only: works while {@code daleel serve} or another writer runs.
 */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = {
            "Read the custody ledger: checkpoint, verifier key, entries, receipts, proofs.",
            "The ledger is an append-only Merkle log (RFC 9162) of every capture and import, with Ed25519-signed"
                    + " checkpoints in the C2SP formats (signed-note, tlog-checkpoint, tlog-tiles, tlog-proof), checkable"
                    + " offline by tools nobody here wrote. Read-only: works while 'daleel serve' runs."
        },
        subcommands = {
            LedgerCommand.CheckpointCommand.class,
            LedgerCommand.VkeyCommand.class,
            LedgerCommand.EntryCommand.class,
            LedgerCommand.ProveCommand.class,
            LedgerCommand.ConsistencyCommand.class
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

    /** {@code daleel ledger vkey}. */
    @Command(
            name = "vkey",
            mixinStandardHelpOptions = true,
            description = "Print the verifier key (C2SP vkey: name+keyid+base64(0x01||Ed25519 key)).")
    static final class VkeyCommand implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            try (LedgerCustodyLog log = Wiring.openLedgerReader(data.dataDir())) {
                if (data.json) {
                    var json = Json.object();
                    json.put("vkey", log.verifierKey());
                    System.out.println(Json.write(json));
                } else {
                    writeRaw((log.verifierKey() + "\n").getBytes(StandardCharsets.UTF_8));
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
}
