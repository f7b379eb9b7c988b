package org.daleel.core;

/** A write conflicts with what is stored (for example another writer holds the data directory). */
public final class ConflictException extends DaleelException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
