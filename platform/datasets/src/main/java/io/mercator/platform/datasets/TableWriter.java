package io.mercator.platform.datasets;

import com.google.gson.stream.JsonWriter;
import io.mercator.api.datasets.Format;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes rows of named, typed columns: as CSV (header row, RFC 4180), as a JSON array of objects,
 * or into a database table ({@link JdbcTableWriter}). Cells are strings or numbers; a NaN number
 * is written empty in CSV and null in JSON and SQL. A table is complete once {@link #finish()}
 * was called; closing it before (after a failure) discards what the form allows.
 */
abstract class TableWriter implements AutoCloseable {

    /** What a column holds. */
    enum Kind {
        TEXT, INTEGER, REAL
    }

    /** A column of a result table. */
    record Column(String name, Kind kind) {
        static Column text(String name) {
            return new Column(name, Kind.TEXT);
        }

        static Column integer(String name) {
            return new Column(name, Kind.INTEGER);
        }

        static Column real(String name) {
            return new Column(name, Kind.REAL);
        }
    }

    /** Opens a table once its columns are known. */
    interface Opener {
        TableWriter open(List<Column> columns) throws IOException;
    }

    private long rows;

    /**
     * @param format CSV or JSON
     * @param out where to write (UTF-8); not closed
     * @return an opener of tables written there
     */
    static Opener to(Format format, OutputStream out) {
        return columns -> {
            Writer writer = new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
            List<String> names = columns.stream().map(Column::name).toList();
            return format == Format.CSV ? new Csv(writer, names) : new Json(writer, names);
        };
    }

    /** @param cells one per column, a {@code String} or a {@code Number} */
    final void row(Object... cells) throws IOException {
        write(cells);
        rows++;
    }

    /** @return the rows written so far */
    final long rows() {
        return rows;
    }

    abstract void write(Object[] cells) throws IOException;

    /** Completes the table: every row was written. */
    void finish() throws IOException {
    }

    @Override
    public abstract void close() throws IOException;

    private static final class Csv extends TableWriter {
        private final CSVPrinter printer;

        Csv(Writer writer, List<String> columns) throws IOException {
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord(columns);
        }

        @Override
        void write(Object[] cells) throws IOException {
            for (Object cell : cells) {
                printer.print(cell instanceof Double number && !Double.isFinite(number) ? "" : cell);
            }
            printer.println();
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    private static final class Json extends TableWriter {
        private final JsonWriter json;
        private final List<String> columns;

        Json(Writer writer, List<String> columns) throws IOException {
            this.json = new JsonWriter(writer);
            this.columns = columns;
            json.beginArray();
        }

        @Override
        void write(Object[] cells) throws IOException {
            json.beginObject();
            for (int c = 0; c < cells.length; c++) {
                json.name(columns.get(c));
                Object cell = cells[c];
                if (cell instanceof Number number) {
                    if (Double.isFinite(number.doubleValue())) {
                        json.value(number);
                    } else {
                        json.nullValue();
                    }
                } else {
                    json.value(cell == null ? null : cell.toString());
                }
            }
            json.endObject();
        }

        @Override
        public void close() throws IOException {
            json.endArray();
            json.close();
        }
    }
}
