package io.mercator.api.runtime;

import io.mercator.api.Strategy;

/**
 * One call into a strategy, made by {@link StrategyRegistry#call} with the platform's protection.
 *
 * @param <S> the family's strategy type
 * @param <R> the result type
 */
@FunctionalInterface
public interface StrategyCall<S extends Strategy<?, ?>, R> {

    /**
     * @param strategy the strategy the registry selected
     * @return the result
     * @throws Exception anything the strategy throws; the registry counts it as a failure
     */
    R apply(S strategy) throws Exception;
}
