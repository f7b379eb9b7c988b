package org.daleel.catalog.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.daleel.catalog.Catalog;
import org.daleel.core.ConflictException;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemKind;
import org.daleel.item.Resource;

/**
 * The {@link Catalog} in one SQLite database file, the embedded default.
 *
 * <p>The file is in WAL mode with {@code synchronous=FULL}: when {@link #add} returns, the item is
 * in the write-ahead log and synced to disk, so it survives a killed process and a power cut.
 * Several processes may open the same file. Each write is one {@code BEGIN IMMEDIATE} transaction
 * on this instance's single write connection (threads of one instance queue on a lock; other
 * processes wait on SQLite's lock for up to 30 s, then get a {@link ConflictException}). Reads run
 * on a small pool of read-only connections and never wait for writers. Because sequences are
 * assigned inside the serialised write transactions, commit order is seq order, so a reader
 * following {@link #listAfter} never misses an item that commits later with a smaller seq.
 *
 * <p>The schema is migrated by Flyway when the file is opened read-write; its version is recorded
 * in {@code flyway_schema_history}. Storage failures surface as {@link DaleelException} subclasses
 * naming the database file.
 */
public final class SqliteCatalog implements Catalog {
    private final SqliteConnections connections;
    private final boolean readOnly;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReadConnections readers;
    private volatile boolean closed;

    private SqliteCatalog(SqliteConnections connections, boolean readOnly, Connection writer) {
        this.connections = connections;
        this.readOnly = readOnly;
        this.writer = writer;
        this.readers = new ReadConnections(connections);
    }

