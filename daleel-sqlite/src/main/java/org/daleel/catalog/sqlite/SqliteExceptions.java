package org.daleel.catalog.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;
import org.daleel.core.ConflictException;
import org.daleel.core.DaleelException;
import org.daleel.core.IntegrityException;

/** Translates driver exceptions into Daleel's exception hierarchy, naming the database file. */
final class SqliteExceptions {
    // Primary result codes, https://www.sqlite.org/rescode.html
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_NOTADB = 26;

    private SqliteExceptions() {}

    /**
     * The Daleel exception for a failed catalog operation.
     *
     * @param file the catalog's database file, named in the message
     * @param action what was attempted, e.g. "add item 01JD..."
     */
    static DaleelException translate(Path file, String action, SQLException e) {
        String message = "catalog " + file + ": " + action + " failed: " + e.getMessage();
        return switch (e.getErrorCode() & 0xff) {
            case SQLITE_BUSY, SQLITE_LOCKED ->
                new ConflictException(
                        message + " (another connection held the database longer than the "
                                + SqliteConnections.BUSY_TIMEOUT_MS / 1000 + " s busy timeout)",
                        e);
            case SQLITE_CONSTRAINT -> new ConflictException(message, e);
            case SQLITE_CORRUPT, SQLITE_NOTADB ->
                new IntegrityException(
                        "catalog " + file + ": " + action + " failed: the file is damaged or not a SQLite database ("
                                + e.getMessage() + ")",
                        e);
            case SQLITE_CANTOPEN ->
                new DaleelException(message + " (the file cannot be opened: a directory, or no permission)", e);
            case SQLITE_READONLY -> new DaleelException(message + " (the database or its directory is read-only)", e);
            default -> new DaleelException(message, e);
        };
    }
}
