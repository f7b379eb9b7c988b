package org.daleel.ledger.tsa;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of checking a stored time-stamp offline.
 *
 * @param genTime the genTime in the token ({@link Instant#EPOCH} when the token does not parse)
 * @param tsaName the subject of the signer certificate, or empty when none was found
 * @param serial the token's serial number in hex, or empty when the token does not parse
 * @param problems what is wrong, one sentence each naming expected and found; empty when valid
 */
public record TimestampVerification(Instant genTime, String tsaName, String serial, List<String> problems) {

    public TimestampVerification {
        problems = List.copyOf(problems);
    }

    /** True when no problem was found. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
