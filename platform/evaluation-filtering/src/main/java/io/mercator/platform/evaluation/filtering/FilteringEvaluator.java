package io.mercator.platform.evaluation.filtering;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.filtering.ItemCatalog;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.EvaluationRequest;
import io.mercator.api.runtime.Evaluator;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The filtering family's evaluator: fits every requested recommender (every registered one when
 * none is named) with its default parameters and reports rating error over k folds and top-N
 * quality over a per-user time-ordered split. The notes of the report pin the split, the
 * candidate set and the metric definitions, because published figures differ by that much.
 */
@Component(service = Evaluator.class, immediate = true, property = Evaluator.FAMILY_PROPERTY + "=filtering")
public final class FilteringEvaluator implements Evaluator {

    private static final String PROTOCOL = "protocol";
    private static final String FOLD_COLUMN = "fold-column";
    private static final String FOLDS = "folds";
    private static final String SEED = "seed";
    private static final String TEST_FRACTION = "test-fraction";
    private static final String K = "k";
    private static final String RECALL_K = "recall-k";
    private static final String RELEVANCE_THRESHOLD = "relevance-threshold";
    private static final String CATALOG = "catalog";
    private static final String CATALOG_ATTRIBUTES = "catalog-attributes";
    private static final List<ParameterSpec> OPTIONS = List.of(
            ParameterSpec.choice(PROTOCOL, "ratings: RMSE/MAE over k folds; ranking: top-N metrics over a "
                    + "time-ordered split; all: both; baskets: complete each basket with one item held out.",
                    "all", "all", "ratings", "ranking", "baskets"),
            ParameterSpec.text(FOLD_COLUMN, "A column holding each row's test fold (1..k); when the file has none, "
                    + "rows are dealt to seeded random folds.", "u_fold"),
            ParameterSpec.integer(FOLDS, "Number of random folds when the file has no fold column.", 5, 2, 100),
            ParameterSpec.integer(SEED, "Seed of the random folds.", 42, 0, Integer.MAX_VALUE),
            ParameterSpec.real(TEST_FRACTION, "Share of each user's latest rows held out for the ranking protocol.",
                    0.2, 0.01, 0.99),
            ParameterSpec.integer(K, "Cut-off of precision, nDCG, MAP and coverage.", 10, 1, 1000),
            ParameterSpec.integer(RECALL_K, "Cut-off of recall.", 20, 1, 1000),
            ParameterSpec.real(RELEVANCE_THRESHOLD, "A held-out row is relevant when its value is at least this "
                    + "(4 for 1-5 star ratings; 0 for implicit data).", 4, -1e12, 1e12),
            ParameterSpec.text(CATALOG, "An item catalogue CSV for content-based strategies, relative to the data "
                    + "file's folder: item_id (or item, sku), text columns (title, name, description, text) and "
                    + "attribute columns; empty for none.", ""),
            ParameterSpec.text(CATALOG_ATTRIBUTES, "Comma-separated catalogue attributes: a column of that name holds "
                    + "the value, 0/1 columns named ATTRIBUTE_VALUE (genre_comedy) mark the values an item has.",
                    "category,brand,genre"));

    @Reference
    private StrategyRegistry registry;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Override
    public Family family() {
        return Family.FILTERING;
    }

    @Override
    public List<ParameterSpec> options() {
        return OPTIONS;
    }

