package org.daleel.archive;

import java.util.Objects;
import org.daleel.item.Provenance;

/**
 * Per-call options of capture and import.
 *
 * @param provenance operator, note and claimed place/date recorded with new items
 */
public record ItemOptions(Provenance provenance) {
    public ItemOptions {
        Objects.requireNonNull(provenance, "provenance");
    }

    /** No note or claims; operator only. */
    public static ItemOptions of(String operator) {
        return new ItemOptions(new Provenance(operator, "", "", ""));
    }
}
