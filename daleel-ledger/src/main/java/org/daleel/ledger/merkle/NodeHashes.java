package org.daleel.ledger.merkle;

/**
 * Source of the hashes of perfect subtrees of one Merkle tree (RFC 9162 s2.1.1): the node at
 * {@code level} and {@code index} is the Merkle Tree Hash of the {@code 2^level} leaves starting at
 * leaf {@code index * 2^level}. Level 0 holds the leaf hashes.
 *
 * <p>Callers ask only for nodes whose leaves are all in the tree; an implementation may throw
 * {@link IllegalArgumentException} for any other node. Node hashes never change once the leaves
 * under them exist, so one source serves proofs for every smaller tree size as well.
 */
@FunctionalInterface
public interface NodeHashes {

    /**
     * The 32-byte hash of a perfect subtree.
     *
     * @param level height of the subtree, 0 to 63
     * @param index position of the subtree among those of its level, unsigned
     */
    byte[] hash(int level, long index);
}
