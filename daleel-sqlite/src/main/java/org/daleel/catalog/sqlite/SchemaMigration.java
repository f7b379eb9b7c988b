package org.daleel.catalog.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.daleel.core.DaleelException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a catalog file to {@link #SCHEMA_VERSION} with Flyway (SQLite support is part of
 * flyway-core). The scripts live in {@value #LOCATION}, a location owned by this module so that no
 * other module's migrations are picked up from a shared class path.
 *
 * <p>Flyway does not lock SQLite's schema history (its SQLite table lock is a no-op), so two
 * processes opening a new catalog at the same moment would both try to create it. Migration
 * therefore runs under an exclusive lock on a sibling file ({@code <db>-migration.lock}); the
 * database file itself is never locked from Java, because closing any descriptor of a POSIX-locked
 * file drops SQLite's own locks on it (https://www.sqlite.org/howtocorrupt.html s2.2).
 */
final class SchemaMigration {
    /** Schema version this code reads and writes: the highest {@code V<n>__*.sql} script. */
    static final int SCHEMA_VERSION = 3;

    static final String LOCATION = "classpath:org/daleel/catalog/sqlite/migration";

    /** One migration at a time inside this JVM, since file locks are held per process. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private SchemaMigration() {}

    /**
     * Migrates the catalog when it is behind, using {@code connection} to read the version.
     *
     * @throws DaleelException when the file's schema is newer than this code or migration fails
     */
    static void migrate(SqliteConnections connections, Connection connection) throws SQLException {
        Path file = connections.file();
        int version = version(connection);
        if (version == SCHEMA_VERSION) {
            return;
        }
        requireNotNewer(file, version);
        IN_PROCESS.lock();
        try (FileChannel channel =
                FileChannel.open(lockFile(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // Released when the channel closes.
            channel.lock();
            // Another process may have migrated while this one waited for the lock.
            version = version(connection);
            requireNotNewer(file, version);
            if (version < SCHEMA_VERSION) {
                runFlyway(connections);
            }
        } catch (IOException e) {
            throw new DaleelException(
                    "catalog " + file + ": cannot lock " + lockFile(file) + " to migrate the schema: " + e, e);
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /**
     * The schema version recorded in the file, 0 when it has no schema history (a new file).
     */
    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"
                    + " WHERE success = 1 AND version IS NOT NULL")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    static void requireNotNewer(Path file, int version) {
        if (version > SCHEMA_VERSION) {
            throw new DaleelException("catalog " + file + ": schema version " + version
                    + " was written by a newer Daleel; this one reads version " + SCHEMA_VERSION + ", upgrade Daleel");
        }
    }

    private static void runFlyway(SqliteConnections connections) {
        try {
            Flyway.configure(SchemaMigration.class.getClassLoader())
                    .loggers(FlywayLog.class.getName())
                    .dataSource(connections.writableDataSource())
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DaleelException(
                    "catalog " + connections.file() + ": schema migration to version " + SCHEMA_VERSION + " failed: "
                            + e.getMessage(),
                    e);
        }
    }

    private static Path lockFile(Path file) {
        return file.resolveSibling(file.getFileName() + "-migration.lock");
    }
}
