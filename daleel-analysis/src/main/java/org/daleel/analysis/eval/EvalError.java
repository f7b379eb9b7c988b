package org.daleel.analysis.eval;

import java.util.Objects;

/**
 * One disagreement between the analyzer and the gold annotation.
 *
 * @param set the gold set
 * @param document the document id
 * @param kind what went wrong: "place-missed", "place-wrong" (another place chosen), "place-span"
 *     (right place, other span), "place-spurious", "place-trap" (a word resolved as a place),
 *     "actor-missed", "actor-extra", "event-missed", "event-extra", "date-missed", "date-wrong", "language"
 * @param detail a line for a person: the mention, the expected and the found values
 */
public record EvalError(String set, String document, String kind, String detail) {
    /** Validates the fields. */
    public EvalError {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
