package org.daleel.analysis.eval;

/**
 * Precision, recall and F1 from true positives, false positives and false negatives (micro
 * averaged). With nothing predicted precision is 1; with nothing to find recall is 1.
 *
 * @param tp true positives
 * @param fp false positives
 * @param fn false negatives
 * @param precision tp / (tp + fp)
 * @param recall tp / (tp + fn)
 * @param f1 harmonic mean of precision and recall
 */
public record Prf(int tp, int fp, int fn, double precision, double recall, double f1) {
    /** Checks the counts and computes the ratios from them (the ratio arguments are ignored). */
    public Prf {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("counts must be >= 0: tp " + tp + ", fp " + fp + ", fn " + fn);
        }
        precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Scores from counts. */
    public static Prf of(int tp, int fp, int fn) {
        return new Prf(tp, fp, fn, 0, 0, 0);
    }

    /** The sum of two sets of counts. */
    public Prf plus(Prf o) {
        return of(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    /** "P 0.93  R 0.88  F1 0.90  (tp 44, fp 3, fn 6)". */
    public String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "P %.2f  R %.2f  F1 %.2f  (tp %d, fp %d, fn %d)",
                precision,
                recall,
                f1,
                tp,
                fp,
                fn);
    }
}
