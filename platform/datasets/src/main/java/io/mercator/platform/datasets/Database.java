package io.mercator.platform.datasets;

import java.sql.Connection;
import java.sql.SQLException;

/** A named database connection of the configuration: what imports query and exports write to. */
public interface Database {

    /** @return the name users choose it by */
    String name();

    /** @return its JDBC URL, for messages (it holds no password: that is configured apart) */
    String url();

    /** @return rows fetched per round trip when a query's result is streamed */
    int fetchSize();

    /**
     * @return a new connection, which the caller closes
     * @throws SQLException when the database cannot be reached, refuses the login, or no
     *     installed driver accepts the URL
     */
    Connection connect() throws SQLException;
}
