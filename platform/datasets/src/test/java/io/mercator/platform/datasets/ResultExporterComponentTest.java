package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.data.IdDictionary;
import io.mercator.api.datasets.Format;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.segmentation.SegmentAssignment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultExporterComponentTest {

    private final ResultExporterComponent exporter = new ResultExporterComponent(new ConnectionRegistry());

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

    @Test
    void recommendationsSegmentsAndPricesHaveOneRowPerEntry() throws IOException {
        Map<String, Recommendations> recommendations = new LinkedHashMap<>();
        recommendations.put("u1", new Recommendations(new String[] {"a", "b"}, new double[] {0.9, 0.5}));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exporter.exportRecommendations(recommendations, Format.CSV, csv);
        assertEquals("user_id,rank,item_id,score\r\nu1,1,a,0.9\r\nu1,2,b,0.5\r\n",
                csv.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream segments = new ByteArrayOutputStream();
        exporter.exportSegments(new SegmentAssignment(IdDictionary.of("customers", "c1", "c2"), new int[] {1, 0}, 2),
                Format.JSON, segments);
        assertEquals("[{\"customer_id\":\"c1\",\"segment\":1},{\"customer_id\":\"c2\",\"segment\":0}]",
                segments.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream prices = new ByteArrayOutputStream();
        exporter.exportPrices(new PriceRecommendations(IdDictionary.of("products", "p1", "p2"),
                new double[] {2.5, 1}, new double[] {10, 0}, new double[] {25, 0}, new double[] {5, 0},
                new String[] {"optimum", PriceRecommendations.ERROR}, new String[] {null, "no elasticity"}),
                Format.CSV, prices);
        assertEquals("product,price,expected_units,expected_revenue,expected_profit,binding_rule,error\r\n"
                + "p1,2.5,10.0,25.0,5.0,optimum,\r\np2,1.0,0.0,0.0,0.0," + PriceRecommendations.ERROR
                + ",no elasticity\r\n", prices.toString(StandardCharsets.UTF_8));
    }
}
