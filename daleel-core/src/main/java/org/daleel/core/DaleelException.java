package org.daleel.core;

/**
 * Root of Daleel's domain exceptions. Messages name the resource, what was expected and what was
 * found, so that the CLI can print them as one line and the web layer can map them to a status.
 */
public class DaleelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DaleelException(String message) {
        super(message);
    }

    public DaleelException(String message, Throwable cause) {
        super(message, cause);
    }
}
