package io.mercator.platform.evaluation.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    /** Repeats each series' last value with a zero-width interval, and records what it was fitted on. */
    private static final class LastValue implements ForecastStrategy {
        final List<String> fits = new ArrayList<>();

        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.builder(Family.FORECASTING, "last", "1.0.0").build();
        }

        @Override
        public ForecastModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
            double[] last = new double[data.size()];
            for (int s = 0; s < data.size(); s++) {
                fits.add(data.ids().id(s) + " m=" + data.seasonLength() + " n=" + data.length(s));
                last[s] = data.value(s, data.length(s) - 1);
            }
            return new ForecastModel() {
                @Override
                public IdDictionary series() {
                    return data.ids();
                }

                @Override
                public Forecast forecast(String seriesId, int horizon, double... levels) {
                    double[] mean = new double[horizon];
                    Arrays.fill(mean, last[data.ids().require("series", seriesId)]);
                    return Forecast.symmetric(mean, new double[horizon], p -> 0, levels);
                }

                @Override
                public String strategyName() {
                    return "last";
                }

                @Override
                public String strategyVersion() {
                    return "1.0.0";
                }

                @Override
                public void writeTo(OutputStream out) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public ForecastModel readModel(InputStream in) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void rollingOriginsHoldOutTheLastPeriodsOneStepApart() {
        double[] oneToTen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        SeriesFiles.Data data = new SeriesFiles.Data(List.of("x"), List.of(oneToTen), null, new int[1]);
        LastValue strategy = new LastValue();
        Backtest.Result result = new Backtest(data, new Backtest.Split(2, 2, 1)).run(strategy,
                TrainingContext.none());
        // origin 1 fits 1..7 and scores 8, 9; origin 2 fits 1..8 and scores 9, 10: errors 1 and 2 each time
        assertEquals(List.of("x m=1 n=7", "x m=1 n=8"), strategy.fits);
        assertEquals(2, result.forecasts());
        double smape = (200.0 / 15 + 400.0 / 16) / 2 / 2 + (200.0 / 17 + 400.0 / 18) / 2 / 2;
        // the MASE scale (mean one-step change) is 1 on both training parts; the zero-width intervals miss every actual
        // MSIS: zero width plus 40 times the mean miss of 1.5
        assertArrayEquals(new double[] {smape, 1.5, Math.sqrt(2.5), 0, 0, 40 * 1.5}, result.metrics(), 1e-12);
    }

    @Test
    void aGivenSplitFitsEachSeasonLengthSeparately() {
        SeriesFiles.Data data = new SeriesFiles.Data(List.of("q", "y", "u"),
                List.of(new double[] {1, 2, 3, 4, 5}, new double[] {7, 8}, new double[] {2, 4, 6}),
                List.of(new double[] {6}, new double[] {9, 10}, new double[] {8}), new int[] {4, 1, 0});
        LastValue strategy = new LastValue();
        new Backtest(data, new Backtest.Split(12, 3, 12)).run(strategy, TrainingContext.none());
        // "u" has no season length of its own and takes the split's; origins do not apply to a given split
        assertEquals(List.of("y m=1 n=2", "q m=4 n=5", "u m=12 n=3"), strategy.fits);
    }
}
