package io.mercator.platform.evaluation.pricing;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingRules;
import io.mercator.api.pricing.PricingStrategy;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.EvaluationRequest;
import io.mercator.api.runtime.Evaluator;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The pricing family's evaluator. Fits every requested strategy (all registered ones by default)
 * on all but the last weeks of the data, then reports per strategy: the demand fit on the held-out
 * weeks, the median own-price elasticity (the per-product table goes to the notes) and the profit
 * of recommended prices against current prices under the strategy's own fitted model, with an
 * interval from the elasticities' uncertainty.
 */
@Component(service = Evaluator.class, immediate = true, property = Evaluator.FAMILY_PROPERTY + "=pricing")
public final class PricingEvaluator implements Evaluator {

    static final String HOLDOUT = "holdoutPeriods";
    static final String COST_SHARE = "costShare";
    static final String MAX_CHANGE = "maxChange";
    static final String DRAWS = "draws";
    static final String SEED = "seed";

    private static final List<ParameterSpec> OPTIONS = List.of(
            ParameterSpec.integer(HOLDOUT, "last periods (weeks) held out for the demand fit", 20, 1, 10_000),
            ParameterSpec.real(COST_SHARE, "unit cost as a share of the current price, where the data has no costs",
                    0.6, 0, 0.99),
            ParameterSpec.real(MAX_CHANGE, "largest relative change from the current price a recommendation may make",
                    0.2, 0.01, 10),
            ParameterSpec.integer(DRAWS, "elasticity draws for the profit interval", 2000, 100, 1_000_000),
            ParameterSpec.integer(SEED, "random seed of the draws", 1, 0, Integer.MAX_VALUE));

    static final List<String> COLUMNS = List.of("MAPE %", "bias %", "median e", "profit +%", "profit lo %",
            "profit hi %", "fit s");

    /** Products listed one by one in the notes; larger data sets get the first ones and a count. */
    private static final int LISTED_PRODUCTS = 20;

    @Reference
    private StrategyRegistry registry;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Override
    public Family family() {
        return Family.PRICING;
    }

    @Override
    public List<ParameterSpec> options() {
        return OPTIONS;
    }

    @Override
    public EvaluationReport evaluate(EvaluationRequest request, TrainingContext context) {
        Parameters options = request.options();
        PriceObservations data = PriceFiles.read(request.data());
        PeriodSplit split = PeriodSplit.of(data, options.getInt(HOLDOUT));
        List<String> specs = request.strategies().isEmpty()
                ? registry.list(Family.PRICING).stream().map(info -> info.descriptor().name()).distinct().toList()
                : request.strategies();
        specs.forEach(spec -> registry.resolve(Family.PRICING, spec));
        List<EvaluationReport.Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>(definitions(split, options));
        for (int s = 0; s < specs.size(); s++) {
            try (StrategyLease<PricingStrategy> lease = registry.acquire(PricingStrategy.class, specs.get(s))) {
                String label = lease.info().descriptor().name() + "@" + lease.info().descriptor().version();
                context.checkCancelled();
                context.progress((double) s / specs.size(), label);
                try {
                    rows.add(new EvaluationReport.Row(label, score(lease.strategy(),
                            request.parametersFor(lease.info().descriptor()), split, options, label, notes)));
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // a strategy that fails gets a row of blanks and a note; the others are still compared
                    lease.failed(e);
                    logger.warn("Pricing strategy {} failed on {}: {}", label, request.data(), e.toString());
                    double[] blank = new double[COLUMNS.size()];
                    Arrays.fill(blank, Double.NaN);
                    rows.add(new EvaluationReport.Row(label, blank));
                    notes.add(label + " failed: " + e.getMessage());
                }
            }
        }
        context.progress(1, "");
        String title = String.format(Locale.ROOT, "pricing on %s: %d products, %d training and %d held-out rows",
                request.data().getFileName(), data.products().size(), split.training().size(), split.test().size());
        return new EvaluationReport(title, COLUMNS, rows, notes);
    }

