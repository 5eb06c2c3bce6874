package io.mercator.platform.rest;

import io.mercator.api.runtime.StrategyCallStatistics;
import io.mercator.api.runtime.StrategyHealth;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyMetrics;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code /api/v1/metrics} reports: requests per route and status with their latency,
 * strategy uses with their outcomes and latency (measured by the registry, which sees every
 * caller: this API, the CLI, the embedding API, training jobs and evaluations), and the JVM's heap,
 * threads and garbage collection.
 */
final class Metrics {

    private record RouteStatus(String method, String route, int status) {
    }

    private record RouteKey(String method, String route) {
    }

    private final ConcurrentMap<RouteStatus, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<RouteKey, Histogram> requestLatency = new ConcurrentHashMap<>();

    /**
     * @param method the HTTP method
     * @param route the route template (e.g. {@code /api/v1/bundles/{id}}), never the raw path, so
     *     that label values stay few
     * @param status the answer's status
     * @param seconds how long the request took
     */
    void request(String method, String route, int status, double seconds) {
        requests.computeIfAbsent(new RouteStatus(method, route, status), k -> new LongAdder()).increment();
        requestLatency.computeIfAbsent(new RouteKey(method, route), k -> new Histogram(Histogram.LATENCY_BOUNDS))
                .observe(seconds);
    }

    /**
     * @param strategies the registry's strategies with their health
     * @param uses the registry's measurements of every strategy use
     * @return the exposition text
     */
    String render(List<StrategyInfo> strategies, StrategyMetrics uses) {
        PrometheusText text = new PrometheusText();
        text.family("mercator_http_requests_total", "counter", "HTTP requests answered, by method, route and status");
        keyed(requests).values().forEach(e -> text.sample(
                "mercator_http_requests_total", labels("method", e.getKey().method(), "route", e.getKey().route(),
                        "status", Integer.toString(e.getKey().status())), e.getValue().sum()));
        text.family("mercator_http_request_duration_seconds", "histogram", "Time to answer HTTP requests, by route");
        keyed(requestLatency).values().forEach(e -> text.histogram(
                "mercator_http_request_duration_seconds", labels("method", e.getKey().method(), "route",
                        e.getKey().route()), e.getValue().snapshot()));

        List<StrategyCallStatistics> statistics = uses.statistics();
        text.family("mercator_strategy_calls_total", "counter", "Strategy uses that finished, from every caller, by "
                + "strategy version and use (call: a protected call such as a query; lease: a training job or an "
                + "evaluation)");
        statistics.forEach(s -> text.sample("mercator_strategy_calls_total", useLabels(s), s.calls()));
        text.family("mercator_strategy_failures_total", "counter",
                "Strategy uses that threw, returned an invalid result or missed their deadline");
        statistics.forEach(s -> text.sample("mercator_strategy_failures_total", useLabels(s), s.failures()));
        text.family("mercator_strategy_timeouts_total", "counter", "Strategy calls that missed their deadline");
        statistics.forEach(s -> text.sample("mercator_strategy_timeouts_total", useLabels(s), s.timeouts()));
        text.family("mercator_strategy_call_duration_seconds", "histogram",
                "Duration of strategy uses, from every caller, by strategy version and use");
        double[] bounds = uses.durationBounds();
        statistics.forEach(s -> text.histogram("mercator_strategy_call_duration_seconds", useLabels(s),
                snapshot(bounds, s)));
        text.family("mercator_strategy_out_of_routing", "gauge",
                "1 while the circuit breaker keeps the strategy out of routing");
        strategies.forEach(s -> {
            StrategyHealth health = s.health();
            text.sample("mercator_strategy_out_of_routing", strategyLabels(s), health.outOfRouting() ? 1 : 0);
        });

        jvm(text);
        return text.toString();
    }

    private static void jvm(PrometheusText text) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        text.family("jvm_memory_heap_bytes", "gauge", "Heap memory: used, committed and max");
        text.sample("jvm_memory_heap_bytes", labels("area", "used"), heap.getUsed());
        text.sample("jvm_memory_heap_bytes", labels("area", "committed"), heap.getCommitted());
        text.sample("jvm_memory_heap_bytes", labels("area", "max"), heap.getMax());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        text.family("jvm_threads", "gauge", "Live threads, daemon threads and the peak since start");
        text.sample("jvm_threads", labels("state", "live"), threads.getThreadCount());
        text.sample("jvm_threads", labels("state", "daemon"), threads.getDaemonThreadCount());
        text.sample("jvm_threads", labels("state", "peak"), threads.getPeakThreadCount());
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        text.family("jvm_gc_collections_total", "counter", "Garbage collections, by collector");
        collectors.forEach(gc -> text.sample("jvm_gc_collections_total", labels("gc", gc.getName()),
                Math.max(0, gc.getCollectionCount())));
        text.family("jvm_gc_collection_seconds_total", "counter", "Time spent in garbage collection, by collector");
        collectors.forEach(gc -> text.sample("jvm_gc_collection_seconds_total", labels("gc", gc.getName()),
                Math.max(0, gc.getCollectionTime()) / 1000.0));
    }

    private static Map<String, String> strategyLabels(StrategyInfo info) {
        return labels("family", info.descriptor().family().id(), "strategy", info.descriptor().name(), "version",
                info.descriptor().version());
    }

    private static Map<String, String> useLabels(StrategyCallStatistics statistics) {
        return labels("family", statistics.family().id(), "strategy", statistics.strategy(), "version",
                statistics.version(), "use", statistics.use().name().toLowerCase(Locale.ROOT));
    }

    /** The registry's counts (with a last bucket beyond the bounds) as a histogram snapshot; its count is their sum. */
    private static Histogram.Snapshot snapshot(double[] bounds, StrategyCallStatistics statistics) {
        long[] counts = statistics.durationCounts();
        return new Histogram.Snapshot(bounds, Arrays.copyOf(counts, bounds.length), Arrays.stream(counts).sum(),
                statistics.durationSeconds());
    }

    private static Map<String, String> labels(String... namesAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return labels;
    }

    /** Sorts samples by their key's text so that the output is stable from scrape to scrape. */
    private static <K, V> Map<String, Map.Entry<K, V>> keyed(Map<K, V> map) {
        Map<String, Map.Entry<K, V>> sorted = new TreeMap<>();
        map.entrySet().forEach(e -> sorted.put(e.getKey().toString(), Map.entry(e.getKey(), e.getValue())));
        return sorted;
    }
}
