package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.benchmarks.FilteringBenchmark.Rating;
import io.mercator.plugins.filtering.collaborative.BiasedMfStrategy;
import io.mercator.plugins.filtering.collaborative.ItemKnnStrategy;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.model.GenericDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericPreference;
import org.apache.mahout.cf.taste.impl.model.GenericUserPreferenceArray;
import org.apache.mahout.cf.taste.impl.recommender.GenericItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.svd.RatingSGDFactorizer;
import org.apache.mahout.cf.taste.impl.recommender.svd.SVDRecommender;
import org.apache.mahout.cf.taste.impl.similarity.PearsonCorrelationSimilarity;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.model.PreferenceArray;
import org.apache.mahout.cf.taste.recommender.Recommender;

/**
 * Our item-kNN and biased MF side by side with Apache Mahout 0.13.0's Taste recommenders on the same
 * folds: {@code GenericItemBasedRecommender} with Pearson similarity, and {@code SVDRecommender} with
 * {@code RatingSGDFactorizer} (biased SGD MF) at our defaults of 80 factors and 36 epochs. Taste
 * computes item similarities lazily while it predicts, so both sides are timed from the training data
 * to the test fold's predictions, per fold (median over folds), in CPU time of the process (all its
 * threads: biased-mf refits its ranking factors in parallel; JIT and garbage collection count on both
 * sides), which is not inflated by other processes on a shared machine. Where Taste cannot estimate a pair (NaN) it gets the fold's training mean, as our models'
 * fallback would; the count of such pairs is printed.
 */
final class MahoutComparison {

    private static final int FOLDS = 5;
    private static final int FACTORS = 80;
    private static final int EPOCHS = 36;
    /** Process CPU time: biased-mf's ranking refit solves items in parallel, which thread CPU time would miss. */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private MahoutComparison() {
    }

    /** One side of a comparison: RMSE over the folds' test ratings and the median time per fold. */
    private record Outcome(double rmse, double medianSeconds, int fallbacks) {
    }

    static void print(List<Rating> ratings) throws TasteException {
        System.out.printf(Locale.ROOT, "%nSide by side with Apache Mahout 0.13.0 Taste (train + predict the test fold, "
                + "median CPU s per fold; RMSE over u1..u5)%n");
        System.out.printf(Locale.ROOT, "%-36s %8s %8s %8s %8s %10s %11s%n", "ours vs Mahout", "RMSE", "Mahout",
                "s", "Mahout s", "time ratio", "RMSE ratio");
        compare("item-knn vs item-based Pearson", new ItemKnnStrategy(), Map.of(), ratings, model ->
                new GenericItemBasedRecommender(model, new PearsonCorrelationSimilarity(model)));
        TasteFactory svd = model -> new SVDRecommender(model, new RatingSGDFactorizer(model, FACTORS, EPOCHS));
        compare("biased-mf vs SVD RatingSGDFactorizer", new BiasedMfStrategy(), Map.of(), ratings, svd);
        // the same model on both sides: biased MF without SVD++'s implicit factors
        compare("plain biased-mf vs the same", new BiasedMfStrategy(), Map.of("implicit-feedback", false), ratings,
                svd);
        // the SGD alone: SVD++ without the ranking refit that top-N lists use
        compare("biased-mf ranking=rating vs SVD", new BiasedMfStrategy(), Map.of("ranking", "rating"), ratings, svd);
    }

    private interface TasteFactory {
        Recommender create(DataModel model) throws TasteException;
    }

    private static void compare(String label, RecommenderStrategy strategy, Map<String, ?> parameters,
            List<Rating> ratings, TasteFactory taste) throws TasteException {
        Outcome ours = ours(strategy, parameters, ratings);
        Outcome theirs = mahout(taste, ratings);
        System.out.printf(Locale.ROOT, "%-36s %8.4f %8.4f %8.2f %8.2f %10.2f %11.3f%s%n", label, ours.rmse,
                theirs.rmse, ours.medianSeconds, theirs.medianSeconds, ours.medianSeconds / theirs.medianSeconds,
                ours.rmse / theirs.rmse, theirs.fallbacks == 0 ? ""
                        : String.format(Locale.ROOT, "  (Mahout could not estimate %,d pairs)", theirs.fallbacks));
    }

    private static Outcome ours(RecommenderStrategy strategy, Map<String, ?> parameters, List<Rating> ratings) {
        Parameters resolved = Parameters.resolve(strategy.descriptor().parameters(), parameters);
        double squares = 0;
        int tested = 0;
        List<Double> seconds = new ArrayList<>();
        for (int fold = 1; fold <= FOLDS; fold++) {
            Interactions.Builder builder = Interactions.builder();
            for (Rating rating : ratings) {
                if (rating.fold() != fold) {
                    builder.add(rating.user(), rating.item(), rating.value());
                }
            }
            Interactions training = builder.build();
            long started = PROCESS.getProcessCpuTime();
            RecommenderModel model = strategy.fit(training, resolved, TrainingContext.none());
            for (Rating rating : ratings) {
                if (rating.fold() == fold) {
                    double error = model.predict(rating.user(), rating.item()) - rating.value();
                    squares += error * error;
                    tested++;
                }
            }
            seconds.add((PROCESS.getProcessCpuTime() - started) / 1e9);
        }
        return new Outcome(Math.sqrt(squares / tested), median(seconds), 0);
    }

    private static Outcome mahout(TasteFactory taste, List<Rating> ratings) throws TasteException {
        double squares = 0;
        int tested = 0;
        int fallbacks = 0;
        List<Double> seconds = new ArrayList<>();
        for (int fold = 1; fold <= FOLDS; fold++) {
            Map<Long, List<GenericPreference>> byUser = new HashMap<>();
            double sum = 0;
            int count = 0;
            for (Rating rating : ratings) {
                if (rating.fold() != fold) {
                    long user = Long.parseLong(rating.user());
                    byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(
                            new GenericPreference(user, Long.parseLong(rating.item()), (float) rating.value()));
                    sum += rating.value();
                    count++;
                }
            }
            double trainingMean = sum / count;
            FastByIDMap<PreferenceArray> preferences = new FastByIDMap<>();
            byUser.forEach((user, list) -> preferences.put(user, new GenericUserPreferenceArray(list)));
            long started = PROCESS.getProcessCpuTime();
            Recommender recommender = taste.create(new GenericDataModel(preferences));
            for (Rating rating : ratings) {
                if (rating.fold() == fold) {
                    double prediction = estimate(recommender, rating);
                    if (Double.isNaN(prediction)) {
                        prediction = trainingMean;
                        fallbacks++;
                    }
                    double error = prediction - rating.value();
                    squares += error * error;
                    tested++;
                }
            }
            seconds.add((PROCESS.getProcessCpuTime() - started) / 1e9);
        }
        return new Outcome(Math.sqrt(squares / tested), median(seconds), fallbacks);
    }

    /** @return Taste's estimate, NaN when it has none (an unknown user or item raises an exception there) */
    private static double estimate(Recommender recommender, Rating rating) {
        try {
            return recommender.estimatePreference(Long.parseLong(rating.user()), Long.parseLong(rating.item()));
        } catch (TasteException e) {
            return Double.NaN;
        }
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
