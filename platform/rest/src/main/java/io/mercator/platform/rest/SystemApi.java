package io.mercator.platform.rest;

import io.mercator.api.runtime.StrategyMetrics;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/openapi.json} (the hand-written API document shipped in this bundle) and {@code /api/v1/metrics}. */
final class SystemApi {

    /** The API document, a resource of this bundle. */
    static final String OPENAPI_RESOURCE = "openapi.json";

    private final StrategyRegistry registry;
    private final StrategyMetrics uses;
    private final Metrics metrics;

    SystemApi(StrategyRegistry registry, StrategyMetrics uses, Metrics metrics) {
        this.registry = registry;
        this.uses = uses;
        this.metrics = metrics;
    }

    void register(Router router) {
        byte[] openApi = openApi();
        router.add("GET", "/api/v1/openapi.json", Role.VIEWER, List.of(), "this API's OpenAPI 3 document",
                call -> new Reply(200, Reply.JSON, openApi, Map.of()));
        router.add("GET", "/api/v1/metrics", Role.VIEWER, List.of(), "metrics in the Prometheus text format",
                call -> Reply.text(200, PrometheusText.CONTENT_TYPE, metrics.render(registry.list(), uses)));
    }

    static byte[] openApi() {
        try (InputStream in = SystemApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
