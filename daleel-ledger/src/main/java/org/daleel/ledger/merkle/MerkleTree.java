package org.daleel.ledger.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.daleel.blob.Digests;
import org.daleel.core.InvalidInputException;

/**
 * Merkle tree math of RFC 9162 s2.1 (the RFC 6962 tree with SHA-256): leaf and node hashes, tree
 * roots, and generation and verification of inclusion (s2.1.3) and consistency (s2.1.4) proofs.
 *
 * <p>Tree sizes and leaf indices are unsigned 64-bit values held in a {@code long}: every comparison
 * is unsigned, so {@code -1L} stands for 2^64-1. Proofs are lists of 32-byte hashes, ordered from
 * the leaf (or the old tree) upwards, as RFC 9162 lists them.
 *
 * <p>Verification returns {@code false} for every proof that does not bind its input to the given
 * roots, including malformed ones (wrong length, hashes that are not 32 bytes, an index past the
 * tree size); it never throws for bad proof data. It agrees with transparency-dev/merkle on its
 * published vectors (see {@code MerkleVectorsTest}).
 *
 * <p>All methods are pure and thread-safe.
 */
public final class MerkleTree {
    /** Size in bytes of every hash (SHA-256). */
    public static final int HASH_SIZE = 32;

    private MerkleTree() {}

    /** The root of the empty tree: SHA-256 of no bytes (RFC 9162 s2.1.1). */
    public static byte[] emptyRoot() {
        return Digests.sha256().digest();
    }

    /** Leaf hash of one entry: SHA-256(0x00 || data) (RFC 9162 s2.1.1). */
    public static byte[] leafHash(byte[] data) {
        MessageDigest md = Digests.sha256();
        md.update((byte) 0);
        md.update(data);
        return md.digest();
    }

    /** Interior node hash: SHA-256(0x01 || left || right) (RFC 9162 s2.1.1). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = Digests.sha256();
        md.update((byte) 1);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** The Merkle Tree Hash of a list of leaf hashes (the empty root for no leaves). */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return root(leafHashes.size(), MemoryTree.of(leafHashes));
    }

    /** The root of the first {@code size} leaves of the tree that {@code nodes} describes. */
    public static byte[] root(long size, NodeHashes nodes) {
        return rangeHash(0, size, nodes);
    }

    /**
     * The inclusion proof PATH(index, D[size]) of RFC 9162 s2.1.3.1.
     *
     * @throws InvalidInputException unless {@code index < size} (unsigned)
     */
    public static List<byte[]> inclusionProof(long index, long size, NodeHashes nodes) {
        if (Long.compareUnsigned(index, size) >= 0) {
            throw new InvalidInputException("inclusion proof: index " + Long.toUnsignedString(index)
                    + " is not below tree size " + Long.toUnsignedString(size));
        }
        List<byte[]> out = new ArrayList<>();
        path(index, 0, size, nodes, out);
        return out;
    }

    /**
     * The consistency proof PROOF(size1, D[size2]) of RFC 9162 s2.1.4.1; empty when the sizes are
     * equal.
     *
     * @throws InvalidInputException unless {@code 0 < size1 <= size2} (unsigned): a proof from the
     *     empty tree proves nothing and verifiers reject it
     */
    public static List<byte[]> consistencyProof(long size1, long size2, NodeHashes nodes) {
        if (size1 == 0 || Long.compareUnsigned(size1, size2) > 0) {
            throw new InvalidInputException("consistency proof: expected 0 < old size <= new size, found "
                    + Long.toUnsignedString(size1) + " and " + Long.toUnsignedString(size2));
        }
        List<byte[]> out = new ArrayList<>();
        if (size1 != size2) {
            subproof(size1, 0, size2, true, nodes, out);
        }
        return out;
    }

    /**
     * Verifies an inclusion proof (RFC 9162 s2.1.3.2).
     *
     * @return true when {@code leafHash} at {@code index} and {@code proof} hash to {@code root}
     */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (Long.compareUnsigned(index, size) >= 0 || leafHash.length != HASH_SIZE || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false; // proof longer than the path to the root
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Verifies a consistency proof between a tree of {@code size1} leaves with root {@code root1}
     * and a tree of {@code size2} leaves with root {@code root2} (RFC 9162 s2.1.4.2). A proof from
     * the empty tree is rejected (transparency-dev/merkle does the same): it would prove nothing.
     */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (Long.compareUnsigned(size1, size2) > 0 || size1 == 0 || !allHashes(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if ((size1 & (size1 - 1)) == 0) {
            path.add(root1); // s2.1.4.2 step 2: the old tree is a perfect subtree of the new one
        }
        path.addAll(proof);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    /**
     * MTH(D[lo:hi]) for a range that the RFC recursion produces: {@code lo} is a multiple of the
     * smallest power of two that is at least {@code hi - lo}, or 0. The range splits into perfect
     * subtrees of decreasing size, folded from the right (RFC 9162 s2.1.1).
     */
    static byte[] rangeHash(long lo, long hi, NodeHashes nodes) {
        if (lo == hi) {
            return emptyRoot();
        }
        List<byte[]> parts = new ArrayList<>();
        long cur = lo;
        while (Long.compareUnsigned(cur, hi) < 0) {
            int level = 63 - Long.numberOfLeadingZeros(hi - cur);
            if (cur != 0) {
                level = Math.min(level, Long.numberOfTrailingZeros(cur));
            }
            parts.add(nodes.hash(level, cur >>> level));
            cur += 1L << level;
        }
        byte[] h = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            h = nodeHash(parts.get(i), h);
        }
        return h;
    }

    /** PATH(m, D[lo:hi]) of RFC 9162 s2.1.3.1, appending the deepest hash first. */
    private static void path(long m, long lo, long hi, NodeHashes nodes, List<byte[]> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1); // largest power of two smaller than n
        if (Long.compareUnsigned(m - lo, k) < 0) {
            path(m, lo, lo + k, nodes, out);
            out.add(rangeHash(lo + k, hi, nodes));
        } else {
            path(m, lo + k, hi, nodes, out);
            out.add(rangeHash(lo, lo + k, nodes));
        }
    }

    /** SUBPROOF(m, D[lo:hi], b) of RFC 9162 s2.1.4.1; {@code m} counts leaves from {@code lo}. */
    private static void subproof(long m, long lo, long hi, boolean b, NodeHashes nodes, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!b) {
                out.add(rangeHash(lo, hi, nodes));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (Long.compareUnsigned(m, k) <= 0) {
            subproof(m, lo, lo + k, b, nodes, out);
            out.add(rangeHash(lo + k, hi, nodes));
        } else {
            subproof(m - k, lo + k, hi, false, nodes, out);
            out.add(rangeHash(lo, lo + k, nodes));
        }
    }

    private static boolean allHashes(List<byte[]> proof) {
        for (byte[] h : proof) {
            if (h == null || h.length != HASH_SIZE) {
                return false;
            }
        }
        return true;
    }
}
