package io.mercator.platform.evaluation.optimization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.optimization.ForecastDemand;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Known answers for what policies are told: demand from a forecast, lead times as drawn. */
class ForecastDemandTest {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    @Test
    void aNormalForecastGivesItsMeanAndRootMeanSquareError() {
        Forecast forecast = Forecast.symmetric(new double[] {10, 20}, new double[] {3, 4},
                STANDARD::inverseCumulativeProbability, 80);
        // mean (10 + 20) / 2, spread sqrt((9 + 16) / 2)
        assertArrayEquals(new double[] {15, Math.sqrt(12.5)}, ForecastDemand.perPeriod(forecast), 1e-9);
        Forecast negative = Forecast.symmetric(new double[] {-2, -4}, new double[] {1, 1},
                STANDARD::inverseCumulativeProbability, 80);
        assertEquals(0, ForecastDemand.perPeriod(negative)[0], 0);
        Forecast without80 = Forecast.symmetric(new double[] {1}, new double[] {1},
                STANDARD::inverseCumulativeProbability, 95);
        assertEquals("levels", assertThrows(ValidationException.class, () -> ForecastDemand.perPeriod(without80))
                .field());
        // lead time 2 + 2 x 0.5, plus a review of 1; continuous review counts one period
        assertEquals(4, ForecastDemand.horizon(2, 0.5, 1));
        assertEquals(3, ForecastDemand.horizon(2, 0, 0));
    }

    @Test
    void roundedLeadTimesAreMoreSpreadThanTheNormalTheyAreDrawnFrom() {
        // N(2, 0.5^2) rounded to whole periods: P(1) = P(3) = Phi(-1) - Phi(-3), ...; mean 2, sd 0.570448
        InventorySimulator.Settings settings = new InventorySimulator.Settings(2, 0.5, 1, 0, 0, 0, 0, 1);
        assertArrayEquals(new double[] {2.0000002866528517, 0.5704483581529798}, settings.drawnLeadTime(), 1e-9);
        // below half a period everything is 0; a fixed lead time is rounded
        assertArrayEquals(new double[] {0, 0}, new InventorySimulator.Settings(0.3, 0, 1, 0, 0, 0, 0, 1)
                .drawnLeadTime(), 0);
    }
}
