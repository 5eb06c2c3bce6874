package io.mercator.api.datasets;

import io.mercator.api.ValidationException;
import java.util.Objects;

/**
 * A SQL query to import, run on a named database connection. The connection's URL, user and
 * password live in the server's configuration ({@code conf/io.mercator.connection-<name>.cfg}), so
 * that no password travels with the import request or appears on a command line.
 *
 * <p>The query's result columns are matched to the family's fields like a file's columns (by name,
 * alias or {@link ImportOptions#columns()}); SQL dates, timestamps and numbers are read as typed
 * values, so {@link ImportOptions#dateFormat()} applies only to dates kept in text columns. A bad
 * row is reported with its number in the query's result (the first row is 1) as its
 * {@link BadRow#line() line}. The result is read as a stream in one read-only transaction: memory
 * stays bounded whatever its size.
 *
 * <p>An append with a watermark ({@link ImportOptions#watermarkField()}) on a date, timestamp or
 * numeric column asks the database for the new rows only, running
 * {@code SELECT * FROM (<query>) mercator_source WHERE <column> > ?} with the stored watermark as
 * the parameter; on a text column every row is read and those not past the watermark are left out.
 *
 * @param connection the name of a configured connection
 * @param query one SQL {@code SELECT} (or any statement that returns rows); a trailing
 *     semicolon is ignored
 */
public record QuerySource(String connection, String query) implements DataSource {

    /** Checks that neither part is blank and trims a trailing semicolon off the query. */
    public QuerySource {
        if (connection == null || connection.isBlank()) {
            throw new ValidationException("connection", "names no connection");
        }
        Objects.requireNonNull(query, "query");
        query = query.strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        if (query.isEmpty()) {
            throw new ValidationException("query", "is empty");
        }
    }

    /** @return {@code "query on <connection>"}, the source's name in reports */
    @Override
    public String name() {
        return "query on " + connection;
    }
}
