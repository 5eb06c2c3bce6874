package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.data.IdDictionary;
import io.mercator.api.datasets.Format;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.optimization.ReplenishmentPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultExporterComponentTest {

    private final ResultExporterComponent exporter = new ResultExporterComponent();

    private static Map<String, Forecast> forecasts() {
        Map<String, Forecast> forecasts = new LinkedHashMap<>();
        forecasts.put("sku,1", new Forecast(new double[] {10, 11}, new double[] {0.8, 0.975},
                new double[][] {{8, 9}, {6, 7}}, new double[][] {{12, 13}, {14, 15}}));
        return forecasts;
    }

    @Test
    void forecastsAsCsvHaveOneRowPerStepAndIntervalColumnsPerLevel() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.exportForecasts(forecasts(), Format.CSV, out);
        assertEquals("series_id,step,mean,lower_80,upper_80,lower_97.5,upper_97.5\r\n"
                + "\"sku,1\",1,10.0,8.0,12.0,6.0,14.0\r\n"
                + "\"sku,1\",2,11.0,9.0,13.0,7.0,15.0\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void forecastsAsJsonAreAnArrayOfObjects() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.exportForecasts(forecasts(), Format.JSON, out);
        assertEquals("[{\"series_id\":\"sku,1\",\"step\":1,\"mean\":10.0,\"lower_80\":8.0,\"upper_80\":12.0,"
                + "\"lower_97.5\":6.0,\"upper_97.5\":14.0},{\"series_id\":\"sku,1\",\"step\":2,\"mean\":11.0,"
                + "\"lower_80\":9.0,\"upper_80\":13.0,\"lower_97.5\":7.0,\"upper_97.5\":15.0}]",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void forecastsWithDifferentLevelsCannotShareATable() {
        Map<String, Forecast> mixed = forecasts();
        mixed.put("other", new Forecast(new double[] {1}, new double[] {0.8}, new double[][] {{0}},
                new double[][] {{2}}));
        assertThrows(IllegalArgumentException.class,
                () -> exporter.exportForecasts(mixed, Format.CSV, new ByteArrayOutputStream()));
    }

    @Test
    void plansHaveOneRowPerSkuInBothFormats() throws IOException {
        ReplenishmentPlan plan = new ReplenishmentPlan(IdDictionary.of("sku", "A", "B"), new double[] {5, 0},
                new double[] {20, 3}, new double[] {40, 6}, new double[] {12, 0}, new double[] {0.98, 1},
                new double[] {3.5, 0.25}, new String[] {"service", "none"});
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exporter.exportPlan(plan, Format.CSV, csv);
        assertEquals("sku,safety_stock,reorder_point,order_up_to,order_quantity,expected_fill_rate,expected_cost,"
                + "binding_constraint\r\nA,5.0,20.0,40.0,12.0,0.98,3.5,service\r\nB,0.0,3.0,6.0,0.0,1.0,0.25,none\r\n",
                csv.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        exporter.exportPlan(plan, Format.JSON, json);
        assertEquals("[{\"sku\":\"A\",\"safety_stock\":5.0,\"reorder_point\":20.0,\"order_up_to\":40.0,"
                + "\"order_quantity\":12.0,\"expected_fill_rate\":0.98,\"expected_cost\":3.5,"
                + "\"binding_constraint\":\"service\"},{\"sku\":\"B\",\"safety_stock\":0.0,\"reorder_point\":3.0,"
                + "\"order_up_to\":6.0,\"order_quantity\":0.0,\"expected_fill_rate\":1.0,\"expected_cost\":0.25,"
                + "\"binding_constraint\":\"none\"}]", json.toString(StandardCharsets.UTF_8));
    }
}
