package io.mercator.sample.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.embedded.Mercator;
import io.mercator.testing.postgres.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The nightly job against a PostgreSQL ERP database with eight weeks of sales of three SKUs. */
class NightlyReplenishmentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23); // a Monday
    /** Milk sells by weekday, Monday first: the three days an order covers are Mon, Tue, Wed. */
    private static final double[] MILK_BY_WEEKDAY = {30, 30, 32, 34, 40, 60, 50};

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    @TempDir
    static Path home;
    private static Mercator mercator;
    private Connection connection;

    @BeforeAll
    static void startMercator() {
        mercator = Mercator.builder().home(home).build();
    }

    @AfterAll
    static void stopMercator() {
        mercator.close();
    }

    @BeforeEach
    void erpDatabase() throws SQLException {
        connection = DATABASE.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS purchase_orders, stock, sales");
        }
        new ErpDatabase(connection).createSchema();
        Random random = new Random(3);
        try (PreparedStatement sale = connection.prepareStatement("INSERT INTO sales VALUES (?, ?, ?)")) {
            for (LocalDate day = TODAY.minusDays(NightlyReplenishment.HISTORY_DAYS); day.isBefore(TODAY);
                    day = day.plusDays(1)) {
                addSale(sale, "milk", day, MILK_BY_WEEKDAY[day.getDayOfWeek().getValue() - 1] + random.nextInt(3) - 1);
                addSale(sale, "beans", day, 5);
                addSale(sale, "wine", day, 8 + random.nextInt(5));
            }
            sale.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO stock VALUES ('milk', 20, 0, 2, 0.8, 1), ('beans', 500, 0, 3, 1.2, 1), "
                    + "('wine', 0, 0, 2, 6.5, 6)");
        }
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.close();
    }

    private static void addSale(PreparedStatement sale, String sku, LocalDate day, double units) throws SQLException {
        sale.setString(1, sku);
        sale.setDate(2, Date.valueOf(day));
        sale.setDouble(3, units);
        sale.addBatch();
    }

    @Test
    void ordersWhatTheForecastNeedsAndWritesTheOrdersBack() throws SQLException {
        NightlyReplenishment.Summary summary = NightlyReplenishment.run(mercator, connection, TODAY);

        assertEquals(3, summary.skus());
        Map<String, double[]> orders = orders();
        // beans: 500 in stock cover 100 days of 5 a day
        assertEquals(Set.of("milk", "wine"), orders.keySet());
        double[] milk = orders.get("milk");
        // Monday to Wednesday (lead time 2 + review 1) sell 30, 30 and 32 a day
        assertEquals((30 + 30 + 32) / 3.0, milk[3], 3.0);
        // order up to the level from 20 in stock, in whole units
        assertEquals(Math.ceil(milk[2] - 20), milk[0], 1e-6);
        assertTrue(milk[2] > 3 * milk[3], "the level holds safety stock beyond the expected demand");
        double[] wine = orders.get("wine");
        assertEquals(0, wine[0] % 6, 1e-9, "wine is ordered in cases of 6");
        assertTrue(wine[0] >= wine[2] - 6 && wine[0] > 0);
        assertEquals(summary.units(), milk[0] + wine[0], 1e-6);
    }

    @Test
    void aRerunReplacesTheNightsOrdersAndAFailedRunKeepsThem() throws SQLException {
        NightlyReplenishment.run(mercator, connection, TODAY);
        Map<String, double[]> first = orders();
        NightlyReplenishment.run(mercator, connection, TODAY);
        assertEquals(first.keySet(), orders().keySet());

        try (Statement statement = connection.createStatement()) {
            // NOT VALID: the rows already there are not checked
            statement.execute("ALTER TABLE purchase_orders ADD CONSTRAINT no_wine CHECK (sku <> 'wine') NOT VALID");
        }
        assertThrows(SQLException.class, () -> NightlyReplenishment.run(mercator, connection, TODAY));

        assertEquals(first.keySet(), orders().keySet());
    }

    /** @return per SKU: quantity, reorder point, order-up-to level, daily forecast */
    private Map<String, double[]> orders() throws SQLException {
        Map<String, double[]> orders = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT sku, quantity, reorder_point, order_up_to, "
                + "forecast_daily FROM purchase_orders WHERE run_day = ? ORDER BY sku")) {
            query.setDate(1, Date.valueOf(TODAY));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    orders.put(rows.getString(1), new double[] {rows.getDouble(2), rows.getDouble(3), rows.getDouble(4),
                            rows.getDouble(5)});
                }
            }
        }
        return orders;
    }
}
