package org.daleel.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For random tree sizes: every generated proof verifies, and flipping any one bit of the leaf, of
 * any proof hash or of a root makes verification fail. jqwik prints the seed of a failing run.
 */
class MerkleTreePropertiesTest {

    record Case(int size, int index, int other) {}

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers()
                .between(1, 300)
                .flatMap(size -> Combinators.combine(
                                Arbitraries.integers().between(0, size - 1),
                                Arbitraries.integers().between(1, size))
                        .as((index, other) -> new Case(size, index, other)));
    }

    @Property(tries = 200)
    void inclusion_proofs_verify_and_any_flipped_bit_fails(
            @ForAll("cases") Case c, @ForAll @IntRange(max = 1 << 20) int bitSeed) {
        List<byte[]> leaves = leafHashes(c.size());
        MemoryTree tree = MemoryTree.of(leaves);
        byte[] root = tree.root();
        List<byte[]> proof = MerkleTree.inclusionProof(c.index(), c.size(), tree);
        byte[] leaf = leaves.get(c.index());
        assertThat(MerkleTree.verifyInclusion(c.index(), c.size(), leaf, proof, root))
                .isTrue();

        int bit = bitSeed % 256;
        assertThat(MerkleTree.verifyInclusion(c.index(), c.size(), flip(leaf, bit), proof, root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(c.index(), c.size(), leaf, proof, flip(root, bit)))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> bad = new ArrayList<>(proof);
            bad.set(i, flip(proof.get(i), (bitSeed + i) % 256));
            assertThat(MerkleTree.verifyInclusion(c.index(), c.size(), leaf, bad, root))
                    .as("proof[%d] flipped", i)
                    .isFalse();
        }
        // A proof for one index never verifies another index of the same tree.
        if (c.size() > 1) {
            long otherIndex = (c.index() + 1) % c.size();
            assertThat(MerkleTree.verifyInclusion(otherIndex, c.size(), leaf, proof, root))
                    .isFalse();
        }
    }

    @Property(tries = 200)
    void consistency_proofs_verify_and_any_flipped_bit_fails(
            @ForAll("cases") Case c, @ForAll @IntRange(max = 1 << 20) int bitSeed) {
        List<byte[]> leaves = leafHashes(c.size());
        MemoryTree tree = MemoryTree.of(leaves);
        long size1 = c.other();
        long size2 = c.size();
        byte[] root1 = MerkleTree.root(size1, tree);
        byte[] root2 = tree.root();
        List<byte[]> proof = MerkleTree.consistencyProof(size1, size2, tree);
        assertThat(MerkleTree.verifyConsistency(size1, size2, proof, root1, root2))
                .isTrue();

        int bit = bitSeed % 256;
        assertThat(MerkleTree.verifyConsistency(size1, size2, proof, flip(root1, bit), root2))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(size1, size2, proof, root1, flip(root2, bit)))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> bad = new ArrayList<>(proof);
            bad.set(i, flip(proof.get(i), (bitSeed + i) % 256));
            boolean ok = MerkleTree.verifyConsistency(size1, size2, bad, root1, root2);
            assertThat(ok).as("proof[%d] of %d->%d flipped", i, size1, size2).isFalse();
        }
    }

    @Property(tries = 100)
    void the_root_of_a_prefix_is_the_root_of_the_prefix_tree(@ForAll("cases") Case c) {
        List<byte[]> leaves = leafHashes(c.size());
        assertThat(MerkleTree.root(c.other(), MemoryTree.of(leaves)))
                .isEqualTo(MerkleTree.root(leaves.subList(0, c.other())));
    }

    static List<byte[]> leafHashes(int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(MerkleTree.leafHash(("entry " + i).getBytes()));
        }
        return out;
    }

    static byte[] flip(byte[] h, int bit) {
        byte[] out = h.clone();
        out[bit / 8 % out.length] ^= (byte) (1 << (bit % 8));
        return out;
    }
}
