package org.daleel.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;
import org.daleel.custody.CheckpointStamp;
import org.daleel.ledger.merkle.MerkleTree;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.SignedNote;
import org.daleel.ledger.tsa.CheckpointTimestamp;
import org.daleel.ledger.tsa.TimestampStore;
import org.daleel.ledger.tsa.TimestampVerification;
import org.daleel.ledger.tsa.TimestampVerifier;

/**
 * Checks stored RFC 3161 time-stamps against a ledger, offline: for each token, that it is the one
 * its sidecar describes, that its imprint is the SHA-256 of the checkpoint note stored beside it and
 * its signature verifies at genTime with the stored chain ({@link TimestampVerifier}), that the note
 * is a checkpoint of this log signed with its key and of the size the file name says, and that it is
 * consistent with the log as it is now (RFC 9162 s2.1.4 consistency proof to the current checkpoint).
 * Every problem names the file, what was expected and what was found. Thread-safe.
 */
public final class TimestampAudit {
    private final FileLedger ledger;
    private final TimestampStore store;
    private final TimestampVerifier verifier;

    /** An audit of {@code store}'s tokens against {@code ledger}. */
    public TimestampAudit(FileLedger ledger, TimestampStore store, TimestampVerifier verifier) {
        this.ledger = ledger;
        this.store = store;
        this.verifier = verifier;
    }

    /** The store of a ledger directory: {@code <ledger>/timestamps}. */
    public static TimestampStore storeOf(FileLedger ledger) {
        return new TimestampStore(ledger.dir().resolve("timestamps"));
    }

    /**
     * Every stored time-stamp up to the ledger's size, ascending by tree size, each checked. Tokens
     * of checkpoints newer than the ledger as opened (stamped by a writer meanwhile) are left for the
     * next check.
     */
    public List<CheckpointStamp> run() throws IOException {
        List<CheckpointStamp> out = new ArrayList<>();
        for (long size : store.sizes()) {
            if (Long.compareUnsigned(size, ledger.size()) <= 0) {
                out.add(check(size));
            }
        }
        return out;
    }

    /** The time-stamp of the checkpoint at {@code size}, checked. */
    public CheckpointStamp check(long size) throws IOException {
        String file = store.tokenFile(size).toString();
        List<String> problems = new ArrayList<>();
        Optional<CheckpointTimestamp> stamp;
        try {
            stamp = store.read(size);
        } catch (DaleelException e) {
            return new CheckpointStamp(size, Instant.EPOCH, "", "", file, List.of(e.getMessage()));
        }
        if (stamp.isEmpty()) {
            return new CheckpointStamp(size, Instant.EPOCH, "", "", file, List.of("token file is missing"));
        }
        Optional<byte[]> note = store.note(size);
        if (note.isEmpty()) {
            return new CheckpointStamp(
                    size,
                    stamp.get().genTime(),
                    stamp.get().tsaName(),
                    "",
                    file,
                    List.of(store.noteFile(size) + ": expected the checkpoint note the token stamps, found no file"));
        }
        TimestampVerification v = verifier.verify(stamp.get(), note.get());
        problems.addAll(v.problems().stream()
                .map(p -> store.tokenFile(size).getFileName() + ": " + p)
                .toList());
        checkpointProblem(size, note.get()).ifPresent(problems::add);
        return new CheckpointStamp(size, v.genTime(), v.tsaName(), v.serial(), file, problems);
    }

    private Optional<String> checkpointProblem(long size, byte[] noteBytes) throws IOException {
        String where = store.noteFile(size).toString();
        Checkpoint c;
        KeyHistory keys = ledger.keyHistory();
        SignedNote signed;
        try {
            signed = SignedNote.parse(new String(noteBytes, StandardCharsets.UTF_8));
            // the key valid at the stamped size: checkpoints from before a key rotation keep the old key
            c = Checkpoint.open(signed, keys.at(size));
        } catch (InvalidInputException | org.daleel.core.IntegrityException e) {
            return Optional.of(
                    where + ": expected a checkpoint signed by " + ledger.origin() + ", found: " + e.getMessage());
        }
        if (c.size() != size) {
            return Optional.of(
                    where + ": expected a checkpoint of size " + size + " (its file name), found size " + c.size());
        }
        Optional<String> signatures = keys.checkSignatures(signed, size);
        if (signatures.isPresent()) {
            return Optional.of(where + ": " + signatures.get());
        }
        long now = ledger.size();
        if (Long.compareUnsigned(size, now) > 0) {
            return Optional.of(where + ": stamps a tree of " + size + " entries, the log has only " + now);
        }
        byte[] current = ledger.rootHash(now);
        boolean consistent = size == now
                ? MessageDigest.isEqual(c.root(), current)
                : MerkleTree.verifyConsistency(size, now, ledger.consistencyProof(size, now), c.root(), current);
        if (!consistent) {
            return Optional.of(where + ": expected a checkpoint consistent with the log (root at size " + size + " "
                    + Base64.getEncoder().encodeToString(ledger.rootHash(size)) + "), found root "
                    + Base64.getEncoder().encodeToString(c.root()));
        }
        return Optional.empty();
    }
}
