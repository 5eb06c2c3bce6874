package io.mercator.benchmarks;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.datasets.BadRowPolicy;
import io.mercator.api.datasets.DataSource;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.datasets.QuerySource;
import io.mercator.api.datasets.TableTarget;
import io.mercator.api.filtering.Recommendations;
import io.mercator.platform.datasets.ConnectionRegistry;
import io.mercator.platform.datasets.Database;
import io.mercator.platform.datasets.DatasetFolder;
import io.mercator.platform.datasets.ResultExporterComponent;
import io.mercator.testing.postgres.PostgresServer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;

/**
 * JDBC import next to CSV import, and JDBC export. A throwaway PostgreSQL server (durable
 * settings) gets {@code online-retail-uci/transactions.csv.gz} (541,909 lines) by {@code COPY};
 * then, in child JVMs with a small heap (default {@code -Xmx64m}, bounded memory shown by the import
 * completing), the same rows are imported as segmentation transactions from the CSV file and from
 * {@code SELECT * FROM transactions} (streamed with a fetch size), skipping and reporting the lines
 * without a customer id. Figures: rows read per second (wall clock, and per CPU second of the
 * importing thread; the database server's own CPU is not in it) and peak heap (sum of the heap
 * pools' peaks). Finally results are exported into a table (replace mode, batches of 1000 rows),
 * with and without the driver's {@code reWriteBatchedInserts}. The database's password reaches the
 * child JVMs in an environment variable, not on their command lines.
 * Arguments after the distribution archive (unused): [data file] [max heap] [runs] [export rows].
 */
public final class ImportJdbcBenchmark {

    private static final String PASSWORD_VARIABLE = "MERCATOR_BENCHMARK_DB_PASSWORD";
    private static final String QUERY = "SELECT * FROM transactions";

