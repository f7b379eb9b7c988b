package org.daleel.media.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashIndexContract;
import org.daleel.match.HashMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultiIndexHashIndexTest extends HashIndexContract {
    @Override
    protected HashIndex open(Path dir) {
        return MultiIndexHashIndex.open(dir);
    }

    @ParameterizedTest
    @EnumSource(MultiIndexHashIndex.SubstringLayout.class)
    void tables_alone_are_exact_at_every_radius_up_to_70(MultiIndexHashIndex.SubstringLayout layout) {
        Random random = new Random(99);
        Map<Long, Hash256> model = new HashMap<>();
        List<Hash256> queries = new ArrayList<>();
        try (MultiIndexHashIndex index = MultiIndexHashIndex.inMemory(MultiIndexHashIndex.Strategy.TABLES, layout, 0)) {
            long id = 0;
            for (int i = 0; i < 3000; i++, id++) {
                Hash256 h = random(random);
                index.add(id, h);
                model.put(id, h);
            }
            for (int q = 0; q < 4; q++) {
                Hash256 query = random(random);
                queries.add(query);
                for (int d = 0; d <= 70; d++, id++) {
                    Hash256 h = atDistance(query, d, random);
                    index.add(id, h);
                    model.put(id, h);
                }
            }
            // Removals move the last entry into the freed slot: the tables must follow it.
            for (long r = 0; r < 3000; r += 3) {
                index.remove(r);
                model.remove(r);
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

    @ParameterizedTest
    @EnumSource(MultiIndexHashIndex.SubstringLayout.class)
    void substring_lookup_is_the_exact_search_up_to_15_bits_and_a_subset_beyond(
            MultiIndexHashIndex.SubstringLayout layout) {
        Random random = new Random(31);
        Map<Long, Hash256> model = new HashMap<>();
        try (MultiIndexHashIndex index = MultiIndexHashIndex.inMemory(layout)) {
            Hash256 query = random(random);
            long id = 0;
            for (; id < 2000; id++) {
                Hash256 h = random(random);
                index.add(id, h);
                model.put(id, h);
            }
            for (int d = 0; d <= 60; d++) {
                for (int copy = 0; copy < 8; copy++, id++) {
                    Hash256 h = atDistance(query, d, random);
                    index.add(id, h);
                    model.put(id, h);
                }
            }
            for (int radius : new int[] {0, 5, 15, 16, 25, 34, 60}) {
                List<HashMatch> exact = index.search(query, radius);
                List<HashMatch> shared = index.searchSharingSubstring(query, radius);
                List<HashMatch> sharing = exact.stream()
                        .filter(m -> sharesASubstring(index, model.get(m.id()), query))
                        .toList();
                assertThat(shared).as("radius %d", radius).isEqualTo(sharing);
                if (radius <= 15) {
                    assertThat(shared).isEqualTo(exact);
                }
            }
            // Planted at 25 bits, most share a substring; at 60 few do.
            assertThat(index.searchSharingSubstring(query, 25)).hasSizeGreaterThan(8 * 20);
        }
    }

    private static boolean sharesASubstring(MultiIndexHashIndex index, Hash256 a, Hash256 b) {
        for (int k = 0; k < index.substrings(); k++) {
            if (index.substringOf(a, k) == index.substringOf(b, k)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 19, 21, 23})
    void every_substring_length_partitions_the_256_bits(int bits) {
        for (MultiIndexHashIndex.SubstringLayout layout : MultiIndexHashIndex.SubstringLayout.values()) {
            MultiIndexHashIndex index = MultiIndexHashIndex.inMemory(MultiIndexHashIndex.Strategy.TABLES, layout, bits);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int bit = 0; bit < 256; bit++) {
                Hash256 h = Hash256.ZERO.flip(bit);
                int owners = 0;
                for (int k = 0; k < index.substrings(); k++) {
                    int v = index.substringOf(h, k);
                    if (v != 0) {
                        owners++;
                        assertThat(Integer.bitCount(v)).isEqualTo(1);
                        seen.add(k + ":" + Integer.numberOfTrailingZeros(v));
                    }
                }
                // DIAGONAL has two partitions of the bits.
                int partitions = layout == MultiIndexHashIndex.SubstringLayout.DIAGONAL ? 2 : 1;
                assertThat(owners).as("%s bit %d", layout, bit).isEqualTo(partitions);
            }
            assertThat(seen).hasSize(layout == MultiIndexHashIndex.SubstringLayout.DIAGONAL ? 512 : 256);
            index.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {19, 23})
    void long_substrings_are_exact_at_every_radius_up_to_40_through_adds_and_removes(int bits) {
        Random random = new Random(bits);
        Map<Long, Hash256> model = new HashMap<>();
        List<Hash256> queries = new ArrayList<>();
        try (MultiIndexHashIndex index = MultiIndexHashIndex.inMemory(
                MultiIndexHashIndex.Strategy.TABLES, MultiIndexHashIndex.SubstringLayout.CONTIGUOUS, bits)) {
            long id = 0;
            for (int i = 0; i < 2000; i++, id++) {
                Hash256 h = random(random);
                index.add(id, h);
                model.put(id, h);
            }
            for (int q = 0; q < 3; q++) {
                Hash256 query = random(random);
                queries.add(query);
                for (int d = 0; d <= 40; d++, id++) {
                    // Near-duplicates that also share most substrings with each other: crowded values.
                    for (int copy = 0; copy < 3; copy++) {
                        Hash256 h = atDistance(query, d, random);
                        index.add(id * 3 + copy + 1_000_000, h);
                        model.put(id * 3 + copy + 1_000_000, h);
                    }
                }
            }
            for (long r = 0; r < 2000; r += 3) {
                index.remove(r);
                model.remove(r);
            }
            for (Hash256 query : queries) {
                for (int radius = 0; radius <= 40; radius++) {
                    assertThat(index.search(query, radius))
                            .as("bits %d radius %d", bits, radius)
                            .isEqualTo(expected(model, query, radius));
                }
            }
        }
    }

    @Test
    void substrings_lengthen_as_the_index_grows_and_results_stay_exact() {
        Random random = new Random(17);
        Map<Long, Hash256> model = new HashMap<>();
        try (MultiIndexHashIndex index = MultiIndexHashIndex.inMemory()) {
            assertThat(index.substrings()).isEqualTo(16);
            Hash256 query = random(random);
            for (long id = 0; id < 300_000; id++) {
                Hash256 h = id % 1000 == 0 ? atDistance(query, (int) (id / 1000) % 40, random) : random(random);
                index.add(id, h);
                model.put(id, h);
            }
            // 2^18 entries: substrings of 18 bits, 14 tables.
            assertThat(index.substrings()).isEqualTo(14);
            for (int radius : new int[] {0, 10, 31, 40}) {
                assertThat(index.search(query, radius)).isEqualTo(expected(model, query, radius));
            }
        }
    }

    @Test
    void compaction_keeps_only_live_entries() throws IOException {
        Random random = new Random(5);
        Map<Long, Hash256> model = new HashMap<>();
        try (MultiIndexHashIndex index = MultiIndexHashIndex.open(dir)) {
            for (int round = 0; round < 5; round++) {
                for (long id = 0; id < 300; id++) {
                    Hash256 h = random(random);
                    index.add(id, h);
                    model.put(id, h);
                }
            }
            for (long id = 0; id < 100; id++) {
                index.remove(id);
                model.remove(id);
            }
            Path log = dir.resolve(HashLog.LOG_FILE);
            long before = Files.size(log);

            index.compact();

            assertThat(Files.size(log)).isLessThan(before).isEqualTo(HashLog.HEADER_SIZE + 200L * HashLog.RECORD_SIZE);
            index.add(5000, Hash256.ZERO);
            model.put(5000L, Hash256.ZERO);
        }
        try (MultiIndexHashIndex reopened = MultiIndexHashIndex.open(dir)) {
            Hash256 query = model.get(150L);
            assertThat(reopened.size()).isEqualTo(model.size());
            assertThat(reopened.search(query, 256)).isEqualTo(expected(model, query, 256));
        }
    }

    @Test
    void a_log_of_mostly_superseded_records_is_compacted_on_open() throws IOException {
        Random random = new Random(6);
        try (MultiIndexHashIndex index = MultiIndexHashIndex.open(dir)) {
            for (int round = 0; round < 2000; round++) {
                index.add(round % 10, random(random));
            }
        }
        Path log = dir.resolve(HashLog.LOG_FILE);
        assertThat(Files.size(log)).isEqualTo(HashLog.HEADER_SIZE + 2000L * HashLog.RECORD_SIZE);

        try (MultiIndexHashIndex index = MultiIndexHashIndex.open(dir)) {
            assertThat(index.size()).isEqualTo(10);
        }
        assertThat(Files.size(log)).isEqualTo(HashLog.HEADER_SIZE + 10L * HashLog.RECORD_SIZE);
    }

    @Test
    void in_memory_index_needs_no_directory() {
        try (MultiIndexHashIndex index = MultiIndexHashIndex.inMemory()) {
            index.add(1, Hash256.ZERO);
            index.compact();
            assertThat(index.search(Hash256.ZERO.flip(200), 1)).containsExactly(new HashMatch(1, 1));
        }
    }
}
