package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.Hierarchy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.demo.Retailer;
import io.mercator.demo.RetailerDatasets;
import io.mercator.demo.RetailerGenerator;
import io.mercator.demo.RetailerSpec;
import io.mercator.plugins.forecasting.smoothing.EtsStrategy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hierarchical reconciliation on the demo retailer's daily SKU × store demand: total → store →
 * category in a store → SKU in a store. Auto-ETS forecasts every node for the last four weeks;
 * the base forecasts and their bottom-up, top-down (forecast and historical proportions) and MinT
 * reconciliations are scored by mean absolute error per level, with 80% interval coverage. MinT's
 * error covariance comes from the same strategy's errors up to a week ahead over the eight weeks before. Output goes to
 * stdout: this is a command-line tool.
 *
 * <p>Arguments: the distribution archive (unused), then optionally a seed for the retailer.
 */
public final class HierarchyBenchmark {

    static final int TEST_DAYS = 28;
    static final int RESIDUAL_WEEKS = 8;
    static final List<String> LEVELS = List.of("total", "store", "category", "sku");
    static final List<String> METHODS = List.of("base", "bottom-up", "top-down-fp", "top-down-hp", "mint");

    private HierarchyBenchmark() {
    }

    /**
     * @param meanAbsoluteError {@code [method][level]}, in {@link #METHODS} and {@link #LEVELS} order
     * @param coverage80 {@code [method][level]}, share of actuals inside the 80% intervals
     * @param incoherence largest gap between an aggregate and the sum of its bottom series, per method
     */
    record Result(int nodes, double[][] meanAbsoluteError, double[][] coverage80, double[] incoherence) {
    }

