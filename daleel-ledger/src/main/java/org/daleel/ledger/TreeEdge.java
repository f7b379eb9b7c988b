package org.daleel.ledger;

import java.util.ArrayList;
import java.util.List;
import org.daleel.ledger.merkle.MerkleTree;

/**
 * The right edge of a tiled Merkle tree: its size, the hashes of the partial tile at every level and
 * the entries of the partial entry bundle. Every perfect subtree in the binary decomposition of the
 * size lies inside these partial tiles, so the root needs nothing else; older nodes live in full
 * tiles on disk. Immutable: {@link #append} returns a new edge and the tiles to write.
 */
final class TreeEdge {
    private final long size;
    /** {@code levels.get(L)}: the hashes of the partial tile at level L (nodes of height 8L). */
    private final List<List<byte[]>> levels;

    private final List<byte[]> bundle;

    TreeEdge(long size, List<List<byte[]>> levels, List<byte[]> bundle) {
        this.size = size;
        this.levels = levels.stream().map(List::copyOf).toList();
        this.bundle = List.copyOf(bundle);
        if (bundle.size() != width(size, 0)) {
            throw new IllegalArgumentException("partial bundle of " + bundle.size() + " entries for size " + size);
        }
        if (shr(size, 8 * levels.size()) != 0) {
            throw new IllegalArgumentException(
                    "partial tiles up to level " + levels.size() + " cannot describe size " + size);
        }
        for (int l = 0; l < levels.size(); l++) {
            if (levels.get(l).size() != width(size, l)) {
                throw new IllegalArgumentException(
                        "partial tile of " + levels.get(l).size() + " hashes at level " + l + " for size " + size);
            }
        }
    }

    static TreeEdge empty() {
        return new TreeEdge(0, List.of(), List.of());
    }

    /** A tile write: where and what. */
    record TileWrite(TilePath path, byte[] content) {}

    /** The result of an append: the new edge, the tiles to write, the tiles that became full. */
    record Grown(TreeEdge edge, List<TileWrite> writes, List<TilePath> completed) {}

    long size() {
        return size;
    }

    /** The entry at {@code index}, which must be in the partial bundle. */
    byte[] bundleEntry(long index) {
        return bundle.get((int) (index - (size & ~0xffL)));
    }

    /** The partial tile's hashes at {@code level} (empty above the top). */
    List<byte[]> partial(int level) {
        return level < levels.size() ? levels.get(level) : List.of();
    }

    /** The root of the tree; needs only the partial tiles (see the class comment). */
    byte[] root() {
        return MerkleTree.root(size, this::partialNode);
    }

    /**
     * The hash of the perfect subtree at {@code level}, {@code index} when it lies in the partial
     * tile of its tile level; {@link IllegalArgumentException} otherwise.
     */
    byte[] partialNode(int level, long index) {
        int tileLevel = level >>> 3;
        int height = level & 7;
        long first = index << height; // in nodes of height 8 * tileLevel
        long tileStart = fullTiles(size, tileLevel) << 8;
        List<byte[]> partial = partial(tileLevel);
        if (first < tileStart || first - tileStart + (1L << height) > partial.size()) {
            throw new IllegalArgumentException(
                    "node " + level + "/" + index + " is not in the partial tiles of size " + size);
        }
        return perfectRoot(partial, (int) (first - tileStart), 1 << height);
    }

    /** Number of full tiles at {@code level} (level 0 for entry bundles). */
    static long fullTiles(long size, int level) {
        return shr(size, 8 * (level + 1));
    }

    /** Width of the partial tile at {@code level} (0 when there is none). */
    static int width(long size, int level) {
        return (int) (shr(size, 8 * level) & 0xff);
    }

    static long shr(long x, int bits) {
        return bits >= 64 ? 0 : x >>> bits;
    }

