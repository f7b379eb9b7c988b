package org.daleel.core;

/** Input from a user or a caller is malformed or out of bounds: a bad URL, an unsupported option, a file that does not exist. */
public final class InvalidInputException extends DaleelException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
