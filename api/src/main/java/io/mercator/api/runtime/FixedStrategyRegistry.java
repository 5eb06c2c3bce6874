package io.mercator.api.runtime;

import io.mercator.api.Family;
import io.mercator.api.Strategy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registry outside a framework (tests, benchmarks, plain-classpath use): it hands out leases on the
 * strategies it was given, found by name, ignoring a spec's version range. It knows no bundles and
 * no defaults: it lists nothing, and resolving, protected calls and setting a default are not supported.
 */
public final class FixedStrategyRegistry implements StrategyRegistry {

    private final Map<String, Strategy<?, ?>> strategies = new LinkedHashMap<>();

    /** @param given the strategies to hand out, by their descriptors' names */
    public FixedStrategyRegistry(Strategy<?, ?>... given) {
        for (Strategy<?, ?> strategy : given) {
            strategies.put(strategy.descriptor().name(), strategy);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends Strategy<?, ?>> StrategyLease<S> acquire(Class<S> strategyType, String spec) {
        Strategy<?, ?> strategy = strategies.get(spec.split("@")[0]);
        if (!strategyType.isInstance(strategy)) {
            throw new StrategyNotFoundException(familyOf(strategyType), spec, "not among " + strategies.keySet());
        }
        return new StrategyLease<>() {
            @Override
            public S strategy() {
                return (S) strategy;
            }

            @Override
            public StrategyInfo info() {
                throw new UnsupportedOperationException("a fixed registry has no bundle information");
            }

            @Override
            public void close() {
                // nothing is held
            }
        };
    }

    private static Family familyOf(Class<?> strategyType) {
        for (Family family : Family.values()) {
            if (family.strategyType().isAssignableFrom(strategyType)) {
                return family;
            }
        }
        throw new IllegalArgumentException(strategyType.getName() + " is not a family's strategy type");
    }

    /** @return nothing: the strategies come from no bundle */
    @Override
    public List<StrategyInfo> list() {
        return List.of();
    }

    /** @return nothing: the strategies come from no bundle */
    @Override
    public List<StrategyInfo> list(Family family) {
        return List.of();
    }

    @Override
    public StrategyInfo resolve(Family family, String spec) {
        throw new UnsupportedOperationException("a fixed registry has no bundle information");
    }

    @Override
    public <S extends Strategy<?, ?>, R> R call(Class<S> strategyType, String spec, Duration deadline,
            StrategyCall<S, R> call) {
        throw new UnsupportedOperationException("a fixed registry only hands out leases");
    }

    @Override
    public Optional<String> defaultSpec(Family family) {
        return Optional.empty();
    }

    @Override
    public void setDefault(Family family, String spec) {
        throw new UnsupportedOperationException("a fixed registry has no defaults");
    }
}
