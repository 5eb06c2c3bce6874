package io.mercator.plugins.forecasting.smoothing;

import java.util.Arrays;

/**
 * Scales a fitted model's prediction intervals to the spread of its own multi-step errors on the
 * data it was fitted to. The analytic variances assume the model form and its parameters are
 * true; on real series they are not (a trend that changes, a form chosen among many, parameters
 * estimated from few points, a noise level that changed over the years), and the intervals cover too little or,
 * as on long series whose recent errors are smaller than their early ones, too much.
 *
 * <p>From each of the last {@link #MAXIMUM_ORIGINS} origins {@code t} of the training data, the model with its fitted
 * parameters forecasts {@code h = 1, 2, ...} periods ahead; each error is divided by the analytic standard
 * error from that origin. The spread factor at {@code h} estimates the root mean square of these
 * standardised errors, which may widen or narrow the analytic interval. Errors {@code h} ahead from
 * consecutive origins share {@code h - 1} periods, so the {@code n} of them count as about {@code n / h}
 * independent ones; with a prior of {@link #PRIOR_ORIGINS} such errors of spread 1 (the analytic interval), the
 * squared factor is the weighted mean {@code (p + e s2) / (p + e)} of the prior and the mean square {@code s2} of
 * {@code e} effective errors, and its degrees of freedom are {@code p + e}: intervals use Student's t quantiles
 * with them, wider where the spread rests on few errors. A horizon with fewer than {@link #MINIMUM_ORIGINS}
 * errors, and every horizon beyond the last computed one, keeps the factor before it.
 */
final class SpreadCalibration {

    /** Fewer standardised errors than this at a horizon are too few to estimate its spread. */
    static final int MINIMUM_ORIGINS = 5;
    /** Origins used at most (the latest), which bounds the work on long series. */
    static final int MAXIMUM_ORIGINS = 100;
    /** Weight of the analytic spread, in effective errors (the prior's degrees of freedom). */
    static final double PRIOR_ORIGINS = 2;
    /** Horizons calibrated: two seasons, at least this many periods. */
    private static final int MINIMUM_HORIZONS = 8;

    /**
     * @param factors multipliers of the analytic standard error by period ahead
     * @param degreesOfFreedom of each factor's estimate
     */
    record Spread(double[] factors, double[] degreesOfFreedom) {
    }

    private SpreadCalibration() {
    }

    /**
     * @param y the observations the model was fitted to, NaN for missing
     * @param origins {@code origins[t]} is the fitted model's state after {@code y[0..t]}
     * @param seasonLength periods per season, 1 for none; origins start after the first season
     * @return the spread factors and their degrees of freedom, empty when no horizon had enough origins
     */
    static Spread factors(double[] y, SmoothedState[] origins, int seasonLength) {
        int horizons = Math.max(MINIMUM_HORIZONS, 2 * seasonLength);
        double[] sumOfSquares = new double[horizons];
        int[] count = new int[horizons];
        for (int t = Math.max(Math.max(1, seasonLength - 1), y.length - 1 - MAXIMUM_ORIGINS); t < y.length - 1; t++) {
            int ahead = Math.min(horizons, y.length - 1 - t);
            double[] mean = origins[t].mean(ahead);
            double[] standardError = origins[t].standardError(mean);
            for (int h = 1; h <= ahead; h++) {
                double z = (y[t + h] - mean[h - 1]) / standardError[h - 1];
                if (Double.isFinite(z)) {
                    sumOfSquares[h - 1] += z * z;
                    count[h - 1]++;
                }
            }
        }
        double[] factors = new double[horizons];
        double[] degrees = new double[horizons];
        int calibrated = 0;
        double factor = 1;
        double degreesOfFreedom = PRIOR_ORIGINS;
        for (int h = 1; h <= horizons; h++) {
            if (count[h - 1] >= MINIMUM_ORIGINS) {
                double effective = (double) count[h - 1] / h;
                factor = Math.sqrt((PRIOR_ORIGINS + effective * sumOfSquares[h - 1] / count[h - 1])
                        / (PRIOR_ORIGINS + effective));
                degreesOfFreedom = PRIOR_ORIGINS + effective;
                calibrated = h;
            }
            factors[h - 1] = factor;
            degrees[h - 1] = degreesOfFreedom;
        }
        return new Spread(Arrays.copyOf(factors, calibrated), Arrays.copyOf(degrees, calibrated));
    }

    /**
     * @param state a fitted state
     * @param y the observations it was fitted to
     * @param origins its states after each observation
     * @param seasonLength periods per season, 1 for none
     * @param degreesOfFreedom of the state's sigma
     * @return the state with its spread factors and degrees of freedom
     */
    static SmoothedState calibrate(SmoothedState state, double[] y, SmoothedState[] origins, int seasonLength,
            int degreesOfFreedom) {
        int observed = 0;
        for (double v : y) {
            observed += Double.isNaN(v) ? 0 : 1;
        }
        // Akaike's final prediction error: with k parameters fitted to n points, errors on new data have
        // (1 + k/n) times the variance sigma^2 (sum of squares over n - k) estimates from the residuals
        double optimism = Math.sqrt(1 + (double) Math.max(0, observed - degreesOfFreedom) / Math.max(1, observed));
        Spread spread = factors(y, origins, seasonLength);
        if (spread.factors().length == 0) {
            return state.withIntervalCalibration(new double[] {optimism}, degreesOfFreedom, new double[0]);
        }
        double[] factors = spread.factors();
        double[] degrees = spread.degreesOfFreedom();
        for (int h = 0; h < factors.length; h++) {
            factors[h] *= optimism;
            // the factors rescale sigma: their t quantiles cannot be narrower than sigma's own
            degrees[h] = Math.min(degrees[h], Math.max(1, degreesOfFreedom));
        }
        return state.withIntervalCalibration(factors, degreesOfFreedom, degrees);
    }
}
