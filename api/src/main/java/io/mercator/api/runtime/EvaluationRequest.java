package io.mercator.api.runtime;

import io.mercator.api.Parameters;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to evaluate.
 *
 * @param data the data file, in the family's import format
 * @param strategies strategy specs ({@code name} or {@code name@range}); empty for every
 *     strategy of the family that is registered
 * @param options the evaluator's options, validated against {@link Evaluator#options()}
 */
public record EvaluationRequest(Path data, List<String> strategies, Parameters options) {

    /** Checks that nothing is missing and copies the list. */
    public EvaluationRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        strategies = List.copyOf(strategies);
    }
}
