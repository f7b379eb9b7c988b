package org.daleel.analysis.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerTest {
    @Test
    void loads_the_shipped_files() {
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.loadDefault();
        long t1 = System.nanoTime();
        Gazetteer g2 = Gazetteer.loadDefault();
        long t2 = System.nanoTime();
        System.out.printf("gazetteer: %d places, %d keys, %d fuzzy; first load %d ms, second %d ms%n", g.size(),
                g.names().keys(), g.fuzzyNames().keys(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        assertThat(g2.size()).isEqualTo(g.size());
        assertThat(g.find(170892)).get().satisfies(p -> {
            assertThat(p.countryCode()).isEqualTo("SY");
            assertThat(p.admin1()).isEqualTo("08");
        });
    }
}
