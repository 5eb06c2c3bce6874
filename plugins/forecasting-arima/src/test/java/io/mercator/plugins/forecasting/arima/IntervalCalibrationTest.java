package io.mercator.plugins.forecasting.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
     * degrees of freedom of sigma2. Origins 0..18 of the 19 differences give 20 - h errors h ahead, worth (20 - h) / h
     * independent ones: one period ahead the t quantiles use sigma2's 19 degrees of freedom (0.975 quantile
     * 2.09302405440831, R: {@code qt(0.975, 19)}), three ahead 17/3 (0.975 quantile 2.48222950144296, 0.9 quantile
     * 1.45021408347535, R: {@code qt(0.975, 17/3)}).
     */
    @Test
    void aRandomWalkThatMissesADriftIsWidenedToIt() throws IOException {
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
        Forecast forecast = model.forecast("line", 3, 80, 95);
        assertEquals(19 + 2.09302405440831 * widened[0], forecast.upper(1)[0], 1e-9);
        assertEquals(19 + 2.48222950144296 * widened[2], forecast.upper(1)[2], 1e-9);
        assertEquals(19 - 1.45021408347535 * widened[2], forecast.lower(0)[2], 1e-9);
        assertEquals(17 / 3.0, calibrated.degreesOfFreedom(3), 1e-12);
        assertEquals(12 / 8.0, calibrated.degreesOfFreedom(9), 1e-12);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        Forecast read = ArimaModel.read(new ByteArrayInputStream(bytes.toByteArray())).forecast("line", 3, 80, 95);
        assertArrayEquals(forecast.upper(1), read.upper(1), 0);
        assertArrayEquals(forecast.lower(0), read.lower(0), 0);
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

    /**
     * Format 2 had no degrees of freedom per period ahead: its intervals use Student's t with sigma2's degrees of
     * freedom at every horizon (19 for the line, 0.975 quantile 2.09302405440831).
     */
    @Test
    void modelsOfFormatTwoAreStillRead() throws IOException {
        double[] line = new double[20];
        Arrays.setAll(line, t -> t);
        FittedArima calibrated = randomWalk(19).withIntervalCalibration(line, 0, 1);
        ArimaModel model = new ArimaModel("arima", "1.0.0", IdDictionary.of("series", "line"),
                new FittedArima[] {calibrated}, new boolean[] {false});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        // format 3 ends the model with its 8 degrees of freedom per period ahead: a count and 8 doubles
        byte[] formatThree = bytes.toByteArray();
        ByteBuffer formatTwo = ByteBuffer.wrap(Arrays.copyOf(formatThree,
                formatThree.length - Integer.BYTES - 8 * Double.BYTES));
        assertEquals(3, formatTwo.getInt(Integer.BYTES));
        formatTwo.putInt(Integer.BYTES, 2);
        Forecast read = ArimaModel.read(new ByteArrayInputStream(formatTwo.array())).forecast("line", 3, 95);
        double[] widened = calibrated.intervalStandardErrors(3);
        assertEquals(19 + 2.09302405440831 * widened[2], read.upper(0)[2], 1e-9);
    }

    /** Format 1 had no calibration after each model: normal quantiles and the exact standard errors. */
    @Test
    void modelsOfFormatOneAreStillRead() throws IOException {
        ArimaModel model = new ArimaModel("arima", "1.0.0", IdDictionary.of("series", "walk"),
                new FittedArima[] {randomWalk(5)}, new boolean[] {false});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        // format 3 ends each model with an empty factor array, zero degrees of freedom and an empty array of degrees
        // per period ahead: three ints
        byte[] formatThree = bytes.toByteArray();
        ByteBuffer formatOne = ByteBuffer.wrap(Arrays.copyOf(formatThree, formatThree.length - 3 * Integer.BYTES));
        assertEquals(3, formatOne.getInt(Integer.BYTES));
        formatOne.putInt(Integer.BYTES, 1);
        Forecast read = ArimaModel.read(new ByteArrayInputStream(formatOne.array())).forecast("walk", 4, 95);
        assertEquals(5 + 1.959963984540054 * 2, read.upper(0)[3], 1e-9);
    }
}
