package io.mercator.api.runtime;

import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to evaluate.
 *
 * @param data the data file, in the family's import format
 * @param strategies strategy specs ({@code name} or {@code name@range}); empty for every
 *     strategy of the family that is registered
 * @param options the evaluator's options, validated against {@link Evaluator#options()}
 * @param strategyParameters parameter values to fit strategies with, by strategy name and then by
 *     parameter name; strategies not named here are fitted with their defaults
 */
public record EvaluationRequest(Path data, List<String> strategies, Parameters options,
        Map<String, Map<String, String>> strategyParameters) {

    /** Checks that nothing is missing and copies the collections. */
    public EvaluationRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        strategies = List.copyOf(strategies);
        strategyParameters = Map.copyOf(strategyParameters);
    }

    /**
     * A request that fits every strategy with its default parameters.
     *
     * @param data the data file
     * @param strategies strategy specs; empty for all
     * @param options the evaluator's options
     */
    public EvaluationRequest(Path data, List<String> strategies, Parameters options) {
        this(data, strategies, options, Map.of());
    }

    /**
     * @param strategy a strategy's descriptor
     * @return the values the caller gave for that strategy's parameters; empty when none
     */
    public Map<String, String> givenParameters(StrategyDescriptor strategy) {
        return strategyParameters.getOrDefault(strategy.name(), Map.of());
    }

    /**
     * @param strategy a strategy's descriptor
     * @return the parameters to fit it with: the caller's values over the strategy's defaults
     * @throws io.mercator.api.ValidationException when a given value is unknown or out of range
     */
    public Parameters parametersFor(StrategyDescriptor strategy) {
        return Parameters.resolve(strategy.parameters(), givenParameters(strategy));
    }
}