    public static void main(String[] args) {
        long seed = args.length > 1 ? Long.parseLong(args[1]) : RetailerSpec.small().seed();
        long start = System.nanoTime();
        Result result = measure(RetailerSpec.small().withSeed(seed));
        System.out.printf(Locale.ROOT, "Reconciliation on the demo retailer (seed %d): %d nodes, auto-ETS base "
                + "forecasts, last %d days, %.1f s%n", seed, result.nodes(), TEST_DAYS, (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "%-12s", "MAE");
        LEVELS.forEach(level -> System.out.printf(Locale.ROOT, "%10s", level));
        System.out.printf(Locale.ROOT, "%12s", "cov80 total");
        System.out.printf(Locale.ROOT, "%10s", "sku");
        System.out.printf(Locale.ROOT, "%14s%n", "incoherence");
        for (int m = 0; m < METHODS.size(); m++) {
            System.out.printf(Locale.ROOT, "%-12s", METHODS.get(m));
            for (double value : result.meanAbsoluteError()[m]) {
                System.out.printf(Locale.ROOT, "%10.3f", value);
            }
            System.out.printf(Locale.ROOT, "%12.3f%10.3f%14.2e%n", result.coverage80()[m][0], result.coverage80()[m][3],
                    result.incoherence()[m]);
        }
    }

    static Result measure(RetailerSpec spec) {
        Retailer retailer = RetailerGenerator.generate(spec);
        RetailerDatasets datasets = new RetailerDatasets(retailer);
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, Integer> levelOf = new HashMap<>();
        levelOf.put("total", 0);
        String[] stores = retailer.storeIds();
        int skuCount = retailer.skuIds().length;
        for (int store = 0; store < stores.length; store++) {
            parents.put(stores[store], "total");
            levelOf.put(stores[store], 1);
            for (int sku = 0; sku < skuCount; sku++) {
                String category = stores[store] + "/category/" + retailer.category(sku);
                parents.put(category, stores[store]);
                levelOf.put(category, 2);
                String series = datasets.seriesId(store, sku);
                parents.put(series, category);
                levelOf.put(series, 3);
            }
        }
        Hierarchy hierarchy = Hierarchy.ofParents(parents);
        SeriesSet all = hierarchy.aggregate(datasets.demand());
        int length = all.length(0);
        SeriesSet train = truncate(all, length - TEST_DAYS);
        ForecastStrategy ets = new EtsStrategy();
        Parameters defaults = Parameters.defaults(ets.descriptor().parameters());

        // MinT's covariance: the same strategy's errors up to a week ahead over the eight weeks before the test
        // window, refitted weekly (errors further ahead are dominated by a few level shifts)
        double[][] errors = new double[all.size()][RESIDUAL_WEEKS * 7];
        for (int week = 0; week < RESIDUAL_WEEKS; week++) {
            int origin = length - TEST_DAYS - (RESIDUAL_WEEKS - week) * 7;
            ForecastModel earlier = ets.fit(truncate(all, origin), defaults, TrainingContext.none());
            for (int node = 0; node < all.size(); node++) {
                double[] mean = earlier.forecast(all.ids().id(node), 7).mean();
                for (int h = 0; h < 7; h++) {
                    errors[node][week * 7 + h] = all.value(node, origin + h) - mean[h];
                }
            }
        }
        SeriesSet.Builder residuals = SeriesSet.builder(1);
        for (int node = 0; node < all.size(); node++) {
            residuals.add(all.ids().id(node), errors[node]);
        }

        ForecastModel model = ets.fit(train, defaults, TrainingContext.none());
        Map<String, Forecast> base = new HashMap<>();
        for (int node = 0; node < all.size(); node++) {
            base.put(all.ids().id(node), model.forecast(all.ids().id(node), TEST_DAYS, 80));
        }
        SeriesSet lastYear = lastPeriods(train, 364);
        List<Map<String, Forecast>> reconciled = List.of(base, hierarchy.bottomUp(base),
                hierarchy.topDownForecastProportions(base), hierarchy.topDownHistoricalProportions(base, lastYear),
                hierarchy.minTrace(base, residuals.build()));

        double[][] error = new double[METHODS.size()][LEVELS.size()];
        double[][] coverage = new double[METHODS.size()][LEVELS.size()];
        double[] incoherence = new double[METHODS.size()];
        int[] nodesPerLevel = new int[LEVELS.size()];
        for (int node = 0; node < all.size(); node++) {
            nodesPerLevel[levelOf.get(all.ids().id(node))]++;
        }
        double[][] summing = hierarchy.summingMatrix();
        for (int m = 0; m < METHODS.size(); m++) {
            Map<String, Forecast> forecasts = reconciled.get(m);
            for (int node = 0; node < all.size(); node++) {
                String id = all.ids().id(node);
                int level = levelOf.get(id);
                Forecast forecast = forecasts.get(id);
                double[] lower = forecast.lower(0);
                double[] upper = forecast.upper(0);
                for (int h = 0; h < TEST_DAYS; h++) {
                    double actual = all.value(node, length - TEST_DAYS + h);
                    error[m][level] += Math.abs(actual - forecast.mean(h)) / (TEST_DAYS * nodesPerLevel[level]);
                    coverage[m][level] += lower[h] <= actual && actual <= upper[h]
                            ? 1.0 / (TEST_DAYS * nodesPerLevel[level]) : 0;
                    double bottomSum = 0;
                    for (int b = 0; b < hierarchy.bottom().size(); b++) {
                        bottomSum += summing[hierarchy.nodes().indexOf(id)][b]
                                * forecasts.get(hierarchy.bottom().id(b)).mean(h);
                    }
                    incoherence[m] = Math.max(incoherence[m], Math.abs(bottomSum - forecast.mean(h)));
                }
            }
        }
        return new Result(all.size(), error, coverage, incoherence);
    }

    private static SeriesSet truncate(SeriesSet series, int length) {
        SeriesSet.Builder builder = SeriesSet.builder(series.seasonLength());
        for (int s = 0; s < series.size(); s++) {
            builder.add(series.ids().id(s), Arrays.copyOf(series.values(s), length));
        }
        return builder.build();
    }

    private static SeriesSet lastPeriods(SeriesSet series, int periods) {
        SeriesSet.Builder builder = SeriesSet.builder(series.seasonLength());
        for (int s = 0; s < series.size(); s++) {
            double[] values = series.values(s);
            builder.add(series.ids().id(s), Arrays.copyOfRange(values, Math.max(0, values.length - periods),
                    values.length));
        }
        return builder.build();
    }
}
