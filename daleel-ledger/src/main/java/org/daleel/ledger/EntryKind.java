package org.daleel.ledger;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.daleel.core.InvalidInputException;

/** What a ledger entry records. The set is closed; a new kind is a new format version. */
public enum EntryKind {
    /** A web page was captured into a WARC. */
    CAPTURE,
    /** A file (image, video, PDF, WARC, ...) was imported. */
    IMPORT,
    /** An item's descriptive metadata changed (the originals never change). */
    METADATA_EDIT,
    /** A note, tag or link was attached to an item. */
    ANNOTATION,
    /** Someone asked for an item to be deleted or hidden; the request itself is evidence. */
    DELETION_REQUEST,
    /** The ledger's signing key was replaced; the entry names the new verifier key. */
    KEY_ROTATION;

    /** True for kinds that are about one archived item and so carry its id. */
    public boolean concernsItem() {
        return this != KEY_ROTATION;
    }

    /** The kind named exactly {@code s}; the error lists the valid names. */
    public static EntryKind parse(String s) {
        for (EntryKind k : values()) {
            if (k.name().equals(s)) {
                return k;
            }
        }
        throw new InvalidInputException("'" + s + "' is not a ledger entry kind; expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
