package org.daleel.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.daleel.core.ConflictException;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;
import org.daleel.ledger.merkle.MerkleTree;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.NoteSigner;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;

/**
 * Opening a ledger directory: its key (created on first use) and the state its checkpoint vouches
 * for. The checkpoint is the anchor: its signature is checked, the partial tiles it needs must hash
 * to its root, and tile files it does not cover (the torn tail of a batch that crashed before its
 * checkpoint) are removed.
 */
final class LedgerRecovery {
    static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");

    private LedgerRecovery() {}

    static NoteSigner loadOrCreateKey(LedgerFiles files, String origin, boolean create) throws IOException {
        if (Files.isRegularFile(files.key())) {
            NoteSigner signer;
            try {
                signer = NoteSigner.parse(Files.readString(files.key(), StandardCharsets.UTF_8));
            } catch (InvalidInputException e) {
                throw new IntegrityException(
                        "ledger key " + files.key() + " is not a signer key: " + e.getMessage(), e);
            }
            if (create && !signer.name().equals(origin)) {
                throw new ConflictException(
                        "ledger " + files.dir() + " belongs to origin " + signer.name() + ", not " + origin);
            }
            byte[] vkey = (signer.verifier().vkey() + "\n").getBytes(StandardCharsets.UTF_8);
            if (!Files.isRegularFile(files.vkey())
                    || !java.util.Arrays.equals(Files.readAllBytes(files.vkey()), vkey)) {
                // log.vkey is derived from log.key; a crash during creation may have left it out.
                LedgerFiles.writeAtomically(files.vkey(), vkey, PUBLIC_READ);
            }
            return signer;
        }
        if (Files.exists(files.checkpoint()) || hasTiles(files)) {
            throw new IntegrityException("ledger " + files.dir() + " has a checkpoint or tiles but no key "
                    + files.key() + "; refusing to start a new log over an existing one");
        }
        NoteSigner signer = newKey(origin);
        LedgerFiles.writeAtomically(
                files.key(), (signer.skey() + "\n").getBytes(StandardCharsets.UTF_8), LedgerFiles.OWNER_ONLY);
        LedgerFiles.writeAtomically(
                files.vkey(), (signer.verifier().vkey() + "\n").getBytes(StandardCharsets.UTF_8), PUBLIC_READ);
        LedgerFiles.writeAtomically(
                files.vkeys(), KeyHistory.of(signer.verifier()).format().getBytes(StandardCharsets.UTF_8), PUBLIC_READ);
        return signer;
    }

