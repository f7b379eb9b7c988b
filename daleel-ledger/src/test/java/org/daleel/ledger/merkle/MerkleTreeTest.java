package org.daleel.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void roots_of_the_rfc6962_reference_leaves_match_the_published_roots() {
        List<byte[]> hashes = Rfc6962Reference.leafHashes();
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(MerkleTree.root(hashes.subList(0, n))))
                    .as("root of %d leaves", n)
                    .isEqualTo(Rfc6962Reference.ROOTS.get(n));
        }
    }

    @Test
    void empty_root_is_sha256_of_nothing_and_hashes_are_domain_separated() {
        assertThat(HEX.formatHex(MerkleTree.emptyRoot())).isEqualTo(Rfc6962Reference.ROOTS.get(0));
        // RFC 9162 s2.1.1: leaf hash of the empty string is SHA-256(0x00).
        assertThat(HEX.formatHex(MerkleTree.leafHash(new byte[0]))).isEqualTo(Rfc6962Reference.ROOTS.get(1));
        byte[] a = MerkleTree.leafHash(new byte[] {1});
        assertThat(MerkleTree.nodeHash(a, a)).isNotEqualTo(MerkleTree.leafHash(concat(a, a)));
    }

    @Test
    void every_inclusion_and_consistency_proof_of_the_reference_tree_verifies() {
        List<byte[]> hashes = Rfc6962Reference.leafHashes();
        MemoryTree tree = MemoryTree.of(hashes);
        for (int n = 1; n <= 8; n++) {
            byte[] root = MerkleTree.root(n, tree);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = MerkleTree.inclusionProof(i, n, tree);
                assertThat(MerkleTree.verifyInclusion(i, n, hashes.get(i), proof, root))
                        .as("incl %d/%d", i, n)
                        .isTrue();
                if (n < 8) {
                    byte[] bigger = MerkleTree.root(n + 1, tree);
                    assertThat(MerkleTree.verifyInclusion(i, n + 1, hashes.get(i), proof, bigger))
                            .as("proof %d/%d against the root of size %d", i, n, n + 1)
                            .isFalse();
                }
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(m, n, tree);
                byte[] old = MerkleTree.root(m, tree);
                assertThat(MerkleTree.verifyConsistency(m, n, proof, old, root))
                        .as("cons %d->%d", m, n)
                        .isTrue();
            }
        }
    }

    @Test
    void proof_generation_refuses_out_of_range_arguments() {
        MemoryTree tree = MemoryTree.of(Rfc6962Reference.leafHashes());
        assertThatThrownBy(() -> MerkleTree.inclusionProof(8, 8, tree))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("index 8 is not below tree size 8");
        assertThatThrownBy(() -> MerkleTree.inclusionProof(-1, 8, tree))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("18446744073709551615");
        assertThatThrownBy(() -> MerkleTree.consistencyProof(0, 8, tree)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(5, 4, tree)).isInstanceOf(InvalidInputException.class);
        assertThat(MerkleTree.consistencyProof(8, 8, tree)).isEmpty();
    }

    @Test
    void verification_rejects_malformed_proofs_without_throwing() {
        List<byte[]> hashes = Rfc6962Reference.leafHashes();
        MemoryTree tree = MemoryTree.of(hashes);
        byte[] root = tree.root();
        List<byte[]> proof = new ArrayList<>(MerkleTree.inclusionProof(3, 8, tree));
        proof.set(1, new byte[31]);
        assertThat(MerkleTree.verifyInclusion(3, 8, hashes.get(3), proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(3, 8, new byte[0], MerkleTree.inclusionProof(3, 8, tree), root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(-1, -1, hashes.get(0), List.of(), root))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(-1, 8, List.of(), root, root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(
                        3, -1, MerkleTree.consistencyProof(3, 8, tree), MerkleTree.root(3, tree), root))
                .isFalse();
    }

    @Test
    void roots_of_large_unsigned_ranges_are_folded_from_perfect_subtrees() {
        // A synthetic node source: every perfect subtree hash is derived from (level, index), so
        // the range decomposition of a size near 2^64 can be checked without 2^64 leaves.
        NodeHashes synthetic =
                (level, index) -> MerkleTree.leafHash((level + ":" + Long.toUnsignedString(index)).getBytes());
        long size = -1L; // 2^64 - 1
        byte[] root = MerkleTree.root(size, synthetic);
        // 2^64-1 = 2^63 + 2^62 + ... + 1: the fold of 64 perfect subtrees, biggest first.
        byte[] expected = synthetic.hash(0, size - 1);
        for (int level = 1; level <= 63; level++) {
            long start = size & ~((2L << level) - 1); // first leaf of the perfect subtree at this level
            expected = MerkleTree.nodeHash(synthetic.hash(level, start >>> level), expected);
        }
        assertThat(root).isEqualTo(expected);
        List<byte[]> proof = MerkleTree.inclusionProof(size - 1, size, synthetic);
        assertThat(proof).hasSize(63);
        assertThat(MerkleTree.verifyInclusion(size - 1, size, synthetic.hash(0, size - 1), proof, root))
                .isTrue();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
