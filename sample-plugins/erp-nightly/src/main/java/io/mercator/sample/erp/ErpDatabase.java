package io.mercator.sample.erp;

import io.mercator.api.forecasting.SeriesSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The example ERP's tables (see {@code schema.sql}): sales and stock in, purchase orders out. */
final class ErpDatabase {

    /** One SKU's stock position and supply terms. */
    record Stock(String sku, double onHand, double onOrder, int leadTimeDays, double unitCost, int casePack) {
    }

    /** One purchase order line to write. */
    record Order(String sku, double quantity, double reorderPoint, double orderUpTo, double forecastDaily,
            String strategy) {
    }

    private final Connection connection;

    ErpDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Creates the tables when missing. */
    void createSchema() throws SQLException {
        String script;
        try (InputStream in = ErpDatabase.class.getResourceAsStream("schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema.sql: " + e.getMessage(), e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    /**
     * @return every SKU of {@code stock}
     */
    List<Stock> stock() throws SQLException {
        List<Stock> stock = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT sku, on_hand, on_order, lead_time_days, unit_cost, case_pack FROM stock ORDER BY sku")) {
            while (rows.next()) {
                stock.add(new Stock(rows.getString(1), rows.getDouble(2), rows.getDouble(3), rows.getInt(4),
                        rows.getDouble(5), rows.getInt(6)));
            }
        }
        return stock;
    }

    /**
     * Daily sales of the stocked SKUs over the {@code days} days before {@code today}, a day
     * without a sales row counting as zero.
     *
     * @return one series per SKU of {@code skus}, in that order, with a weekly season
     */
    SeriesSet dailySales(List<String> skus, LocalDate today, int days) throws SQLException {
        LocalDate first = today.minusDays(days);
        Map<String, double[]> series = new LinkedHashMap<>();
        skus.forEach(sku -> series.put(sku, new double[days]));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sku, sale_day, units FROM sales WHERE sale_day >= ? AND sale_day < ?")) {
            query.setDate(1, Date.valueOf(first));
            query.setDate(2, Date.valueOf(today));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    double[] values = series.get(rows.getString(1));
                    if (values != null) {
                        values[(int) ChronoUnit.DAYS.between(first, rows.getDate(2).toLocalDate())] += rows.getDouble(3);
                    }
                }
            }
        }
        SeriesSet.Builder builder = SeriesSet.builder(7);
        series.forEach(builder::add);
        return builder.build();
    }

    /**
     * Replaces the purchase orders of {@code runDay} by {@code orders} in one transaction: a rerun
     * of the same night replaces its orders, and a failure leaves the previous ones untouched.
     */
    void replaceOrders(LocalDate runDay, List<Order> orders) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM purchase_orders WHERE run_day = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO purchase_orders (run_day, sku, "
                        + "quantity, reorder_point, order_up_to, forecast_daily, strategy) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            delete.setDate(1, Date.valueOf(runDay));
            delete.executeUpdate();
            for (Order order : orders) {
                insert.setDate(1, Date.valueOf(runDay));
                insert.setString(2, order.sku());
                insert.setDouble(3, order.quantity());
                insert.setDouble(4, order.reorderPoint());
                insert.setDouble(5, order.orderUpTo());
                insert.setDouble(6, order.forecastDaily());
                insert.setString(7, order.strategy());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
