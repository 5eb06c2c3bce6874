package io.mercator.it.demo;

import static org.junit.Assert.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.Strategy;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.demo.Retailer;
import io.mercator.demo.RetailerDatasets;
import io.mercator.demo.RetailerGenerator;
import io.mercator.demo.RetailerSpec;
import io.mercator.platform.evaluation.segmentation.SegmentationMetrics;
import io.mercator.plugins.filtering.collaborative.ImplicitAlsStrategy;
import io.mercator.plugins.filtering.collaborative.PopularityStrategy;
import io.mercator.plugins.forecasting.baselines.SeasonalNaiveStrategy;
import io.mercator.plugins.forecasting.smoothing.CombinationStrategy;
import io.mercator.plugins.forecasting.smoothing.EtsStrategy;
import io.mercator.plugins.forecasting.smoothing.ThetaStrategy;
import io.mercator.plugins.pricing.elasticity.LogLogStrategy;
import io.mercator.plugins.segmentation.clustering.KMeansStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The families recover what the demo generator planted, measured in plain Java (strategies are
 * plain classes; no framework is needed). Each tolerance is stated next to its assertion with the
 * value measured when it was set.
 */
public class DemoRecoveryTest {

    private static Retailer retailer;
    private static RetailerDatasets datasets;

    @BeforeClass
    public static void generate() {
        retailer = RetailerGenerator.generate(RetailerSpec.small());
        datasets = new RetailerDatasets(retailer);
    }

    private static Parameters parameters(Strategy<?, ?> strategy, Map<String, ?> given) {
        return Parameters.resolve(strategy.descriptor().parameters(), given);
    }

    @Test
    public void pricingRecoversThePlantedElasticities() {
        LogLogStrategy strategy = new LogLogStrategy();
        PricingModel model = strategy.fit(datasets.prices(), parameters(strategy, Map.of("seasonLength", 365)),
                TrainingContext.none());
        String[] skus = retailer.skuIds();
        int covered = 0;
        double absoluteError = 0;
        for (int sku = 0; sku < skus.length; sku++) {
            Elasticity estimate = model.elasticity(skus[sku]);
            double planted = retailer.elasticity(sku);
            covered += estimate.lowerBound() <= planted && planted <= estimate.upperBound() ? 1 : 0;
            absoluteError += Math.abs(estimate.estimate() - planted) / skus.length;
        }
        // measured: 27 of 40 intervals cover, mean absolute error 0.44. Daily Poisson sales of slow
        // movers are mostly zeros, which the log-log regression cannot use, so their estimates are
        // biased toward zero; the tolerances allow for that and still catch a broken estimator
        assertTrue(covered + " of " + skus.length + " intervals cover the planted elasticity",
                covered >= 0.6 * skus.length);
        assertTrue("mean absolute error " + absoluteError, absoluteError <= 0.6);
    }

    @Test
    public void segmentationRecoversThePlantedSegments() {
        KMeansStrategy strategy = new KMeansStrategy();
        SegmentationModel model = strategy.fit(datasets.invoices(), parameters(strategy, Map.of("k", 4)), TrainingContext.none());
        String[] customers = retailer.customerIds();
        List<Integer> found = new ArrayList<>();
        List<Integer> planted = new ArrayList<>();
        for (int u = 0; u < customers.length; u++) {
            int segment = model.segmentOf(customers[u]);
            if (segment >= 0) {
                found.add(segment);
                planted.add(retailer.segment(u).ordinal());
            }
        }
        double ari = SegmentationMetrics.adjustedRandIndex(found.stream().mapToInt(Integer::intValue).toArray(),
                planted.stream().mapToInt(Integer::intValue).toArray());
        // measured: 1.000 (every customer in the planted segment's cluster); tolerance: 0.9
        assertTrue("adjusted Rand index " + ari, ari >= 0.9);
        assertTrue(found.size() + " customers assigned", found.size() == customers.length);
    }

    @Test
    public void forecastingBeatsSeasonalNaive() {
        SeriesSet all = datasets.demand();
        int holdout = 28;
        SeriesSet.Builder train = SeriesSet.builder(all.seasonLength());
        for (int s = 0; s < all.size(); s++) {
            double[] values = all.values(s);
            train.add(all.ids().id(s), Arrays.copyOf(values, values.length - holdout));
        }
        SeriesSet training = train.build();
        double combination = meanAbsoluteError(CombinationStrategy.of(new EtsStrategy(), new ThetaStrategy()), training, all, holdout);
        double seasonalNaive = meanAbsoluteError(new SeasonalNaiveStrategy(), training, all, holdout);
        // measured: 2.52 against 3.13; tolerance: at least 10% better than seasonal naive
        assertTrue("MAE combination " + combination + ", seasonal naive " + seasonalNaive,
                combination <= 0.9 * seasonalNaive);
    }

    private static double meanAbsoluteError(ForecastStrategy strategy, SeriesSet training,
            SeriesSet all, int holdout) {
        ForecastModel model = strategy.fit(training, parameters(strategy, Map.of()), TrainingContext.none());
        double error = 0;
        for (int s = 0; s < all.size(); s++) {
            double[] forecast = model.forecast(all.ids().id(s), holdout).mean();
            for (int h = 0; h < holdout; h++) {
                error += Math.abs(forecast[h] - all.value(s, training.length(s) + h));
            }
        }
        return error / (all.size() * holdout);
    }

    /**
     * Customers repurchase their planted favourites: a model of each customer's own purchases beats
     * the global popularity ranking on the last week's purchases (repeats count as hits).
     */
    @Test
    public void implicitAlsBeatsPopularityOnNextWeeksPurchases() {
        Interactions purchases = datasets.purchases();
        long cutoff = retailer.date(retailer.spec().days() - 7).toEpochDay() * 86_400L;
        Interactions.Builder history = Interactions.builder();
        Map<String, Set<String>> nextWeek = new HashMap<>();
        for (int row = 0; row < purchases.size(); row++) {
            String user = purchases.users().id(purchases.user(row));
            String item = purchases.items().id(purchases.item(row));
            if (purchases.timestamp(row) < cutoff) {
                history.add(user, item, purchases.value(row), purchases.timestamp(row));
            } else {
                nextWeek.computeIfAbsent(user, k -> new HashSet<>()).add(item);
            }
        }
        Interactions training = history.build();
        double als = recallAtFive(new ImplicitAlsStrategy(), training, nextWeek);
        double popularity = recallAtFive(new PopularityStrategy(), training, nextWeek);
        // measured: 0.421 against 0.345; tolerance: at least 10% better than popularity
        assertTrue("recall@5 implicit-als " + als + ", popularity " + popularity, als >= 1.1 * popularity);
    }

    private static double recallAtFive(Strategy<Interactions, RecommenderModel> strategy, Interactions training,
            Map<String, Set<String>> nextWeek) {
        RecommenderModel model = strategy.fit(training, parameters(strategy, Map.of()), TrainingContext.none());
        double hits = 0;
        double relevant = 0;
        for (Map.Entry<String, Set<String>> user : nextWeek.entrySet()) {
            Recommendations top = model.recommend(user.getKey(), 5, Set.of());
            for (int rank = 0; rank < top.size(); rank++) {
                hits += user.getValue().contains(top.itemId(rank)) ? 1 : 0;
            }
            relevant += Math.min(5, user.getValue().size());
        }
        return hits / relevant;
    }
}
