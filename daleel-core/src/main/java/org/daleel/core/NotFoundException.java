package org.daleel.core;

/** A looked-up resource (item, blob, WARC) does not exist. */
public final class NotFoundException extends DaleelException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
