package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mercator import}: imports a CSV or JSON file, or the result of a SQL query on a named
 * database connection, into a data set of a family.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a CSV or JSON file (optionally .gz), or the result of a SQL query on a connection named in "
                + "conf/io.mercator.connection-NAME.cfg, as a family's data set; every bad row is reported with its "
                + "line (a query's row number), column and reason.")
public final class ImportCommand extends ClientCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FAMILY",
            description = "filtering, forecasting, optimization, segmentation or pricing")
    String family;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
            description = "The file: .csv, .json or .jsonl, optionally .gz; none with --connection.")
    Path file;

    @Option(names = "--connection", paramLabel = "NAME",
            description = "Import the result of --query on this configured database connection instead of a file.")
    String connection;

    @Option(names = "--query", paramLabel = "SQL", description = "The SQL query whose rows to import.")
    String query;

    @Option(names = "--query-file", paramLabel = "FILE", description = "A file holding the SQL query.")
    Path queryFile;

    @Option(names = "--format", paramLabel = "csv|json", description = "The format, when the extension does not tell.")
    String format;

    @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR", description = "CSV delimiter (default ','; \\t for tab).")
    String delimiter;

    @Option(names = {"-e", "--encoding"}, paramLabel = "CHARSET", description = "Character set (default UTF-8).")
    String encoding;

    @Option(names = {"-c", "--column"}, paramLabel = "FIELD=COLUMN",
            description = "Read a field from a differently named column, e.g. -c customer_id=CustomerID; repeatable.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "Date pattern such as dd/MM/yyyy HH:mm (default ISO 2011-12-09, time ignored).")
    String dateFormat;

    @Option(names = "--skip-bad-rows",
            description = "Import the good rows and report the bad ones (default: any bad row rejects the import).")
    boolean skipBadRows;

    @Option(names = "--max-reported", paramLabel = "N", description = "Bad rows to list (default 100; all are counted).")
    Integer maxReported;

    @Option(names = "--label", paramLabel = "TEXT", description = "A label for the data set.")
    String label;

    @Option(names = "--append-to", paramLabel = "DATASET",
            description = "Append to this data set instead of creating one.")
    String appendTo;

    @Option(names = "--watermark", paramLabel = "FIELD",
            description = "Keep the largest value of this field; appends keep only rows past it (a query's date, "
                    + "timestamp or numeric column is filtered by the database).")
    String watermark;

    @Option(names = "--season-length", paramLabel = "N", description = "Periods per season for series data.")
    Integer seasonLength;

    @Override
    public Integer call() {
        String path = null;
        String sql = null;
        if (connection == null) {
            if (file == null || query != null || queryFile != null) {
                throw new IllegalArgumentException("give a FILE, or --connection NAME with --query SQL or --query-file");
            }
            Path source = file.toAbsolutePath().normalize();
            if (!Files.isReadable(source)) {
                throw new IllegalArgumentException("cannot read the file " + source);
            }
            path = source.toString();
        } else {
            if (file != null || (query == null) == (queryFile == null)) {
                throw new IllegalArgumentException("--connection needs either --query SQL or --query-file FILE,"
                        + " and no FILE");
            }
            sql = query != null ? query : readQuery(queryFile);
        }
        long begin = System.nanoTime();
        ControlApi.DatasetEntry dataset;
        try {
            dataset = client().importFile(new ControlApi.ImportRequest(family, path, format, delimiter,
                    encoding, columns, dateFormat, skipBadRows, maxReported, label, appendTo, watermark,
                    seasonLength, connection, sql));
        } catch (ControlClient.ControlException rejected) {
            ControlClient.importFailure(rejected).ifPresent(failure -> {
                DatasetsCommand.printBadRows(err(), failure.report());
                err().flush();
            });
            throw rejected;
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        ControlApi.ImportReport report = dataset.lastImport();
        out().printf("%s %,d rows into %s (%s data, %,d rows in all) in %.1f s%n",
                appendTo == null ? "Imported" : "Appended", report.rowsImported(), dataset.id(), dataset.family(),
                dataset.rows(), seconds);
        if (report.rowsBelowWatermark() > 0) {
            out().printf("Left out %,d rows not past the watermark %s%n", report.rowsBelowWatermark(),
                    dataset.watermarkField());
        }
        DatasetsCommand.printBadRows(out(), report);
        out().flush();
        return 0;
    }

    private static String readQuery(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("cannot read the query file " + file.toAbsolutePath().normalize());
        }
    }
}
