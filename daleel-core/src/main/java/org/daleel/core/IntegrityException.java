package org.daleel.core;

/** Stored bytes do not match what the archive recorded: a changed, truncated or missing file. */
public final class IntegrityException extends DaleelException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
