package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.daleel.analysis.eval.EvalError;
import org.daleel.analysis.eval.GoldEvaluation;
import org.daleel.analysis.eval.GoldReport;
import org.daleel.analysis.eval.GoldScores;
import org.daleel.analysis.eval.GoldSet;
import org.junit.jupiter.api.Test;

/**
 * Scores the analyzer on the bundled gold sets (the same harness as {@code daleel eval}) and fails
 * when a score drops below its floor, so that a regression in recognition or resolution breaks the
 * build. The floors sit a little under the figures in docs/evaluation.md.
 */
class EvalTest {

    private static GoldReport run(String set) {
        GoldReport r = GoldEvaluation.evaluate(Fixtures.ANALYZER, GoldSet.bundled(set));
        for (GoldScores s : r.scores()) {
            System.out.printf(
                    "%s/%s: %d docs; places %s; overlap %s; acc@161km %s; traps %s; dates %s; actors %s; events %s; event sets %s%n",
                    set,
                    s.language(),
                    s.documents(),
                    s.places().summary(),
                    s.placesOverlap().summary(),
                    s.accuracy161().summary(),
                    s.traps().summary(),
                    s.dates().summary(),
                    s.actors().summary(),
                    s.events().summary(),
                    s.eventSets().summary());
        }
        for (EvalError e : r.errors()) {
            System.out.println("  " + e.document() + " " + e.kind() + ": " + e.detail());
        }
        return r;
    }

    @Test
    void held_out_test_set_scores_stay_above_their_floors() {
        GoldReport r = run("test");
        GoldScores all = r.overall();
        assertThat(all.documents()).isGreaterThanOrEqualTo(40);
        assertThat(all.languageId().value()).isEqualTo(1.0);
        assertThat(all.places().f1()).isGreaterThanOrEqualTo(0.80);
        assertThat(all.accuracy161().value()).isGreaterThanOrEqualTo(0.93);
        assertThat(all.actors().f1()).isGreaterThanOrEqualTo(0.85);
        assertThat(all.events().f1()).isGreaterThanOrEqualTo(0.70);
        assertThat(all.dates().value()).isGreaterThanOrEqualTo(0.90);
        for (GoldScores lang : r.scores()) {
            assertThat(lang.places().f1()).as(lang.language() + " places F1").isGreaterThanOrEqualTo(0.78);
        }
    }

    @Test
    void dev_set_scores_stay_above_their_floors() {
        GoldReport r = run("dev");
        GoldScores all = r.overall();
        assertThat(all.documents()).isEqualTo(16);
        assertThat(all.languageId().value()).isEqualTo(1.0);
        assertThat(all.places().f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(all.accuracy161().value()).isGreaterThanOrEqualTo(0.95);
        assertThat(all.actors().f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(all.events().f1()).isGreaterThanOrEqualTo(0.90);
    }
}
