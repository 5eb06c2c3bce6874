package io.mercator.platform.store.postgres;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections see Mercator's schema up to date: the first connection handed
 * out (and every one after a failed attempt) first runs {@link Schema#migrate}. What the platform's
 * services that keep their records in PostgreSQL (models, data sets, jobs, schedules) connect
 * through.
 */
final class MigratingDataSource implements DataSource {

    private final DataSource pool;
    private final Schema schema;
    private final String node;
    private volatile int version;

    MigratingDataSource(DataSource pool, Schema schema, String node) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.node = Objects.requireNonNull(node, "node");
    }

    /**
     * @return the schema's version, migrating it first unless done already
     * @throws SQLException when the database cannot be reached, refuses, or is newer than this code
     */
    int migrate() throws SQLException {
        if (version == 0) {
            synchronized (this) {
                if (version == 0) {
                    version = schema.migrate(pool, node);
                }
            }
        }
        return version;
    }

    @Override
    public Connection getConnection() throws SQLException {
        migrate();
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool connects as its configured user only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
