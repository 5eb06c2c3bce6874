package io.mercator.sample.erp;

import io.mercator.api.Family;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.embedded.Mercator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ERP's nightly replenishment job with Mercator embedded: reads the last eight weeks of daily
 * sales and today's stock from the ERP's database, forecasts each SKU over its lead time and
 * review period with the default forecaster, plans the orders with the default replenishment
 * policy at a 95% cycle service level, and writes the purchase orders back in one transaction.
 *
 * <pre>
 * java -cp ... io.mercator.sample.erp.NightlyReplenishment JDBC_URL USER PASSWORD MERCATOR_HOME [DAY]
 * </pre>
 */
public final class NightlyReplenishment {

    static final int HISTORY_DAYS = 8 * 7;
    static final int REVIEW_DAYS = 1;
    static final double SERVICE_LEVEL = 0.95;
    /** Yearly holding cost as a fraction of the unit cost, per day. */
    static final double HOLDING_COST_PER_DAY = 0.25 / 365;
    private static final double Z_80 = 1.2816;

    /**
     * What one night did.
     *
     * @param skus the SKUs planned
     * @param orders the purchase order lines written
     * @param units the units ordered in all
     */
    record Summary(int skus, int orders, double units) {
    }

    private NightlyReplenishment() {
    }

    public static void main(String[] args) {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: NightlyReplenishment JDBC_URL USER PASSWORD MERCATOR_HOME [DAY as 2026-11-22]");
            System.exit(2);
        }
        try {
            LocalDate day = args.length == 5 ? LocalDate.parse(args[4]) : LocalDate.now();
            // the database first: it fails faster than the runtime starts
            try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
                    Mercator mercator = Mercator.builder().home(Path.of(args[3])).build()) {
                Summary summary = run(mercator, connection, day);
                System.out.printf(Locale.ROOT, "%s: planned %d SKUs, wrote %d purchase order lines, %.0f units%n",
                        day, summary.skus(), summary.orders(), summary.units());
            }
        } catch (SQLException | RuntimeException e) {
            System.err.println("nightly replenishment failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Plans and writes the purchase orders of {@code today}, replacing any written earlier for that day.
     *
     * @param mercator the embedded runtime
     * @param connection the ERP's database (see {@code schema.sql})
     * @param today the run's day: sales before it are history
     * @return what was planned and written
     * @throws SQLException when the database fails; nothing is written then
     */
    static Summary run(Mercator mercator, Connection connection, LocalDate today) throws SQLException {
        ErpDatabase database = new ErpDatabase(connection);
        List<ErpDatabase.Stock> stock = database.stock();
        if (stock.isEmpty()) {
            database.replaceOrders(today, List.of());
            return new Summary(0, 0, 0);
        }
        SeriesSet history = database.dailySales(stock.stream().map(ErpDatabase.Stock::sku).toList(), today,
                HISTORY_DAYS);
        int horizon = stock.stream().mapToInt(ErpDatabase.Stock::leadTimeDays).max().orElseThrow() + REVIEW_DAYS;
        Map<String, Forecast> forecasts = mercator.forecast("", history, horizon, 80);

        ReplenishmentInput.Builder input = ReplenishmentInput.builder();
        double[] dailyForecast = new double[stock.size()];
        for (int row = 0; row < stock.size(); row++) {
            ErpDatabase.Stock sku = stock.get(row);
            Forecast forecast = forecasts.get(sku.sku());
            // the mean daily demand over the days this order has to cover, and the day-ahead spread
            int covered = sku.leadTimeDays() + REVIEW_DAYS;
            double sum = 0;
            for (int h = 0; h < covered; h++) {
                sum += forecast.mean(h);
            }
            dailyForecast[row] = sum / covered;
            double stdDev = (forecast.upper(0)[0] - forecast.lower(0)[0]) / (2 * Z_80);
            input.add(sku.sku()).demand(dailyForecast[row], stdDev).leadTime(sku.leadTimeDays(), 0)
                    .reviewPeriod(REVIEW_DAYS).stock(sku.onHand(), sku.onOrder(), 0)
                    .costs(sku.unitCost(), HOLDING_COST_PER_DAY, 0).targetServiceLevel(SERVICE_LEVEL)
                    .orderRules(0, sku.casePack());
        }
        ReplenishmentPlan plan = mercator.planReplenishment("", history, input.build());

        String strategies = mercator.defaultStrategy(Family.FORECASTING).orElse("?") + " + "
                + mercator.defaultStrategy(Family.OPTIMIZATION).orElse("?");
        List<ErpDatabase.Order> orders = new ArrayList<>();
        double units = 0;
        for (int row = 0; row < plan.size(); row++) {
            if (plan.orderQuantity(row) > 0) {
                orders.add(new ErpDatabase.Order(plan.skus().id(row), plan.orderQuantity(row), plan.reorderPoint(row),
                        plan.orderUpTo(row), dailyForecast[row], strategies));
                units += plan.orderQuantity(row);
            }
        }
        database.replaceOrders(today, orders);
        return new Summary(stock.size(), orders.size(), units);
    }
}
