package io.mercator.platform.datasets;

import io.mercator.api.datasets.FieldSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a SQL query's result, streamed: one read-only transaction with autocommit off and a
 * fetch size, which is what makes PostgreSQL's driver read through a cursor instead of loading the
 * whole result. Cells are read by their SQL type and written as the importer's text: dates and
 * timestamps in ISO form, numbers exactly (whole numbers without a fraction), booleans as
 * true/false. The line of a row is its number in the result, from 1.
 */
final class JdbcRows implements SourceRows {

    private final Database database;
    private final Connection connection;
    private final String query;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] types;
    private final String[] typeNames;
    private PreparedStatement statement;
    private ResultSet result;
    private long row;

    private JdbcRows(Database database, Connection connection, String query, ResultSetMetaData metadata)
            throws SQLException {
        this.database = database;
        this.connection = connection;
        this.query = query;
        int count = metadata.getColumnCount();
        List<String> names = new ArrayList<>(count);
        types = new int[count];
        typeNames = new String[count];
        for (int c = 1; c <= count; c++) {
            String name = metadata.getColumnLabel(c);
            names.add(name);
            index.putIfAbsent(name, c);
            types[c - 1] = metadata.getColumnType(c);
            typeNames[c - 1] = String.valueOf(metadata.getColumnTypeName(c)).toLowerCase(Locale.ROOT);
        }
        columns = List.copyOf(names);
    }

    /**
     * Connects and describes the query's columns; it runs at the first {@link #next()}.
     *
     * @param database the connection
     * @param query the query
     * @return its rows, positioned before the first
     * @throws SourceException when the database cannot be reached or the query is not valid
     */
    static JdbcRows open(Database database, String query) throws IOException {
        Connection connection;
        try {
            connection = database.connect();
        } catch (SQLException unreachable) {
            throw new SourceException(0, "", "cannot connect to " + database.url() + ": " + message(unreachable));
        }
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement described = connection.prepareStatement(query)) {
                ResultSetMetaData metadata = described.getMetaData();
                if (metadata == null) {
                    throw new SourceException(0, "", "the query returns no rows (is it a SELECT?)");
                }
                return new JdbcRows(database, connection, query, metadata);
            }
        } catch (SQLException invalid) {
            close(connection);
            throw new SourceException(0, "", "the query cannot run: " + message(invalid));
        } catch (SourceException | RuntimeException failed) {
            close(connection);
            throw failed;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean typedTime(String column) {
        Integer position = index.get(column);
        return position != null && switch (types[position - 1]) {
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> true;
            default -> false;
        };
    }

    /**
     * Wraps the query as {@code SELECT * FROM (query) mercator_source WHERE column > ?} when the
     * column is a date, a timestamp or a number, whose order the database and the importer agree
     * on; text is compared by the importer only (ids in text order differently in SQL).
     */
    @Override
    public void onlyPast(String column, Field field, String floor) throws IOException {
        int position = index.get(column);
        Object bound = floorValue(types[position - 1], typeNames[position - 1], field.spec().type(), floor);
        if (bound == null) {
            return;
        }
        try {
            String quote = connection.getMetaData().getIdentifierQuoteString().strip();
            String quoted = quote + column.replace(quote, quote + quote) + quote;
            statement = prepare("SELECT * FROM (" + query + ") mercator_source WHERE " + quoted + " > ?");
            statement.setObject(1, bound);
        } catch (SQLException refused) {
            throw new SourceException(0, column, "the query with the watermark cannot run: " + message(refused));
        }
    }

    /**
     * @return the watermark as a value of the column's SQL type, at or below every value past it;
     *     null when the column's type is not ordered like the field's values
     */
    static Object floorValue(int sqlType, String typeName, FieldSpec.Type fieldType, String floor) {
        boolean epochSeconds = fieldType == FieldSpec.Type.TIMESTAMP;
        boolean wholeNumber = floor.matches("-?\\d+");
        switch (sqlType) {
            case Types.DATE:
                return epochSeconds ? LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(floor)), ZoneOffset.UTC)
                        : wholeNumber ? null : LocalDate.parse(floor);
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                LocalDateTime time = epochSeconds ? LocalDateTime.ofEpochSecond(Long.parseLong(floor), 0, ZoneOffset.UTC)
                        : wholeNumber ? null : LocalDate.parse(floor).atStartOfDay();
                if (time == null) {
                    return null;
                }
                return sqlType == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz")
                        ? time.atOffset(ZoneOffset.UTC) : time;
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.NUMERIC:
            case Types.DECIMAL:
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                try {
                    return new BigDecimal(floor);
                } catch (NumberFormatException notNumber) {
                    return null;
                }
            default:
                return null;
        }
    }

    @Override
    public boolean next() throws IOException {
        try {
            if (result == null) {
                if (statement == null) {
                    statement = prepare(query);
                }
                result = statement.executeQuery();
            }
            if (!result.next()) {
                return false;
            }
            row++;
            return true;
        } catch (SQLException failed) {
            throw new SourceException(row + 1, "", (row == 0 ? "the query failed: " : "reading the result failed: ")
                    + message(failed));
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        prepared.setFetchSize(database.fetchSize());
        return prepared;
    }

    @Override
    public String get(String column) {
        Integer position = index.get(column);
        if (position == null) {
            return null;
        }
        int c = position;
        try {
            return switch (types[c - 1]) {
                case Types.DATE -> text(result.getObject(c, LocalDate.class));
                case Types.TIMESTAMP -> typeNames[c - 1].equals("timestamptz")
                        ? text(result.getObject(c, OffsetDateTime.class)) : text(result.getObject(c, LocalDateTime.class));
                case Types.TIMESTAMP_WITH_TIMEZONE -> text(result.getObject(c, OffsetDateTime.class));
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                    long value = result.getLong(c);
                    yield result.wasNull() ? null : Long.toString(value);
                }
                case Types.NUMERIC, Types.DECIMAL -> {
                    BigDecimal value = result.getBigDecimal(c);
                    yield value == null ? null : value.stripTrailingZeros().toPlainString();
                }
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                    double value = result.getDouble(c);
                    yield result.wasNull() ? null : value == Math.rint(value) && Math.abs(value) < 1e15
                            ? Long.toString((long) value) : Double.toString(value);
                }
                case Types.BOOLEAN, Types.BIT -> {
                    boolean value = result.getBoolean(c);
                    yield result.wasNull() ? null : Boolean.toString(value);
                }
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB, Types.ARRAY, Types.STRUCT,
                        Types.REF, Types.JAVA_OBJECT -> throw new BadCellException("is a SQL " + typeNames[c - 1]
                        + " value, not text, a number or a date");
                default -> result.getString(c);
            };
        } catch (SQLException unreadable) {
            throw new BadCellException("cannot be read as " + typeNames[c - 1] + ": " + message(unreadable));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public long line() {
        return row;
    }

    /** @return 0: a result's size is not known before it is read (the progress message counts rows) */
    @Override
    public double fractionRead() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        close(connection);
    }

    /** Ends the read-only transaction and closes the connection (with its statement and result). */
    private static void close(Connection connection) {
        try (connection) {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing was written; a connection that fails to close is dropped by the database
        }
    }

    /** @return the driver's message without the stack, one line */
    static String message(SQLException failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
