package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.datasets.BadRow;
import io.mercator.api.datasets.BadRowPolicy;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.ImportException;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.datasets.QuerySource;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.segmentation.Transactions;
import io.mercator.testing.postgres.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Imports from SQL queries on a real PostgreSQL: every family, typed columns, mapping, bad rows, watermarks. */
class JdbcImportTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    @TempDir
    Path temp;

    private DatasetFolder datasets;

    @BeforeAll
    static void createTables() throws SQLException {
        sql("""
                CREATE TABLE sales (store text, sku text, sold_on date, qty numeric(10, 2));
                INSERT INTO sales VALUES ('S1', 'A', '2024-01-01', 3), ('S1', 'A', '2024-01-02', 4.5),
                    ('S1', 'A', '2024-01-03', NULL), ('S1', 'B', '2024-01-01', 1), ('S1', 'B', '2024-01-03', 2);
                CREATE TABLE ratings (customer text, product text, stars double precision, rated_at timestamp);
                INSERT INTO ratings VALUES ('u1', 'i1', 5, '2024-03-01 10:00:00'), ('u1', 'i2', 2.5, '2024-03-02 11:30:00'),
                    ('u2', 'i1', 4, '2024-03-03 00:00:00');
                CREATE TABLE invoice_lines (invoice bigint, customer text, invoiced_at timestamptz, quantity integer,
                    unit_price numeric(10, 2));
                INSERT INTO invoice_lines VALUES (1001, 'C1', '2011-12-01 08:26:00+00', 6, 2.55),
                    (1001, 'C1', '2011-12-01 08:26:00+00', 2, 1.00), (1002, 'C2', '2011-12-02 09:00:00+00', 1, 10.00);
                CREATE TABLE weekly_prices (product text, week integer, price numeric, units bigint, on_deal boolean);
                INSERT INTO weekly_prices VALUES ('P', 1, 2.00, 100, false), ('P', 2, 1.50, 160, true),
                    ('Q', 1, 5.00, 10, false);
                CREATE TABLE demand (sku text, day date, demand integer);
                INSERT INTO demand VALUES ('A', '2024-01-01', 5), (NULL, '2024-01-02', 3), ('A', '2024-01-03', -2),
                    ('A', '2024-01-04', 7);
                """);
    }

    @BeforeEach
    void openFolder() throws IOException {
        datasets = new DatasetFolder(temp.resolve("datasets"), TestDatabase.registry(TestDatabase.of("erp", DATABASE)));
    }

    private static void sql(String statements) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    private DatasetInfo load(Family family, String query, ImportOptions options) throws IOException {
        return datasets.importData(family, new QuerySource("erp", query), options, TrainingContext.none());
    }

    @Test
    void forecastingSeriesComeFromDatesAndNumericsWithMappedColumns() throws IOException {
        DatasetInfo info = load(Family.FORECASTING, "SELECT store || '/' || sku AS series, sold_on, qty FROM sales;",
                ImportOptions.builder().column("period", "sold_on").column("value", "qty").build());
        assertEquals(5, info.rows());
        assertEquals(List.of("query on erp"), info.sources());
        SeriesSet series = datasets.open(info.id(), SeriesSet.class);
        int a = series.ids().indexOf("S1/A");
        assertArrayEquals(new double[] {3, 4.5, Double.NaN}, series.values(a));
        assertArrayEquals(new double[] {1, Double.NaN, 2}, series.values(series.ids().indexOf("S1/B")));
    }

    @Test
    void filteringReadsDoublesAndTimestampsAsUtcEpochSeconds() throws IOException {
        DatasetInfo info = load(Family.FILTERING, "SELECT customer, product, stars, rated_at FROM ratings",
                ImportOptions.builder().column("user_id", "customer").column("item_id", "product")
                        .column("value", "stars").column("timestamp", "rated_at").build());
        Interactions interactions = datasets.open(info.id(), Interactions.class);
        assertEquals(3, interactions.size());
        assertTrue(interactions.hasTimestamps());
        assertEquals(2.5, interactions.value(1));
        assertEquals(LocalDateTime.parse("2024-03-02T11:30:00").toEpochSecond(ZoneOffset.UTC), interactions.timestamp(1));
    }

    @Test
    void segmentationMergesInvoiceLinesFromTimestampsWithTimeZones() throws IOException {
        DatasetInfo info = load(Family.SEGMENTATION, "SELECT * FROM invoice_lines ORDER BY invoice",
                ImportOptions.builder().column("customer_id", "customer").column("date", "invoiced_at")
                        .column("invoice_no", "invoice").build());
        Transactions transactions = datasets.open(info.id(), Transactions.class);
        assertEquals(2, transactions.size());
        assertEquals(6 * 2.55 + 2, transactions.amount(0), 1e-9);
        assertEquals(LocalDate.parse("2011-12-01").toEpochDay(), transactions.day(0));
    }

    @Test
    void pricingReadsIntegersBooleansAndNumerics() throws IOException {
        DatasetInfo info = load(Family.PRICING, "SELECT product, week AS period, price, units, on_deal FROM weekly_prices",
                ImportOptions.builder().column("promo", "on_deal").build());
        PriceObservations observations = datasets.open(info.id(), PriceObservations.class);
        assertEquals(3, observations.size());
        assertTrue(observations.hasPromo());
        assertTrue(observations.promo(1));
        assertFalse(observations.promo(0));
        assertEquals(1.5, observations.price(1));
        assertEquals(160, observations.units(1));
    }

    @Test
    void badRowsRejectTheImportWithTheirRowNumbersColumnsAndReasons() throws IOException {
        ImportException rejected = assertThrows(ImportException.class, () -> load(Family.OPTIMIZATION,
                "SELECT sku, day AS period, demand FROM demand ORDER BY day", ImportOptions.defaults()));
        assertEquals(2, rejected.report().badRowCount());
        BadRow missingSku = rejected.report().badRows().get(0);
        assertEquals(2, missingSku.line());
        assertEquals("sku", missingSku.column());
        assertEquals("is missing", missingSku.reason());
        BadRow negative = rejected.report().badRows().get(1);
        assertEquals(3, negative.line());
        assertEquals("demand", negative.column());
        assertEquals("-2 must be >= 0", negative.reason());
        assertTrue(datasets.list().isEmpty(), "nothing is imported");
    }

    @Test
    void skippingKeepsTheGoodRowsAndReportsTheBadOnes() throws IOException {
        DatasetInfo info = load(Family.OPTIMIZATION, "SELECT sku, day AS period, demand FROM demand ORDER BY day",
                ImportOptions.builder().badRowPolicy(BadRowPolicy.SKIP_AND_REPORT).build());
        assertEquals(2, info.rows());
        assertEquals(4, info.lastImport().rowsRead());
        assertEquals(List.of(2L, 3L), info.lastImport().badRows().stream().map(BadRow::line).toList());
        // the two days left are three days apart: the series steps by three days
        assertArrayEquals(new double[] {5, 7}, datasets.open(info.id(), SeriesSet.class).values(0));
    }

    @Test
    void anAppendByDateWatermarkAsksTheDatabaseOnlyForNewerRows() throws IOException, SQLException {
        sql("CREATE TABLE orders (sku text, day date, qty integer);"
                + "INSERT INTO orders VALUES ('A', '2024-01-01', 1), ('A', '2024-01-02', 2)");
        String query = "SELECT sku, day AS period, qty AS demand FROM orders";
        DatasetInfo first = load(Family.OPTIMIZATION, query, ImportOptions.builder().watermarkField("period").build());
        assertEquals("2024-01-02", first.watermark());
        sql("INSERT INTO orders VALUES ('A', '2024-01-03', 3), ('A', '2024-01-04', 4), ('A', '2024-01-02', 9)");
        DatasetInfo appended = load(Family.OPTIMIZATION, query, ImportOptions.builder().appendTo(first.id()).build());
        assertEquals(2, appended.lastImport().rowsRead(), "the late row of 2024-01-02 is not past the watermark");
        assertEquals(0, appended.lastImport().rowsBelowWatermark(), "the database left out the older rows");
        assertEquals(4, appended.rows());
        assertEquals("2024-01-04", appended.watermark());
        assertArrayEquals(new double[] {1, 2, 3, 4}, datasets.open(first.id(), SeriesSet.class).values(0));
        DatasetInfo again = load(Family.OPTIMIZATION, query, ImportOptions.builder().appendTo(first.id()).build());
        assertEquals(0, again.lastImport().rowsRead());
        assertEquals(4, again.rows());
    }

    @Test
    void anAppendByIdWatermarkReadsOnlyLargerIds() throws IOException, SQLException {
        sql("CREATE TABLE receipts (id bigint, customer text, day date, amount numeric);"
                + "INSERT INTO receipts VALUES (9, 'C1', '2024-01-01', 10), (10, 'C2', '2024-01-01', 20)");
        String query = "SELECT id AS invoice_no, customer AS customer_id, day AS date, amount FROM receipts";
        DatasetInfo first = load(Family.SEGMENTATION, query, ImportOptions.builder().watermarkField("invoice_no").build());
        assertEquals("10", first.watermark(), "ids compare as numbers, not as text");
        sql("INSERT INTO receipts VALUES (11, 'C1', '2024-01-05', 5), (100, 'C3', '2024-01-06', 7)");
        DatasetInfo appended = load(Family.SEGMENTATION, query, ImportOptions.builder().appendTo(first.id()).build());
        assertEquals(2, appended.lastImport().rowsImported());
        assertEquals(0, appended.lastImport().rowsBelowWatermark());
        assertEquals("100", appended.watermark());
        assertEquals(4, datasets.open(first.id(), Transactions.class).size());
    }

    @Test
    void datesInTextColumnsFollowTheDatePattern() throws IOException {
        DatasetInfo info = load(Family.OPTIMIZATION, "SELECT 'A' AS sku, '09/12/2011' AS period, 1 AS demand",
                ImportOptions.builder().dateFormat("dd/MM/yyyy").build());
        assertEquals(1, info.rows());
        DatasetInfo typed = load(Family.OPTIMIZATION, "SELECT 'A' AS sku, DATE '2011-12-09' AS period, 1 AS demand",
                ImportOptions.builder().dateFormat("dd/MM/yyyy").build());
        assertEquals(1, typed.rows(), "a SQL date is a date whatever the pattern for text");
    }

    @Test
    void anUnknownConnectionNamesTheConfiguredOnes() {
        ValidationException unknown = assertThrows(ValidationException.class, () -> datasets.importData(
                Family.OPTIMIZATION, new QuerySource("crm", "SELECT 1"), ImportOptions.defaults(), TrainingContext.none()));
        assertTrue(unknown.getMessage().contains("no connection named 'crm'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("there are erp"), unknown.getMessage());
    }

    @Test
    void anUnreachableDatabaseOrABadQueryFailsWithTheReasonAndImportsNothing() throws IOException {
        DatasetFolder unreachable = new DatasetFolder(temp.resolve("other"), TestDatabase.registry(
                new TestDatabase("down", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "x", "y", 10)));
        ImportException down = assertThrows(ImportException.class, () -> unreachable.importData(Family.OPTIMIZATION,
                new QuerySource("down", "SELECT 1"), ImportOptions.defaults(), TrainingContext.none()));
        assertTrue(down.getMessage().contains("cannot connect to jdbc:postgresql://127.0.0.1:1/none"),
                down.getMessage());
        ImportException invalid = assertThrows(ImportException.class, () -> load(Family.OPTIMIZATION,
                "SELECT sku FROM no_such_table", ImportOptions.defaults()));
        assertTrue(invalid.getMessage().contains("the query cannot run"), invalid.getMessage());
        assertTrue(invalid.getMessage().contains("no_such_table"), invalid.getMessage());
        ImportException missing = assertThrows(ImportException.class, () -> load(Family.OPTIMIZATION,
                "SELECT sku, day AS period FROM demand", ImportOptions.defaults()));
        assertTrue(missing.getMessage().contains("has no column for the field demand"), missing.getMessage());
        assertTrue(datasets.list().isEmpty());
    }

    @Test
    void aFailureWhileReadingTheResultImportsNothing() throws IOException {
        ImportException failed = assertThrows(ImportException.class, () -> load(Family.OPTIMIZATION,
                "SELECT 'A' AS sku, DATE '2024-01-01' + n AS period, 10 / (300 - n) AS demand"
                        + " FROM generate_series(0, 400) AS n", ImportOptions.defaults()));
        assertTrue(failed.getMessage().contains("division by zero"), failed.getMessage());
        assertTrue(datasets.list().isEmpty());
    }
}
