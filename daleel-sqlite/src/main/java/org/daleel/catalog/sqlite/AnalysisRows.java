package org.daleel.catalog.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemAnalysis.Actor;
import org.daleel.item.ItemAnalysis.Area;
import org.daleel.item.ItemAnalysis.AreaLevel;
import org.daleel.item.ItemAnalysis.DateMention;
import org.daleel.item.ItemAnalysis.Event;
import org.daleel.item.ItemAnalysis.Place;
import org.daleel.item.ItemAnalysis.PlaceSource;
import org.daleel.item.ItemAnalysis.Quantity;

/**
 * SQL for the analysis tables of schema V2 ({@code item_analysis}, {@code item_places}, ...) and
 * V3 ({@code item_quantities}).
 */
final class AnalysisRows {
    private static final List<String> TABLES =
            List.of("item_quantities", "item_places", "item_actors", "item_dates", "item_events", "item_analysis");

    private AnalysisRows() {}

    /** Replaces the analysis of an item in the caller's transaction. */
    static void replace(Connection c, String itemId, ItemAnalysis a) throws SQLException {
        for (String table : TABLES) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE item_id = ?")) {
                ps.setString(1, itemId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO item_analysis (item_id, version, language) VALUES (?, ?, ?)")) {
            ps.setString(1, itemId);
            ps.setString(2, a.version());
            ps.setString(3, a.language());
            ps.executeUpdate();
        }
        insertPlaces(c, itemId, a.places());
        insertActors(c, itemId, a.actors());
        insertDates(c, itemId, a.dates());
        insertEvents(c, itemId, a.events());
        insertQuantities(c, itemId, a.quantities());
    }

