package org.daleel.catalog.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens JDBC connections to one catalog file, every one configured the same way: a 30 s busy
 * timeout so that several processes can share the file, foreign keys enforced, and
 * {@code synchronous=FULL} so that a committed transaction survives power loss
 * (https://www.sqlite.org/pragma.html#pragma_synchronous: in WAL mode FULL syncs the WAL on every
 * commit, NORMAL does not).
 */
final class SqliteConnections {
    /** How long a connection waits for another writer before failing with SQLITE_BUSY. */
    static final int BUSY_TIMEOUT_MS = 30_000;

    private final Path file;
    private final String url;

    SqliteConnections(Path file) {
        this.file = file;
        // A file: URI (percent-encoded by Path.toUri) keeps '?' or '#' in a directory name from
        // being read as connection parameters; SQLite decodes it (https://www.sqlite.org/uri.html).
        this.url = "jdbc:sqlite:" + file.toUri();
    }

    Path file() {
        return file;
    }

    /** A read-write connection that creates the file when absent. */
    Connection writable() throws SQLException {
        return config(false).createConnection(url);
    }

    /** A connection that cannot write to the database; the file must exist. */
    Connection readOnly() throws SQLException {
        return config(true).createConnection(url);
    }

    /** A data source of read-write connections, for Flyway. */
    DataSource writableDataSource() {
        SQLiteDataSource source = new SQLiteDataSource(config(false));
        source.setUrl(url);
        return source;
    }

    /**
     * Switches the database to write-ahead logging (persistent in the file) so that readers never
     * block the writer and the writer never blocks readers (https://www.sqlite.org/wal.html).
     */
    static void enableWal(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA journal_mode=WAL")) {
            String mode = rs.next() ? rs.getString(1) : "";
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new SQLException("expected journal_mode wal, SQLite kept '" + mode
                        + "' (WAL needs a local file system with shared memory)");
            }
        }
    }

    private static SQLiteConfig config(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        if (readOnly) {
            config.setReadOnly(true);
        }
        return config;
    }
}
