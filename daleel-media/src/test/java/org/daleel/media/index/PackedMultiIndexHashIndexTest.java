package org.daleel.media.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashIndexContract;
import org.junit.jupiter.api.Test;

class PackedMultiIndexHashIndexTest extends HashIndexContract {
    @Override
    protected HashIndex open(Path dir) {
        return PackedMultiIndexHashIndex.open(dir);
    }

    @Test
    void tables_alone_are_exact_at_every_radius_up_to_70_through_removes_and_replaces() {
        Random random = new Random(99);
        Map<Long, Hash256> model = new HashMap<>();
        List<Hash256> queries = new ArrayList<>();
        try (PackedMultiIndexHashIndex index =
                PackedMultiIndexHashIndex.inMemory(PackedMultiIndexHashIndex.Strategy.TABLES)) {
            long id = 0;
            for (int i = 0; i < 3000; i++, id++) {
                Hash256 h = random(random);
                index.add(id, h);
                model.put(id, h);
            }
            for (int q = 0; q < 4; q++) {
                Hash256 query = random(random);
                queries.add(query);
                for (int d = 0; d <= 70; d++) {
                    // Three copies per distance: near-duplicates crowd the same buckets, which grow.
                    for (int copy = 0; copy < 3; copy++, id++) {
                        Hash256 h = atDistance(query, d, random);
                        index.add(id, h);
                        model.put(id, h);
                    }
                }
            }
            // Removals move the last entry into the freed slot, replaces change a slot's hash: the
            // buckets must follow both.
            for (long r = 0; r < id; r += 3) {
                index.remove(r);
                model.remove(r);
            }
            for (long r = 1; r < id; r += 7) {
                Hash256 h = atDistance(queries.get((int) (r % 4)), (int) (r % 50), random);
                index.add(r, h);
                model.put(r, h);
            }
            for (Hash256 query : queries) {
                for (int radius = 0; radius <= 70; radius++) {
                    assertThat(index.search(query, radius))
                            .as("radius %d", radius)
                            .isEqualTo(expected(model, query, radius));
                }
            }
        }
    }

    @Test
    void buckets_emptied_by_removes_fill_again_and_survive_reopen() {
        Random random = new Random(12);
        Hash256 query = random(random);
        Map<Long, Hash256> model = new HashMap<>();
        try (PackedMultiIndexHashIndex index = PackedMultiIndexHashIndex.open(dir)) {
            // 200 near-duplicates share most of their 16 buckets with each other.
            for (long id = 0; id < 200; id++) {
                index.add(id, atDistance(query, (int) (id % 12), random));
            }
            for (long id = 0; id < 200; id++) {
                assertThat(index.remove(id)).isTrue();
            }
            assertThat(index.search(query, 256)).isEmpty();
            for (long id = 500; id < 800; id++) {
                Hash256 h = id % 2 == 0 ? atDistance(query, (int) (id % 40), random) : random(random);
                index.add(id, h);
                model.put(id, h);
            }
            for (long id = 500; id < 800; id += 5) {
                index.remove(id);
                model.remove(id);
            }
            for (int radius : new int[] {0, 7, 31, 45}) {
                assertThat(index.search(query, radius)).isEqualTo(expected(model, query, radius));
            }
        }
        try (PackedMultiIndexHashIndex reopened = PackedMultiIndexHashIndex.open(dir)) {
            assertThat(reopened.size()).isEqualTo(model.size());
            for (int radius : new int[] {0, 7, 31, 45}) {
                assertThat(reopened.search(query, radius)).isEqualTo(expected(model, query, radius));
            }
        }
    }

    @Test
    void adds_and_removes_after_the_bulk_build_of_an_open_stay_exact_and_survive_reopen() {
        Random random = new Random(21);
        Hash256 query = random(random);
        Map<Long, Hash256> model = new HashMap<>();
        try (PackedMultiIndexHashIndex index =
                PackedMultiIndexHashIndex.open(dir, PackedMultiIndexHashIndex.Strategy.TABLES)) {
            for (long id = 0; id < 3000; id++) {
                Hash256 h = id % 3 == 0 ? atDistance(query, (int) (id % 45), random) : random(random);
                index.add(id, h);
                model.put(id, h);
            }
        }
        try (PackedMultiIndexHashIndex index =
                PackedMultiIndexHashIndex.open(dir, PackedMultiIndexHashIndex.Strategy.TABLES)) {
            // Built at once from the log, buckets at their exact size: adds must grow them, removes
            // must find entries placed by the bulk build as well as by adds.
            for (long id = 3000; id < 4500; id++) {
                Hash256 h = id % 2 == 0 ? atDistance(query, (int) (id % 45), random) : random(random);
                index.add(id, h);
                model.put(id, h);
            }
            for (long id = 0; id < 4500; id += 4) {
                assertThat(index.remove(id)).isTrue();
                model.remove(id);
            }
            for (long id = 1; id < 4500; id += 9) {
                Hash256 h = atDistance(query, (int) (id % 40), random);
                index.add(id, h);
                model.put(id, h);
            }
            for (int radius : new int[] {0, 5, 15, 16, 31, 32, 44}) {
                assertThat(index.search(query, radius))
                        .as("radius %d", radius)
                        .isEqualTo(expected(model, query, radius));
            }
        }
        try (PackedMultiIndexHashIndex reopened =
                PackedMultiIndexHashIndex.open(dir, PackedMultiIndexHashIndex.Strategy.TABLES)) {
            assertThat(reopened.size()).isEqualTo(model.size());
            for (int radius : new int[] {0, 5, 15, 16, 31, 32, 44}) {
                assertThat(reopened.search(query, radius)).isEqualTo(expected(model, query, radius));
            }
        }
    }
}
