package org.daleel.archive;

import java.util.Objects;
import org.daleel.item.Item;

/**
 * Outcome of importing one file.
 *
 * @param path the path (or upload name) as given
 * @param item the new or already archived item
 * @param status {@link Status#NEW} when stored now, {@link Status#DUPLICATE} when the bytes were
 *     already archived
 * @param records for a WARC or WACZ file, the number of response records imported as items; else 0
 */
public record ImportResult(String path, Item item, Status status, int records) {
    public ImportResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
    }

    /** Whether an import stored something new. */
    public enum Status {
        NEW,
        DUPLICATE;

        /** Lower-case label for JSON. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