    private static void insertQuantities(Connection c, String itemId, List<Quantity> quantities) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_quantities (item_id, ordinal, value,"
                + " approximate, unit, what, event, places, actors, event_date, text, text_start, text_end)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Quantity q : quantities) {
                ps.setString(1, itemId);
                ps.setInt(2, ordinal++);
                ps.setDouble(3, q.value());
                ps.setInt(4, q.approximate() ? 1 : 0);
                ps.setString(5, q.unit());
                ps.setString(6, q.what());
                ps.setInt(7, q.event());
                ps.setString(
                        8,
                        String.join(
                                ",", q.places().stream().map(String::valueOf).toList()));
                ps.setString(9, String.join("\n", q.actors()));
                ps.setString(10, q.date());
                ps.setString(11, q.text());
                ps.setInt(12, q.start());
                ps.setInt(13, q.end());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<Quantity> quantities(Connection c, String itemId) throws SQLException {
        List<Quantity> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT value, approximate, unit, what, event, places,"
                + " actors, event_date, text, text_start, text_end FROM item_quantities WHERE item_id = ?"
                + " ORDER BY ordinal")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Quantity(
                            rs.getString(9),
                            rs.getInt(10),
                            rs.getInt(11),
                            rs.getDouble(1),
                            rs.getInt(2) == 1,
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            ids(rs.getString(6)),
                            lines(rs.getString(7)),
                            rs.getString(8)));
                }
            }
        }
        return out;
    }

    private static List<Long> ids(String commaSeparated) {
        return commaSeparated.isEmpty()
                ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(Long::valueOf).toList();
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    private static void insertPlaces(Connection c, String itemId, List<Place> places) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_places (item_id, ordinal, geoname_id, name,"
                + " name_ar, country_code, admin1, feature_code, lat, lon, admin1_id, admin1_name, country_id,"
                + " country_name, source, text, text_start, text_end, exif_lat, exif_lon, exif_km)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Place p : places) {
                ps.setString(1, itemId);
                ps.setInt(2, ordinal++);
                ps.setLong(3, p.geonameId());
                ps.setString(4, p.name());
                ps.setString(5, p.nameAr());
                ps.setString(6, p.countryCode());
                ps.setString(7, p.admin1());
                ps.setString(8, p.featureCode());
                ps.setDouble(9, p.lat());
                ps.setDouble(10, p.lon());
                Area admin1 = area(p, AreaLevel.ADMIN1);
                Area country = area(p, AreaLevel.COUNTRY);
                ps.setLong(11, admin1 == null ? 0 : admin1.geonameId());
                ps.setString(12, admin1 == null ? "" : admin1.name());
                ps.setLong(13, country == null ? 0 : country.geonameId());
                ps.setString(14, country == null ? "" : country.name());
                ps.setString(15, p.source().label());
                switch (p.source()) {
                    case PlaceSource.InText t -> {
                        ps.setString(16, t.text());
                        ps.setInt(17, t.start());
                        ps.setInt(18, t.end());
                        ps.setDouble(19, 0);
                        ps.setDouble(20, 0);
                        ps.setDouble(21, 0);
                    }
                    case PlaceSource.Exif e -> {
                        ps.setString(16, "");
                        ps.setInt(17, 0);
                        ps.setInt(18, 0);
                        ps.setDouble(19, e.lat());
                        ps.setDouble(20, e.lon());
                        ps.setDouble(21, e.distanceKm());
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Area area(Place p, AreaLevel level) {
        return p.within().stream().filter(a -> a.level() == level).findFirst().orElse(null);
    }

    private static void insertActors(Connection c, String itemId, List<Actor> actors) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_actors (item_id, ordinal, actor_id, name,"
                + " type, role, text, text_start, text_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Actor a : actors) {
                ps.setString(1, itemId);
                ps.setInt(2, ordinal++);
                ps.setString(3, a.id());
                ps.setString(4, a.name());
                ps.setString(5, a.type());
                ps.setString(6, a.role());
                ps.setString(7, a.text());
                ps.setInt(8, a.start());
                ps.setInt(9, a.end());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertDates(Connection c, String itemId, List<DateMention> dates) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_dates (item_id, ordinal, value, text,"
                + " text_start, text_end) VALUES (?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (DateMention d : dates) {
                ps.setString(1, itemId);
                ps.setInt(2, ordinal++);
                ps.setString(3, d.value());
                ps.setString(4, d.text());
                ps.setInt(5, d.start());
                ps.setInt(6, d.end());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertEvents(Connection c, String itemId, List<Event> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_events (item_id, ordinal, type, label,"
                + " event_date, actors, places, text, text_start, text_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Event e : events) {
                ps.setString(1, itemId);
                ps.setInt(2, ordinal++);
                ps.setString(3, e.type());
                ps.setString(4, e.label());
                ps.setString(5, e.date());
                ps.setString(6, String.join("\n", e.actors()));
                ps.setString(
                        7,
                        String.join(
                                ",", e.places().stream().map(String::valueOf).toList()));
                ps.setString(8, e.text());
                ps.setInt(9, e.start());
                ps.setInt(10, e.end());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The stored analysis of an item, or empty. */
    static Optional<ItemAnalysis> find(Connection c, String itemId) throws SQLException {
        String version;
        String language;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT version, language FROM item_analysis WHERE item_id = ?")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                version = rs.getString(1);
                language = rs.getString(2);
            }
        }
        return Optional.of(new ItemAnalysis(
                version,
                language,
                places(c, itemId),
                actors(c, itemId),
                dates(c, itemId),
                events(c, itemId),
                quantities(c, itemId)));
    }

    private static List<Place> places(Connection c, String itemId) throws SQLException {
        List<Place> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT geoname_id, name, name_ar, country_code, admin1,"
                + " feature_code, lat, lon, admin1_id, admin1_name, country_id, country_name, source, text,"
                + " text_start, text_end, exif_lat, exif_lon, exif_km FROM item_places WHERE item_id = ?"
                + " ORDER BY ordinal")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Area> within = new ArrayList<>(2);
                    if (rs.getLong(9) != 0) {
                        within.add(new Area(rs.getLong(9), rs.getString(10), AreaLevel.ADMIN1));
                    }
                    if (rs.getLong(11) != 0) {
                        within.add(new Area(rs.getLong(11), rs.getString(12), AreaLevel.COUNTRY));
                    }
                    PlaceSource source = rs.getString(13).equals("exif")
                            ? new PlaceSource.Exif(rs.getDouble(17), rs.getDouble(18), rs.getDouble(19))
                            : new PlaceSource.InText(rs.getString(14), rs.getInt(15), rs.getInt(16));
                    out.add(new Place(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getDouble(7),
                            rs.getDouble(8),
                            within,
                            source));
                }
            }
        }
        return out;
    }

    private static List<Actor> actors(Connection c, String itemId) throws SQLException {
        List<Actor> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT actor_id, name, type, role, text, text_start, text_end"
                + " FROM item_actors WHERE item_id = ? ORDER BY ordinal")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Actor(
                            rs.getString(5),
                            rs.getInt(6),
                            rs.getInt(7),
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static List<DateMention> dates(Connection c, String itemId) throws SQLException {
        List<DateMention> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT value, text, text_start, text_end FROM item_dates WHERE item_id = ? ORDER BY ordinal")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DateMention(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(1)));
                }
            }
        }
        return out;
    }

    private static List<Event> events(Connection c, String itemId) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT type, label, event_date, actors, places, text,"
                + " text_start, text_end FROM item_events WHERE item_id = ? ORDER BY ordinal")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String actors = rs.getString(4);
                    String places = rs.getString(5);
                    out.add(new Event(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(6),
                            rs.getInt(7),
                            rs.getInt(8),
                            actors.isEmpty() ? List.of() : List.of(actors.split("\n")),
                            places.isEmpty()
                                    ? List.of()
                                    : Arrays.stream(places.split(","))
                                            .map(Long::valueOf)
                                            .toList(),
                            rs.getString(3)));
                }
            }
        }
        return out;
    }
}
