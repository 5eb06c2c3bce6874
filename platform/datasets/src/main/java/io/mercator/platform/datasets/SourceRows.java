package io.mercator.platform.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The rows of a source, one at a time, as text by column name: CSV and JSON files, and the result
 * of a SQL query (columns from its metadata, the row number as the line).
 */
interface SourceRows extends Closeable {

    /** @return the source's column names (CSV header, members of the first JSON object) */
    List<String> columns();

    /**
     * Moves to the next row.
     *
     * @return false at the end
     * @throws SourceException when the source cannot be read on (broken quoting, bad encoding)
     */
    boolean next() throws IOException;

    /**
     * @param column a column name
     * @return its text in the current row; null when the row has no such cell
     * @throws BadCellException when the cell is not a plain value (a JSON object or array)
     */
    String get(String column);

    /**
     * @param column a column name
     * @return true when the column's dates and times are typed values, written in ISO form whatever
     *     the import's date pattern (which applies to dates in text)
     */
    default boolean typedTime(String column) {
        return false;
    }

    /**
     * Tells the source, before the first {@link #next()}, that only rows whose column is past a
     * watermark are wanted, so that it may leave out the others where they are kept. The importer
     * still checks every row it gets; a source may ignore the hint.
     *
     * @param column the source's column of the watermark field
     * @param field the watermark field
     * @param floor the watermark, in the field's canonical form
     */
    default void onlyPast(String column, Field field, String floor) throws IOException {
    }

    /** @return why the current row as a whole cannot be read (a malformed JSON line); null if it can */
    default String rowProblem() {
        return null;
    }

    /** @return the line the current row starts on, counting from 1 */
    long line();

    /** @return the fraction of the source read so far, 0 to 1; 0 when unknown */
    double fractionRead();

    /** A cell holds something that is not a value; the row is bad, the source can be read on. */
    final class BadCellException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadCellException(String message) {
            super(message);
        }
    }

    /** The source cannot be read on; the message names the place. */
    final class SourceException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;
        private final String column;

        SourceException(long line, String column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        long line() {
            return line;
        }

        String column() {
            return column;
        }
    }
}
