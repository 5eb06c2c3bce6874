package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.runtime.StrategyCallStatistics;
import io.mercator.api.runtime.StrategyCallStatistics.Use;
import io.mercator.api.runtime.StrategyHealth;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void histogramBucketsAreCumulativeWithInfSumAndCount() {
        Histogram histogram = new Histogram(new double[] {0.1, 1});
        histogram.observe(0.05);
        histogram.observe(0.1);
        histogram.observe(0.5);
        histogram.observe(3);
        String text = new PrometheusText().family("d", "histogram", "durations")
                .histogram("d", Map.of("route", "/a"), histogram.snapshot()).toString();
        assertEquals("# HELP d durations\n"
                + "# TYPE d histogram\n"
                + "d_bucket{route=\"/a\",le=\"0.1\"} 2\n"
                + "d_bucket{route=\"/a\",le=\"1\"} 3\n"
                + "d_bucket{route=\"/a\",le=\"+Inf\"} 4\n"
                + "d_sum{route=\"/a\"} 3.65\n"
                + "d_count{route=\"/a\"} 4\n", text);
    }

    @Test
    void labelValuesAreEscaped() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("path", "a\"b\\c\nd");
        String text = new PrometheusText().sample("x", labels, 1.5).toString();
        assertEquals("x{path=\"a\\\"b\\\\c\\nd\"} 1.5\n", text);
    }

    @Test
    void metricsRenderRequestsStrategiesAndJvm() {
        Metrics metrics = new Metrics();
        metrics.request("GET", "/api/v1/bundles", 200, 0.002);
        metrics.request("GET", "/api/v1/bundles", 200, 0.004);
        metrics.request("GET", "/api/v1/bundles", 401, 0.0001);
        StrategyInfo info = new StrategyInfo(StrategyDescriptor.builder(Family.FILTERING, "item-knn", "1.0.0").build(),
                7, "io.mercator.plugins.filtering", "1.0.0", true, new StrategyHealth(12, 3, 3, 1.5, true, "boom"));
        StrategyMetrics uses = new StrategyMetrics() {
            @Override
            public double[] durationBounds() {
                return new double[] {0.001, 0.01};
            }

            @Override
            public List<StrategyCallStatistics> statistics() {
                return List.of(new StrategyCallStatistics(Family.FILTERING, "item-knn", "1.0.0", Use.CALL, 12, 3, 1,
                        new long[] {7, 4, 1}, 0.25), new StrategyCallStatistics(Family.FILTERING, "item-knn", "1.0.0",
                        Use.LEASE, 1, 0, 0, new long[] {0, 0, 1}, 42.5));
            }
        };

        String text = metrics.render(List.of(info), uses);

        assertTrue(text.contains("mercator_http_requests_total{method=\"GET\",route=\"/api/v1/bundles\",status=\"200\"} 2\n"),
                text);
        assertTrue(text.contains("mercator_http_requests_total{method=\"GET\",route=\"/api/v1/bundles\",status=\"401\"} 1\n"));
        assertTrue(text.contains("mercator_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/bundles\","
                + "le=\"0.0025\"} 2\n"), text);
        assertTrue(text.contains("mercator_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/bundles\"} 3\n"));
        String call = "family=\"filtering\",strategy=\"item-knn\",version=\"1.0.0\",use=\"call\"";
        assertTrue(text.contains("mercator_strategy_calls_total{" + call + "} 12\n"), text);
        assertTrue(text.contains("mercator_strategy_failures_total{" + call + "} 3\n"));
        assertTrue(text.contains("mercator_strategy_timeouts_total{" + call + "} 1\n"));
        assertTrue(text.contains("mercator_strategy_call_duration_seconds_bucket{" + call + ",le=\"0.001\"} 7\n"), text);
        assertTrue(text.contains("mercator_strategy_call_duration_seconds_bucket{" + call + ",le=\"0.01\"} 11\n"), text);
        assertTrue(text.contains("mercator_strategy_call_duration_seconds_bucket{" + call + ",le=\"+Inf\"} 12\n"), text);
        assertTrue(text.contains("mercator_strategy_call_duration_seconds_sum{" + call + "} 0.25\n"), text);
        assertTrue(text.contains("mercator_strategy_call_duration_seconds_count{family=\"filtering\",strategy=\"item-knn\","
                + "version=\"1.0.0\",use=\"lease\"} 1\n"), text);
        assertTrue(text.contains("mercator_strategy_out_of_routing{family=\"filtering\",strategy=\"item-knn\","
                + "version=\"1.0.0\"} 1\n"), text);
        assertTrue(text.contains("jvm_memory_heap_bytes{area=\"used\"} "));
        assertTrue(text.contains("jvm_threads{state=\"live\"} "));
        assertTrue(text.contains("# TYPE jvm_gc_collections_total counter\n"));
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("#") || line.matches("[a-z_]+(\\{.*\\})? [-+0-9.EInfNa]+"), line);
        }
    }
}
