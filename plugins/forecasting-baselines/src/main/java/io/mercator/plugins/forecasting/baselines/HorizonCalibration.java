package io.mercator.plugins.forecasting.baselines;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Widens a baseline's prediction intervals to the spread of its own multi-step errors on the
 * training data. The textbook variances assume the method is the truth (a random walk for naive,
 * white noise around a level for the mean); on trending series they are far too narrow further
 * ahead. From each of the last {@link #MAXIMUM_ORIGINS} origins the method forecasts
 * {@code h = 1, 2, ...} periods from the data up to that origin; each error is divided by the
 * model's standard error {@code h} ahead, and the factor at {@code h} is the root mean square of
 * these, at least 1 and at least the factor at {@code h - 1}. A horizon with fewer than
 * {@link #MINIMUM_ORIGINS} errors, and every one beyond, keeps the factor before it.
 */
final class HorizonCalibration {

    /** Fewer errors than this at a horizon are too few to estimate its spread. */
    static final int MINIMUM_ORIGINS = 5;
    /** Origins used at most (the latest), which bounds the work on long series. */
    static final int MAXIMUM_ORIGINS = 100;
    private static final int MINIMUM_HORIZONS = 8;

    /** A method's forecast {@code ahead} periods after {@code origin}, from the data up to and including it. */
    interface FromOrigin {
        double forecast(int origin, int ahead);
    }

    private HorizonCalibration() {
    }

    /**
     * @param y the training data, NaN for missing
     * @param seasonLength periods per season (1 for none): two seasons of horizons are calibrated, at least 8
     * @param forecasts the method's forecasts from each origin
     * @param standardError the model's standard error by periods ahead (1, 2, ...)
     * @return the factors by periods ahead, the last applying beyond; empty when no horizon had enough errors
     */
    static double[] factors(double[] y, int seasonLength, FromOrigin forecasts, IntToDoubleFunction standardError) {
        int horizons = Math.max(MINIMUM_HORIZONS, 2 * seasonLength);
        double[] sumOfSquares = new double[horizons];
        int[] count = new int[horizons];
        int first = Math.max(Math.max(1, seasonLength - 1), y.length - 1 - MAXIMUM_ORIGINS);
        for (int t = first; t < y.length - 1; t++) {
            for (int h = 1; h <= Math.min(horizons, y.length - 1 - t); h++) {
                double z = (y[t + h] - forecasts.forecast(t, h)) / standardError.applyAsDouble(h);
                if (Double.isFinite(z)) {
                    sumOfSquares[h - 1] += z * z;
                    count[h - 1]++;
                }
            }
        }
        double[] factors = new double[horizons];
        int calibrated = 0;
        double factor = 1;
        for (int h = 1; h <= horizons; h++) {
            if (count[h - 1] >= MINIMUM_ORIGINS) {
                factor = Math.max(factor, Math.sqrt(sumOfSquares[h - 1] / count[h - 1]));
                calibrated = h;
            }
            factors[h - 1] = factor;
        }
        return Arrays.copyOf(factors, calibrated);
    }

    /**
     * @param factors from {@link #factors}
     * @param h periods ahead, from 1
     * @return the factor that applies {@code h} periods ahead
     */
    static double at(double[] factors, int h) {
        return factors.length == 0 ? 1 : factors[Math.min(h, factors.length) - 1];
    }
}
