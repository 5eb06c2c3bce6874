package io.mercator.api.jobs;

import io.mercator.api.Family;
import java.util.Map;
import java.util.Objects;

/**
 * What to train.
 *
 * @param family the family
 * @param datasetId the data set to fit on; it must be of the family
 * @param strategySpec the strategy: {@code ""} for the family's default, {@code name} or
 *     {@code name@range} (see {@link io.mercator.api.runtime.StrategyRegistry})
 * @param parameters parameter values as text by name; parameters not given take the strategy's
 *     defaults
 */
public record TrainingRequest(Family family, String datasetId, String strategySpec, Map<String, String> parameters) {

    /** Checks that nothing is missing and copies the parameters. */
    public TrainingRequest {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(datasetId, "datasetId");
        strategySpec = strategySpec == null ? "" : strategySpec;
        parameters = Map.copyOf(parameters);
    }
}
