package org.daleel.custody;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.daleel.core.InvalidInputException;

/**
 * One event of an item's chain of custody, as the archive records it in the {@link CustodyLog}:
 * what happened, to which item, the digests of the stored bytes it vouches for, who did it, when and
 * with which tool.
 *
 * @param kind what happened
 * @param itemId the item's id (a ULID); empty only for {@link Kind#KEY_ROTATION}
 * @param digests the payloads and WARC files the event vouches for, in a stable order, possibly none
 * @param actor who did it (an account, or {@code cli:<user>}); non-empty, one line
 * @param time when it happened
 * @param toolVersion the software that did it, e.g. {@code daleel/0.1.0}
 * @param note free text, or ""
 */
public record CustodyEvent(
        Kind kind, String itemId, List<Digest> digests, String actor, Instant time, String toolVersion, String note) {

    /** What a custody event records. Closed: a new kind is a new ledger format version. */
    public enum Kind {
        /** A web page was captured into a WARC. */
        CAPTURE,
        /** A file (or a WARC file, or a record of an imported WARC) was imported. */
        IMPORT,
        /** An item's descriptive metadata changed (the originals never change). */
        METADATA_EDIT,
        /** A note, tag or link was attached to an item. */
        ANNOTATION,
        /** Someone asked for an item to be deleted or hidden; the request itself is evidence. */
        DELETION_REQUEST,
        /** The log's signing key was replaced. */
        KEY_ROTATION
    }

    /** Roles of digests the archive writes. */
    public static final String PAYLOAD = "payload";
    /** The WARC file that holds the item's records. */
    public static final String WARC = "warc";
    /** An embedded resource (image, stylesheet, script) captured with a page. */
    public static final String RESOURCE = "resource";

    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * The SHA-256 and size of one stored file or payload.
     *
     * @param role what it is to the item: {@link #PAYLOAD}, {@link #WARC}, {@link #RESOURCE}, ...
     *     ({@code [a-z][a-z0-9._-]*}, at most 64 characters)
     * @param sha256 64 lowercase hex digits
     * @param size length in bytes, 0 or more
     */
    public record Digest(String role, String sha256, long size) {
        public Digest {
            if (role == null || !ROLE.matcher(role).matches()) {
                throw new InvalidInputException(
                        "custody digest role '" + role + "': expected a lowercase token like warc or payload");
            }
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw new InvalidInputException("custody digest '" + sha256 + "': expected 64 lowercase hex digits");
            }
            if (size < 0) {
                throw new InvalidInputException("custody digest " + sha256 + ": negative size " + size);
            }
        }
    }

    public CustodyEvent {
        Objects.requireNonNull(kind, "kind");
        itemId = Objects.requireNonNullElse(itemId, "");
        digests = List.copyOf(digests);
        if (actor == null || actor.isBlank()) {
            throw new InvalidInputException("custody event for " + itemId + ": actor is required");
        }
        Objects.requireNonNull(time, "time");
        if (toolVersion == null || toolVersion.isBlank()) {
            throw new InvalidInputException("custody event for " + itemId + ": tool version is required");
        }
        note = Objects.requireNonNullElse(note, "");
    }
}
