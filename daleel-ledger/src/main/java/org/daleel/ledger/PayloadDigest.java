package org.daleel.ledger;

import org.daleel.blob.Digests;
import org.daleel.core.InvalidInputException;

/**
 * The SHA-256 and size of one stored payload that a ledger entry vouches for.
 *
 * @param role what the payload is to the item: a lowercase token such as {@code warc},
 *     {@code payload}, {@code screenshot} ({@code [a-z][a-z0-9._-]*}, at most 64 characters)
 * @param sha256 lowercase hex SHA-256 of the payload's bytes
 * @param size the payload's length in bytes, 0 to 2^53-1 (exact in every JSON reader)
 */
public record PayloadDigest(String role, String sha256, long size) {
    /** Largest integer every JSON implementation reads exactly (2^53-1). */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    public PayloadDigest {
        if (role == null || !role.matches("[a-z][a-z0-9._-]{0,63}")) {
            throw new InvalidInputException(
                    "payload role '" + role + "': expected a lowercase token like warc or payload");
        }
        Digests.requireSha256Hex(sha256);
        if (size < 0 || size > MAX_SAFE_INTEGER) {
            throw new InvalidInputException("payload " + sha256 + ": size " + size + " is outside 0..2^53-1");
        }
    }
}