    private ImportJdbcBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args[1], args[2], args[3], args[4]);
            return;
        }
        Path data = Path.of(args.length > 1 ? args[1] : "../shared/data/online-retail-uci/transactions.csv.gz")
                .toAbsolutePath();
        String heap = args.length > 2 ? args[2] : "64m";
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int exportRows = args.length > 4 ? Integer.parseInt(args[4]) : 500_000;
        System.out.printf(Locale.ROOT, "Mercator JDBC import/export benchmark on %d cores, %s; %s, child JVMs with"
                + " -Xmx%s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), data,
                heap);
        PostgresServer server = PostgresServer.start(true);
        try {
            String url = server.url(server.createDatabase("bench_import"));
            copy(url, server, data);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (int run = 1; run <= runs; run++) {
                for (String kind : List.of("csv", "jdbc")) {
                    ProcessBuilder child = new ProcessBuilder(java, "-Xmx" + heap, "-cp",
                            System.getProperty("java.class.path"), ImportJdbcBenchmark.class.getName(), "--child", kind,
                            data.toString(), url, server.user()).inheritIO();
                    child.environment().put(PASSWORD_VARIABLE, server.password());
                    int exit = child.start().waitFor();
                    if (exit != 0) {
                        System.out.println("run " + run + " (" + kind + ") failed with exit code " + exit);
                        System.exit(exit);
                    }
                }
            }
            export(url, server, exportRows, false);
            export(url, server, exportRows, true);
        } finally {
            server.close();
        }
    }

    /** Loads the file into a table with PostgreSQL's COPY (empty customer ids become NULL). */
    private static void copy(String url, PostgresServer server, Path data) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
                Statement statement = connection.createStatement();
                Reader csv = new InputStreamReader(new GZIPInputStream(Files.newInputStream(data), 1 << 16),
                        StandardCharsets.UTF_8)) {
            statement.execute("CREATE TABLE transactions (invoice_no text, stock_code text, description text,"
                    + " quantity integer, invoice_date timestamp, unit_price numeric(12, 3), customer_id text,"
                    + " country text)");
            long begin = System.nanoTime();
            long rows = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY transactions FROM STDIN WITH (FORMAT csv, HEADER true)", csv);
            double seconds = (System.nanoTime() - begin) / 1e9;
            statement.execute("ANALYZE transactions");
            System.out.printf(Locale.ROOT, "COPY: %,d rows into PostgreSQL in %.2f s = %,.0f rows/s%n", rows, seconds,
                    rows / seconds);
        }
    }

    private static void child(String kind, String file, String url, String user) throws IOException {
        Path folder = Files.createTempDirectory("mercator-import-jdbc-benchmark");
        try {
            ConnectionRegistry connections = new ConnectionRegistry();
            connections.add(new PlainDatabase("bench", url, user, System.getenv(PASSWORD_VARIABLE), 1_000));
            DatasetFolder datasets = new DatasetFolder(folder, connections);
            DataSource source = kind.equals("csv") ? FileSource.of(Path.of(file)) : new QuerySource("bench", QUERY);
            ImportOptions options = ImportOptions.builder().badRowPolicy(BadRowPolicy.SKIP_AND_REPORT).build();
            ImportBenchmark.resetPeaks();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuBegin = threads.getCurrentThreadCpuTime();
            long begin = System.nanoTime();
            DatasetInfo info = datasets.importData(Family.SEGMENTATION, source, options, TrainingContext.none());
            double seconds = (System.nanoTime() - begin) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBegin) / 1e9;
            long peak = ImportBenchmark.peakHeap();
            long rowsRead = info.lastImport().rowsRead();
            System.out.printf(Locale.ROOT, "%-4s import: %,d rows read, %,d stored, %,d bad, in %.2f s = %,.0f rows/s"
                    + " (%,.0f rows per CPU second of the importing thread); peak heap %.1f MiB of %.0f MiB%n",
                    kind, rowsRead, info.rows(), info.lastImport().badRowCount(), seconds, rowsRead / seconds,
                    rowsRead / cpuSeconds, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        } finally {
            ImportBenchmark.deleteTree(folder);
        }
    }

    /** Exports top-10 recommendations of rows/10 users into a table, replacing it. */
    private static void export(String url, PostgresServer server, int rows, boolean rewrite)
            throws IOException, SQLException {
        Map<String, Recommendations> recommendations = new LinkedHashMap<>();
        String[] items = new String[10];
        double[] scores = new double[10];
        for (int rank = 0; rank < 10; rank++) {
            items[rank] = "SKU-" + (1000 + rank * 37);
            scores[rank] = 1.0 / (rank + 1);
        }
        Recommendations top = new Recommendations(items, scores);
        for (int user = 0; user < rows / 10; user++) {
            recommendations.put(String.format(Locale.ROOT, "C%07d", user), top);
        }
        ConnectionRegistry connections = new ConnectionRegistry();
        connections.add(new PlainDatabase("bench", url + (rewrite ? "?reWriteBatchedInserts=true" : ""),
                server.user(), server.password(), 10_000));
        ResultExporterComponent exporter = new ResultExporterComponent(connections);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBegin = threads.getCurrentThreadCpuTime();
        long begin = System.nanoTime();
        long written = exporter.exportRecommendations(recommendations,
                new TableTarget("bench", "recommendations", TableTarget.Mode.REPLACE));
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBegin) / 1e9;
        System.out.printf(Locale.ROOT, "export (replace, batches of 1000%s): %,d rows in %.2f s = %,.0f rows/s"
                + " (%,.0f rows per CPU second of the exporting thread)%n",
                rewrite ? ", reWriteBatchedInserts=true" : "", written, seconds, written / seconds,
                written / cpuSeconds);
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
                Statement statement = connection.createStatement();
                var count = statement.executeQuery("SELECT count(*) FROM recommendations")) {
            count.next();
            if (count.getLong(1) != written) {
                throw new IllegalStateException("the table holds " + count.getLong(1) + " rows, not " + written);
            }
        }
    }

    /** A connection through the driver on the class path. */
    private record PlainDatabase(String name, String url, String user, String password, int fetchSize)
            implements Database {
        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
