package io.mercator.platform.evaluation.filtering;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.ItemCatalog;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Runs one strategy through the evaluation protocols on one file; plain Java, so the metric
 * plumbing is testable without a framework.
 *
 * <p>Rating protocol: for each fold f, fit on the rows not in f, predict every row in f; RMSE and
 * MAE are the means over folds of each fold's figure. Ranking protocol: fit on the training rows of
 * the time-ordered split; for every user with at least one relevant test row (value at or above
 * the threshold) on an item they do not have in training, rank all training items except those the
 * user has in training, and score the list against those relevant test items; for baskets the list completes the user's training items
 * instead. Fit time is the mean over every fit.
 */
final class FilteringEvaluation {

    /**
     * What to compute.
     *
     * @param folds per row, its test fold from 1 to {@code foldCount}; null to skip the rating protocol
     * @param foldCount the number of folds
     * @param rankingTest per row, whether it is a ranking test row; null to skip the ranking protocol
     * @param k the cut-off of precision, nDCG, MAP and coverage
     * @param recallK the cut-off of recall
     * @param relevanceThreshold a test row is relevant when its value is at least this
     * @param completeBaskets whether a test user's list comes from completing their training items
     *     ({@link RecommenderModel#recommendForItems}) instead of from their user id
     */
    record Plan(int[] folds, int foldCount, boolean[] rankingTest, int k, int recallK, double relevanceThreshold,
            boolean completeBaskets) {

        List<String> columns() {
            return List.of("RMSE", "MAE", "P@" + k, "R@" + recallK, "nDCG@" + k, "MAP@" + k, "coverage@" + k,
                    "fit ms");
        }
    }

    private final InteractionsFile file;
    private final ItemCatalog catalog;
    private final Plan plan;

    /**
     * @param file the interactions
     * @param catalog the items' texts and attributes, attached to every training set; null for none
     * @param plan what to compute
     */
    FilteringEvaluation(InteractionsFile file, ItemCatalog catalog, Plan plan) {
        this.file = file;
        this.catalog = catalog;
        this.plan = plan;
    }

    /**
     * @param strategy the strategy to evaluate
     * @param parameters its parameters
     * @param context cancellation and progress
     * @return one value per {@link Plan#columns()}; NaN for a protocol that was skipped
     */
    double[] run(RecommenderStrategy strategy, Parameters parameters, TrainingContext context) {
        double[] values = new double[plan.columns().size()];
        Arrays.fill(values, Double.NaN);
        long fitNanos = 0;
        int fits = 0;
        if (plan.folds() != null) {
            double rmse = 0;
            double mae = 0;
            for (int fold = 1; fold <= plan.foldCount(); fold++) {
                int tested = fold;
                long started = System.nanoTime();
                RecommenderModel model = strategy.fit(subset(row -> plan.folds()[row] != tested), parameters,
                        context);
                fitNanos += System.nanoTime() - started;
                fits++;
                ErrorMetrics errors = new ErrorMetrics();
                for (int row = 0; row < file.size(); row++) {
                    if (plan.folds()[row] == tested) {
                        errors.add(model.predict(file.users()[row], file.items()[row]), file.values()[row]);
                    }
                }
                rmse += errors.rmse() / plan.foldCount();
                mae += errors.mae() / plan.foldCount();
            }
            values[0] = rmse;
            values[1] = mae;
        }
        if (plan.rankingTest() != null) {
            long started = System.nanoTime();
            RecommenderModel model = strategy.fit(subset(row -> !plan.rankingTest()[row]), parameters, context);
            fitNanos += System.nanoTime() - started;
            fits++;
            RankingMetrics ranking = rank(model);
            values[2] = ranking.precision();
            values[3] = ranking.recall();
            values[4] = ranking.ndcg();
            values[5] = ranking.meanAveragePrecision();
            values[6] = ranking.coverage(model.items().size());
        }
        values[7] = fits == 0 ? Double.NaN : fitNanos / 1e6 / fits;
        return values;
    }

    private RankingMetrics rank(RecommenderModel model) {
        Map<String, Set<String>> trained = new HashMap<>();
        Map<String, Set<String>> relevant = new HashMap<>();
        for (int row = 0; row < file.size(); row++) {
            String user = file.users()[row];
            if (!plan.rankingTest()[row]) {
                trained.computeIfAbsent(user, u -> new HashSet<>()).add(file.items()[row]);
            } else if (file.values()[row] >= plan.relevanceThreshold()) {
                relevant.computeIfAbsent(user, u -> new HashSet<>()).add(file.items()[row]);
            }
        }
        RankingMetrics metrics = new RankingMetrics(plan.k(), plan.recallK());
        relevant.forEach((user, items) -> {
            Set<String> history = trained.getOrDefault(user, Set.of());
            // a repeat of a training item is no candidate, so it cannot be a hit either (repeat purchases)
            if (!plan.completeBaskets()) {
                items.removeAll(history);
                if (items.isEmpty()) {
                    return;
                }
            }
            metrics.add((plan.completeBaskets()
                    ? model.recommendForItems(history, metrics.listLength(), Set.of())
                    : model.recommend(user, metrics.listLength(), history)).itemIds(), items);
        });
        return metrics;
    }

    private Interactions subset(IntPredicate training) {
        Interactions.Builder builder = Interactions.builder();
        for (int row = 0; row < file.size(); row++) {
            if (!training.test(row)) {
                continue;
            }
            if (file.timestamps() == null) {
                builder.add(file.users()[row], file.items()[row], file.values()[row]);
            } else {
                builder.add(file.users()[row], file.items()[row], file.values()[row], file.timestamps()[row]);
            }
        }
        return catalog == null ? builder.build() : builder.build().withCatalog(catalog);
    }
}
