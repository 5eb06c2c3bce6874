package io.mercator.plugins.forecasting.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoltWintersStrategyTest {

    /**
     * R 4.x: {@code HoltWinters(AirPassengers, seasonal = "multiplicative")} gives alpha 0.2755925,
     * beta 0.03269295, gamma 0.8707292 and SSE 16570.78 (L-BFGS-B; here BOBYQA on the same box).
     */
    @Test
    void multiplicativeFitMatchesR() {
        HoltWintersStrategy.Fit fit = HoltWintersStrategy.fit(SmoothingStrategiesTest.AIR_PASSENGERS, 12, true);
        assertEquals(0.2756, fit.alpha(), 5e-4);
        assertEquals(0.0327, fit.beta(), 5e-4);
        assertEquals(0.8707, fit.gamma(), 5e-4);
        assertEquals(16570.78, fit.sse(), 0.05);
    }

    /** R's datasets::Nile, yearly flow 1871-1970. */
    private static final double[] NILE = {
        1120, 1160, 963, 1210, 1160, 1160, 813, 1230, 1370, 1140, 995, 935, 1110, 994, 1020, 960, 1180, 799, 958, 1140,
        1100, 1210, 1150, 1250, 1260, 1220, 1030, 1100, 774, 840, 874, 694, 940, 833, 701, 916, 692, 1020, 1050, 969,
        831, 726, 456, 824, 702, 1120, 1100, 832, 764, 821, 768, 845, 864, 862, 698, 845, 744, 796, 1040, 759, 781,
        865, 845, 944, 984, 897, 822, 1010, 771, 676, 649, 846, 812, 742, 801, 1040, 860, 874, 848, 890, 744, 749, 838,
        1050, 918, 986, 797, 923, 975, 815, 1020, 906, 901, 1170, 912, 746, 919, 718, 714, 740};

    private static Forecast forecast(double[] y, int seasonLength, String seasonal, int horizon, double level) {
        ForecastStrategy strategy = new HoltWintersStrategy();
        return strategy.fit(SeriesSet.builder(seasonLength).add("y", y).build(), Parameters.resolve(
                strategy.descriptor().parameters(), Map.of(HoltWintersStrategy.SEASONAL, seasonal)),
                TrainingContext.none()).forecast("y", horizon, level);
    }

    /**
     * R 4.x: {@code predict(HoltWinters(AirPassengers, seasonal = "multiplicative"), 3)} gives
     * 447.0559, 419.7123, 464.8671.
     */
    @Test
    void multiplicativeForecastsMatchR() {
        assertArrayEquals(new double[] {447.0559, 419.7123, 464.8671}, forecast(SmoothingStrategiesTest.AIR_PASSENGERS,
                12, HoltWintersStrategy.MULTIPLICATIVE, 3, 95).mean(), 0.05);
    }

    /**
     * R 4.x: {@code HoltWinters(AirPassengers)} gives alpha 0.2479595, beta 0.03453373, gamma 1,
     * SSE 21860.18; {@code predict(..., 12, prediction.interval = TRUE, level = 0.8)} 453.4977
     * [437.0972, 469.8983] one month ahead and 469.5315 [446.3742, 492.6888] twelve months ahead.
     */
    @Test
    void additiveFitForecastsAndIntervalsMatchR() {
        HoltWintersStrategy.Fit fit = HoltWintersStrategy.fit(SmoothingStrategiesTest.AIR_PASSENGERS, 12, false);
        assertEquals(0.2479595, fit.alpha(), 5e-4);
        assertEquals(0.0345337, fit.beta(), 5e-4);
        assertEquals(1, fit.gamma(), 5e-4);
        assertEquals(21860.18, fit.sse(), 0.05);
        Forecast forecast = forecast(SmoothingStrategiesTest.AIR_PASSENGERS, 12, HoltWintersStrategy.ADDITIVE, 12, 80);
        assertEquals(453.4977, forecast.mean(0), 0.05);
        assertEquals(469.5315, forecast.mean(11), 0.05);
        // R's interval uses the residuals' variance, here their mean square: widths within 1%
        assertEquals(469.8983 - 437.0972, forecast.upper(0)[0] - forecast.lower(0)[0], 0.01 * 32.8);
        assertEquals(492.6888 - 446.3742, forecast.upper(0)[11] - forecast.lower(0)[11], 0.01 * 46.3);
    }

    /**
     * R 4.x: {@code HoltWinters(Nile, gamma = FALSE)} gives alpha 0.4190643, beta 0.05987705,
     * SSE 2267504 and forecasts 749.4891, 742.0645.
     */
    @Test
    void holtWithoutSeasonMatchesR() {
        HoltWintersStrategy.Fit fit = HoltWintersStrategy.fit(NILE, 1, false);
        assertEquals(0.4190643, fit.alpha(), 5e-4);
        assertEquals(0.0598770, fit.beta(), 5e-4);
        assertEquals(2267504, fit.sse(), 1);
        assertArrayEquals(new double[] {749.4891, 742.0645}, forecast(NILE, 1, HoltWintersStrategy.ADDITIVE, 2, 95)
                .mean(), 0.05);
    }

    /** Holt's method on a line: R's start values (second value, first difference) already fit it exactly. */
    @Test
    void holtContinuesALine() {
        double[] line = {3, 5, 7, 9, 11, 13, 15, 17};
        ForecastStrategy strategy = new HoltWintersStrategy();
        Forecast forecast = strategy.fit(SeriesSet.builder(1).add("line", line).build(),
                Parameters.resolve(strategy.descriptor().parameters(), Map.of()), TrainingContext.none())
                .forecast("line", 3, 95);
        assertArrayEquals(new double[] {19, 21, 23}, forecast.mean(), 1e-9);
        assertEquals(0, HoltWintersStrategy.fit(line, 1, false).sse(), 1e-18);
    }

    @Test
    void multiplicativeForecastsFollowTheSeason() {
        ForecastStrategy strategy = new HoltWintersStrategy();
        Forecast forecast = strategy.fit(SeriesSet.builder(12).add("air", SmoothingStrategiesTest.AIR_PASSENGERS)
                .build(), Parameters.resolve(strategy.descriptor().parameters(), Map.of()), TrainingContext.none())
                .forecast("air", 12, 80);
        // July is the peak month of every year of the data; the forecast starts in January 1961
        double[] mean = forecast.mean();
        for (int h = 0; h < 12; h++) {
            assertTrue(mean[h] <= mean[6], "month " + (h + 1) + ": " + mean[h] + " above July's " + mean[6]);
            assertTrue(forecast.lower(0)[h] < mean[h] && mean[h] < forecast.upper(0)[h]);
        }
    }
}
