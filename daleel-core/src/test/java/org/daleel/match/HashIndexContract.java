package org.daleel.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.daleel.core.ConflictException;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link HashIndex} contract. Every adapter's test extends this class and says how to open
 * an index in a directory. The reference is brute force: expected results come from scanning a
 * plain map of every entry ({@link #expected}), on random hashes, planted neighbours at every
 * distance, and clustered hashes (skewed bit statistics, like real image codes). The format of an
 * adapter's files (partial records, checksums) is tested with the adapter.
 */
public abstract class HashIndexContract {

    @TempDir
    protected Path dir;

    /** Opens (creating when absent) the adapter's index persisted in {@code dir}. */
    protected abstract HashIndex open(Path dir);

    public static Hash256 random(Random random) {
        return new Hash256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** {@code hash} with exactly {@code bits} distinct bits flipped. */
    public static Hash256 atDistance(Hash256 hash, int bits, Random random) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < Hash256.BITS; i++) {
            positions.add(i);
        }
        Collections.shuffle(positions, random);
        Hash256 out = hash;
        for (int i = 0; i < bits; i++) {
            out = out.flip(positions.get(i));
        }
        return out;
    }

    protected static List<HashMatch> expected(Map<Long, Hash256> model, Hash256 query, int radius) {
        List<HashMatch> out = new ArrayList<>();
        model.forEach((id, h) -> {
            int d = h.distance(query);
            if (d <= radius) {
                out.add(new HashMatch(id, d));
            }
        });
        Collections.sort(out);
        return out;
    }

    @Test
    void finds_exactly_the_entries_within_each_radius_with_planted_neighbours() {
        long seed = 20260101L;
        Random random = new Random(seed);
        Map<Long, Hash256> model = new HashMap<>();
        List<Hash256> queries = new ArrayList<>();
        try (HashIndex index = open(dir)) {
            long id = 0;
            for (int i = 0; i < 4000; i++, id++) {
                Hash256 h = random(random);
                index.add(id, h);
                model.put(id, h);
            }
            for (int q = 0; q < 12; q++) {
                Hash256 query = random(random);
                queries.add(query);
                for (int d = 0; d <= 40; d++, id++) {
                    Hash256 h = atDistance(query, d, random);
                    index.add(id, h);
                    model.put(id, h);
                }
            }
            assertThat(index.size()).isEqualTo(model.size());
            for (Hash256 query : queries) {
                for (int radius : radii()) {
                    List<HashMatch> got = index.search(query, radius);
                    assertThat(got)
                            .as("seed %d radius %d query %s", seed, radius, query)
                            .isEqualTo(expected(model, query, radius));
                    // Every planted neighbour at distance <= radius is among them.
                    assertThat(got.stream()
                                    .filter(m -> m.distance() <= Math.min(radius, 40))
                                    .count())
                            .isGreaterThanOrEqualTo(Math.min(radius, 40) + 1);
                }
            }
        }
    }

    @Test
    void clustered_hashes_give_the_brute_force_results() {
        // Real codes are not uniform: some bits are nearly constant, so some buckets are crowded.
        long seed = 20261125L;
        Random random = new Random(seed);
        Map<Long, Hash256> model = new HashMap<>();
        List<Hash256> centres = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            centres.add(random(random));
        }
        try (HashIndex index = open(dir)) {
            for (long id = 0; id < 6000; id++) {
                Hash256 centre = centres.get(random.nextInt(centres.size()));
                Hash256 h = atDistance(centre, 20 + random.nextInt(50), random);
                index.add(id, h);
                model.put(id, h);
            }
            for (int q = 0; q < 16; q++) {
                Hash256 query = atDistance(centres.get(q % centres.size()), random.nextInt(30), random);
                for (int radius : new int[] {0, 10, 31, 34, 45, 60}) {
                    assertThat(index.search(query, radius))
                            .as("seed %d radius %d query %s", seed, radius, query)
                            .isEqualTo(expected(model, query, radius));
                }
            }
        }
    }

    private static int[] radii() {
        int[] r = new int[32 + 5];
        for (int i = 0; i < 32; i++) {
            r[i] = i;
        }
        r[32] = 40;
        r[33] = 48;
        r[34] = 64;
        r[35] = 100;
        r[36] = 256;
        return r;
    }

    @Test
    void results_are_sorted_by_distance_then_id() {
        Random random = new Random(7);
        Hash256 query = random(random);
        try (HashIndex index = open(dir)) {
            index.add(30, atDistance(query, 3, random));
            index.add(10, atDistance(query, 3, random));
            index.add(20, query);
            index.add(5, atDistance(query, 9, random));

            assertThat(index.search(query, 31))
                    .containsExactly(
                            new HashMatch(20, 0), new HashMatch(10, 3), new HashMatch(30, 3), new HashMatch(5, 9));
            assertThat(index.search(query, 2)).containsExactly(new HashMatch(20, 0));
            assertThat(index.search(atDistance(query, 128, random), 0)).isEmpty();
        }
    }

    @Test
    void adding_an_existing_id_replaces_its_hash() {
        Random random = new Random(8);
        Hash256 first = random(random);
        Hash256 second = random(random);
        try (HashIndex index = open(dir)) {
            index.add(1, first);
            index.add(1, second);

            assertThat(index.size()).isEqualTo(1);
            assertThat(index.find(1)).contains(second);
            assertThat(index.search(first, 20)).isEmpty();
            assertThat(index.search(second, 0)).containsExactly(new HashMatch(1, 0));
        }
    }

    @Test
    void removed_entries_are_no_longer_found() {
        Random random = new Random(9);
        Hash256 a = random(random);
        try (HashIndex index = open(dir)) {
            for (long id = 0; id < 100; id++) {
                index.add(id, atDistance(a, (int) (id % 20), random));
            }

            assertThat(index.remove(42)).isTrue();
            assertThat(index.remove(42)).isFalse();
            assertThat(index.remove(1000)).isFalse();
            assertThat(index.size()).isEqualTo(99);
            assertThat(index.find(42)).isEmpty();
            assertThat(index.search(a, 31))
                    .extracting(HashMatch::id)
                    .doesNotContain(42L)
                    .hasSize(99);
            for (long id = 0; id < 100; id += 2) {
                index.remove(id);
            }
            assertThat(index.search(a, 31))
                    .extracting(HashMatch::id)
                    .allMatch(id -> id % 2 == 1)
                    .hasSize(50);
        }
    }

    @Test
    void random_adds_replaces_and_removes_match_a_plain_map() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            Map<Long, Hash256> model = new HashMap<>();
            List<Hash256> centres = List.of(random(random), random(random), random(random));
            Path sub = dir.resolve("seed-" + seed);
            try (HashIndex index = open(sub)) {
                for (int op = 0; op < 600; op++) {
                    long id = random.nextInt(200);
                    if (random.nextInt(4) == 0) {
                        assertThat(index.remove(id)).isEqualTo(model.remove(id) != null);
                    } else {
                        Hash256 h = atDistance(centres.get(random.nextInt(3)), random.nextInt(45), random);
                        index.add(id, h);
                        model.put(id, h);
                    }
                }
                for (Hash256 c : centres) {
                    int radius = random.nextInt(70);
                    assertThat(index.search(c, radius))
                            .as("seed %d radius %d", seed, radius)
                            .isEqualTo(expected(model, c, radius));
                }
                assertThat(index.size()).isEqualTo(model.size());
            }
        }
    }

    @Test
    void entries_survive_close_and_reopen() {
        Random random = new Random(10);
        Map<Long, Hash256> model = new HashMap<>();
        Hash256 query = random(random);
        Hash256 replaced = atDistance(query, 1, random);
        try (HashIndex index = open(dir)) {
            for (long id = 0; id < 500; id++) {
                Hash256 h = id % 5 == 0 ? atDistance(query, (int) (id % 30), random) : random(random);
                index.add(id, h);
                model.put(id, h);
            }
            index.remove(10);
            model.remove(10L);
            index.add(7, replaced);
            model.put(7L, replaced);
        }

        try (HashIndex reopened = open(dir)) {
            assertThat(reopened.size()).isEqualTo(model.size());
            assertThat(reopened.find(7)).contains(replaced);
            assertThat(reopened.find(10)).isEmpty();
            assertThat(reopened.search(query, 31)).isEqualTo(expected(model, query, 31));
            reopened.add(1000, query);
            model.put(1000L, query);
        }

        try (HashIndex again = open(dir)) {
            assertThat(again.search(query, 31)).isEqualTo(expected(model, query, 31));
        }
    }

    @Test
    void a_directory_is_opened_by_one_index_at_a_time() {
        try (HashIndex index = open(dir)) {
            index.add(1, Hash256.ZERO);
            assertThatThrownBy(() -> open(dir))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining(dir.toString());
        }
        try (HashIndex again = open(dir)) {
            assertThat(again.size()).isEqualTo(1);
        }
    }

    @Test
    void negative_radius_is_invalid_input() {
        try (HashIndex index = open(dir)) {
            assertThatThrownBy(() -> index.search(Hash256.ZERO, -1))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("-1");
        }
    }

    @Test
    void calls_after_close_fail_and_close_is_idempotent() {
        HashIndex index = open(dir);
        index.add(1, Hash256.ZERO);
        index.close();
        index.close();

        assertThatThrownBy(() -> index.search(Hash256.ZERO, 3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.add(2, Hash256.ZERO)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void searches_run_while_another_thread_adds() throws Exception {
        Random random = new Random(13);
        Hash256 query = random(random);
        List<Hash256> near = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            near.add(atDistance(query, i % 32, random));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (HashIndex index = open(dir)) {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < near.size(); i++) {
                    index.add(i, near.get(i));
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int last = 0;
                    while (!writer.isDone()) {
                        List<HashMatch> found = index.search(query, 31);
                        // Entries only get added, so each search sees at least as many as the last.
                        assertThat(found.size()).isGreaterThanOrEqualTo(last);
                        assertThat(found).isSorted();
                        last = found.size();
                    }
                    return last;
                }));
            }
            writer.get();
            for (Future<Integer> r : readers) {
                r.get();
            }
            assertThat(index.search(query, 31)).hasSize(near.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
