package org.daleel.catalog.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daleel.item.Item;
import org.daleel.item.ItemKind;
import org.daleel.item.Provenance;
import org.daleel.item.Resource;
import org.daleel.item.WarcRef;

/** SQL for the {@code items} and {@code resources} tables and the mapping between rows and records. */
final class ItemRows {
    private static final String COLUMNS = "seq, id, kind, url, requested_url, file_name, sha256, size, media_type,"
            + " captured_at, title, text, language, published, extraction_note,"
            + " warc_file_name, warc_sha256, warc_size, warc_offset,"
            + " operator, note, claimed_place, claimed_date";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM items ";
    private static final String INSERT = "INSERT INTO items (" + COLUMNS.substring("seq, ".length())
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq";
    private static final String INSERT_RESOURCE = "INSERT INTO resources"
            + " (item_id, ordinal, url, status, media_type, sha256, size, warc_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Fixed nine fraction digits, so that the stored text sorts in time order (Instant.toString
     * drops zero fractions, and "...:30Z" would sort after "...:30.5Z").
     */
    private static final DateTimeFormatter CAPTURED_AT =
            new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private ItemRows() {}

    /** Inserts the item and its resources in the caller's transaction; returns the item with its seq. */
    static Item insert(Connection c, Item item, List<Resource> resources) throws SQLException {
        long seq;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, item);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("insert of item " + item.id() + " returned no seq");
                }
                seq = rs.getLong(1);
            }
        }
        if (!resources.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_RESOURCE)) {
                int ordinal = 0;
                for (Resource r : resources) {
                    ps.setString(1, item.id());
                    ps.setInt(2, ordinal++);
                    ps.setString(3, r.url());
                    ps.setInt(4, r.status());
                    ps.setString(5, r.mediaType());
                    ps.setString(6, r.sha256());
                    ps.setLong(7, r.size());
                    ps.setLong(8, r.warcOffset());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return item.withSeq(seq);
    }

    static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM items WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static Optional<Item> find(Connection c, String id) throws SQLException {
        return first(query(c, SELECT + "WHERE id = ?", id));
    }

    static Optional<Item> findFileBySha256(Connection c, String sha256) throws SQLException {
        return first(query(c, SELECT + "WHERE kind = 'FILE' AND sha256 = ? ORDER BY seq LIMIT 1", sha256));
    }

    static List<Item> listBySha256(Connection c, String sha256) throws SQLException {
        return query(c, SELECT + "WHERE sha256 = ? ORDER BY seq", sha256);
    }

    static List<Item> listAfter(Connection c, long afterSeq, int limit) throws SQLException {
        return query(c, SELECT + "WHERE seq > ? ORDER BY seq LIMIT ?", afterSeq, limit);
    }

    /** Items after {@code afterSeq} with no analysis, or (version not empty) one of another version. */
    static List<Item> listUnanalysed(Connection c, String version, long afterSeq, int limit) throws SQLException {
        return query(
                c,
                SELECT + "WHERE seq > ? AND NOT EXISTS (SELECT 1 FROM item_analysis a WHERE a.item_id = items.id"
                        + " AND (? = '' OR a.version = ?)) ORDER BY seq LIMIT ?",
                afterSeq,
                version,
                version,
                limit);
    }

    /** Number of items {@link #listUnanalysed} lists from the start. */
    static long countUnanalysed(Connection c, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM items WHERE NOT EXISTS (SELECT 1 FROM"
                + " item_analysis a WHERE a.item_id = items.id AND (? = '' OR a.version = ?))")) {
            ps.setString(1, version);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<Item> listRecent(Connection c, int limit) throws SQLException {
        return query(c, SELECT + "ORDER BY seq DESC LIMIT ?", limit);
    }

    static List<Resource> resources(Connection c, String itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT url, status, media_type, sha256, size, warc_offset"
                + " FROM resources WHERE item_id = ? ORDER BY ordinal")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Resource> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Resource(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getLong(6)));
                }
                return out;
            }
        }
    }

    /** Runs a single-value query such as {@code SELECT count(*) FROM items}. */
    static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<Item> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Item> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    private static Optional<Item> first(List<Item> items) {
        return items.stream().findFirst();
    }

    private static void bind(PreparedStatement ps, Item item) throws SQLException {
        int i = 1;
        ps.setString(i++, item.id());
        ps.setString(i++, item.kind().name());
        ps.setString(i++, item.url());
        ps.setString(i++, item.requestedUrl());
        ps.setString(i++, item.fileName());
        ps.setString(i++, item.sha256());
        ps.setLong(i++, item.size());
        ps.setString(i++, item.mediaType());
        ps.setString(i++, CAPTURED_AT.format(item.capturedAt()));
        ps.setString(i++, item.title());
        ps.setString(i++, item.text());
        ps.setString(i++, item.language());
        ps.setString(i++, item.published());
        ps.setString(i++, item.extractionNote());
        WarcRef warc = item.warc();
        ps.setString(i++, warc.fileName());
        ps.setString(i++, warc.sha256());
        ps.setLong(i++, warc.size());
        ps.setLong(i++, warc.offset());
        Provenance p = item.provenance();
        ps.setString(i++, p.operator());
        ps.setString(i++, p.note());
        ps.setString(i++, p.claimedPlace());
        ps.setString(i, p.claimedDate());
    }

    private static Item read(ResultSet rs) throws SQLException {
        return new Item(
                rs.getString("id"),
                rs.getLong("seq"),
                ItemKind.valueOf(rs.getString("kind")),
                rs.getString("url"),
                rs.getString("requested_url"),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.getLong("size"),
                rs.getString("media_type"),
                Instant.parse(rs.getString("captured_at")),
                rs.getString("title"),
                rs.getString("text"),
                rs.getString("language"),
                rs.getString("published"),
                rs.getString("extraction_note"),
                new WarcRef(
                        rs.getString("warc_file_name"),
                        rs.getString("warc_sha256"),
                        rs.getLong("warc_size"),
                        rs.getLong("warc_offset")),
                new Provenance(
                        rs.getString("operator"),
                        rs.getString("note"),
                        rs.getString("claimed_place"),
                        rs.getString("claimed_date")));
    }
}
