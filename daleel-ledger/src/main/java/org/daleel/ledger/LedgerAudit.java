package org.daleel.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.daleel.core.InvalidInputException;
import org.daleel.ledger.merkle.MerkleTree;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;

/**
 * Full check of a ledger directory from disk: the checkpoint's signature, every entry against the
 * level-0 hash tiles, every higher tile against hashes recomputed from the entries, and the root
 * against the checkpoint. Memory: one hash per full tile plus one tile at a time.
 */
final class LedgerAudit {
    private final LedgerFiles files;
    private final NoteVerifier verifier;

    LedgerAudit(LedgerFiles files, NoteVerifier verifier) {
        this.files = files;
        this.verifier = verifier;
    }

    /** Thrown internally to stop at the first problem. */
    private static final class Found extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient LedgerVerification result;

        Found(LedgerVerification result) {
            super(result.message(), null, false, false);
            this.result = result;
        }
    }

    LedgerVerification run() throws IOException {
        try {
            Checkpoint c = checkpoint();
            long size = c.size();
            List<List<byte[]>> edge = new ArrayList<>();
            List<byte[]> lastBundle = new ArrayList<>();
            List<byte[]> upper = entries(size, edge, lastBundle);
            for (int level = 1; TreeEdge.shr(size, 8 * level) != 0; level++) {
                upper = hashTiles(size, level, upper, edge);
            }
            byte[] root = new TreeEdge(size, edge, lastBundle).root();
            if (!MessageDigest.isEqual(root, c.root())) {
                return new LedgerVerification.Damaged("the root recomputed from the " + size + " entries (" + b64(root)
                        + ") does not match the signed checkpoint (" + b64(c.root())
                        + "): entries and hash tiles were rewritten together");
            }
            return new LedgerVerification.Intact(size, b64(root));
        } catch (Found f) {
            return f.result;
        }
    }

    private Checkpoint checkpoint() throws IOException, Found {
        byte[] raw;
        try {
            raw = Files.readAllBytes(files.checkpoint());
        } catch (NoSuchFileException e) {
            throw damaged("checkpoint file " + files.checkpoint() + " is missing");
        }
        try {
            SignedNote note = SignedNote.parse(raw);
            if (!note.verifiedBy(verifier)) {
                throw damaged("checkpoint " + files.checkpoint() + " has no valid signature by " + verifier.vkey());
            }
            Checkpoint c = Checkpoint.parse(note.text());
            if (!c.origin().equals(verifier.name())) {
                throw damaged("checkpoint origin " + c.origin() + " is not the log's name " + verifier.name());
            }
            return c;
        } catch (InvalidInputException e) {
            throw damaged("checkpoint " + files.checkpoint() + " is malformed: " + e.getMessage());
        }
    }

    /** Checks every entry against its level-0 hash; returns the recomputed roots of full level-0 tiles. */
    private List<byte[]> entries(long size, List<List<byte[]>> edge, List<byte[]> lastBundle)
            throws IOException, Found {
        List<byte[]> fullRoots = new ArrayList<>();
        long full = TreeEdge.fullTiles(size, 0);
        int partial = TreeEdge.width(size, 0);
        for (long b = 0; b < full + (partial > 0 ? 1 : 0); b++) {
            int width = b < full ? TilePath.FULL : partial;
            long first = b * TilePath.FULL;
            TilePath bundlePath = TilePath.entries(b, width);
            byte[] bundle = files.read(bundlePath)
                    .orElseThrow(() -> new Found(new LedgerVerification.DamagedEntry(
                            first, "entry bundle " + bundlePath.path() + " is missing")));
            List<byte[]> entries = splitBundle(bundle, first, width, bundlePath);
            List<byte[]> stored = storedHashes(TilePath.hashes(0, b, width));
            List<byte[]> leaves = new ArrayList<>(width);
            for (int k = 0; k < width; k++) {
                byte[] leaf = MerkleTree.leafHash(entries.get(k));
                if (!MessageDigest.isEqual(leaf, stored.get(k))) {
                    throw new Found(new LedgerVerification.DamagedEntry(
                            first + k,
                            "its bytes in " + bundlePath.path() + " hash to " + hex(leaf) + " but "
                                    + TilePath.hashes(0, b, width).path() + " records " + hex(stored.get(k))));
                }
                leaves.add(leaf);
            }
            if (width == TilePath.FULL) {
                fullRoots.add(TreeEdge.perfectRoot(leaves, 0, TilePath.FULL));
            } else {
                edge.add(leaves);
                lastBundle.addAll(entries);
            }
        }
        if (partial == 0 && size > 0) {
            edge.add(List.of());
        }
        return fullRoots;
    }

    /** Checks the tiles of {@code level} against {@code below} (recomputed); returns the next level's roots. */
    private List<byte[]> hashTiles(long size, int level, List<byte[]> below, List<List<byte[]>> edge)
            throws IOException, Found {
        List<byte[]> fullRoots = new ArrayList<>();
        long full = TreeEdge.fullTiles(size, level);
        int partial = TreeEdge.width(size, level);
        for (long t = 0; t < full + (partial > 0 ? 1 : 0); t++) {
            int width = t < full ? TilePath.FULL : partial;
            TilePath path = TilePath.hashes(level, t, width);
            List<byte[]> stored = storedHashes(path);
            List<byte[]> expected = below.subList((int) (t * TilePath.FULL), (int) (t * TilePath.FULL) + width);
            for (int k = 0; k < width; k++) {
                if (!MessageDigest.isEqual(stored.get(k), expected.get(k))) {
                    long span = 1L << (8 * level);
                    long firstEntry = (t * TilePath.FULL + k) * span;
                    throw damaged(
                            "hash " + k + " of " + path.path() + " does not match the hash recomputed from entries "
                                    + firstEntry + " to " + (firstEntry + span - 1)
                                    + " (a hash tile was changed, or entries and level-0 tiles together)");
                }
            }
            if (width == TilePath.FULL) {
                fullRoots.add(TreeEdge.perfectRoot(expected, 0, TilePath.FULL));
            } else {
                edge.add(List.copyOf(expected));
            }
        }
        if (partial == 0) {
            edge.add(List.of());
        }
        return fullRoots;
    }

    private List<byte[]> storedHashes(TilePath path) throws IOException, Found {
        Optional<byte[]> tile = files.read(path);
        if (tile.isEmpty()) {
            throw damaged("hash tile " + path.path() + " is missing");
        }
        if (tile.get().length != path.width() * MerkleTree.HASH_SIZE) {
            throw damaged("hash tile " + path.path() + " has " + tile.get().length + " bytes, expected "
                    + path.width() * MerkleTree.HASH_SIZE);
        }
        return TreeEdge.splitHashes(tile.get());
    }

    private static List<byte[]> splitBundle(byte[] bundle, long first, int width, TilePath path) throws Found {
        List<byte[]> out = new ArrayList<>(width);
        int pos = 0;
        while (pos < bundle.length) {
            int len = pos + 2 <= bundle.length ? ((bundle[pos] & 0xff) << 8) | (bundle[pos + 1] & 0xff) : -1;
            if (len < 0 || pos + 2 + len > bundle.length) {
                throw new Found(new LedgerVerification.DamagedEntry(
                        first + out.size(),
                        "its length prefix in " + path.path() + " runs past the end of the bundle"));
            }
            out.add(java.util.Arrays.copyOfRange(bundle, pos + 2, pos + 2 + len));
            pos += 2 + len;
        }
        if (out.size() != width) {
            throw new Found(new LedgerVerification.DamagedEntry(
                    first + Math.min(out.size(), width),
                    path.path() + " holds " + out.size() + " entries, expected " + width));
        }
        return out;
    }

    private static Found damaged(String reason) {
        return new Found(new LedgerVerification.Damaged(reason));
    }

    private static String hex(byte[] h) {
        return HexFormat.of().formatHex(h);
    }

    private static String b64(byte[] h) {
        return Base64.getEncoder().encodeToString(h);
    }
}
