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

class MultiIndexHashIndexTest extends HashIndexContract {
    private static final MultiIndexHashIndex.SubstringLayout DIAGONAL = MultiIndexHashIndex.SubstringLayout.DIAGONAL;

    @Override
    protected HashIndex open(Path dir) {
        return MultiIndexHashIndex.open(dir, DIAGONAL);
    }

    @Test
    void tables_alone_are_exact_at_every_radius_up_to_70() {
        Random random = new Random(99);
        Map<Long, Hash256> model = new HashMap<>();
        List<Hash256> queries = new ArrayList<>();
        try (MultiIndexHashIndex index = MultiIndexHashIndex.inMemory(MultiIndexHashIndex.Strategy.TABLES)) {
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

    @Test
    void substring_lookup_is_the_exact_search_up_to_15_bits_and_a_subset_beyond() {
        Random random = new Random(31);
        Map<Long, Hash256> model = new HashMap<>();
        try (MultiIndexHashIndex index = MultiIndexHashIndex.inMemory(DIAGONAL)) {
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

    @Test
    void each_partition_covers_the_256_bits_once() {
        MultiIndexHashIndex index = MultiIndexHashIndex.inMemory(MultiIndexHashIndex.Strategy.TABLES);
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
            assertThat(owners).as("bit %d", bit).isEqualTo(2);
        }
        assertThat(seen).hasSize(512);
        index.close();
    }

    @Test
    void compaction_keeps_only_live_entries() throws IOException {
        Random random = new Random(5);
        Map<Long, Hash256> model = new HashMap<>();
        try (MultiIndexHashIndex index = MultiIndexHashIndex.open(dir, DIAGONAL)) {
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
        try (MultiIndexHashIndex reopened = MultiIndexHashIndex.open(dir, DIAGONAL)) {
            Hash256 query = model.get(150L);
            assertThat(reopened.size()).isEqualTo(model.size());
            assertThat(reopened.search(query, 256)).isEqualTo(expected(model, query, 256));
        }
    }

    @Test
    void a_log_of_mostly_superseded_records_is_compacted_on_open() throws IOException {
        Random random = new Random(6);
        try (MultiIndexHashIndex index = MultiIndexHashIndex.open(dir, DIAGONAL)) {
            for (int round = 0; round < 2000; round++) {
                index.add(round % 10, random(random));
            }
        }
        Path log = dir.resolve(HashLog.LOG_FILE);
        assertThat(Files.size(log)).isEqualTo(HashLog.HEADER_SIZE + 2000L * HashLog.RECORD_SIZE);

        try (MultiIndexHashIndex index = MultiIndexHashIndex.open(dir, DIAGONAL)) {
            assertThat(index.size()).isEqualTo(10);
        }
        assertThat(Files.size(log)).isEqualTo(HashLog.HEADER_SIZE + 10L * HashLog.RECORD_SIZE);
    }

    @Test
    void in_memory_index_needs_no_directory() {
        try (MultiIndexHashIndex index = MultiIndexHashIndex.inMemory(DIAGONAL)) {
            index.add(1, Hash256.ZERO);
            index.compact();
            assertThat(index.search(Hash256.ZERO.flip(200), 1)).containsExactly(new HashMatch(1, 1));
        }
    }
}
