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
 * @param trigger what asks for the job: {@value #MANUAL} (the default) or
 *     {@code schedule:<name>}; the job's {@link JobInfo#trigger()}
 */
public record TrainingRequest(Family family, String datasetId, String strategySpec, Map<String, String> parameters,
        String trigger) {

    /** The trigger of a job asked for by someone through the CLI, the REST API or the embedding API. */
    public static final String MANUAL = "manual";

    /** Checks that nothing is missing and copies the parameters; no trigger means {@value #MANUAL}. */
    public TrainingRequest {
        trigger = trigger == null || trigger.isEmpty() ? MANUAL : trigger;
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(datasetId, "datasetId");
        strategySpec = strategySpec == null ? "" : strategySpec;
        parameters = Map.copyOf(parameters);
    }

    /**
     * A request made by someone ({@value #MANUAL}).
     *
     * @param family the family
     * @param datasetId the data set to fit on
     * @param strategySpec the strategy spec, {@code ""} for the default
     * @param parameters parameter values as text by name
     */
    public TrainingRequest(Family family, String datasetId, String strategySpec, Map<String, String> parameters) {
        this(family, datasetId, strategySpec, parameters, MANUAL);
    }
}
