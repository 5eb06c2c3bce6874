package io.mercator.plugins.forecasting.smoothing;

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

class SpreadCalibrationTest {

    private static final EtsForm SES = EtsForm.parse("ANN");

    /** Simple exponential smoothing with alpha 1 (the naive forecast) from each point of y, sigma 1. */
    private static SmoothedState[] naiveOrigins(double[] y) {
        SmoothedState[] origins = new SmoothedState[y.length];
        for (int t = 0; t < y.length; t++) {
            origins[t] = new SmoothedState(SES, 1, 0, 0, 1, y[t], 0, new double[0], t + 1, 1);
        }
        return origins;
    }

    /**
     * On the line y_t = t the naive forecast h periods ahead misses by h, and its analytic standard error
     * is sigma sqrt(1 + (h - 1) alpha^2) = sqrt(h): every standardised error is sqrt(h), so the factor is.
     */
    @Test
    void aNaiveForecastOfALineIsWidenedToItsDrift() {
        double[] line = new double[20];
        Arrays.setAll(line, t -> t);
        double[] factors = SpreadCalibration.factors(line, naiveOrigins(line), 1);
        double[] expected = new double[8];
        Arrays.setAll(expected, h -> Math.sqrt(h + 1));
        assertArrayEquals(expected, factors, 1e-12);
    }

    @Test
    void errorsSmallerThanTheModelsNeverNarrowTheIntervals() {
        double[] constant = new double[20];
        Arrays.fill(constant, 3);
        double[] factors = SpreadCalibration.factors(constant, naiveOrigins(constant), 1);
        double[] ones = new double[8];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, factors, 0);
    }

    /** With 8 points, origins 1..6: 6 errors 1 ahead, 5 two ahead, 4 three ahead (too few). */
    @Test
    void horizonsWithTooFewOriginsAreLeftOut() {
        double[] line = {0, 1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(new double[] {1, Math.sqrt(2)}, SpreadCalibration.factors(line, naiveOrigins(line), 1),
                1e-12);
    }

    /**
     * 20 points, 18 degrees of freedom: two parameters, so the final-prediction-error factor is sqrt(1 + 2/20); the
     * last factor (sqrt 8) applies beyond the calibrated horizons, and the intervals use Student's t with 18 degrees
     * (0.975 quantile 2.10092204024096, R: {@code qt(0.975, 18)}).
     */
    @Test
    void calibratedStatesWidenTheirIntervals() throws IOException {
        double[] line = new double[20];
        Arrays.setAll(line, t -> t);
        SmoothedState[] origins = naiveOrigins(line);
        SmoothedState calibrated = SpreadCalibration.calibrate(origins[19], line, origins, 1, 18);
        double[] mean = calibrated.mean(10);
        double[] standardError = calibrated.standardError(mean);
        double optimism = Math.sqrt(1.1);
        for (int h = 1; h <= 10; h++) {
            assertEquals(Math.sqrt(Math.min(h, 8)) * optimism * Math.sqrt(h), standardError[h - 1], 1e-12);
        }
        SmoothingModel model = new SmoothingModel("ets", "1.0.0", IdDictionary.of("series", "line"),
                new SmoothedState[][] {{calibrated}}, new boolean[] {false});
        Forecast forecast = model.forecast("line", 3, 95);
        assertEquals(19 + 2.10092204024096 * standardError[2], forecast.upper(0)[2], 1e-9);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        Forecast read = new EtsStrategy().readModel(new ByteArrayInputStream(bytes.toByteArray()))
                .forecast("line", 3, 95);
        assertArrayEquals(forecast.upper(0), read.upper(0), 0);
    }

    /** Format 2 had no degrees of freedom and spread factors after each state: normal intervals, unscaled. */
    @Test
    void modelsOfFormatTwoAreStillRead() throws IOException {
        SmoothingModel model = new SmoothingModel("ets", "1.0.0", IdDictionary.of("series", "flat"),
                new SmoothedState[][] {{SmoothedState.flat(5, 2, 10)}}, new boolean[] {false});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        // format 3 ends the state with two zero ints (degrees of freedom, factor count); drop them, say format 2
        byte[] formatThree = bytes.toByteArray();
        ByteBuffer formatTwo = ByteBuffer.wrap(Arrays.copyOf(formatThree, formatThree.length - 2 * Integer.BYTES));
        assertEquals(3, formatTwo.getInt(Integer.BYTES));
        formatTwo.putInt(Integer.BYTES, 2);
        Forecast read = new EtsStrategy().readModel(new ByteArrayInputStream(formatTwo.array())).forecast("flat", 1,
                95);
        assertEquals(5 + 1.959963984540054 * 2, read.upper(0)[0], 1e-9);
    }
}
