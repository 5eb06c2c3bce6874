package io.mercator.platform.evaluation.filtering;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.RecommenderStrategy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The evaluator's top-N protocol as plain Java, for benchmarks that run strategies without a
 * framework: the same per-user time-ordered split, candidate set and metric definitions as
 * {@code mercator evaluate filtering -o protocol=ranking}.
 */
public final class RankingProtocol {

    private final FilteringEvaluation evaluation;
    private final FilteringEvaluation.Plan plan;
    private final double testFraction;

    private RankingProtocol(InteractionsFile file, double testFraction, double relevanceThreshold, int k,
            int recallK) {
        this.testFraction = testFraction;
        plan = new FilteringEvaluation.Plan(null, 0, Splits.latestPerUser(file.users(), file.timestamps(),
                testFraction), k, recallK, relevanceThreshold, false);
        evaluation = new FilteringEvaluation(file, null, plan);
    }

    /**
     * @param file an interactions CSV as the evaluator reads it, with a timestamp column
     * @param testFraction the share of each user's latest rows held out
     * @param relevanceThreshold a held-out row is relevant when its value is at least this
     * @param k the cut-off of precision, nDCG, MAP and coverage
     * @param recallK the cut-off of recall
     * @return the protocol on that file
     * @throws io.mercator.api.ValidationException naming the file, line and column of a bad value, or
     *     the file when it has no timestamp column
     */
    public static RankingProtocol of(Path file, double testFraction, double relevanceThreshold, int k, int recallK) {
        InteractionsFile interactions = InteractionsFile.read(file, "");
        if (interactions.timestamps() == null) {
            throw new io.mercator.api.ValidationException(file.toString(), "has no timestamp column to split by");
        }
        return new RankingProtocol(interactions, testFraction, relevanceThreshold, k, recallK);
    }

    /** @return the names of {@link #evaluate}'s figures, e.g. {@code P@10, R@20, nDCG@10, MAP@10, coverage@10} */
    public List<String> columns() {
        return plan.columns().subList(2, 7);
    }

    /** @return the split, candidate set and metric definitions, as the evaluator writes them in its notes */
    public String definitions() {
        return String.format(java.util.Locale.ROOT, "each user's latest %.0f%% of rows held out; relevant = held-out "
                + "rows with value >= %s whose item the user has not got in training; candidates = every training item the user has not got in training; ",
                testFraction * 100, plan.relevanceThreshold()) + FilteringEvaluator.metricDefinitions(plan.k(),
                plan.recallK());
    }

    /**
     * Fits the strategy on the training rows and scores its lists.
     *
     * @param strategy the strategy
     * @param parameters its parameters
     * @return one figure per {@link #columns()}
     */
    public double[] evaluate(RecommenderStrategy strategy, Parameters parameters) {
        return Arrays.copyOfRange(evaluation.run(strategy, parameters, TrainingContext.none()), 2, 7);
    }
}
