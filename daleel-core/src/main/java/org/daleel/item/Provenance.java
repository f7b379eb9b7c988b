package org.daleel.item;

import java.util.Objects;

/**
 * What the person who added an item said about it. Claims are recorded as given, never as fact.
 *
 * @param operator who added the item (OS user or account name), or ""
 * @param note free-text note, or ""
 * @param claimedPlace place the source claims, as given, or ""
 * @param claimedDate date the source claims, as given (ISO-8601 when parseable), or ""
 */
public record Provenance(String operator, String note, String claimedPlace, String claimedDate) {
    /** Nothing known. */
    public static final Provenance NONE = new Provenance("", "", "", "");

    public Provenance {
        operator = Objects.requireNonNullElse(operator, "");
        note = Objects.requireNonNullElse(note, "");
        claimedPlace = Objects.requireNonNullElse(claimedPlace, "");
        claimedDate = Objects.requireNonNullElse(claimedDate, "");
    }
}
