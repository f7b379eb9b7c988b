package org.daleel.ledger.tsa;

import org.daleel.core.DaleelException;

/**
 * A Time-Stamp Authority could not be reached or answered with something that is not a valid
 * time-stamp for the request: the message names the TSA URL, what was expected and what was found.
 */
public final class TimestampException extends DaleelException {
    private static final long serialVersionUID = 1L;

    public TimestampException(String message) {
        super(message);
    }

    public TimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
