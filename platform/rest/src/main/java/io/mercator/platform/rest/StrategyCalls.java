package io.mercator.platform.rest;

import io.mercator.api.Family;
import io.mercator.api.Strategy;
import io.mercator.api.runtime.StrategyCall;
import io.mercator.api.runtime.StrategyRegistry;
import java.time.Duration;

/**
 * Every call this API makes into strategy code: through the registry's protected call (deadline,
 * health counting, circuit breaker, the bundle held for the length of the call, timed per strategy
 * for the metrics).
 */
final class StrategyCalls {

    private final StrategyRegistry registry;
    private final Duration deadline;

    StrategyCalls(StrategyRegistry registry, Duration deadline) {
        this.registry = registry;
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
        return registry.call(type, spec, deadline, call);
    }
}
