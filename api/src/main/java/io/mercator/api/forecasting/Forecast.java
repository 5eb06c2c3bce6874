package io.mercator.api.forecasting;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;

/**
 * The forecast of one series for {@code horizon} periods: the point forecast (mean) and, for
 * each requested coverage level, the lower and upper bounds of the prediction interval.
 * Immutable; arrays are copied on the way in and out.
 */
public final class Forecast {

    private final double[] mean;
    private final double[] levels;
    private final double[][] lower;
    private final double[][] upper;

    /**
     * @param mean point forecasts, one per period ahead; finite
     * @param levels coverage levels in percent, each in (0, 100), e.g. {@code {80, 95}}
     * @param lower {@code lower[l][h]} is the lower bound at {@code levels[l]}, {@code h} periods ahead
     * @param upper {@code upper[l][h]} is the upper bound
     * @throws ValidationException when shapes disagree, a value is not finite, or a bound is on
     *     the wrong side of the mean
     */
    public Forecast(double[] mean, double[] levels, double[][] lower, double[][] upper) {
        if (mean == null || mean.length == 0) {
            throw new ValidationException("mean", "at least one period is required");
        }
        Columns.requireFinite("mean", mean);
        if (levels == null) {
            throw new ValidationException("levels", "column is missing");
        }
        for (int l = 0; l < levels.length; l++) {
            if (!(levels[l] > 0 && levels[l] < 100)) {
                throw new ValidationException("levels", l, levels[l] + " is not a percentage in (0, 100)");
            }
        }
        if (lower == null || upper == null || lower.length != levels.length || upper.length != levels.length) {
            throw new ValidationException("lower/upper", "need one row per level (" + levels.length + ")");
        }
        this.mean = mean.clone();
        this.levels = levels.clone();
        this.lower = new double[levels.length][];
        this.upper = new double[levels.length][];
        for (int l = 0; l < levels.length; l++) {
            this.lower[l] = Columns.requireLength("lower", lower[l], mean.length).clone();
            this.upper[l] = Columns.requireLength("upper", upper[l], mean.length).clone();
            for (int h = 0; h < mean.length; h++) {
                if (!(this.lower[l][h] <= mean[h] && mean[h] <= this.upper[l][h])) {
                    throw new ValidationException("lower/upper", h, "interval [" + this.lower[l][h] + ", "
                            + this.upper[l][h] + "] at level " + levels[l] + " does not contain the mean " + mean[h]);
                }
            }
        }
    }

    /** @return the number of periods forecast */
    public int horizon() {
        return mean.length;
    }

    /** @return a copy of the point forecasts */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * @param h periods ahead minus one, from 0 to {@code horizon() - 1}
     * @return the point forecast
     */
    public double mean(int h) {
        return mean[h];
    }

    /** @return a copy of the coverage levels, in percent */
    public double[] levels() {
        return levels.clone();
    }

    /**
     * @param level index into {@link #levels()}
     * @return a copy of the lower bounds at that level
     */
    public double[] lower(int level) {
        return lower[level].clone();
    }

    /**
     * @param level index into {@link #levels()}
     * @return a copy of the upper bounds at that level
     */
    public double[] upper(int level) {
        return upper[level].clone();
    }
}
