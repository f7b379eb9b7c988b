package org.daleel.analysis.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceResolverTest {
    @Test
    void a_tie_goes_to_the_higher_static_score_even_without_a_population() {
        // a state (prior 2.5 + own name, no population recorded) against a town of 12,000 named like it
        assertThat(PlaceResolver.tieWin(3.3, false, 0, 2.3, true, 12_000)).isTrue();
        assertThat(PlaceResolver.tieWin(2.3, true, 12_000, 3.3, false, 0)).isFalse();
    }

    @Test
    void a_tie_of_equal_static_scores_goes_to_the_more_populous() {
        assertThat(PlaceResolver.tieWin(3.3, true, 50_000, 3.3, true, 20_000)).isTrue();
        assertThat(PlaceResolver.tieWin(3.3, true, 20_000, 3.3, true, 50_000)).isFalse();
        assertThat(PlaceResolver.tieWin(3.3, true, 20_000, 3.3, true, 20_000)).isFalse();
    }

    @Test
    void a_tie_of_equal_static_scores_goes_to_the_town_before_a_division() {
        // a division's population is the sum of its places': the town still wins the tie
        assertThat(PlaceResolver.tieWin(3.3, true, 20_000, 3.3, false, 900_000)).isTrue();
        assertThat(PlaceResolver.tieWin(3.3, false, 900_000, 3.3, true, 20_000)).isFalse();
    }
}
