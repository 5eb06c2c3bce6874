package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.runtime.StrategyHealth;
import io.mercator.api.runtime.StrategyInfo;
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
        metrics.strategyCall("filtering", "item-knn", 0.0007);
        StrategyInfo info = new StrategyInfo(StrategyDescriptor.builder(Family.FILTERING, "item-knn", "1.0.0").build(),
                7, "io.mercator.plugins.filtering", "1.0.0", true, new StrategyHealth(12, 3, 0, 1.5, false, ""));

        String text = metrics.render(List.of(info));

        assertTrue(text.contains("mercator_http_requests_total{method=\"GET\",route=\"/api/v1/bundles\",status=\"200\"} 2\n"),
                text);
        assertTrue(text.contains("mercator_http_requests_total{method=\"GET\",route=\"/api/v1/bundles\",status=\"401\"} 1\n"));
        assertTrue(text.contains("mercator_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/bundles\","
                + "le=\"0.0025\"} 2\n"), text);
        assertTrue(text.contains("mercator_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/bundles\"} 3\n"));
        assertTrue(text.contains("mercator_strategy_calls_total{family=\"filtering\",strategy=\"item-knn\",version=\"1.0.0\"} 12\n"));
        assertTrue(text.contains("mercator_strategy_failures_total{family=\"filtering\",strategy=\"item-knn\",version=\"1.0.0\"} 3\n"));
        assertTrue(text.contains("mercator_strategy_call_duration_seconds_bucket{family=\"filtering\",strategy=\"item-knn\","
                + "le=\"0.001\"} 1\n"), text);
        assertTrue(text.contains("jvm_memory_heap_bytes{area=\"used\"} "));
        assertTrue(text.contains("jvm_threads{state=\"live\"} "));
        assertTrue(text.contains("# TYPE jvm_gc_collections_total counter\n"));
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("#") || line.matches("[a-z_]+(\\{.*\\})? [-+0-9.EInfNa]+"), line);
        }
    }
}
