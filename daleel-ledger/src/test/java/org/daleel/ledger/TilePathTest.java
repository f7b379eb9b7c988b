package org.daleel.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.daleel.ledger.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

class TilePathTest {

    @Test
    void tile_indices_are_written_in_x_prefixed_three_digit_groups() {
        assertThat(TilePath.hashes(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(TilePath.hashes(0, 0, 256).path()).isEqualTo("tile/0/000");
        assertThat(TilePath.hashes(2, 5, 17).path()).isEqualTo("tile/2/005.p/17");
        assertThat(TilePath.hashes(1, 1000, 1).path()).isEqualTo("tile/1/x001/000.p/1");
        assertThat(TilePath.entries(1234067, 112).path()).isEqualTo("tile/entries/x001/x234/067.p/112");
        assertThat(TilePath.entries(999, 256).path()).isEqualTo("tile/entries/999");
    }

    @Test
    void paths_parse_back_and_anything_else_is_not_a_tile() {
        for (TilePath t : List.of(
                TilePath.hashes(0, 1234067, 256),
                TilePath.hashes(63, 0, 1),
                TilePath.entries(1_000_000, 255),
                TilePath.entries(Long.MAX_VALUE / 7, 3))) {
            assertThat(TilePath.parse(t.path())).contains(t);
        }
        for (String bad : List.of(
                "tile/0/67",
                "tile/0/x067",
                "tile/0/001/067",
                "tile/0/x000/067",
                "tile/64/000",
                "tile/01/000",
                "tile/0/000.p/0",
                "tile/0/000.p/256",
                "tile/0/000.p/07",
                "tile/entries/000.p",
                "tiles/0/000",
                "tile/0/000/")) {
            assertThat(TilePath.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void a_tree_of_70000_entries_has_the_tiles_the_spec_lists() {
        // c2sp.org/tlog-tiles: "a tree of size 70,000 will be represented by 273 full level 0 tiles,
        // one partial level 0 tile of width 112, one full level 1 tile, one partial level 1 tile of
        // width 17, and one partial level 2 tile of width 1."
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            entries.add(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)});
        }
        TreeEdge.Grown grown = TreeEdge.empty().append(entries);
        Set<String> written = new TreeSet<>();
        grown.writes().forEach(w -> written.add(w.path().path()));
        assertThat(written.stream().filter(p -> p.matches("tile/0/[0-9x/]+"))).hasSize(273);
        assertThat(written.stream().filter(p -> p.matches("tile/entries/[0-9x/]+")))
                .hasSize(273);
        assertThat(written)
                .contains(
                        "tile/0/273.p/112",
                        "tile/entries/273.p/112",
                        "tile/1/000",
                        "tile/1/001.p/17",
                        "tile/2/000.p/1");
        assertThat(written).hasSize(273 * 2 + 2 + 1 + 1 + 1);
        assertThat(grown.completed()).hasSize(273 * 2 + 1);
        // The edge alone gives the root of the whole tree.
        List<byte[]> leaves = entries.stream().map(MerkleTree::leafHash).toList();
        assertThat(grown.edge().root()).isEqualTo(MerkleTree.root(leaves));
        // The same entries appended in uneven batches give the same tree, and each batch rewrites
        // only the partial tiles whose width changed.
        TreeEdge edge = TreeEdge.empty();
        int[] batches = {1, 255, 1, 300, 65_000, 4_443};
        int from = 0;
        for (int b : batches) {
            TreeEdge.Grown g = edge.append(entries.subList(from, from + b));
            for (TreeEdge.TileWrite w : g.writes()) {
                assertThat(LedgerFiles.covered(w.path(), from + b))
                        .as(w.path().path())
                        .isTrue();
            }
            edge = g.edge();
            from += b;
        }
        assertThat(edge.size()).isEqualTo(70_000);
        assertThat(edge.root()).isEqualTo(grown.edge().root());
    }

    @Test
    void a_checkpoint_covers_full_tiles_below_it_and_partial_tiles_up_to_its_width() {
        assertThat(LedgerFiles.covered(TilePath.hashes(0, 0, 256), 256)).isTrue();
        assertThat(LedgerFiles.covered(TilePath.hashes(1, 0, 1), 256)).isTrue();
        assertThat(LedgerFiles.covered(TilePath.hashes(0, 0, 255), 256)).isFalse(); // full tile exists
        assertThat(LedgerFiles.covered(TilePath.hashes(0, 1, 256), 256)).isFalse();
        assertThat(LedgerFiles.covered(TilePath.entries(1, 3), 259)).isTrue();
        assertThat(LedgerFiles.covered(TilePath.entries(1, 2), 259)).isTrue(); // an earlier checkpoint's
        assertThat(LedgerFiles.covered(TilePath.entries(1, 4), 259)).isFalse(); // beyond the checkpoint
        assertThat(LedgerFiles.covered(TilePath.hashes(1, 0, 2), 259)).isFalse();
    }
}
