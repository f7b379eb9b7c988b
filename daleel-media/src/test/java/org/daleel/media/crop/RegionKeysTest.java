package org.daleel.media.crop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.daleel.match.Hash256;
import org.junit.jupiter.api.Test;

class RegionKeysTest {
    private static Hash256 random(SplittableRandom r) {
        return new Hash256(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }

    private static Hash256 near(Hash256 h, int bits, SplittableRandom r) {
        Hash256 out = h;
        while (out.distance(h) < bits) {
            out = out.flip(r.nextInt(256));
        }
        return out;
    }

    private static Map<Long, Integer> lookup(RegionKeys keys, Hash256 q, int radius) {
        Map<Long, Integer> out = new HashMap<>();
        keys.lookup(
                q,
                radius,
                (id, d) -> assertThat(out.put(id, d)).as("reported once").isNull());
        return out;
    }

    @Test
    void finds_near_keys_through_growth_replacement_and_removal_and_nothing_beyond_the_radius() {
        SplittableRandom r = new SplittableRandom(20261125L);
        RegionKeys keys = new RegionKeys();
        List<Hash256> centres = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            centres.add(random(r));
        }
        // 5,000 unrelated keys cross several powers of two, so the tables are rebuilt on the way
        for (long id = 0; id < 5_000; id++) {
            keys.put(1_000 + id, random(r));
            if (id % 100 == 0) {
                keys.put(id / 100, near(centres.get((int) (id / 100)), 3, r));
            }
        }
        assertThat(keys.size()).isEqualTo(5_050);
        for (int i = 0; i < 50; i++) {
            Map<Long, Integer> hits = lookup(keys, centres.get(i), 34);
            assertThat(hits).containsEntry((long) i, 3);
            hits.forEach((id, d) -> assertThat(d).isLessThanOrEqualTo(34));
        }

        keys.put(7, near(centres.get(8), 2, r)); // replaced: now near another centre
        assertThat(lookup(keys, centres.get(7), 34)).doesNotContainKey(7L);
        assertThat(lookup(keys, centres.get(8), 34)).containsKeys(7L, 8L);

        assertThat(keys.remove(8)).isTrue();
        assertThat(keys.remove(8)).isFalse();
        assertThat(lookup(keys, centres.get(8), 34)).containsOnlyKeys(7L);
        assertThat(keys.find(8)).isNull();
        assertThat(keys.find(7)).isNotNull();
        assertThat(keys.size()).isEqualTo(5_049);
    }

    @Test
    void a_value_shared_by_more_than_the_bucket_bound_is_not_read() {
        SplittableRandom r = new SplittableRandom(7);
        RegionKeys keys = new RegionKeys();
        Hash256 common = random(r);
        for (long id = 0; id <= RegionKeys.MAX_BUCKET; id++) {
            keys.put(id, common);
        }
        assertThat(lookup(keys, common, 0)).isEmpty();
        assertThat(keys.keysRead(common)).isZero();

        keys.remove(0);
        assertThat(lookup(keys, common, 0)).hasSize(RegionKeys.MAX_BUCKET);
    }

    @Test
    void a_mirrored_block_has_the_mirror_key_computed_from_the_unmirrored_one() {
        SplittableRandom r = new SplittableRandom(3);
        RegionCoder coder = new RegionCoder();
        for (int n : new int[] {RegionCoder.COARSE_CELLS, RegionPlane.CELLS}) {
            float[] block = new float[n * n];
            for (int i = 0; i < block.length; i++) {
                block[i] = (float) (128 + 60 * Math.sin(i % n * 0.3 + i / n * 0.17) + r.nextDouble() * 40);
            }
            float[] mirrored = new float[block.length];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    mirrored[y * n + x] = block[y * n + n - 1 - x];
                }
            }
            Hash256[] both = coder.keyAndMirror(block);

            assertThat(both[0]).isEqualTo(coder.key(block));
            assertThat(both[1].distance(coder.key(mirrored))).isLessThanOrEqualTo(2);
            assertThat(both[1].distance(both[0])).isGreaterThan(40);
        }
    }
}
