package io.mercator.platform.datasets;

import io.mercator.api.ValidationException;
import io.mercator.api.datasets.TableTarget;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a result table into a database in one transaction, with batched inserts. Replacing fills
 * a staging table {@code <table>_mercator_new} and, at {@link #finish()}, drops the old table and
 * renames the staging table in its place before committing; appending creates the table when
 * missing and inserts into it. Closing without {@link #finish()} rolls back and drops the staging
 * table, so the table is as it was. On PostgreSQL, whose DDL is transactional, the whole swap is
 * one transaction; elsewhere the old table is gone only between the drop and the rename.
 */
final class JdbcTableWriter extends TableWriter {

    private static final int BATCH_ROWS = 1000;
    private static final String STAGING_SUFFIX = "_mercator_new";

    private final Connection connection;
    private final TableTarget target;
    private final List<Column> columns;
    private final String staging;
    private final PreparedStatement insert;
    private int batched;
    private boolean finished;

    private JdbcTableWriter(Connection connection, TableTarget target, List<Column> columns) throws SQLException {
        this.connection = connection;
        this.target = target;
        this.columns = columns;
        DatabaseMetaData metadata = connection.getMetaData();
        boolean postgres = metadata.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        boolean replacing = target.mode() == TableTarget.Mode.REPLACE;
        this.staging = replacing ? target.table() + STAGING_SUFFIX : null;
        String into = replacing ? staging : target.table();
        try (Statement ddl = connection.createStatement()) {
            if (replacing) {
                if (exists(metadata, staging)) {
                    ddl.execute("DROP TABLE " + staging);
                }
                ddl.execute(createTable(staging, columns, postgres));
            } else if (!exists(metadata, target.table())) {
                ddl.execute(createTable(target.table(), columns, postgres));
            } else {
                requireColumns(metadata);
            }
        }
        String names = columns.stream().map(column -> sqlName(column.name())).collect(Collectors.joining(", "));
        String marks = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
        insert = connection.prepareStatement("INSERT INTO " + into + " (" + names + ") VALUES (" + marks + ")");
    }

    /**
     * @param database the connection
     * @param target the table and mode
     * @return an opener of the table
     */
    static Opener to(Database database, TableTarget target) {
        return columns -> {
            Connection connection;
            try {
                connection = database.connect();
            } catch (SQLException unreachable) {
                throw new IOException("cannot connect to " + database.url() + " (connection " + database.name()
                        + "): " + JdbcRows.message(unreachable));
            }
            try {
                connection.setAutoCommit(false);
                return new JdbcTableWriter(connection, target, columns);
            } catch (SQLException | RuntimeException failed) {
                rollbackAndClose(connection);
                if (failed instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                throw new IOException(target.table() + ": " + JdbcRows.message((SQLException) failed), failed);
            }
        };
    }

    private static String createTable(String table, List<Column> columns, boolean postgres) {
        return "CREATE TABLE " + table + " (" + columns.stream().map(column -> sqlName(column.name()) + " "
                + switch (column.kind()) {
            case TEXT -> postgres ? "text" : "VARCHAR(4000)";
            case INTEGER -> "INTEGER";
            case REAL -> "DOUBLE PRECISION";
        }).collect(Collectors.joining(", ")) + ")";
    }

    /** @return whether the (optionally schema-qualified) table exists, in the database's case for unquoted names */
    private static boolean exists(DatabaseMetaData metadata, String table) throws SQLException {
        String[] parts = folded(metadata, table).split("\\.");
        try (ResultSet tables = metadata.getTables(null, parts.length == 2 ? parts[0] : null,
                parts[parts.length - 1], new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private void requireColumns(DatabaseMetaData metadata) throws SQLException {
        String[] parts = folded(metadata, target.table()).split("\\.");
        Set<String> present = new HashSet<>();
        try (ResultSet found = metadata.getColumns(null, parts.length == 2 ? parts[0] : null, parts[parts.length - 1],
                null)) {
            while (found.next()) {
                present.add(found.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> missing = columns.stream().map(column -> sqlName(column.name()))
                .filter(name -> !present.contains(name.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new ValidationException("table", "the table " + target.table() + " has no column "
                    + String.join(", ", missing) + " to append to; export with the replace mode, or to another table");
        }
    }

    /** @return the column's name as an unquoted SQL identifier: {@code lower_97.5} becomes {@code lower_97_5} */
    static String sqlName(String column) {
        return column.replace('.', '_');
    }

    private static String folded(DatabaseMetaData metadata, String name) throws SQLException {
        return metadata.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT)
                : metadata.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }

    @Override
    void write(Object[] cells) throws IOException {
        try {
            for (int c = 0; c < cells.length; c++) {
                Object cell = cells[c];
                int sqlType = switch (columns.get(c).kind()) {
                    case TEXT -> Types.VARCHAR;
                    case INTEGER -> Types.INTEGER;
                    case REAL -> Types.DOUBLE;
                };
                if (cell == null || cell instanceof Double number && !Double.isFinite(number)) {
                    insert.setNull(c + 1, sqlType);
                } else if (cell instanceof Number number) {
                    if (sqlType == Types.INTEGER) {
                        insert.setInt(c + 1, number.intValue());
                    } else {
                        insert.setDouble(c + 1, number.doubleValue());
                    }
                } else {
                    insert.setString(c + 1, cell.toString());
                }
            }
            insert.addBatch();
            if (++batched == BATCH_ROWS) {
                flush();
            }
        } catch (SQLException refused) {
            throw failure(refused);
        }
    }

    private void flush() throws SQLException {
        if (batched > 0) {
            insert.executeBatch();
            batched = 0;
        }
    }

    @Override
    void finish() throws IOException {
        try {
            flush();
            if (staging != null) {
                try (Statement ddl = connection.createStatement()) {
                    if (exists(connection.getMetaData(), target.table())) {
                        ddl.execute("DROP TABLE " + target.table());
                    }
                    String bareName = target.table().substring(target.table().indexOf('.') + 1);
                    ddl.execute("ALTER TABLE " + staging + " RENAME TO " + bareName);
                }
            }
            connection.commit();
            finished = true;
        } catch (SQLException refused) {
            throw failure(refused);
        }
    }

    private IOException failure(SQLException refused) {
        SQLException cause = refused.getNextException() != null ? refused.getNextException() : refused;
        return new IOException("writing the table " + target.table() + " failed: " + JdbcRows.message(cause), refused);
    }

    @Override
    public void close() throws IOException {
        if (finished) {
            try (connection) {
                insert.close();
            } catch (SQLException ignored) {
                // committed already
            }
            return;
        }
        try {
            connection.rollback();
            if (staging != null && exists(connection.getMetaData(), staging)) {
                // the staging table survives a rollback where DDL is not transactional
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("DROP TABLE " + staging);
                }
                connection.commit();
            }
        } catch (SQLException ignored) {
            // the export failed already; that failure is the one reported
        } finally {
            rollbackAndClose(connection);
        }
    }

    private static void rollbackAndClose(Connection connection) {
        try (connection) {
            connection.rollback();
        } catch (SQLException ignored) {
            // closing after a failure: the first failure is reported
        }
    }
}
