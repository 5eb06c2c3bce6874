package io.mercator.api.jobs;

import io.mercator.api.ValidationException;
import io.mercator.api.filtering.BatchScorer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to score: the top-N recommendations of a filtering model for every user it knows, or for the
 * users listed in a file, written to a file by {@link BatchScorer} (in parallel, streamed, and
 * moved into place only when every user has been scored).
 *
 * <p>The model is either a stored one ({@code modelId}) or one trained by the job first on
 * {@code datasetId} with {@code strategySpec} and {@code parameters}; a model trained that way is
 * stored too, so the lists can be traced to it.
 *
 * @param modelId a stored filtering model; null to train one on {@code datasetId}
 * @param datasetId the data set to train on when {@code modelId} is null; with a stored model, the
 *     history whose items {@code excludeSeen} leaves out (null: the data set the model was trained on)
 * @param strategySpec the strategy to train when {@code modelId} is null: {@code ""} for the
 *     family's default; ignored with a stored model
 * @param parameters parameter values as text for the strategy to train; must be empty with a stored model
 * @param usersFile a UTF-8 text file with one user id per line (blank lines are skipped); null for
 *     every user the model knows
 * @param output the file to write, in an existing folder; replaced only when the run succeeds
 * @param format CSV ({@code user,rank,item,score}) or JSON lines
 * @param count the most items per user, at least 1
 * @param excludeSeen whether each user's items in the history are left out of their list
 */
public record ScoringRequest(String modelId, String datasetId, String strategySpec, Map<String, String> parameters,
        Path usersFile, Path output, BatchScorer.Format format, int count, boolean excludeSeen) {

    /**
     * Checks what can be checked without the services.
     *
     * @throws ValidationException naming the field that is missing or out of range
     */
    public ScoringRequest {
        strategySpec = strategySpec == null ? "" : strategySpec;
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        if (modelId == null && datasetId == null) {
            throw new ValidationException("model", "is missing: name a stored model or a data set to train on");
        }
        if (modelId != null && !parameters.isEmpty()) {
            throw new ValidationException("parameters", "apply to training; a stored model was named");
        }
        if (output == null) {
            throw new ValidationException("output", "is missing");
        }
        Objects.requireNonNull(format, "format");
        if (count < 1) {
            throw new ValidationException("count", count + " must be at least 1");
        }
    }
}
