package io.mercator.platform.rest;

import io.mercator.api.Family;
import io.mercator.api.Strategy;
import io.mercator.api.runtime.StrategyCall;
import io.mercator.api.runtime.StrategyRegistry;
import java.time.Duration;

/**
 * Every call this API makes into strategy code: through the registry's protected call (deadline,
 * health counting, circuit breaker, the bundle held for the length of the call), timed per
 * strategy for the metrics.
 */
final class StrategyCalls {

    private final StrategyRegistry registry;
    private final Metrics metrics;
    private final Duration deadline;

    StrategyCalls(StrategyRegistry registry, Metrics metrics, Duration deadline) {
        this.registry = registry;
        this.metrics = metrics;
        this.deadline = deadline;
    }

    /**
     * @param family the family
     * @param spec the strategy spec; empty for the family's default
     * @param call what to do with the strategy
     * @return the call's result
     */
    @SuppressWarnings("unchecked")
    <R> R call(Family family, String spec, StrategyCall<Strategy<?, ?>, R> call) {
        Class<Strategy<?, ?>> type = (Class<Strategy<?, ?>>) family.strategyType();
        // which strategy served is known only inside the call (the registry picks it); the worker writes it here,
        // and the registry's hand-over of the result makes the write visible to this thread
        String[] served = {spec.isEmpty() ? "(default)" : spec.split("@", 2)[0]};
        long begin = System.nanoTime();
        try {
            return registry.call(type, spec, deadline, strategy -> {
                served[0] = strategy.descriptor().name();
                return call.apply(strategy);
            });
        } finally {
            metrics.strategyCall(family.id(), served[0], (System.nanoTime() - begin) / 1e9);
        }
    }
}
