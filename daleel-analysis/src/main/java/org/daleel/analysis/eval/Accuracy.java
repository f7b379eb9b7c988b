package org.daleel.analysis.eval;

import java.util.Locale;

/**
 * A share of correct cases.
 *
 * @param correct cases right
 * @param total cases scored
 * @param value correct / total (1 when nothing was scored)
 */
public record Accuracy(int correct, int total, double value) {
    /** Checks the counts and computes the value (the value argument is ignored). */
    public Accuracy {
        if (correct < 0 || total < correct) {
            throw new IllegalArgumentException("expected 0 <= correct <= total, found " + correct + "/" + total);
        }
        value = total == 0 ? 1 : (double) correct / total;
    }

    /** Accuracy from counts. */
    public static Accuracy of(int correct, int total) {
        return new Accuracy(correct, total, 0);
    }

    /** The sum of two counts. */
    public Accuracy plus(Accuracy o) {
        return of(correct + o.correct, total + o.total);
    }

    /** "0.91 (41/45)". */
    public String summary() {
        return String.format(Locale.ROOT, "%.2f (%d/%d)", value, correct, total);
    }
}
