package io.mercator.platform.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The connection pool to Mercator's database (HikariCP over the PostgreSQL driver's data source). */
public final class ConnectionPool {

    private ConnectionPool() {
    }

    /**
     * Opens a pool; it connects on first use, so a database that is down now does not stop it.
     *
     * @param url a PostgreSQL JDBC URL
     * @param user the database user
     * @param password the user's password
     * @param size the most connections to keep open
     * @return the pool; close it to close its connections
     */
    public static HikariDataSource open(String url, String user, String password, int size) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(url);
        database.setUser(user);
        database.setPassword(password);
        database.setApplicationName("mercator");
        // binary transfer from the first execution (-1): model bytes arrive as bytes, not as hex text
        database.setPrepareThreshold(-1);
        HikariConfig settings = new HikariConfig();
        settings.setDataSource(database);
        settings.setPoolName("mercator-database");
        settings.setMaximumPoolSize(size);
        settings.setMinimumIdle(1);
        settings.setConnectionTimeout(10_000);
        settings.setInitializationFailTimeout(-1);
        return new HikariDataSource(settings);
    }
}
