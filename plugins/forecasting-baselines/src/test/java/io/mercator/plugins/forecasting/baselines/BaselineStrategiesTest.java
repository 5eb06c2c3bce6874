package io.mercator.plugins.forecasting.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BaselineStrategiesTest {

    private static ForecastModel fit(ForecastStrategy strategy, SeriesSet data) {
        return strategy.fit(data, Parameters.defaults(strategy.descriptor().parameters()), TrainingContext.none());
    }

    @Test
    void naiveMatchesTheRandomWalkFormulas() {
        // one-step changes 2, -1, 4, -1: root mean square sqrt(22/4)
        ForecastModel model = fit(new NaiveStrategy(), SeriesSet.builder(1).add("x", 3, 5, 4, 8, 7).build());
        Forecast forecast = model.forecast("x", 4, 95);
        assertArrayEquals(new double[] {7, 7, 7, 7}, forecast.mean(), 0);
        double sigma = Math.sqrt(5.5);
        assertEquals(7 - 1.959963984540054 * sigma, forecast.lower(0)[0], 1e-9);
        assertEquals(7 + 1.959963984540054 * sigma * 2, forecast.upper(0)[3], 1e-9);
    }

    /** Five points are too few to calibrate (three origins): R's intervals. */
    @Test
    void meanMatchesRsMeanf() {
        double[] values = {3, 5, 4, 8, 7};
        double[] shifted = new double[values.length];
        for (int t = 0; t < shifted.length; t++) {
            shifted[t] = values[t] - 10;
        }
        ForecastModel model = fit(new MeanStrategy(), SeriesSet.builder(1).add("x", values).add("x-10", shifted)
                .build());
        Forecast forecast = model.forecast("x", 2, 80, 95);
        assertEquals(5.4, forecast.mean(0), 1e-12);
        // R 4, forecast 8.20: meanf(c(3, 5, 4, 8, 7), h = 2, level = 95) gives Lo 95 -0.906870911825625,
        // Hi 95 11.7068709118256: qt(0.975, 4) * sd(x) * sqrt(1 + 1/5)
        double half95 = 2.77644510519779 * 2.07364413533277 * Math.sqrt(1.2);
        assertEquals(11.7068709118256, forecast.upper(1)[1], 1e-9);
        assertEquals(5.4 + half95, forecast.upper(1)[1], 1e-9);
        // x never went below zero, so its forecast does not either; the shifted series keeps R's bound
        assertEquals(0, forecast.lower(1)[0], 0);
        Forecast negative = model.forecast("x-10", 2, 95);
        assertEquals(-0.906870911825625 - 10, negative.lower(0)[0], 1e-9);
    }

    /**
     * On the line 0, 1, ..., 19 every change is 1, so naive's sigma is 1 and its standard error sqrt(h); from every
     * origin it misses by h, sqrt(h) standard errors, so the calibrated standard error is h (up to 8 periods, the
     * calibrated horizons, and 8 beyond).
     */
    @Test
    void naiveIntervalsWidenToTheTrendTheyMiss() {
        double[] line = new double[20];
        for (int t = 0; t < line.length; t++) {
            line[t] = t;
        }
        Forecast forecast = fit(new NaiveStrategy(), SeriesSet.builder(1).add("line", line).build()).forecast("line",
                10, 95);
        for (int h = 1; h <= 10; h++) {
            assertEquals(19 + 1.959963984540054 * Math.sqrt(h) * Math.sqrt(Math.min(h, 8)), forecast.upper(0)[h - 1],
                    1e-9);
        }
        // the mean of a line misses more and more: wider than R's meanf(0:19) interval, qt(0.975, 19) sd sqrt(1.05)
        Forecast mean = fit(new MeanStrategy(), SeriesSet.builder(1).add("line", line).build()).forecast("line", 1, 95);
        assertTrue(mean.upper(0)[0] - 9.5 > 2.09302405440831 * 5.91607978309962 * Math.sqrt(1.05));
    }

    @Test
    void missingValuesAreSkippedAndEmptySeriesRejected() {
        ForecastModel model = fit(new NaiveStrategy(), SeriesSet.builder(1).add("x", 1, Double.NaN, 4, Double.NaN).build());
        assertEquals(4, model.forecast("x", 1).mean(0), 0);
        SeriesSet empty = SeriesSet.builder(1).add("none", Double.NaN, Double.NaN).build();
        ValidationException error = assertThrows(ValidationException.class, () -> fit(new MeanStrategy(), empty));
        assertEquals("series 'none'", error.field());
    }

    @Test
    void singleObservationGivesAZeroWidthInterval() {
        Forecast forecast = fit(new MeanStrategy(), SeriesSet.builder(1).add("x", 42).build()).forecast("x", 1, 95);
        assertEquals(42, forecast.lower(0)[0], 0);
        assertEquals(42, forecast.upper(0)[0], 0);
    }

    @Test
    void modelsRoundTripAndRejectTheOtherMethodsBytes() throws IOException {
        SeriesSet data = SeriesSet.builder(1).add("a", 1, 2, 4).add("b", 5, 5, 6, 9).build();
        MeanStrategy mean = new MeanStrategy();
        ForecastModel model = fit(mean, data);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        ForecastModel read = mean.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(model.forecast("b", 3, 90).upper(0), read.forecast("b", 3, 90).upper(0), 0);
        assertEquals("mean", read.strategyName());
        IOException wrongMethod = assertThrows(IOException.class,
                () -> new NaiveStrategy().readModel(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals("the model was fitted by the mean method, not naive", wrongMethod.getMessage());
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeasonWithRsIntervals() throws IOException {
        // seasonal changes 1, 1, 2, 0: sigma sqrt(6 / 4); the fifth step is a second season ahead
        ForecastModel model = fit(new SeasonalNaiveStrategy(), SeriesSet.builder(4).add("x", 1, 2, 3, 4, 2, 3, 5, 4)
                .build());
        Forecast forecast = model.forecast("x", 5, 95);
        assertArrayEquals(new double[] {2, 3, 5, 4, 2}, forecast.mean(), 0);
        double sigma = Math.sqrt(1.5);
        assertEquals(2 + 1.959963984540054 * sigma, forecast.upper(0)[0], 1e-9);
        assertEquals(2 + 1.959963984540054 * sigma * Math.sqrt(2), forecast.upper(0)[4], 1e-9);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        ForecastModel read = new SeasonalNaiveStrategy().readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(forecast.lower(0), read.forecast("x", 5, 95).lower(0), 0);
    }

    @Test
    void seasonalNaiveFillsMissingAndShortSeasonsWithTheLastObservation() {
        ForecastModel model = fit(new SeasonalNaiveStrategy(), SeriesSet.builder(4).add("gap", 1, 2, 3, 4, 5, Double.NaN,
                7, 8).add("short", 9, 6).build());
        assertArrayEquals(new double[] {5, 8, 7, 8}, model.forecast("gap", 4).mean(), 0);
        assertArrayEquals(new double[] {6, 6, 9, 6}, model.forecast("short", 4).mean(), 0);
    }

    @Test
    void movingAverageAveragesTheLastWindowWithItsOneStepErrorSpread() {
        // window 2 on 2, 4, 9, 5: one-step errors 9 - 3 = 6 and 5 - 6.5 = -1.5; forecast (9 + 5) / 2
        ForecastStrategy strategy = new MovingAverageStrategy();
        ForecastModel model = strategy.fit(SeriesSet.builder(1).add("x", 2, 4, 9, 5).add("one", 8).build(),
                Parameters.resolve(strategy.descriptor().parameters(), java.util.Map.of("window", 2)),
                TrainingContext.none());
        Forecast forecast = model.forecast("x", 3, 95);
        assertArrayEquals(new double[] {7, 7, 7}, forecast.mean(), 0);
        double sigma = Math.sqrt((36 + 2.25) / 2);
        assertEquals(7 + 1.959963984540054 * sigma, forecast.upper(0)[2], 1e-9);
        assertEquals(8, model.forecast("one", 1, 95).upper(0)[0], 0);
    }
}
