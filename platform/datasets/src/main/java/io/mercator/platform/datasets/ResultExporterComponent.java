package io.mercator.platform.datasets;

import io.mercator.api.datasets.Format;
import io.mercator.api.datasets.ResultExporter;
import io.mercator.api.datasets.TableTarget;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.segmentation.SegmentAssignment;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.mercator.platform.datasets.TableWriter.Column;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Writes every family's results as CSV, JSON or into a database table. */
@Component(service = ResultExporter.class)
public final class ResultExporterComponent implements ResultExporter {

    private final ConnectionRegistry connections;

    /** @param connections the named database connections tables are written through */
    @Activate
    public ResultExporterComponent(@Reference ConnectionRegistry connections) {
        this.connections = connections;
    }

    @Override
    public void exportForecasts(Map<String, Forecast> forecasts, Format format, OutputStream out) throws IOException {
        writeForecasts(forecasts, TableWriter.to(format, out));
    }

    @Override
    public long exportForecasts(Map<String, Forecast> forecasts, TableTarget target) throws IOException {
        return writeForecasts(forecasts, table(target));
    }

    @Override
    public void exportPlan(ReplenishmentPlan plan, Format format, OutputStream out) throws IOException {
        writePlan(plan, TableWriter.to(format, out));
    }

    @Override
    public long exportPlan(ReplenishmentPlan plan, TableTarget target) throws IOException {
        return writePlan(plan, table(target));
    }

    @Override
    public void exportRecommendations(Map<String, Recommendations> recommendations, Format format, OutputStream out)
            throws IOException {
        writeRecommendations(recommendations, TableWriter.to(format, out));
    }

    @Override
    public long exportRecommendations(Map<String, Recommendations> recommendations, TableTarget target)
            throws IOException {
        return writeRecommendations(recommendations, table(target));
    }

    @Override
    public void exportSegments(SegmentAssignment assignment, Format format, OutputStream out) throws IOException {
        writeSegments(assignment, TableWriter.to(format, out));
    }

    @Override
    public long exportSegments(SegmentAssignment assignment, TableTarget target) throws IOException {
        return writeSegments(assignment, table(target));
    }

    @Override
    public void exportPrices(PriceRecommendations prices, Format format, OutputStream out) throws IOException {
        writePrices(prices, TableWriter.to(format, out));
    }

    @Override
    public long exportPrices(PriceRecommendations prices, TableTarget target) throws IOException {
        return writePrices(prices, table(target));
    }

    private TableWriter.Opener table(TableTarget target) {
        return JdbcTableWriter.to(connections.require(target.connection()), target);
    }

    private static long writeForecasts(Map<String, Forecast> forecasts, TableWriter.Opener opener) throws IOException {
        double[] levels = forecasts.isEmpty() ? new double[0] : forecasts.values().iterator().next().levels();
        List<Column> columns = new ArrayList<>(List.of(Column.text("series_id"), Column.integer("step"),
                Column.real("mean")));
        for (double level : levels) {
            String percent = percent(level);
            columns.add(Column.real("lower_" + percent));
            columns.add(Column.real("upper_" + percent));
        }
        try (TableWriter table = opener.open(columns)) {
            for (Map.Entry<String, Forecast> entry : forecasts.entrySet()) {
                Forecast forecast = entry.getValue();
                if (forecast.levels().length != levels.length) {
                    throw new IllegalArgumentException("forecast of '" + entry.getKey() + "' has "
                            + forecast.levels().length + " interval levels, the first has " + levels.length);
                }
                for (int h = 0; h < forecast.horizon(); h++) {
                    Object[] cells = new Object[columns.size()];
                    cells[0] = entry.getKey();
                    cells[1] = h + 1;
                    cells[2] = forecast.mean(h);
                    for (int l = 0; l < levels.length; l++) {
                        cells[3 + 2 * l] = forecast.lower(l)[h];
                        cells[4 + 2 * l] = forecast.upper(l)[h];
                    }
                    table.row(cells);
                }
            }
            table.finish();
            return table.rows();
        }
    }

    private static long writePlan(ReplenishmentPlan plan, TableWriter.Opener opener) throws IOException {
        try (TableWriter table = opener.open(List.of(Column.text("sku"), Column.real("safety_stock"),
                Column.real("reorder_point"), Column.real("order_up_to"), Column.real("order_quantity"),
                Column.real("expected_fill_rate"), Column.real("expected_cost"), Column.text("binding_constraint")))) {
            for (int r = 0; r < plan.size(); r++) {
                table.row(plan.skus().id(r), plan.safetyStock(r), plan.reorderPoint(r), plan.orderUpTo(r),
                        plan.orderQuantity(r), plan.expectedFillRate(r), plan.expectedCost(r),
                        plan.bindingConstraint(r));
            }
            table.finish();
            return table.rows();
        }
    }

    private static long writeRecommendations(Map<String, Recommendations> recommendations, TableWriter.Opener opener)
            throws IOException {
        try (TableWriter table = opener.open(List.of(Column.text("user_id"), Column.integer("rank"),
                Column.text("item_id"), Column.real("score")))) {
            for (Map.Entry<String, Recommendations> entry : recommendations.entrySet()) {
                Recommendations list = entry.getValue();
                for (int rank = 0; rank < list.size(); rank++) {
                    table.row(entry.getKey(), rank + 1, list.itemId(rank), list.score(rank));
                }
            }
            table.finish();
            return table.rows();
        }
    }

    private static long writeSegments(SegmentAssignment assignment, TableWriter.Opener opener) throws IOException {
        try (TableWriter table = opener.open(List.of(Column.text("customer_id"), Column.integer("segment")))) {
            for (int r = 0; r < assignment.size(); r++) {
                table.row(assignment.customers().id(r), assignment.segment(r));
            }
            table.finish();
            return table.rows();
        }
    }

    private static long writePrices(PriceRecommendations prices, TableWriter.Opener opener) throws IOException {
        try (TableWriter table = opener.open(List.of(Column.text("product"), Column.real("price"),
                Column.real("expected_units"), Column.real("expected_revenue"), Column.real("expected_profit"),
                Column.text("binding_rule"), Column.text("error")))) {
            for (int r = 0; r < prices.size(); r++) {
                String error = prices.error(r);
                table.row(prices.products().id(r), prices.price(r), prices.expectedUnits(r), prices.expectedRevenue(r),
                        prices.expectedProfit(r), prices.bindingRule(r), error == null ? "" : error);
            }
            table.finish();
            return table.rows();
        }
    }

    /** @return 0.95 as "95", 0.975 as "97.5" */
    private static String percent(double level) {
        double percent = level * 100;
        return percent == Math.rint(percent) ? Long.toString(Math.round(percent))
                : String.format(Locale.ROOT, "%s", percent).replaceAll("0+$", "");
    }
}
