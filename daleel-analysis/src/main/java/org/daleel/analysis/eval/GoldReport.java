package org.daleel.analysis.eval;

import java.util.List;
import java.util.Objects;

/**
 * The analyzer's scores on one gold set: per language ("en", "ar") and overall ("all"), with every
 * error listed.
 *
 * @param set the set's name
 * @param scores scores for "en", "ar" and "all", in that order (a language without documents is left
 *     out)
 * @param errors the errors in document order
 * @param unknownGoldIds gold GeoNames ids the gazetteer does not hold (they can only be missed, and
 *     are left out of accuracy@161km)
 */
public record GoldReport(String set, List<GoldScores> scores, List<EvalError> errors, List<Long> unknownGoldIds) {
    /** Copies the lists. */
    public GoldReport {
        Objects.requireNonNull(set, "set");
        scores = List.copyOf(scores);
        errors = List.copyOf(errors);
        unknownGoldIds = List.copyOf(unknownGoldIds);
    }

    /** The scores over all documents. */
    public GoldScores overall() {
        return scores.stream()
                .filter(s -> s.language().equals("all"))
                .findFirst()
                .orElseThrow();
    }
}
