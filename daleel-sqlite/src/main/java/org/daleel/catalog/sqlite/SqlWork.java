package org.daleel.catalog.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run on a connection the caller lends; SQLException is translated by the caller. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
