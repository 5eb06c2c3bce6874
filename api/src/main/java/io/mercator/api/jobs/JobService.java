package io.mercator.api.jobs;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs training and batch-scoring jobs in the background. A training job opens the data set, fits
 * the strategy with the given parameters, reporting progress, and saves the model in the
 * {@link io.mercator.api.runtime.ModelStore} with the metadata {@value #DATASET_METADATA} (the
 * data set id) and {@value #JOB_METADATA} (the job id) beside the strategy name and version the
 * store keeps. Jobs and their outcome are kept in a history that survives restarts; a job that was
 * running when the runtime stopped is recorded as FAILED.
 */
@ProviderType
public interface JobService {

    /** Model metadata key holding the data set id a model was trained on. */
    String DATASET_METADATA = "dataset";
    /** Model metadata key holding the id of the job that trained a model. */
    String JOB_METADATA = "job";

    /**
     * Queues a training job and returns at once.
     *
     * @param request what to train
     * @return the queued job
     * @throws io.mercator.api.ValidationException when the data set does not exist or is another
     *     family's, or a parameter is unknown or out of range
     * @throws io.mercator.api.runtime.StrategyNotFoundException when no strategy matches the spec
     */
    JobInfo startTraining(TrainingRequest request);

    /**
     * Queues a batch-scoring job and returns at once. The job loads the stored model (or trains and
     * stores one), opens the history when items seen are excluded, and writes the lists with its
     * progress as the share of users scored; the job's {@link JobInfo#modelId()} is the model used and
     * its final message says how many users and recommendations went to which file. A failed or
     * cancelled job leaves any earlier output file as it was.
     *
     * @param request what to score and where to write it
     * @return the queued job, of kind {@link JobKind#SCORING}
     * @throws io.mercator.api.ValidationException when the model or data set does not exist or is not
     *     a filtering one, the users file cannot be read, the output's folder does not exist, or a
     *     parameter is unknown or out of range
     * @throws io.mercator.api.runtime.StrategyNotFoundException when no strategy matches the spec
     * @since 1.1
     */
    JobInfo startScoring(ScoringRequest request);

    /**
     * @param id a job id
     * @return the job, if known
     */
    Optional<JobInfo> find(String id);

    /** @return every known job, newest first */
    List<JobInfo> list();

    /**
     * Cancels a job: a queued job never runs; a running one stops at its strategy's next
     * cancellation check and stores nothing. Cancelling a finished job changes nothing.
     *
     * @param id a job id
     * @return the job after the request
     * @throws io.mercator.api.ValidationException when no job has that id
     */
    JobInfo cancel(String id);
}
