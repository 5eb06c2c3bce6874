package io.mercator.api.forecasting;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.ValidationException;
import org.junit.jupiter.api.Test;

class ForecastTest {

    private static final double[] MEAN = {10, 12};

    @Test
    void roundTripsAndCopies() {
        double[] lower = {8, 9};
        Forecast forecast = new Forecast(MEAN.clone(), new double[] {80}, new double[][] {lower},
                new double[][] {{12, 15}});
        lower[0] = 100;
        assertEquals(2, forecast.horizon());
        assertEquals(12.0, forecast.mean(1));
        assertArrayEquals(MEAN, forecast.mean());
        assertArrayEquals(new double[] {80}, forecast.levels());
        assertArrayEquals(new double[] {8, 9}, forecast.lower(0));
        assertArrayEquals(new double[] {12, 15}, forecast.upper(0));
        forecast.upper(0)[0] = -1;
        assertEquals(12.0, forecast.upper(0)[0]);
    }

    @Test
    void forecastWithoutIntervalsIsAccepted() {
        Forecast forecast = new Forecast(MEAN, new double[0], new double[0][], new double[0][]);
        assertEquals(0, forecast.levels().length);
    }

    @Test
    void emptyOrNonFiniteMeanIsRejected() {
        assertRejected("mean", ValidationException.NO_ROW, "at least one period",
                () -> new Forecast(new double[0], new double[0], new double[0][], new double[0][]));
        assertRejected("mean", 1, "NaN is not a finite number",
                () -> new Forecast(new double[] {1, Double.NaN}, new double[0], new double[0][], new double[0][]));
    }

    @Test
    void levelOutsidePercentRangeIsRejected() {
        assertRejected("levels", 1, "100.0 is not a percentage in (0, 100)",
                () -> new Forecast(MEAN, new double[] {80, 100}, new double[][] {MEAN, MEAN}, new double[][] {MEAN, MEAN}));
        assertRejected("levels", ValidationException.NO_ROW, "column is missing",
                () -> new Forecast(MEAN, null, new double[0][], new double[0][]));
    }

    @Test
    void boundsOfTheWrongShapeAreRejected() {
        assertRejected("lower/upper", ValidationException.NO_ROW, "need one row per level (1)",
                () -> new Forecast(MEAN, new double[] {80}, new double[0][], new double[][] {MEAN}));
        assertRejected("upper", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> new Forecast(MEAN, new double[] {80}, new double[][] {MEAN}, new double[][] {{11}}));
    }

    @Test
    void intervalNotContainingTheMeanIsRejectedAtItsHorizon() {
        assertRejected("lower/upper", 1, "does not contain the mean 12.0",
                () -> new Forecast(MEAN, new double[] {80}, new double[][] {{9, 13}}, new double[][] {{11, 14}}));
    }

    @Test
    void symmetricIntervalsScaleTheQuantileByTheStandardError() {
        Forecast forecast = Forecast.symmetric(MEAN, new double[] {1, 2}, p -> p == 0.975 ? 1.96 : 1.0, 95, 50);
        assertArrayEquals(new double[] {10 - 1.96, 12 - 3.92}, forecast.lower(0), 1e-12);
        assertArrayEquals(new double[] {10 + 1.96, 12 + 3.92}, forecast.upper(0), 1e-12);
        assertArrayEquals(new double[] {9, 10}, forecast.lower(1), 1e-12);
        assertRejected("standardError", 1, "-1.0 must be a finite number >= 0.0",
                () -> Forecast.symmetric(MEAN, new double[] {1, -1}, p -> 1, 80));
        assertRejected("levels", 0, "0.0 is not a percentage in (0, 100)",
                () -> Forecast.symmetric(MEAN, new double[] {1, 1}, p -> 1, 0));
    }

    @Test
    void intervalsMayUseAQuantileFunctionPerPeriod() {
        // one period ahead quantile 2, two ahead 3 (say Student's t with fewer degrees of freedom further ahead)
        Forecast forecast = Forecast.symmetricByPeriod(MEAN, new double[] {1, 2}, h -> p -> h == 0 ? 2 : 3, 95);
        assertArrayEquals(new double[] {10 - 2, 12 - 6}, forecast.lower(0), 1e-12);
        assertArrayEquals(new double[] {10 + 2, 12 + 6}, forecast.upper(0), 1e-12);
        assertRejected("levels", 0, "100.0 is not a percentage in (0, 100)",
                () -> Forecast.symmetricByPeriod(MEAN, new double[] {1, 1}, h -> p -> 1, 100));
        assertRejected("standardError", 1, "-1.0 must be a finite number >= 0.0",
                () -> Forecast.symmetricByPeriod(MEAN, new double[] {1, -1}, h -> p -> 1, 80));
    }

    @Test
    void atLeastRaisesWhatFallsBelowTheFloor() {
        Forecast forecast = Forecast.symmetric(new double[] {0.5, -0.2}, new double[] {1, 1}, p -> 2, 95);
        Forecast floored = forecast.atLeast(0);
        assertArrayEquals(new double[] {0.5, 0}, floored.mean(), 0);
        assertArrayEquals(new double[] {0, 0}, floored.lower(0), 0);
        assertArrayEquals(new double[] {2.5, 1.8}, floored.upper(0), 1e-12);
        Forecast positive = Forecast.symmetric(new double[] {10}, new double[] {1}, p -> 2, 80);
        assertSame(positive, positive.atLeast(0), "nothing below the floor: the same forecast");
    }
}
