package org.daleel.item;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an item entered the archive. */
public enum ItemKind {
    /** A web page captured live by Daleel, with its WARC. */
    CAPTURE,
    /** A file imported from disk or uploaded (HTML, text, PDF, image, ...). */
    FILE,
    /** A response record taken from an imported WARC or WACZ file. */
    WARC_RECORD;

    /** Parses a kind name case-insensitively; names the bad value and the valid ones. */
    public static ItemKind parse(String value) {
        for (ItemKind k : values()) {
            if (k.name().equalsIgnoreCase(value) || k.label().equals(value)) {
                return k;
            }
        }
        throw new org.daleel.core.InvalidInputException("item kind '" + value + "' is not one of "
                + Arrays.stream(values()).map(ItemKind::label).collect(Collectors.joining(", ")));
    }

    /** Lower-case label used in JSON and the UI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