    /**
     * Opens the catalog in {@code dbFile} for reading and writing, creating the file and its parent
     * directories when absent and migrating the schema to the version this code uses.
     *
     * @throws org.daleel.core.IntegrityException when the file is not a SQLite database
     * @throws DaleelException when the file cannot be created or its schema is newer than this code
     */
    public static SqliteCatalog open(Path dbFile) {
        Path file = dbFile.toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new DaleelException(
                    "catalog " + file + ": cannot create directory " + file.getParent() + ": " + e, e);
        }
        SqliteConnections connections = new SqliteConnections(file);
        return connect(connections, false, "open", () -> {
            Connection writer = connections.writable();
            try {
                SqliteConnections.enableWal(writer);
                SchemaMigration.migrate(connections, writer);
                return writer;
            } catch (SQLException | RuntimeException e) {
                closeAfterFailure(writer, e);
                throw e;
            }
        });
    }

    /**
     * Opens an existing catalog for reading only, for processes that never write; it creates
     * nothing and does not migrate. Writes on it throw {@link DaleelException}.
     *
     * @throws NotFoundException naming the path when the file does not exist
     * @throws DaleelException when the file's schema version differs from this code's
     */
    public static SqliteCatalog openReadOnly(Path dbFile) {
        Path file = dbFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("catalog " + file + " does not exist (no archive there yet?)");
        }
        SqliteConnections connections = new SqliteConnections(file);
        return connect(connections, true, "open read-only", () -> {
            Connection reader = connections.readOnly();
            try {
                int version = SchemaMigration.version(reader);
                SchemaMigration.requireNotNewer(file, version);
                if (version < SchemaMigration.SCHEMA_VERSION) {
                    throw new DaleelException("catalog " + file + ": schema version " + version + ", expected "
                            + SchemaMigration.SCHEMA_VERSION + "; open it read-write once to migrate it");
                }
                return reader;
            } catch (SQLException | RuntimeException e) {
                closeAfterFailure(reader, e);
                throw e;
            }
        });
    }

    private interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private static SqliteCatalog connect(
            SqliteConnections connections, boolean readOnly, String action, ConnectionOpener opener) {
        try {
            return new SqliteCatalog(connections, readOnly, opener.open());
        } catch (SQLException e) {
            throw SqliteExceptions.translate(connections.file(), action, e);
        }
    }

    /** The database file. */
    public Path file() {
        return connections.file();
    }

    @Override
    public Item add(Item item, List<Resource> resources) {
        return add(item, resources, Optional.empty());
    }

    @Override
    public Item add(Item item, List<Resource> resources, ItemAnalysis analysis) {
        return add(item, resources, Optional.of(analysis));
    }

    private Item add(Item item, List<Resource> resources, Optional<ItemAnalysis> analysis) {
        Objects.requireNonNull(item, "item");
        List<Resource> copy = List.copyOf(resources);
        return write("add item " + item.id(), c -> {
            Item stored = insertNew(c, item, copy);
            if (analysis.isPresent()) {
                AnalysisRows.replace(c, item.id(), analysis.get());
            }
            return stored;
        });
    }

    @Override
    public AddResult addIfAbsent(Item item) {
        return addIfAbsent(item, Optional.empty());
    }

    @Override
    public AddResult addIfAbsent(Item item, ItemAnalysis analysis) {
        return addIfAbsent(item, Optional.of(analysis));
    }

    private AddResult addIfAbsent(Item item, Optional<ItemAnalysis> analysis) {
        Objects.requireNonNull(item, "item");
        if (item.kind() != ItemKind.FILE) {
            throw new InvalidInputException("catalog " + file() + ": addIfAbsent takes file items, item " + item.id()
                    + " is a " + item.kind().label() + " item");
        }
        return write("add item " + item.id(), c -> {
            Optional<Item> existing = ItemRows.findFileBySha256(c, item.sha256());
            if (existing.isPresent()) {
                return new AddResult(existing.get(), false);
            }
            Item stored = insertNew(c, item, List.of());
            if (analysis.isPresent()) {
                AnalysisRows.replace(c, item.id(), analysis.get());
            }
            return new AddResult(stored, true);
        });
    }

    private Item insertNew(Connection c, Item item, List<Resource> resources) throws SQLException {
        if (ItemRows.exists(c, item.id())) {
            throw new ConflictException("catalog " + file() + ": item " + item.id() + " already exists");
        }
        return ItemRows.insert(c, item, resources);
    }

    @Override
    public Optional<Item> find(String id) {
        return read("find item " + id, c -> ItemRows.find(c, id));
    }

    @Override
    public Item get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("item " + id + " not found in catalog " + file()));
    }

    @Override
    public Optional<Item> findFileBySha256(String sha256) {
        return read("find file sha256:" + sha256, c -> ItemRows.findFileBySha256(c, sha256));
    }

    @Override
    public List<Item> listBySha256(String sha256) {
        return read("list items with sha256:" + sha256, c -> ItemRows.listBySha256(c, sha256));
    }

    @Override
    public List<Resource> resources(String itemId) {
        return read("list resources of item " + itemId, c -> ItemRows.resources(c, itemId));
    }

    @Override
    public List<Item> listAfter(long afterSeq, int limit) {
        requireLimit(limit);
        return read("list items after seq " + afterSeq, c -> ItemRows.listAfter(c, afterSeq, limit));
    }

    @Override
    public List<Item> listRecent(int limit) {
        requireLimit(limit);
        return read("list recent items", c -> ItemRows.listRecent(c, limit));
    }

    @Override
    public long count() {
        return read("count items", c -> ItemRows.scalar(c, "SELECT count(*) FROM items"));
    }

    @Override
    public long maxSeq() {
        return read("read the highest seq", c -> ItemRows.scalar(c, "SELECT coalesce(max(seq), 0) FROM items"));
    }

    @Override
    public void putAnalysis(String itemId, ItemAnalysis analysis) {
        Objects.requireNonNull(analysis, "analysis");
        write("store the analysis of item " + itemId, c -> {
            if (!ItemRows.exists(c, itemId)) {
                throw new NotFoundException("item " + itemId + " not found in catalog " + file());
            }
            AnalysisRows.replace(c, itemId, analysis);
            return null;
        });
    }

    @Override
    public Optional<ItemAnalysis> analysis(String itemId) {
        return read("read the analysis of item " + itemId, c -> AnalysisRows.find(c, itemId));
    }

    @Override
    public List<Item> listUnanalysed(String version, long afterSeq, int limit) {
        requireLimit(limit);
        String v = Objects.requireNonNull(version, "version");
        return read("list unanalysed items", c -> ItemRows.listUnanalysed(c, v, afterSeq, limit));
    }

    @Override
    public long countUnanalysed(String version) {
        String v = Objects.requireNonNull(version, "version");
        return read("count unanalysed items", c -> ItemRows.countUnanalysed(c, v));
    }

    /** Closes the connections; waits for a write in progress on this instance. Idempotent. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                writer.close();
            } finally {
                readers.close();
            }
        } catch (SQLException e) {
            throw SqliteExceptions.translate(file(), "close", e);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T write(String action, SqlWork<T> work) {
        if (readOnly) {
            throw new DaleelException("catalog " + file() + " is open read-only: cannot " + action);
        }
        writeLock.lock();
        try {
            requireOpen();
            // IMMEDIATE takes the write lock at BEGIN, waiting up to the busy timeout for other
            // processes; a deferred transaction could fail with SQLITE_BUSY_SNAPSHOT when its read
            // snapshot is upgraded to a write (https://www.sqlite.org/lang_transaction.html).
            execute("BEGIN IMMEDIATE");
            T result;
            try {
                result = work.run(writer);
                execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackAfterFailure(e);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw SqliteExceptions.translate(file(), action, e);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T read(String action, SqlWork<T> work) {
        requireOpen();
        try {
            return readers.read(work);
        } catch (SQLException e) {
            throw SqliteExceptions.translate(file(), action, e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute(sql);
        }
    }

    private void rollbackAfterFailure(Exception failure) {
        try {
            // Some failed COMMITs (I/O errors) have already rolled back; then this ROLLBACK fails
            // harmlessly and is only recorded as suppressed.
            execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new DaleelException("catalog " + file() + " is closed");
        }
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new InvalidInputException("limit must be 0 or more, got " + limit);
        }
    }

    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
