package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.daleel.analysis.eval.LglCorpus;
import org.daleel.analysis.eval.LglDocument;
import org.daleel.analysis.eval.LglEvaluation;
import org.daleel.analysis.eval.LglReport;
import org.junit.jupiter.api.Test;

/** The LGL harness end to end on the synthetic sample (the real corpus is not in the repository). */
class LglEvaluationTest {
    private static List<LglDocument> sample() throws IOException {
        try (InputStream in = LglEvaluationTest.class.getResourceAsStream("/org/daleel/analysis/eval/lgl-sample.xml")) {
            return LglCorpus.read(in, "lgl-sample.xml");
        }
    }

    @Test
    void scores_the_last_part_of_the_corpus_end_to_end_and_with_gold_mentions_given() throws IOException {
        LglReport all = LglEvaluation.evaluate(Fixtures.ANALYZER, sample(), 0.0);
        assertThat(all.documents()).isEqualTo(2);
        assertThat(all.toponyms()).isEqualTo(3);
        assertThat(all.untagged()).isEqualTo(1);
        // "Little Rock" twice, in an article about Arkansas: the worldwide gazetteer resolves it
        assertThat(all.givenExact().total()).isEqualTo(3);
        assertThat(all.givenExact().correct()).isGreaterThanOrEqualTo(2);
        assertThat(all.endToEnd().tp()).isGreaterThanOrEqualTo(2);
        assertThat(all.endToEndAccuracy161().value()).isGreaterThan(0.6);

        LglReport last = LglEvaluation.evaluate(Fixtures.ANALYZER, sample(), 0.7);
        assertThat(last.firstDocument()).isEqualTo(1);
        assertThat(last.documents()).isEqualTo(1);
        assertThat(last.toponyms()).isEqualTo(1);
        assertThat(last.endToEnd().tp() + last.endToEnd().fn()).isEqualTo(1);
    }

    @Test
    void rejects_a_split_outside_zero_to_one() {
        assertThatThrownBy(() -> LglEvaluation.evaluate(Fixtures.ANALYZER, List.of(), 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1)");
    }
}
