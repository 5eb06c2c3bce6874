package io.mercator.plugins.forecasting.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
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
     * is sigma sqrt(1 + (h - 1) alpha^2) = sqrt(h): every standardised error squared is h. Origins 1..18 give
     * 19 - h errors h ahead, (19 - h) / h effective ones, and with the prior of 2 errors of spread 1 the
     * squared factor is (2 + e h) / (2 + e) on 2 + e degrees of freedom.
     */
    @Test
    void aNaiveForecastOfALineIsWidenedToItsDrift() {
        double[] line = new double[20];
        Arrays.setAll(line, t -> t);
        SpreadCalibration.Spread spread = SpreadCalibration.factors(line, naiveOrigins(line), 1);
        double[] factors = new double[8];
        double[] degrees = new double[8];
        for (int h = 1; h <= 8; h++) {
            double effective = (19.0 - h) / h;
            factors[h - 1] = Math.sqrt((2 + effective * h) / (2 + effective));
            degrees[h - 1] = 2 + effective;
        }
        assertEquals(2, SpreadCalibration.PRIOR_ORIGINS);
        assertArrayEquals(factors, spread.factors(), 1e-12);
        assertArrayEquals(degrees, spread.degreesOfFreedom(), 1e-12);
    }

    /**
     * A constant series has no errors at all: the factor shrinks toward 0 as far as the effective errors outweigh the
     * prior, sqrt(2 / (2 + (19 - h) / h)), so the analytic interval narrows, the less the further ahead.
     */
    @Test
    void errorsSmallerThanTheModelsNarrowTheIntervals() {
        double[] constant = new double[20];
        Arrays.fill(constant, 3);
        double[] factors = SpreadCalibration.factors(constant, naiveOrigins(constant), 1).factors();
        double[] expected = new double[8];
        Arrays.setAll(expected, i -> Math.sqrt(2 / (2 + (18.0 - i) / (i + 1))));
        assertArrayEquals(expected, factors, 1e-12);
        assertEquals(Math.sqrt(0.1), factors[0], 1e-12);
    }

    /** With 8 points, origins 1..6: 6 errors 1 ahead, 5 two ahead (2.5 effective), 4 three ahead (too few). */
    @Test
    void horizonsWithTooFewOriginsAreLeftOut() {
        double[] line = {0, 1, 2, 3, 4, 5, 6, 7};
        SpreadCalibration.Spread spread = SpreadCalibration.factors(line, naiveOrigins(line), 1);
        assertArrayEquals(new double[] {1, Math.sqrt(7 / 4.5)}, spread.factors(), 1e-12);
        assertArrayEquals(new double[] {8, 4.5}, spread.degreesOfFreedom(), 1e-12);
    }

    /**
     * 20 points, 18 degrees of freedom: two parameters, so the final-prediction-error factor is sqrt(1 + 2/20); the
     * last factor applies beyond the calibrated horizons. Three periods ahead the spread rests on 2 + 16/3 degrees of
     * freedom, and the interval uses Student's t with them (0.975 quantile 2.34300900309869, 0.9 quantile
     * 1.40828856049911, R: {@code qt(0.975, 2 + 16/3)}); one period ahead the 2 + 18 degrees are capped at sigma's 18
     * (2.10092204024096, R: {@code qt(0.975, 18)}).
     */
    @Test
    void calibratedStatesScaleTheirIntervals() throws IOException {
        double[] line = new double[20];
        Arrays.setAll(line, t -> t);
        SmoothedState[] origins = naiveOrigins(line);
        SmoothedState calibrated = SpreadCalibration.calibrate(origins[19], line, origins, 1, 18);
        double[] mean = calibrated.mean(10);
        double[] standardError = calibrated.standardError(mean);
        double[] factors = SpreadCalibration.factors(line, origins, 1).factors();
        double optimism = Math.sqrt(1.1);
        for (int h = 1; h <= 10; h++) {
            assertEquals(factors[Math.min(h, 8) - 1] * optimism * Math.sqrt(h), standardError[h - 1], 1e-12);
        }
        SmoothingModel model = new SmoothingModel("ets", "1.0.0", IdDictionary.of("series", "line"),
                new SmoothedState[][] {{calibrated}}, new boolean[] {false});
        Forecast forecast = model.forecast("line", 3, 80, 95);
        assertEquals(19 + 2.10092204024096 * standardError[0], forecast.upper(1)[0], 1e-9);
        assertEquals(19 + 2.34300900309869 * standardError[2], forecast.upper(1)[2], 1e-9);
        assertEquals(19 - 1.40828856049911 * standardError[2], forecast.lower(0)[2], 1e-9);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        Forecast read = new EtsStrategy().readModel(new ByteArrayInputStream(bytes.toByteArray()))
                .forecast("line", 3, 80, 95);
        assertArrayEquals(forecast.upper(1), read.upper(1), 0);
        assertArrayEquals(forecast.lower(0), read.lower(0), 0);
    }

    /**
     * Format 3 had no degrees of freedom per period ahead after the spread factors: its intervals use Student's t
     * with sigma's degrees of freedom at every horizon.
     */
    @Test
    void modelsOfFormatThreeAreStillRead() throws IOException {
        SmoothedState state = SmoothedState.flat(5, 2, 10).withIntervalCalibration(new double[] {1.5}, 18,
                new double[0]);
        SmoothingModel model = new SmoothingModel("ets", "1.0.0", IdDictionary.of("series", "flat"),
                new SmoothedState[][] {{state}}, new boolean[] {false});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        // format 4 ends the state with an int, the count of degrees of freedom (0); drop it, say format 3
        byte[] formatFour = bytes.toByteArray();
        ByteBuffer formatThree = ByteBuffer.wrap(Arrays.copyOf(formatFour, formatFour.length - Integer.BYTES));
        assertEquals(4, formatThree.getInt(Integer.BYTES));
        formatThree.putInt(Integer.BYTES, 3);
        Forecast read = new EtsStrategy().readModel(new ByteArrayInputStream(formatThree.array())).forecast("flat", 2,
                95);
        assertArrayEquals(new double[] {5 + 2.10092204024096 * 3, 5 + 2.10092204024096 * 3}, read.upper(0), 1e-9);
    }

    @Test
    void badLevelsAreRejectedByName() {
        SmoothingModel model = new SmoothingModel("ets", "1.0.0", IdDictionary.of("series", "flat"),
                new SmoothedState[][] {{SmoothedState.flat(5, 2, 10)}}, new boolean[] {false});
        ValidationException error = assertThrows(ValidationException.class, () -> model.forecast("flat", 2, 100));
        assertTrue(error.getMessage().contains("level"), error.getMessage());
    }

    /** Format 2 had no degrees of freedom and spread factors after each state: normal intervals, unscaled. */
    @Test
    void modelsOfFormatTwoAreStillRead() throws IOException {
        SmoothingModel model = new SmoothingModel("ets", "1.0.0", IdDictionary.of("series", "flat"),
                new SmoothedState[][] {{SmoothedState.flat(5, 2, 10)}}, new boolean[] {false});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        // format 4 ends the state with three zero ints (degrees of freedom, factor count, count of degrees per
        // period ahead); drop them, say format 2
        byte[] formatFour = bytes.toByteArray();
        ByteBuffer formatTwo = ByteBuffer.wrap(Arrays.copyOf(formatFour, formatFour.length - 3 * Integer.BYTES));
        assertEquals(4, formatTwo.getInt(Integer.BYTES));
        formatTwo.putInt(Integer.BYTES, 2);
        Forecast read = new EtsStrategy().readModel(new ByteArrayInputStream(formatTwo.array())).forecast("flat", 1,
                95);
        assertEquals(5 + 1.959963984540054 * 2, read.upper(0)[0], 1e-9);
    }
}
