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
 * Writes rows of named columns as CSV (header row, RFC 4180) or as a JSON array of objects.
 * Cells are strings or numbers; a NaN number is written empty in CSV and null in JSON.
 */
abstract class TableWriter implements AutoCloseable {

    static TableWriter open(Format format, List<String> columns, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
        return format == Format.CSV ? new Csv(writer, columns) : new Json(writer, columns);
    }

    /** @param cells one per column, a {@code String} or a {@code Number} */
    abstract void row(Object... cells) throws IOException;

    @Override
    public abstract void close() throws IOException;

    private static final class Csv extends TableWriter {
        private final CSVPrinter printer;

        Csv(Writer writer, List<String> columns) throws IOException {
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord(columns);
        }

        @Override
        void row(Object... cells) throws IOException {
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
        void row(Object... cells) throws IOException {
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
