package io.mercator.platform.evaluation.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ForecastAccuracyTest {

    @Test
    void matchesHandComputedFigures() {
        ForecastAccuracy accuracy = new ForecastAccuracy();
        // training changes 1, 2, 3: MASE scale 2, RMSSE scale 14/3; errors 1 and 0
        accuracy.add(new double[] {1, 2, 4, 7}, 1, new double[] {8, 10}, new double[] {9, 10},
                new double[][] {{8.5, 9}, {7, 10.2}}, new double[][] {{9.5, 11}, {11, 12}});
        // a constant training part has no scale: it counts for sMAPE and coverage only
        accuracy.add(new double[] {5, 5, 5}, 1, new double[] {5}, new double[] {5},
                new double[][] {{5}, {5}}, new double[][] {{5}, {5}});
        double smape = (200.0 / 17 / 2 + 0) / 2;
        double mase = 0.5 / 2;
        double rmsse = Math.sqrt(0.5 / (14.0 / 3));
        // 95% interval scores: width 4; width 1.8 plus 40 * (10.2 - 10)
        double msis = (4 + 1.8 + 40 * 0.2) / 2 / 2;
        // coverage over the three test points: 80% covers the second and third, 95% the first and third
        assertArrayEquals(new double[] {smape, mase, rmsse, 200.0 / 3, 200.0 / 3, msis}, accuracy.averages(), 1e-12);
        assertEquals(2, accuracy.series());
        assertEquals(1, accuracy.unscaled());
    }

    @Test
    void seasonalScaleUsesLagMAndSkipsMissingPairs() {
        double[] scale = ForecastAccuracy.seasonalScale(new double[] {1, 5, 2, Double.NaN, 4, 9}, 2);
        // lag-2 changes 2-1 and 4-2; the two pairs with the missing value are skipped
        assertArrayEquals(new double[] {1.5, 2.5}, scale, 1e-12);
    }

    @Test
    void missingActualsAreSkippedAndNothingScoredGivesNaN() {
        ForecastAccuracy accuracy = new ForecastAccuracy();
        accuracy.add(new double[] {1, 2}, 1, new double[] {Double.NaN}, new double[] {2},
                new double[][] {{1}, {0}}, new double[][] {{3}, {4}});
        assertEquals(0, accuracy.series());
        assertEquals(Double.NaN, accuracy.averages()[0]);
    }
}
