package org.daleel.custody;

import java.util.List;

/**
 * The RFC 3161 time-stamps of an archive's ledger checkpoints.
 *
 * @param tsa the TSA of the latest attempt to time-stamp ("" when none was made)
 * @param lastAttempt one line describing the latest attempt and its outcome ("" when none)
 * @param lastAttemptOk false when the latest attempt failed (the TSA is down or answered wrongly)
 * @param stamps every stored time-stamp, ascending by tree size, each checked now
 */
public record TimestampReport(String tsa, String lastAttempt, boolean lastAttemptOk, List<CheckpointStamp> stamps) {

    public TimestampReport {
        stamps = List.copyOf(stamps);
    }

    /** No time-stamp and no attempt. */
    public static TimestampReport none() {
        return new TimestampReport("", "", true, List.of());
    }
}
