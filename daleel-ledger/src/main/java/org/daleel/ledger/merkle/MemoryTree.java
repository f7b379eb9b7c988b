package org.daleel.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole Merkle tree held in memory: every perfect subtree hash of a list of leaf hashes,
 * computed once. For tests, verification and small logs; immutable and thread-safe.
 */
public final class MemoryTree implements NodeHashes {
    private final List<byte[][]> levels;

    private MemoryTree(List<byte[][]> levels) {
        this.levels = levels;
    }

    /** The tree over {@code leafHashes} (each 32 bytes; the list is copied). */
    public static MemoryTree of(List<byte[]> leafHashes) {
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = new byte[leafHashes.size()][];
        for (int i = 0; i < level.length; i++) {
            byte[] h = leafHashes.get(i);
            if (h.length != MerkleTree.HASH_SIZE) {
                throw new IllegalArgumentException("leaf hash " + i + " has " + h.length + " bytes, expected 32");
            }
            level[i] = h.clone();
        }
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[level.length / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = MerkleTree.nodeHash(level[2 * i], level[2 * i + 1]);
            }
            levels.add(up);
            level = up;
        }
        return new MemoryTree(levels);
    }

    /** Number of leaves. */
    public long size() {
        return levels.get(0).length;
    }

    /** The root of the whole tree. */
    public byte[] root() {
        return MerkleTree.root(size(), this);
    }

    @Override
    public byte[] hash(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).length) {
            throw new IllegalArgumentException(
                    "no complete node at level " + level + " index " + index + " in a tree of " + size() + " leaves");
        }
        return levels.get(level)[(int) index].clone();
    }
}
