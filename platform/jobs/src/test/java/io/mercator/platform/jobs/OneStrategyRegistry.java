package io.mercator.platform.jobs;

import io.mercator.api.Family;
import io.mercator.api.Strategy;
import io.mercator.api.runtime.StrategyCall;
import io.mercator.api.runtime.StrategyHealth;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A registry holding one strategy of one family: the specs "" (the default), its name, and its name
 * with any version range select it.
 */
record OneStrategyRegistry(Strategy<?, ?> strategy) implements StrategyRegistry {

    private StrategyInfo info() {
        return new StrategyInfo(strategy.descriptor(), 7, "test.bundle", "1.0.0", true, StrategyHealth.UNUSED);
    }

    @Override
    public StrategyInfo resolve(Family family, String spec) {
        if (family != strategy.descriptor().family()
                || !(spec.isEmpty() || spec.equals(strategy.descriptor().name())
                        || spec.startsWith(strategy.descriptor().name() + "@"))) {
            throw new StrategyNotFoundException(family, spec, "not registered");
        }
        return info();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends Strategy<?, ?>> StrategyLease<S> acquire(Class<S> strategyType, String spec) {
        resolve(strategy.descriptor().family(), spec);
        StrategyInfo info = info();
        return new StrategyLease<>() {
            @Override
            public S strategy() {
                return (S) strategy;
            }

            @Override
            public StrategyInfo info() {
                return info;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public List<StrategyInfo> list() {
        return List.of(info());
    }

    @Override
    public List<StrategyInfo> list(Family family) {
        return list();
    }

    @Override
    public <S extends Strategy<?, ?>, R> R call(Class<S> strategyType, String spec, Duration deadline,
            StrategyCall<S, R> call) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> defaultSpec(Family family) {
        return Optional.empty();
    }

    @Override
    public void setDefault(Family family, String spec) {
        throw new UnsupportedOperationException();
    }
}
