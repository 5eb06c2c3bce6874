package io.mercator.platform.datasets;

import io.mercator.api.datasets.Format;
import io.mercator.api.datasets.ResultExporter;
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
import org.osgi.service.component.annotations.Component;

/** Writes every family's results as CSV or JSON. */
@Component(service = ResultExporter.class)
public final class ResultExporterComponent implements ResultExporter {

    @Override
    public void exportForecasts(Map<String, Forecast> forecasts, Format format, OutputStream out) throws IOException {
        double[] levels = forecasts.isEmpty() ? new double[0] : forecasts.values().iterator().next().levels();
        List<String> columns = new ArrayList<>(List.of("series_id", "step", "mean"));
        for (double level : levels) {
            String percent = percent(level);
            columns.add("lower_" + percent);
            columns.add("upper_" + percent);
        }
        try (TableWriter table = TableWriter.open(format, columns, out)) {
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
        }
    }

    @Override
    public void exportPlan(ReplenishmentPlan plan, Format format, OutputStream out) throws IOException {
        try (TableWriter table = TableWriter.open(format, List.of("sku", "safety_stock", "reorder_point",
                "order_up_to", "order_quantity", "expected_fill_rate", "expected_cost", "binding_constraint"), out)) {
            for (int r = 0; r < plan.size(); r++) {
                table.row(plan.skus().id(r), plan.safetyStock(r), plan.reorderPoint(r), plan.orderUpTo(r),
                        plan.orderQuantity(r), plan.expectedFillRate(r), plan.expectedCost(r),
                        plan.bindingConstraint(r));
            }
        }
    }

    @Override
    public void exportRecommendations(Map<String, Recommendations> recommendations, Format format, OutputStream out)
            throws IOException {
        try (TableWriter table = TableWriter.open(format, List.of("user_id", "rank", "item_id", "score"), out)) {
            for (Map.Entry<String, Recommendations> entry : recommendations.entrySet()) {
                Recommendations list = entry.getValue();
                for (int rank = 0; rank < list.size(); rank++) {
                    table.row(entry.getKey(), rank + 1, list.itemId(rank), list.score(rank));
                }
            }
        }
    }

    @Override
    public void exportSegments(SegmentAssignment assignment, Format format, OutputStream out) throws IOException {
        try (TableWriter table = TableWriter.open(format, List.of("customer_id", "segment"), out)) {
            for (int r = 0; r < assignment.size(); r++) {
                table.row(assignment.customers().id(r), assignment.segment(r));
            }
        }
    }

    @Override
    public void exportPrices(PriceRecommendations prices, Format format, OutputStream out) throws IOException {
        try (TableWriter table = TableWriter.open(format, List.of("product", "price", "expected_units",
                "expected_revenue", "expected_profit", "binding_rule", "error"), out)) {
            for (int r = 0; r < prices.size(); r++) {
                String error = prices.error(r);
                table.row(prices.products().id(r), prices.price(r), prices.expectedUnits(r), prices.expectedRevenue(r),
                        prices.expectedProfit(r), prices.bindingRule(r), error == null ? "" : error);
            }
        }
    }

    /** @return 0.95 as "95", 0.975 as "97.5" */
    private static String percent(double level) {
        double percent = level * 100;
        return percent == Math.rint(percent) ? Long.toString(Math.round(percent))
                : String.format(Locale.ROOT, "%s", percent).replaceAll("0+$", "");
    }
}
