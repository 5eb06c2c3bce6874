package io.mercator.platform.datasets;

import io.mercator.testing.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A named connection to a test database through the driver on the test class path (no OSGi). */
record TestDatabase(String name, String url, String user, String password, int fetchSize) implements Database {

    static TestDatabase of(String name, PostgresDatabase database) {
        return new TestDatabase(name, database.url(), database.user(), database.password(), 100);
    }

    static ConnectionRegistry registry(Database... databases) {
        ConnectionRegistry registry = new ConnectionRegistry();
        for (Database database : databases) {
            registry.add(database);
        }
        return registry;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
