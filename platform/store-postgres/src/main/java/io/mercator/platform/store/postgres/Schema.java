package io.mercator.platform.store.postgres;

import io.mercator.api.ValidationException;
import io.mercator.platform.store.common.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Mercator's tables in one PostgreSQL schema, created and brought up to date by numbered scripts
 * ({@code schema/<version>-<name>.sql}). {@code schema_version} records each applied script.
 * Every node runs {@link #migrate} at start; a transaction-scoped advisory lock makes nodes that
 * start together take turns, and since PostgreSQL's DDL is transactional a failed script leaves
 * the previous version intact.
 */
final class Schema {

    /** The scripts, oldest first; a released script is never edited, only followed by a new one. */
    static final List<Script> SCRIPTS = List.of(
            new Script(1, "models"),
            new Script(2, "datasets-and-jobs"),
            new Script(3, "datasets-jobs-schedules"));

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String name;
    private final long lockKey;

    /**
     * @param name the schema's name: lower-case letters, digits and '_'
     * @throws ValidationException when the name is not one
     */
    Schema(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("schema", "'" + name
                    + "' is not a schema name (lower-case letters, digits and '_', at most 63)");
        }
        this.name = name;
        byte[] hash = Sha256.digest().digest(("io.mercator.store.postgres/" + name).getBytes(StandardCharsets.UTF_8));
        this.lockKey = ByteBuffer.wrap(hash).getLong();
    }

    /** @return the schema's name, safe to put into SQL as it is */
    String name() {
        return name;
    }

    /**
     * @param table a table of the schema
     * @return its qualified name for SQL
     */
    String table(String table) {
        return name + "." + table;
    }

    /**
     * Creates the schema or applies the scripts it misses, in one transaction.
     *
     * @param dataSource the database
     * @param node who migrates, recorded with each script
     * @return the schema's version now
     * @throws SQLException when the database refuses, or holds a newer schema than this code knows
     */
    int migrate(DataSource dataSource, String node) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int version = migrate(connection, node);
                connection.commit();
                return version;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            }
        }
    }

    private int migrate(Connection connection, String node) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
            lock.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + name);
            statement.execute("CREATE TABLE IF NOT EXISTS " + table("schema_version") + " ("
                    + "version integer PRIMARY KEY, description text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL)");
        }
        int current;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT coalesce(max(version), 0) FROM "
                        + table("schema_version"))) {
            result.next();
            current = result.getInt(1);
        }
        int latest = SCRIPTS.get(SCRIPTS.size() - 1).version();
        if (current > latest) {
            throw new SQLException("the database schema '" + name + "' is at version " + current
                    + ", newer than this Mercator knows (" + latest + "): upgrade Mercator on this node");
        }
        for (Script script : SCRIPTS) {
            if (script.version() > current) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(script.sql(name));
                }
                try (PreparedStatement record = connection.prepareStatement("INSERT INTO " + table("schema_version")
                        + " (version, description, applied_by) VALUES (?, ?, ?)")) {
                    record.setInt(1, script.version());
                    record.setString(2, script.name());
                    record.setString(3, node);
                    record.executeUpdate();
                }
                current = script.version();
            }
        }
        return current;
    }

    /** One numbered script; {@code ${schema}} in it stands for the schema's name. */
    record Script(int version, String name) {

        String sql(String schema) {
            String resource = "schema/" + version + "-" + name + ".sql";
            try (InputStream in = Schema.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the bundle lacks its schema script " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${schema}", schema);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read the schema script " + resource, unreadable);
            }
        }
    }
}
