package io.mercator.api.datasets;

import io.mercator.api.ValidationException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A database table to export results to, through a named connection (see {@link QuerySource}).
 * The table is created when missing, with a column per result column (text, integer or double
 * precision). An export is all or nothing: {@link Mode#REPLACE} fills a staging table and puts it
 * in the table's place at the end, {@link Mode#APPEND} inserts in one transaction; a failure leaves
 * the table as it was.
 *
 * @param connection the name of a configured connection
 * @param table the table's name, optionally with its schema ({@code erp.forecasts}): letters,
 *     digits and underscores, not starting with a digit (unquoted, so the database folds its case
 *     as usual)
 * @param mode replace the table's rows or append to them
 */
public record TableTarget(String connection, String table, Mode mode) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    /** What happens to the rows a table already holds. */
    public enum Mode {
        /** The table ends up holding exactly the exported rows (recreated with the export's columns). */
        REPLACE,
        /** The exported rows are added; the table must have a column for each exported column. */
        APPEND
    }

    /** Checks the names. */
    public TableTarget {
        if (connection == null || connection.isBlank()) {
            throw new ValidationException("connection", "names no connection");
        }
        if (table == null || !NAME.matcher(table).matches()) {
            throw new ValidationException("table", "'" + table + "' is not a table name (letters, digits and"
                    + " underscores, optionally schema.table)");
        }
        Objects.requireNonNull(mode, "mode");
    }
}
