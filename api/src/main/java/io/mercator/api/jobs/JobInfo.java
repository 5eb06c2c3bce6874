package io.mercator.api.jobs;

import io.mercator.api.Family;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of one job: training, or batch scoring.
 *
 * @param id the job's id
 * @param family the family trained
 * @param datasetId the data set fitted on (a scoring job: the one trained on, or the history of
 *     the items excluded; empty when a stored model without one is scored)
 * @param strategySpec the spec as requested ({@code ""} for the family's default)
 * @param parameters the parameter values requested, as text
 * @param state where the job is
 * @param progress done so far, from 0 to 1
 * @param message the last progress message, or the outcome once final
 * @param submittedAt when the job was started
 * @param startedAt when it began to run; null while queued (and if cancelled while queued)
 * @param finishedAt when it reached a final state; null before
 * @param strategyName the strategy that ran; null until resolved
 * @param strategyVersion its version; null until resolved
 * @param modelId the stored model's id in the {@link io.mercator.api.runtime.ModelStore}; null
 *     unless SUCCEEDED (a scoring job: the model scored, once known)
 * @param error why it failed; null unless FAILED
 * @param trigger what started it: {@value TrainingRequest#MANUAL} for a request (CLI, REST API,
 *     embedding API), {@code schedule:<name>} for a {@linkplain ScheduleService schedule}
 * @param kind what the job does; null (a record written before scoring jobs existed) means TRAINING
 */
public record JobInfo(String id, Family family, String datasetId, String strategySpec, Map<String, String> parameters,
        JobState state, double progress, String message, Instant submittedAt, Instant startedAt, Instant finishedAt,
        String strategyName, String strategyVersion, String modelId, String error, String trigger, JobKind kind) {

    /** Checks that nothing is missing and copies the parameters; no trigger means {@value TrainingRequest#MANUAL}. */
    public JobInfo {
        trigger = trigger == null || trigger.isEmpty() ? TrainingRequest.MANUAL : trigger;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(datasetId, "datasetId");
        strategySpec = strategySpec == null ? "" : strategySpec;
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
        Objects.requireNonNull(submittedAt, "submittedAt");
        kind = kind == null ? JobKind.TRAINING : kind;
    }

    /**
     * A training job started by a request (the shape of version 1.0 of this package).
     *
     * @see #JobInfo(String, Family, String, String, Map, JobState, double, String, Instant, Instant, Instant,
     *     String, String, String, String, String, JobKind)
     */
    public JobInfo(String id, Family family, String datasetId, String strategySpec, Map<String, String> parameters,
            JobState state, double progress, String message, Instant submittedAt, Instant startedAt,
            Instant finishedAt, String strategyName, String strategyVersion, String modelId, String error) {
        this(id, family, datasetId, strategySpec, parameters, state, progress, message, submittedAt, startedAt,
                finishedAt, strategyName, strategyVersion, modelId, error, TrainingRequest.MANUAL, JobKind.TRAINING);
    }

    /** @return how long it ran (until now while running); zero before it started */
    public Duration runTime() {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }
}