    @Override
    public EvaluationReport evaluate(EvaluationRequest request, TrainingContext context) {
        Parameters options = request.options();
        InteractionsFile file = InteractionsFile.read(request.data(), options.getString(FOLD_COLUMN));
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "data: %d rows, %d users, %d items", file.size(),
                Arrays.stream(file.users()).distinct().count(), Arrays.stream(file.items()).distinct().count()));
        FilteringEvaluation.Plan plan = plan(file, options, notes);
        List<String> specs = specs(request.strategies());
        ItemCatalog catalog = null;
        if (!options.getString(CATALOG).isBlank()) {
            Path catalogFile = request.data().resolveSibling(options.getString(CATALOG));
            List<String> attributes = List.of(options.getString(CATALOG_ATTRIBUTES).strip().split("\\s*,\\s*"));
            catalog = CatalogFile.read(catalogFile, attributes);
            notes.add(String.format(Locale.ROOT, "catalog: %d items from %s, attributes %s", catalog.items().size(),
                    catalogFile.getFileName(), String.join(", ", catalog.attributeNames())));
        }
        FilteringEvaluation evaluation = new FilteringEvaluation(file, catalog, plan);
        List<EvaluationReport.Row> rows = new ArrayList<>();
        for (int s = 0; s < specs.size(); s++) {
            context.checkCancelled();
            context.progress((double) s / specs.size(), specs.get(s));
            try (StrategyLease<RecommenderStrategy> lease = registry.acquire(RecommenderStrategy.class,
                    specs.get(s))) {
                String name = lease.info().descriptor().name() + "@" + lease.info().descriptor().version();
                rows.add(new EvaluationReport.Row(name, evaluateOne(lease.strategy(), name,
                        request.parametersFor(lease.info().descriptor()), evaluation, plan, context, notes)));
            }
        }
        context.progress(1, "");
        return new EvaluationReport("filtering on " + request.data().getFileName(), plan.columns(), rows, notes);
    }

    private double[] evaluateOne(RecommenderStrategy strategy, String name, Parameters parameters,
            FilteringEvaluation evaluation, FilteringEvaluation.Plan plan, TrainingContext context,
            List<String> notes) {
        try {
            return evaluation.run(strategy, parameters, context);
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (RuntimeException failed) {
            logger.warn("Evaluating {} failed", name, failed);
            notes.add(name + " failed: " + (failed instanceof ValidationException ? failed.getMessage() : failed));
            double[] nothing = new double[plan.columns().size()];
            Arrays.fill(nothing, Double.NaN);
            return nothing;
        }
    }

    private List<String> specs(List<String> requested) {
        if (!requested.isEmpty()) {
            requested.forEach(spec -> registry.resolve(Family.FILTERING, spec));
            return requested;
        }
        List<String> specs = new ArrayList<>();
        for (StrategyInfo info : registry.list(Family.FILTERING)) {
            String version = info.descriptor().version();
            specs.add(info.descriptor().name() + "@[" + version + "," + version + "]");
        }
        if (specs.isEmpty()) {
            throw new ValidationException("strategies", "no filtering strategy is registered");
        }
        return specs;
    }

    private static FilteringEvaluation.Plan plan(InteractionsFile file, Parameters options, List<String> notes) {
        String protocol = options.getString(PROTOCOL);
        int[] folds = null;
        int foldCount = 0;
        if (protocol.equals("baskets")) {
            notes.add("baskets: from every basket (user) with two or more distinct items one item, drawn with seed "
                    + options.getInt(SEED) + ", is held out; the list completes the rest of the basket "
                    + "(recommendForItems) and the held-out item is the one relevant item, whatever its value");
            notes.add(metricDefinitions(options.getInt(K), options.getInt(RECALL_K)));
            notes.add("fit ms: mean wall time of one fit over all fits of the strategy");
            return new FilteringEvaluation.Plan(null, 0, Splits.oneItemPerBasket(file.users(), file.items(),
                    options.getInt(SEED)), options.getInt(K), options.getInt(RECALL_K), Double.NEGATIVE_INFINITY,
                    true);
        }
        if (!protocol.equals("ranking")) {
            if (file.folds() != null) {
                folds = file.folds();
                foldCount = Arrays.stream(folds).max().orElse(0);
                notes.add("ratings: the file's " + options.getString(FOLD_COLUMN) + " column gives " + foldCount
                        + " folds; each fold is tested once, fitted on the others");
            } else {
                foldCount = options.getInt(FOLDS);
                folds = Splits.randomFolds(file.size(), foldCount, options.getInt(SEED));
                notes.add("ratings: " + foldCount + " random folds (seed " + options.getInt(SEED)
                        + "); each fold is tested once, fitted on the others");
            }
            notes.add("RMSE, MAE: over every test row of a fold (predictions clamped by the strategy), "
                    + "then the mean over folds; they mean something only for strategies that predict ratings, "
                    + "not for implicit-feedback ones that score relevance");
        }
        boolean[] rankingTest = null;
        int k = options.getInt(K);
        int recallK = options.getInt(RECALL_K);
        if (!protocol.equals("ratings")) {
            if (file.timestamps() == null) {
                if (protocol.equals("ranking")) {
                    throw new ValidationException(PROTOCOL, "ranking needs a timestamp column and the data file "
                            + "has none");
                }
                notes.add("ranking: skipped, the file has no timestamp column");
            } else {
                double fraction = options.getDouble(TEST_FRACTION);
                rankingTest = Splits.latestPerUser(file.users(), file.timestamps(), fraction);
                notes.add(String.format(Locale.ROOT, "ranking: each user's latest %.0f%% of rows (by timestamp, "
                        + "at least one; users with one row only train) are held out; relevant = held-out "
                        + "rows with value >= %s whose item the user has not got in training (repeats are no "
                        + "candidates); candidates = every training item the user has not got in training",
                        fraction * 100, options.getDouble(RELEVANCE_THRESHOLD)));
                notes.add(metricDefinitions(k, recallK));
            }
        }
        notes.add("fit ms: mean wall time of one fit over all fits of the strategy");
        return new FilteringEvaluation.Plan(folds, foldCount, rankingTest, k, recallK,
                options.getDouble(RELEVANCE_THRESHOLD), false);
    }

    static String metricDefinitions(int k, int recallK) {
        return "P@" + k + " = hits/" + k + "; R@" + recallK + " = hits/|relevant|; nDCG@" + k
                + " binary gains, 1/log2(rank+1); MAP@" + k + " = mean of sum(P@hit rank)/min(|relevant|," + k
                + "); coverage@" + k + " = distinct items in some top " + k + " / training items; "
                + "averaged over users with a relevant held-out row";
    }
}
