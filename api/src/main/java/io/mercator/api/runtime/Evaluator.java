package io.mercator.api.runtime;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.TrainingContext;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Compares strategies of one family on one data set and returns one row of quality and cost
 * figures per strategy. The platform registers one evaluator per family as an OSGi service with
 * the service property {@value #FAMILY_PROPERTY} set to the family id; the CLI's
 * {@code mercator evaluate} and the REST API call it. Evaluators work with every registered
 * strategy of their family, vendor ones included, through the {@link StrategyRegistry}.
 */
@ProviderType
public interface Evaluator {

    /** Service property naming the family an evaluator serves, e.g. {@code forecasting}. */
    String FAMILY_PROPERTY = "mercator.family";

    /** @return the family this evaluator serves */
    Family family();

    /**
     * @return the options the evaluation takes (split, horizon, folds, seed, ...), each with its
     *     default and range; callers' values are checked against them
     */
    List<ParameterSpec> options();

    /**
     * Runs the evaluation.
     *
     * @param request the data, the strategies and the validated options
     * @param context progress reporting and cancellation
     * @return one row per strategy
     * @throws io.mercator.api.ValidationException when the data cannot be read or used, naming
     *     the file, line and column at fault
     * @throws StrategyNotFoundException when a requested strategy is not registered
     */
    EvaluationReport evaluate(EvaluationRequest request, TrainingContext context);
}