    /**
     * The key history in {@code vkeys}; a ledger created before key rotation existed has no such
     * file and signs with {@code current} from size 0.
     *
     * @throws InvalidInputException when the file is malformed
     */
    static KeyHistory loadHistory(LedgerFiles files, NoteVerifier current) throws IOException {
        try {
            return KeyHistory.parse(Files.readString(files.vkeys(), StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            return KeyHistory.of(current);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("not UTF-8 text", e);
        }
    }

    /**
     * Finishes or undoes a key rotation a crash interrupted: when {@code log.key.next} exists and the
     * checkpoint is signed by both it and {@code signer}, the rotation's entry is committed, so the
     * history, {@code log.vkey} and {@code log.key} are brought up to the new key; otherwise the
     * entry never was, and the next key is deleted.
     *
     * @return the key that signs from now on
     */
    static NoteSigner finishRotation(LedgerFiles files, NoteSigner signer) throws IOException {
        if (!Files.exists(files.nextKey())) {
            return signer;
        }
        NoteSigner next;
        try {
            next = NoteSigner.parse(Files.readString(files.nextKey(), StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            throw new IntegrityException(
                    "ledger key " + files.nextKey() + " is not a signer key: " + e.getMessage(), e);
        }
        if (Files.exists(files.checkpoint())) {
            try {
                SignedNote note = SignedNote.parse(Files.readString(files.checkpoint(), StandardCharsets.UTF_8));
                if (note.verifiedBy(next.verifier()) && note.verifiedBy(signer.verifier())) {
                    completeRotation(
                            files,
                            signer.verifier(),
                            next,
                            Checkpoint.parse(note.text()).size());
                    return next;
                }
            } catch (InvalidInputException e) {
                // a malformed checkpoint is reported by recover(); the rotation did not commit
            }
        }
        Files.delete(files.nextKey());
        LedgerFiles.syncDir(files.dir());
        return signer;
    }

    /**
     * The last steps of a rotation whose co-signed checkpoint of {@code size} is durable: history,
     * then {@code log.vkey}, then the new key moved over {@code log.key}. Idempotent.
     */
    static KeyHistory completeRotation(LedgerFiles files, NoteVerifier old, NoteSigner next, long size)
            throws IOException {
        KeyHistory history;
        try {
            history = loadHistory(files, old);
        } catch (InvalidInputException e) {
            throw new IntegrityException("ledger key history " + files.vkeys() + ": " + e.getMessage(), e);
        }
        if (!history.current().equals(next.verifier())) {
            history = history.rotatedTo(next.verifier(), size);
            LedgerFiles.writeAtomically(files.vkeys(), history.format().getBytes(StandardCharsets.UTF_8), PUBLIC_READ);
        }
        LedgerFiles.writeAtomically(
                files.vkey(), (next.verifier().vkey() + "\n").getBytes(StandardCharsets.UTF_8), PUBLIC_READ);
        Files.move(
                files.nextKey(),
                files.key(),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LedgerFiles.syncDir(files.dir());
        return history;
    }

    /**
     * A new key whose verifier key has no '+' inside its base64 part, so that tools which split a
     * verifier key at its last two '+' (rather than its first two) read it correctly. This costs
     * about one bit of the key space.
     */
    static NoteSigner newKey(String origin) {
        while (true) {
            NoteSigner signer = NoteSigner.generate(origin);
            String vkey = signer.verifier().vkey();
            if (vkey.indexOf('+', origin.length() + 10) < 0) {
                return signer;
            }
        }
    }

    static LedgerState recover(LedgerFiles files, NoteSigner signer) throws IOException {
        Files.deleteIfExists(files.checkpoint().resolveSibling("checkpoint.tmp"));
        if (!Files.exists(files.checkpoint())) {
            if (hasTiles(files)) {
                throw new IntegrityException(
                        "ledger " + files.dir() + ": checkpoint is missing but tiles exist; refusing to re-sign a tree"
                                + " that no checkpoint vouches for");
            }
            // A new ledger, or one whose creation stopped before its first checkpoint.
            writeCheckpoint(
                    files,
                    new Checkpoint(signer.name(), 0, MerkleTree.emptyRoot())
                            .sign(signer)
                            .format());
        }
        String note = Files.readString(files.checkpoint(), StandardCharsets.UTF_8);
        Checkpoint c;
        try {
            c = Checkpoint.open(SignedNote.parse(note), signer.verifier());
        } catch (InvalidInputException e) {
            throw new IntegrityException(
                    "ledger checkpoint " + files.checkpoint() + " is malformed: " + e.getMessage(), e);
        } catch (IntegrityException e) {
            throw new IntegrityException("ledger checkpoint " + files.checkpoint() + ": " + e.getMessage(), e);
        }
        TreeEdge edge = loadEdge(files, c.size());
        byte[] root = edge.root();
        if (!MessageDigest.isEqual(root, c.root())) {
            throw new IntegrityException("ledger " + files.dir() + ": the partial tiles for size " + c.size()
                    + " hash to " + Base64.getEncoder().encodeToString(root) + ", the checkpoint says "
                    + Base64.getEncoder().encodeToString(c.root()));
        }
        files.removeBeyond(c.size());
        return new LedgerState(edge, note, root);
    }

    /** Reads the partial tiles and bundle that a checkpoint of {@code size} needs. */
    static TreeEdge loadEdge(LedgerFiles files, long size) throws IOException {
        List<List<byte[]>> levels = new ArrayList<>();
        for (int level = 0; TreeEdge.shr(size, 8 * level) != 0; level++) {
            int width = TreeEdge.width(size, level);
            if (width == 0) {
                levels.add(List.of());
                continue;
            }
            TilePath p = TilePath.hashes(level, TreeEdge.fullTiles(size, level), width);
            byte[] tile = requireTile(files, p);
            if (tile.length != width * MerkleTree.HASH_SIZE) {
                throw new IntegrityException("ledger tile " + files.file(p) + ": expected "
                        + width * MerkleTree.HASH_SIZE + " bytes, found " + tile.length);
            }
            levels.add(TreeEdge.splitHashes(tile));
        }
        List<byte[]> bundle = List.of();
        int width = TreeEdge.width(size, 0);
        if (width > 0) {
            TilePath p = TilePath.entries(TreeEdge.fullTiles(size, 0), width);
            try {
                bundle = TreeEdge.decodeBundle(requireTile(files, p));
            } catch (IllegalArgumentException e) {
                throw new IntegrityException("ledger bundle " + files.file(p) + ": " + e.getMessage(), e);
            }
            if (bundle.size() != width) {
                throw new IntegrityException(
                        "ledger bundle " + files.file(p) + ": expected " + width + " entries, found " + bundle.size());
            }
            for (int k = 0; k < width; k++) {
                if (!MessageDigest.isEqual(
                        MerkleTree.leafHash(bundle.get(k)), levels.get(0).get(k))) {
                    throw new IntegrityException("ledger entry " + (size - width + k) + " in " + files.file(p)
                            + " does not hash to its leaf hash in "
                            + files.file(TilePath.hashes(0, TreeEdge.fullTiles(size, 0), width)));
                }
            }
        }
        return new TreeEdge(size, levels, bundle);
    }

    static byte[] requireTile(LedgerFiles files, TilePath p) throws IOException {
        return files.read(p).orElseThrow(() -> new IntegrityException("ledger tile " + files.file(p) + " is missing"));
    }

    static boolean hasTiles(LedgerFiles files) throws IOException {
        if (!Files.isDirectory(files.tiles())) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(files.tiles())) {
            return walk.anyMatch(Files::isRegularFile);
        }
    }

    static void writeCheckpoint(LedgerFiles files, String note) throws IOException {
        LedgerFiles.writeAtomically(files.checkpoint(), note.getBytes(StandardCharsets.UTF_8), PUBLIC_READ);
    }
}
