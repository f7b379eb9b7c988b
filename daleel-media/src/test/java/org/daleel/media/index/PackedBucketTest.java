package org.daleel.media.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedBucketTest {

    /** Slot to {low, high} of every entry in the bucket, read back through the layout. */
    private static Map<Integer, long[]> contents(long[] b) {
        Map<Integer, long[]> out = new LinkedHashMap<>();
        if (b == null) {
            return out;
        }
        for (int i = 0; i < PackedBucket.count(b); i++) {
            int p = PackedBucket.pair(i);
            long low = (int) (b[p + 2] >>> ((i & 1) * 32));
            out.put(PackedBucket.slot(b, i), new long[] {low, b[p + (i & 1)]});
        }
        return out;
    }

    @Test
    void entries_survive_growth_and_removes_at_odd_and_even_positions() {
        Random random = new Random(4);
        Map<Integer, long[]> model = new LinkedHashMap<>();
        long[] b = null;
        for (int slot = 0; slot < 300; slot++) {
            int low = random.nextInt();
            long high = random.nextLong();
            b = PackedBucket.append(b, slot, low, high);
            model.put(slot, new long[] {low, high});
            if (slot % 3 == 2) {
                int gone = slot - 1 - random.nextInt(2);
                b = PackedBucket.remove(b, gone);
                model.remove(gone);
            }
        }
        assertThat(contents(b)).containsOnlyKeys(model.keySet());
        for (var e : model.entrySet()) {
            assertThat(contents(b).get(e.getKey())).containsExactly(e.getValue());
        }
        // Negative slots and lows (all 32 bits set) do not bleed into the neighbouring half.
        long[] c = PackedBucket.append(PackedBucket.append(null, -1, -1, -1L), 7, 0, 0L);
        assertThat(contents(c).get(7)).containsExactly(0L, 0L);
        assertThat(contents(c).get(-1)).containsExactly(-1L, -1L);
    }

    @Test
    void removing_the_last_entry_empties_the_bucket_and_a_missing_slot_is_an_error() {
        long[] b = PackedBucket.append(null, 5, 1, 2L);
        assertThatThrownBy(() -> PackedBucket.remove(b, 6)).isInstanceOf(IllegalStateException.class);
        assertThat(PackedBucket.remove(b, 5)).isNull();
    }

    @Test
    void a_bulk_fill_gives_the_same_entries_as_appends() {
        Random random = new Random(8);
        int[] sizes = {0, 1, 2, 5, 8, 13};
        long[][] filled = new long[sizes.length][];
        long[][] appended = new long[sizes.length][];
        for (int v = 0; v < sizes.length; v++) {
            filled[v] = sizes[v] == 0 ? null : PackedBucket.withCapacity(sizes[v]);
        }
        PackedBucket.Filler filler = new PackedBucket.Filler(filled);
        int[] left = sizes.clone();
        for (int slot = 0; slot < 29; slot++) {
            int v = random.nextInt(sizes.length);
            while (left[v] == 0) {
                v = (v + 1) % sizes.length;
            }
            left[v]--;
            int low = random.nextInt();
            long high = random.nextLong();
            filler.put(v, slot, low, high);
            appended[v] = PackedBucket.append(appended[v], slot, low, high);
        }
        filler.finish();
        for (int v = 0; v < sizes.length; v++) {
            assertThat(contents(filled[v])).as("value %d", v).hasSize(sizes[v]);
            for (var e : contents(appended[v]).entrySet()) {
                assertThat(contents(filled[v]).get(e.getKey())).containsExactly(e.getValue());
            }
        }
    }
}
