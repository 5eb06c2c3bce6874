package io.mercator.platform.datasets;

import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.datasets.BadRow;
import io.mercator.api.datasets.BadRowPolicy;
import io.mercator.api.datasets.DataSource;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.Format;
import io.mercator.api.datasets.ImportException;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.datasets.QuerySource;
import io.mercator.api.datasets.ValidationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One import: streams the source row by row, validates every field of every row, and writes the
 * accepted rows in canonical form (the family's field names, ISO dates) to a gzipped CSV file.
 * Memory holds one row and the first bad rows, whatever the size of the source.
 */
final class Importer {

    private static final int PROGRESS_EVERY_ROWS = 4096;

    /**
     * What was imported.
     *
     * @param report rows read, stored, left out
     * @param storedFields the columns of the written file
     * @param watermark the largest value of the watermark field among the stored rows; null if none
     */
    record Result(ValidationReport report, List<String> storedFields, String watermark) {
    }

    private final Layout layout;
    private final DataSource source;
    private final ConnectionRegistry connections;
    private final ImportOptions options;
    private final DateTimeFormatter dates;
    private final List<BadRow> badRows = new ArrayList<>();
    private long badRowCount;
    private long rowsRead;
    private long rowsImported;
    private long rowsBelowWatermark;

    /**
     * @param layout the family's import format
     * @param source where to read
     * @param options how to read it
     * @param connections the named database connections a {@link QuerySource} is run on
     */
    Importer(Layout layout, DataSource source, ImportOptions options, ConnectionRegistry connections) {
        this.layout = layout;
        this.source = source;
        this.connections = connections;
        this.options = options;
        this.dates = options.dateFormat() == null ? null
                : DateTimeFormatter.ofPattern(options.dateFormat(), Locale.ROOT);
    }

    /**
     * @param target the file to write; left behind half-written on failure (the caller removes it)
     * @param requiredFields the stored fields an append needs (those of the data set); null for a new data set
     * @param watermarkField the field to keep the watermark of; null for none
     * @param floor only rows with a watermark value above this are kept; null for all
     * @param progress progress and cancellation
     * @return what was written
     * @throws ImportException when nothing may be stored
     */
    Result run(Path target, List<String> requiredFields, String watermarkField, String floor,
            TrainingContext progress) throws IOException {
        try (SourceRows rows = open()) {
            Map<String, String> columnOf = resolveColumns(rows.columns());
            List<String> stored = layout.storedFields(columnOf.keySet());
            if (requiredFields != null && !requiredFields.equals(stored)) {
                throw failure(source.name() + " yields the fields " + stored + " but the data set holds "
                        + requiredFields + "; map the same columns as the first import");
            }
            int watermarkIndex = watermarkField == null ? -1 : stored.indexOf(watermarkField);
            if (watermarkField != null && watermarkIndex < 0) {
                throw new ValidationException("watermarkField", "'" + watermarkField
                        + "' is not among the stored fields " + stored);
            }
            Field watermark = watermarkField == null ? null : layout.field(watermarkField);
            if (watermark != null && floor != null) {
                rows.onlyPast(columnOf.get(watermarkField), watermark, floor);
            }
            String highest = null;
            List<Field> fields = layout.fields();
            String[] columns = new String[fields.size()];
            DateTimeFormatter[] datePatterns = new DateTimeFormatter[fields.size()];
            for (int f = 0; f < columns.length; f++) {
                columns[f] = columnOf.get(fields.get(f).name());
                datePatterns[f] = columns[f] != null && rows.typedTime(columns[f]) ? null : dates;
            }
            boolean rejecting = options.badRowPolicy() == BadRowPolicy.REJECT_ALL;
            try (OutputStream file = Files.newOutputStream(target);
                    OutputStream zipped = new FastGzip(file);
                    Writer writer = new OutputStreamWriter(zipped, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                            .setRecordSeparator('\n').build())) {
                printer.printRecord(stored);
                String[] parsed = new String[fields.size()];
                while (rows.next()) {
                    rowsRead++;
                    if (rowsRead % PROGRESS_EVERY_ROWS == 0) {
                        progress.checkCancelled();
                        progress.progress(rows.fractionRead(), rowsRead + " rows read");
                    }
                    String[] row = parse(rows, fields, columns, datePatterns, parsed, stored);
                    if (row == null) {
                        continue;
                    }
                    if (watermark != null) {
                        String value = row[watermarkIndex];
                        if (floor != null && watermark.compare(value, floor) <= 0) {
                            rowsBelowWatermark++;
                            continue;
                        }
                        highest = highest == null || watermark.compare(value, highest) > 0 ? value : highest;
                    }
                    if (!rejecting || badRowCount == 0) {
                        printer.printRecord((Object[]) row);
                    }
                    rowsImported++;
                }
            }
            progress.progress(1, rowsRead + " rows read");
            if (badRowCount > 0 && rejecting) {
                throw failure(badRowCount + (badRowCount == 1 ? " bad row" : " bad rows")
                        + "; nothing was imported (the first: " + badRows.get(0) + ")");
            }
            return new Result(report(), stored, highest);
        } catch (SourceRows.SourceException unreadable) {
            bad(unreadable.line(), unreadable.column(), "", "", unreadable.getMessage());
            String where = unreadable.line() <= 0 ? "" : (source instanceof QuerySource ? "row " : "line ")
                    + unreadable.line() + " ";
            throw failure(where + unreadable.getMessage() + "; nothing was imported");
        } catch (NoSuchFileException missing) {
            throw failure("no such file: " + missing.getFile());
        }
    }

    private SourceRows open() throws IOException {
        Charset charset = Charset.forName(options.encoding());
        if (source instanceof FileSource file) {
            return file.format() == Format.CSV ? CsvRows.open(file.file(), charset, options.delimiter())
                    : JsonRows.open(file.file(), charset);
        }
        if (source instanceof QuerySource query) {
            return JdbcRows.open(connections.require(query.connection()), query.query());
        }
        throw new ValidationException("source", "cannot import from a " + source.getClass().getSimpleName());
    }

    /** @return the source column of every field found, by field name; fails when a required one is missing */
    private Map<String, String> resolveColumns(List<String> header) {
        Map<String, String> byLowerCase = new HashMap<>();
        header.forEach(column -> byLowerCase.putIfAbsent(column.toLowerCase(Locale.ROOT), column));
        Set<String> known = new LinkedHashSet<>();
        layout.fields().forEach(field -> known.add(field.name()));
        for (String mapped : options.columns().keySet()) {
            if (!known.contains(mapped)) {
                throw new ValidationException("columns", "'" + mapped + "' is not a field of the "
                        + layout.family().id() + " family; its fields are " + String.join(", ", known));
            }
        }
        Map<String, String> columnOf = new LinkedHashMap<>();
        for (Field field : layout.fields()) {
            String explicit = options.columnOf(field.name());
            if (explicit != null) {
                if (!header.contains(explicit)) {
                    throw failure("has no column '" + explicit + "' (mapped to the field " + field.name()
                            + "); its columns are " + header);
                }
                columnOf.put(field.name(), explicit);
                continue;
            }
            List<String> candidates = new ArrayList<>();
            candidates.add(field.name());
            candidates.addAll(field.spec().aliases());
            for (String candidate : candidates) {
                String column = byLowerCase.get(candidate);
                if (column != null && !columnOf.containsValue(column)) {
                    columnOf.put(field.name(), column);
                    break;
                }
            }
            if (field.spec().required() && !columnOf.containsKey(field.name())) {
                throw failure("has no column for the field " + field.name() + " (looked for "
                        + String.join(", ", candidates) + "); its columns are " + header
                        + "; name the column with --column " + field.name() + "=COLUMN");
            }
        }
        String missing = layout.missing(columnOf.keySet());
        if (missing != null) {
            throw failure("needs " + missing + "; its columns are " + header);
        }
        return columnOf;
    }

    /** @return the stored row, or null when the row is bad (and was reported) */
    private String[] parse(SourceRows rows, List<Field> fields, String[] columns, DateTimeFormatter[] datePatterns,
            String[] parsed, List<String> stored) {
        String problem = rows.rowProblem();
        if (problem != null) {
            bad(rows.line(), "", "", "", problem);
            return null;
        }
        for (int f = 0; f < parsed.length; f++) {
            String column = columns[f];
            if (column == null) {
                parsed[f] = null;
                continue;
            }
            String text = null;
            try {
                text = rows.get(column);
                parsed[f] = fields.get(f).parse(text == null ? null : text.strip(), datePatterns[f]);
            } catch (Field.BadValue | SourceRows.BadCellException badValue) {
                String reason = text == null && badValue instanceof Field.BadValue ? "is missing" : badValue.getMessage();
                bad(rows.line(), column, fields.get(f).name(), text == null ? "" : Field.shorten(text), reason);
                return null;
            }
        }
        try {
            return layout.store(parsed, stored);
        } catch (Field.BadValue badRow) {
            bad(rows.line(), "", "", "", badRow.getMessage());
            return null;
        }
    }

    private void bad(long line, String column, String field, String value, String reason) {
        badRowCount++;
        if (badRows.size() < options.maxReportedRows()) {
            badRows.add(new BadRow(source.name(), line, column, field, value, reason));
        }
    }

    private ValidationReport report() {
        return new ValidationReport(rowsRead, rowsImported, rowsBelowWatermark, badRowCount, badRows);
    }

    private ImportException failure(String problem) {
        return new ImportException(source.name(), problem, report());
    }

    /** Gzip at the fastest level: data sets are written once per import and read once per training. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
