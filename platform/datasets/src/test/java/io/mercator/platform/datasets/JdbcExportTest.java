package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.datasets.TableTarget;
import io.mercator.api.datasets.TableTarget.Mode;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.testing.postgres.PostgresDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exports of results into tables of a real PostgreSQL: creation, replace, append, all or nothing. */
class JdbcExportTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private final ResultExporterComponent exporter = new ResultExporterComponent(
            TestDatabase.registry(TestDatabase.of("erp", DATABASE)));

    private static Map<String, Forecast> forecasts(int series, double mean) {
        Map<String, Forecast> forecasts = new LinkedHashMap<>();
        for (int s = 0; s < series; s++) {
            forecasts.put("sku-" + s, new Forecast(new double[] {mean, mean + 1}, new double[] {0.8, 0.975},
                    new double[][] {{mean - 2, mean - 1}, {mean - 4, mean - 3}},
                    new double[][] {{mean + 2, mean + 3}, {mean + 4, mean + 5}}));
        }
        return forecasts;
    }

    /** Forecasts whose last series has other interval levels: the export fails after writing the others. */
    private static Map<String, Forecast> failingAfter(int series) {
        Map<String, Forecast> forecasts = forecasts(series, 50);
        forecasts.put("odd", new Forecast(new double[] {1}, new double[] {0.9}, new double[][] {{0}},
                new double[][] {{2}}));
        return forecasts;
    }

    private static List<List<Object>> rows(String query) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static long count(String table) throws SQLException {
        return (Long) rows("SELECT count(*) FROM " + table).get(0).get(0);
    }

    private static boolean exists(String table) throws SQLException {
        return rows("SELECT to_regclass('" + table + "')").get(0).get(0) != null;
    }

    @Test
    void replaceCreatesTheTableWithTypedColumnsAndThenHoldsOnlyTheNewRows() throws IOException, SQLException {
        assertEquals(4, exporter.exportForecasts(forecasts(2, 10), new TableTarget("erp", "forecasts", Mode.REPLACE)));
        assertEquals(List.of(List.of("series_id", "text"), List.of("step", "integer"),
                List.of("mean", "double precision"), List.of("lower_80", "double precision"),
                List.of("upper_80", "double precision"), List.of("lower_97_5", "double precision"),
                List.of("upper_97_5", "double precision")), rows("SELECT column_name::text, data_type::text"
                + " FROM information_schema.columns WHERE table_name = 'forecasts' ORDER BY ordinal_position"));
        List<List<Object>> written = rows("SELECT series_id, step, mean, lower_97_5 FROM forecasts ORDER BY series_id, step");
        assertEquals(List.of("sku-0", 1, 10.0, 6.0), written.get(0));
        assertEquals(List.of("sku-0", 2, 11.0, 7.0), written.get(1));

        exporter.exportForecasts(forecasts(1, 20), new TableTarget("erp", "forecasts", Mode.REPLACE));
        assertEquals(List.of(List.of("sku-0", 20.0), List.of("sku-0", 21.0)),
                rows("SELECT series_id, mean FROM forecasts ORDER BY step"));
        assertFalse(exists("forecasts_mercator_new"), "no staging table is left");
    }

    @Test
    void appendAddsRowsAndCreatesAMissingTable() throws IOException, SQLException {
        TableTarget target = new TableTarget("erp", "forecast_history", Mode.APPEND);
        exporter.exportForecasts(forecasts(2, 10), target);
        exporter.exportForecasts(forecasts(3, 30), target);
        assertEquals(10, count("forecast_history"));
    }

    @Test
    void aFailedReplaceLeavesTheOldTableAsItWas() throws IOException, SQLException {
        TableTarget target = new TableTarget("erp", "nightly", Mode.REPLACE);
        exporter.exportForecasts(forecasts(3, 10), target);
        // more rows than a batch: some were inserted before the failure
        assertThrows(IllegalArgumentException.class, () -> exporter.exportForecasts(failingAfter(1500), target));
        assertEquals(6, count("nightly"));
        assertEquals(List.of(List.of(10.0)), rows("SELECT DISTINCT mean FROM nightly WHERE step = 1"));
        assertFalse(exists("nightly_mercator_new"));
    }

    @Test
    void aFailedAppendAddsNothing() throws IOException, SQLException {
        TableTarget target = new TableTarget("erp", "appended", Mode.APPEND);
        exporter.exportForecasts(forecasts(3, 10), target);
        assertThrows(IllegalArgumentException.class, () -> exporter.exportForecasts(failingAfter(1500), target));
        assertEquals(6, count("appended"));
        assertThrows(IllegalArgumentException.class, () -> exporter.exportForecasts(failingAfter(2),
                new TableTarget("erp", "never_created", Mode.APPEND)));
        assertFalse(exists("never_created"), "the table created for the failed append is rolled back");
    }

    @Test
    void appendingToATableWithoutAColumnIsRefusedByName() throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE segments_old (customer_id text)");
        }
        SegmentAssignment assignment = new SegmentAssignment(IdDictionary.of("customer", "C1", "C2"),
                new int[] {0, 1}, 2);
        ValidationException refused = assertThrows(ValidationException.class, () -> exporter.exportSegments(assignment,
                new TableTarget("erp", "segments_old", Mode.APPEND)));
        assertTrue(refused.getMessage().contains("has no column segment"), refused.getMessage());
        assertEquals(0, count("segments_old"));
    }

    @Test
    void everyResultKindGoesIntoSchemaQualifiedTables() throws IOException, SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA erp");
        }
        SegmentAssignment assignment = new SegmentAssignment(IdDictionary.of("customer", "C1", "C2"),
                new int[] {1, 0}, 2);
        assertEquals(2, exporter.exportSegments(assignment, new TableTarget("erp", "erp.segments", Mode.REPLACE)));
        assertEquals(2, exporter.exportSegments(assignment, new TableTarget("erp", "erp.segments", Mode.REPLACE)));
        assertEquals(List.of(List.of("C1", 1), List.of("C2", 0)),
                rows("SELECT customer_id, segment FROM erp.segments ORDER BY customer_id"));

        Map<String, Recommendations> recommendations = new LinkedHashMap<>();
        recommendations.put("U1", new Recommendations(new String[] {"I9", "I3"}, new double[] {0.9, 0.4}));
        assertEquals(2, exporter.exportRecommendations(recommendations, new TableTarget("erp", "erp.top_items",
                Mode.REPLACE)));
        assertEquals(List.of(List.of("U1", 2, "I3", 0.4)),
                rows("SELECT user_id, rank, item_id, score FROM erp.top_items WHERE rank = 2"));

        PriceRecommendations prices = new PriceRecommendations(IdDictionary.of("product", "P1"), new double[] {9.99},
                new double[] {100}, new double[] {999}, new double[] {300}, new String[] {"optimum"});
        assertEquals(1, exporter.exportPrices(prices, new TableTarget("erp", "prices", Mode.APPEND)));
        assertEquals(List.of(List.of("P1", 9.99, "optimum", "")),
                rows("SELECT product, price, binding_rule, error FROM prices"));
    }

    @Test
    void anUnknownConnectionIsRefusedByName() {
        ValidationException unknown = assertThrows(ValidationException.class, () -> exporter.exportForecasts(
                forecasts(1, 1), new TableTarget("crm", "forecasts", Mode.REPLACE)));
        assertTrue(unknown.getMessage().contains("no connection named 'crm'"), unknown.getMessage());
    }
}
