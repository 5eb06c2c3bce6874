package io.mercator.platform.evaluation.forecasting;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Backtests one forecasting strategy on many series. With a given split (train and test files)
 * every series is fitted on its training part and scored on its test part; otherwise the last
 * {@code horizon} observations are held out at each of {@code origins} rolling origins, the latest
 * ending at the end of the series and each earlier one a period before. Series are fitted in
 * groups of equal season length, one fit call per group and origin. Plain Java, so that
 * benchmarks can run it without a framework.
 */
public final class Backtest {

    /**
     * How to split.
     *
     * @param horizon periods held out per origin when the data has no given split
     * @param origins rolling origins when the data has no given split
     * @param seasonLength season length for series whose data do not give one; 0 lets the strategy
     *     detect it (the scaled metrics then use m = 1)
     */
    public record Split(int horizon, int origins, int seasonLength) {
    }

    /**
     * One strategy's figures.
     *
     * @param metrics averages in the order of {@link ForecastAccuracy#COLUMNS}
     * @param seconds wall-clock time of the fit and forecast calls
     * @param forecasts series-origins scored
     * @param unscaled of those, how many have no scale for MASE, RMSSE and MSIS
     */
    public record Result(double[] metrics, double seconds, int forecasts, int unscaled) {
    }

    private final SeriesFiles.Data data;
    private final Split split;

    public Backtest(SeriesFiles.Data data, Split split) {
        this.data = data;
        this.split = split;
    }

    /** @return whether the data come with their own test part */
    public boolean givenSplit() {
        return data.test() != null;
    }

    /**
     * @param strategy the strategy, fitted with its default parameters (see the overload for others)
     * @param context progress and cancellation
     * @return the figures
     * @throws io.mercator.api.ValidationException when the strategy rejects the data
     */
    public Result run(ForecastStrategy strategy, TrainingContext context) {
        return run(strategy, Parameters.defaults(strategy.descriptor().parameters()), context);
    }

    /**
     * @param strategy the strategy
     * @param parameters what to fit it with
     * @param context progress and cancellation
     * @return the figures
     * @throws io.mercator.api.ValidationException when the strategy rejects the data
     */
    public Result run(ForecastStrategy strategy, Parameters parameters, TrainingContext context) {
        int origins = givenSplit() ? 1 : split.origins();
        Map<Integer, List<Integer>> bySeason = new TreeMap<>();
        for (int s = 0; s < data.ids().size(); s++) {
            bySeason.computeIfAbsent(seasonOf(s), k -> new ArrayList<>()).add(s);
        }
        ForecastAccuracy accuracy = new ForecastAccuracy();
        long nanos = 0;
        int groups = bySeason.size() * origins;
        int done = 0;
        for (Map.Entry<Integer, List<Integer>> group : bySeason.entrySet()) {
            int m = group.getKey();
            for (int origin = 0; origin < origins; origin++) {
                context.checkCancelled();
                int heldBack = split.horizon() + origins - 1 - origin;
                SeriesSet.Builder builder = SeriesSet.builder(m);
                List<Integer> fitted = new ArrayList<>();
                for (int s : group.getValue()) {
                    double[] training = training(s, heldBack);
                    if (training.length > 0 && actual(s, heldBack).length > 0) {
                        builder.add(data.ids().get(s), training);
                        fitted.add(s);
                    }
                }
                if (fitted.isEmpty()) {
                    continue;
                }
                SeriesSet set = builder.build();
                long start = System.nanoTime();
                ForecastModel model = strategy.fit(set, parameters, TrainingContext.none());
                List<Forecast> forecasts = new ArrayList<>();
                for (int s : fitted) {
                    forecasts.add(model.forecast(data.ids().get(s), actual(s, heldBack).length, ForecastAccuracy.LEVELS));
                }
                nanos += System.nanoTime() - start;
                for (int i = 0; i < fitted.size(); i++) {
                    int s = fitted.get(i);
                    Forecast forecast = forecasts.get(i);
                    accuracy.add(set.values(i), Math.max(1, m), actual(s, heldBack), forecast.mean(),
                            new double[][] {forecast.lower(0), forecast.lower(1)},
                            new double[][] {forecast.upper(0), forecast.upper(1)});
                }
                context.progress((double) ++done / groups, strategy.descriptor().name());
            }
        }
        return new Result(accuracy.averages(), nanos / 1e9, accuracy.series(), accuracy.unscaled());
    }

    private int seasonOf(int s) {
        return data.seasonLength()[s] > 0 ? data.seasonLength()[s] : split.seasonLength();
    }

    private double[] training(int s, int heldBack) {
        double[] all = data.training().get(s);
        return givenSplit() ? all : Arrays.copyOf(all, Math.max(0, all.length - heldBack));
    }

    private double[] actual(int s, int heldBack) {
        if (givenSplit()) {
            return data.test().get(s);
        }
        double[] all = data.training().get(s);
        int from = Math.max(0, all.length - heldBack);
        return Arrays.copyOfRange(all, from, Math.min(all.length, from + split.horizon()));
    }
}
