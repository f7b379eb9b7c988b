package org.daleel.custody;

import java.time.Instant;
import java.util.List;

/**
 * One RFC 3161 time-stamp of a ledger checkpoint and the outcome of checking it now, offline: the
 * token's imprint is the SHA-256 of the exact checkpoint note it stamps, its signature verifies at
 * genTime with the chain stored beside it, and the checkpoint is signed by the log and consistent
 * with the log as it is.
 *
 * @param treeSize the size of the checkpoint stamped
 * @param genTime the TSA's time in the token ({@link Instant#EPOCH} when unreadable)
 * @param tsa the subject of the TSA's signing certificate ("" when unreadable)
 * @param serial the token's serial number in hex ("" when unreadable)
 * @param file where the token is stored
 * @param problems what does not hold, each naming expected and found; empty when valid
 */
public record CheckpointStamp(
        long treeSize, Instant genTime, String tsa, String serial, String file, List<String> problems) {

    public CheckpointStamp {
        problems = List.copyOf(problems);
    }

    /** True when the time-stamp holds. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** {@code valid}, or {@code INVALID: } and the problems. */
    public String status() {
        return ok() ? "valid" : "INVALID: " + String.join("; ", problems);
    }
}
