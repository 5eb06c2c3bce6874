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
