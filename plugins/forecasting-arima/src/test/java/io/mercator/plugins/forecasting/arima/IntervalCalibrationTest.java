package io.mercator.plugins.forecasting.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.Forecast;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IntervalCalibrationTest {

    /** ARIMA(0,1,0) without drift, sigma2 1, after the last of {@code line}: a random walk, exact standard error sqrt(h). */
    private static FittedArima randomWalk(double last) {
        return new FittedArima("ARIMA(0,1,0)", new double[0], new double[0], 0, new double[] {1}, new double[] {last},
                new double[1], new double[] {1}, 1);
    }

    /**
     * On the line 0, 1, ..., 19 every residual of the random walk is 1, so the error h periods after an origin is h
     * and its exact standard error sqrt(h): every standardised error is sqrt(h), and so is the factor (up to 8
     * periods, the calibrated horizons). No coefficient was estimated: no final-prediction-error inflation, and 19
     * degrees of freedom (0.975 quantile of t: 2.09302405440831, R: {@code qt(0.975, 19)}).
     */
    @Test
    void aRandomWalkThatMissesADriftIsWidenedToIt() {
        double[] line = new double[20];
        Arrays.setAll(line, t -> t);
        FittedArima calibrated = randomWalk(19).withIntervalCalibration(line, 0, 1);
        double[] exact = calibrated.standardErrors(10);
        double[] widened = calibrated.intervalStandardErrors(10);
        for (int h = 1; h <= 10; h++) {
            assertEquals(Math.sqrt(h), exact[h - 1], 1e-12);
            assertEquals(Math.sqrt(h) * Math.sqrt(Math.min(h, 8)), widened[h - 1], 1e-12);
        }
        assertEquals(19, calibrated.degreesOfFreedom);
        ArimaModel model = new ArimaModel("arima", "1.0.0", IdDictionary.of("series", "line"),
                new FittedArima[] {calibrated}, new boolean[] {false});
        assertEquals(19 + 2.09302405440831 * widened[2], model.forecast("line", 3, 95).upper(0)[2], 1e-9);
    }

    /** Residuals of white noise around zero need no widening beyond the fitted coefficients' (1 + k/n). */
    @Test
    void whiteResidualsOnlyPayForTheCoefficients() {
        double[] alternating = new double[21];
        Arrays.setAll(alternating, t -> t % 2 == 0 ? 0 : 1);
        // differences alternate +1, -1: one step ahead mean square 1, two ahead the sum cancels (0), and so on
        FittedArima calibrated = randomWalk(0).withIntervalCalibration(alternating, 2, 1);
        double[] widened = calibrated.intervalStandardErrors(3);
        double optimism = Math.sqrt(1 + 2.0 / 20);
        for (int h = 1; h <= 3; h++) {
            assertEquals(Math.sqrt(h) * optimism, widened[h - 1], 1e-12);
        }
        assertEquals(18, calibrated.degreesOfFreedom);
    }

    /** Format 1 had no calibration after each model: normal quantiles and the exact standard errors. */
    @Test
    void modelsOfFormatOneAreStillRead() throws IOException {
        ArimaModel model = new ArimaModel("arima", "1.0.0", IdDictionary.of("series", "walk"),
                new FittedArima[] {randomWalk(5)}, new boolean[] {false});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        // format 2 ends each model with an empty factor array and zero degrees of freedom: two ints
        byte[] formatTwo = bytes.toByteArray();
        ByteBuffer formatOne = ByteBuffer.wrap(Arrays.copyOf(formatTwo, formatTwo.length - 2 * Integer.BYTES));
        assertEquals(2, formatOne.getInt(Integer.BYTES));
        formatOne.putInt(Integer.BYTES, 1);
        Forecast read = ArimaModel.read(new ByteArrayInputStream(formatOne.array())).forecast("walk", 4, 95);
        assertEquals(5 + 1.959963984540054 * 2, read.upper(0)[3], 1e-9);
    }
}