    private static List<String> definitions(PeriodSplit split, Parameters options) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "split: periods from %d on (the last %d) held out; models fitted on the "
                + "earlier ones%s", split.firstTestPeriod(), options.getInt(HOLDOUT),
                split.droppedTestRows() == 0 ? "" : "; " + split.droppedTestRows()
                        + " held-out rows of products without training rows left out"));
        notes.add("MAPE: mean 100|predicted - actual|/actual over held-out rows that sold; bias: 100 (sum predicted - "
                + "sum actual) / sum actual; median e: median own-price elasticity over products");
        notes.add(String.format(Locale.ROOT, "profit: recommended vs current prices under each strategy's own model, "
                + "current price = the product's mean price in its last training period, unit cost = %.2f x current "
                + "price, recommendations within the product's training price range and %.0f%% of the current price; "
                + "demand anchored at the model's units at the current price; lo/hi: 95%% interval over %d draws of "
                + "the elasticities from their intervals. An estimate under the model, not a promise.",
                options.getDouble(COST_SHARE), 100 * options.getDouble(MAX_CHANGE), options.getInt(DRAWS)));
        return notes;
    }

    private double[] score(PricingStrategy strategy, Parameters parameters, PeriodSplit split, Parameters options,
            String label, List<String> notes) {
        long start = System.nanoTime();
        PricingModel model = strategy.fit(split.training(), parameters,
                TrainingContext.none());
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        DemandFit fit = demandFit(model, split.test(), label, notes);
        PriceObservations training = split.training();
        int count = training.products().size();
        double[] estimates = new double[count];
        StringBuilder table = new StringBuilder(label).append(" own-price elasticities:");
        for (int p = 0; p < count; p++) {
            String id = training.products().id(p);
            Elasticity e = model.elasticity(id);
            estimates[p] = e.estimate();
            if (p < LISTED_PRODUCTS) {
                table.append(String.format(Locale.ROOT, " %s %.2f [%.2f, %.2f]", id, e.estimate(), e.lowerBound(),
                        e.upperBound()));
            }
        }
        if (count > LISTED_PRODUCTS) {
            table.append(" ... and ").append(count - LISTED_PRODUCTS).append(" more");
        }
        notes.add(table.toString());
        ProfitUplift uplift = profitUplift(model, training, options);
        return new double[] {fit.mape(), fit.bias(), median(estimates), uplift.estimate(), uplift.lower(),
            uplift.upper(), fitSeconds};
    }

    private static DemandFit demandFit(PricingModel model, PriceObservations test, String label, List<String> notes) {
        double[] actual = new double[test.size()];
        for (int row = 0; row < actual.length; row++) {
            actual[row] = test.units(row);
        }
        try {
            return DemandFit.of(actual, model.expectedUnits(test));
        } catch (ValidationException cannotPredict) {
            notes.add(label + " has no demand fit: " + cannotPredict.getMessage());
            return new DemandFit(Double.NaN, Double.NaN, 0);
        }
    }

    /**
     * Prices every training product twice, held at its current price and then free within the
     * rules, and compares the profits.
     */
    private static ProfitUplift profitUplift(PricingModel model, PriceObservations training, Parameters options) {
        int count = training.products().size();
        double[] lowest = new double[count];
        double[] highest = new double[count];
        int[] lastPeriod = new int[count];
        double[] lastSum = new double[count];
        int[] lastRows = new int[count];
        Arrays.fill(lowest, Double.POSITIVE_INFINITY);
        Arrays.fill(lastPeriod, Integer.MIN_VALUE);
        for (int row = 0; row < training.size(); row++) {
            int p = training.product(row);
            double price = training.price(row);
            lowest[p] = Math.min(lowest[p], price);
            highest[p] = Math.max(highest[p], price);
            if (training.period(row) > lastPeriod[p]) {
                lastPeriod[p] = training.period(row);
                lastSum[p] = 0;
                lastRows[p] = 0;
            }
            if (training.period(row) == lastPeriod[p]) {
                lastSum[p] += price;
                lastRows[p]++;
            }
        }
        double[] current = new double[count];
        double[] cost = new double[count];
        for (int p = 0; p < count; p++) {
            current[p] = Math.min(Math.max(lastSum[p] / lastRows[p], lowest[p]), highest[p]);
            cost[p] = options.getDouble(COST_SHARE) * current[p];
        }
        PriceRecommendations held = model.recommend(
                new PriceRequest(training.products(), cost, current, current, current));
        PriceRecommendations free = model.recommend(
                new PriceRequest(training.products(), cost, current, lowest, highest),
                PricingRules.builder().maxChange(options.getDouble(MAX_CHANGE)).build());
        ProfitUplift.Product[] products = new ProfitUplift.Product[count];
        for (int p = 0; p < count; p++) {
            Elasticity e = model.elasticity(training.products().id(p));
            double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + e.level() / 200);
            products[p] = new ProfitUplift.Product(cost[p], current[p], held.expectedUnits(p), free.price(p),
                    e.estimate(), (e.upperBound() - e.lowerBound()) / (2 * z));
        }
        return ProfitUplift.of(products, options.getInt(DRAWS), 95, options.getInt(SEED));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