    /** Appends entries; the caller writes {@code writes} before it publishes the new edge. */
    Grown append(List<byte[]> entries) {
        List<List<byte[]>> lv = new ArrayList<>();
        levels.forEach(l -> lv.add(new ArrayList<>(l)));
        List<byte[]> b = new ArrayList<>(bundle);
        List<TileWrite> writes = new ArrayList<>();
        List<TilePath> completed = new ArrayList<>();
        long n = size;
        for (byte[] entry : entries) {
            b.add(entry);
            n++;
            if (b.size() == TilePath.FULL) {
                TilePath p = TilePath.entries(fullTiles(n, 0) - 1, TilePath.FULL);
                writes.add(new TileWrite(p, encodeBundle(b)));
                completed.add(p);
                b.clear();
            }
            addHash(lv, 0, MerkleTree.leafHash(entry), n, writes, completed);
        }
        if (n != size && !b.isEmpty()) {
            writes.add(new TileWrite(TilePath.entries(fullTiles(n, 0), b.size()), encodeBundle(b)));
        }
        for (int l = 0; l < lv.size(); l++) {
            // A partial tile changes only when the count of nodes at its level changes.
            if (!lv.get(l).isEmpty() && shr(n, 8 * l) != shr(size, 8 * l)) {
                writes.add(new TileWrite(
                        TilePath.hashes(l, fullTiles(n, l), lv.get(l).size()), concat(lv.get(l))));
            }
        }
        while (!lv.isEmpty() && lv.get(lv.size() - 1).isEmpty()) {
            lv.remove(lv.size() - 1);
        }
        return new Grown(new TreeEdge(n, lv, b), writes, completed);
    }

    private static void addHash(
            List<List<byte[]>> lv, int level, byte[] hash, long n, List<TileWrite> writes, List<TilePath> completed) {
        while (lv.size() <= level) {
            lv.add(new ArrayList<>());
        }
        List<byte[]> tile = lv.get(level);
        tile.add(hash);
        if (tile.size() == TilePath.FULL) {
            TilePath p = TilePath.hashes(level, fullTiles(n, level) - 1, TilePath.FULL);
            writes.add(new TileWrite(p, concat(tile)));
            completed.add(p);
            byte[] up = perfectRoot(tile, 0, TilePath.FULL);
            tile.clear();
            addHash(lv, level + 1, up, n, writes, completed);
        }
    }

    /** Root of {@code count} (a power of two) consecutive hashes starting at {@code from}. */
    static byte[] perfectRoot(List<byte[]> hashes, int from, int count) {
        List<byte[]> row = new ArrayList<>(hashes.subList(from, from + count));
        while (row.size() > 1) {
            List<byte[]> up = new ArrayList<>(row.size() / 2);
            for (int i = 0; i < row.size(); i += 2) {
                up.add(MerkleTree.nodeHash(row.get(i), row.get(i + 1)));
            }
            row = up;
        }
        return row.get(0);
    }

    static byte[] concat(List<byte[]> hashes) {
        byte[] out = new byte[hashes.size() * MerkleTree.HASH_SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * MerkleTree.HASH_SIZE, MerkleTree.HASH_SIZE);
        }
        return out;
    }

    static List<byte[]> splitHashes(byte[] tile) {
        List<byte[]> out = new ArrayList<>(tile.length / MerkleTree.HASH_SIZE);
        for (int i = 0; i + MerkleTree.HASH_SIZE <= tile.length; i += MerkleTree.HASH_SIZE) {
            out.add(java.util.Arrays.copyOfRange(tile, i, i + MerkleTree.HASH_SIZE));
        }
        return out;
    }

    /** An entry bundle: each entry prefixed with its length as a big-endian uint16 (c2sp.org/tlog-tiles). */
    static byte[] encodeBundle(List<byte[]> entries) {
        int len = 0;
        for (byte[] e : entries) {
            len += 2 + e.length;
        }
        byte[] out = new byte[len];
        int pos = 0;
        for (byte[] e : entries) {
            out[pos++] = (byte) (e.length >>> 8);
            out[pos++] = (byte) e.length;
            System.arraycopy(e, 0, out, pos, e.length);
            pos += e.length;
        }
        return out;
    }

    /** Splits a bundle; throws {@link IllegalArgumentException} when a length runs past the end. */
    static List<byte[]> decodeBundle(byte[] bundle) {
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < bundle.length) {
            if (pos + 2 > bundle.length) {
                throw new IllegalArgumentException("entry " + out.size() + " has a truncated length prefix");
            }
            int len = ((bundle[pos] & 0xff) << 8) | (bundle[pos + 1] & 0xff);
            pos += 2;
            if (pos + len > bundle.length) {
                throw new IllegalArgumentException(
                        "entry " + out.size() + " claims " + len + " bytes, " + (bundle.length - pos) + " remain");
            }
            out.add(java.util.Arrays.copyOfRange(bundle, pos, pos + len));
            pos += len;
        }
        return out;
    }
}
