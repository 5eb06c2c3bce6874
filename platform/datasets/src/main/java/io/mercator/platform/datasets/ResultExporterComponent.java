package io.mercator.platform.datasets;

import io.mercator.api.datasets.Format;
import io.mercator.api.datasets.ResultExporter;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.optimization.ReplenishmentPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Writes forecasts and replenishment plans as CSV or JSON. */
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

    /** @return 0.95 as "95", 0.975 as "97.5" */
    private static String percent(double level) {
        double percent = level * 100;
        return percent == Math.rint(percent) ? Long.toString(Math.round(percent))
                : String.format(Locale.ROOT, "%s", percent).replaceAll("0+$", "");
    }
}
