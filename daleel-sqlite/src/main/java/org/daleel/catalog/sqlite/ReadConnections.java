package org.daleel.catalog.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import org.daleel.core.DaleelException;

/**
 * A small pool of read-only connections, opened on first use. In WAL mode each read runs on its own
 * snapshot and neither waits for the writer nor blocks it, so reads from several threads proceed in
 * parallel. Connections run in auto-commit mode: every statement sees the latest committed state
 * and no read transaction stays open to hold back WAL checkpoints.
 */
final class ReadConnections implements AutoCloseable {
    /** Concurrent readers; more callers wait for a free connection. */
    static final int MAX_CONNECTIONS = 4;

    private final SqliteConnections connections;
    private final Semaphore permits = new Semaphore(MAX_CONNECTIONS, true);
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ReadConnections(SqliteConnections connections) {
        this.connections = connections;
    }

    /** Runs {@code work} on a pooled read-only connection. */
    <T> T read(SqlWork<T> work) throws SQLException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaleelException(
                    "catalog " + connections.file() + ": interrupted while waiting for a read connection", e);
        }
        try {
            Connection connection = borrow();
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException e) {
                // After a failure the connection is dropped rather than trusted with the next read.
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            giveBack(connection);
            return result;
        } finally {
            permits.release();
        }
    }

    private Connection borrow() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new DaleelException("catalog " + connections.file() + " is closed");
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
        }
        return connections.readOnly();
    }

    private void giveBack(Connection connection) throws SQLException {
        synchronized (this) {
            if (!closed) {
                idle.addFirst(connection);
                return;
            }
        }
        connection.close();
    }

    /** Closes idle connections now and busy ones when they are given back. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        synchronized (this) {
            closed = true;
            for (Connection connection : idle) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            idle.clear();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
