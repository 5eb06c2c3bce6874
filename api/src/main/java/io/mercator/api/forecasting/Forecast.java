package io.mercator.api.forecasting;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;

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
        requireLevels(levels);
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

    /**
     * Builds a forecast whose intervals are symmetric around the mean:
     * {@code mean[h] ± quantile(0.5 + level/200) * standardError[h]}. This covers every model with
     * a location-scale forecast distribution (normal, Student's t, ...).
     *
     * @param mean point forecasts, one per period ahead; finite
     * @param standardError the forecast standard error per period ahead; finite and not negative
     * @param quantile maps a probability in (0.5, 1) to the quantile of the standardised forecast
     *     error distribution, e.g. the standard normal's inverse distribution function
     * @param levels coverage levels in percent, each in (0, 100); may be empty
     * @return the forecast
     * @throws ValidationException naming {@code levels}, {@code mean} or {@code standardError} when
     *     a value is out of range or the lengths differ
     */
    public static Forecast symmetric(double[] mean, double[] standardError, DoubleUnaryOperator quantile,
            double... levels) {
        requireLevels(levels);
        double[] quantiles = new double[levels.length];
        Arrays.setAll(quantiles, l -> quantile.applyAsDouble(0.5 + levels[l] / 200));
        return symmetric(mean, standardError, levels, h -> quantiles);
    }

    /**
     * Like {@link #symmetric(double[], double[], DoubleUnaryOperator, double...)}, with a standardised error
     * distribution of its own per period ahead, e.g. Student's t whose degrees of freedom depend on the horizon:
     * {@code mean[h] ± quantileByPeriod.apply(h)(0.5 + level/200) * standardError[h]}.
     *
     * @param mean point forecasts, one per period ahead; finite
     * @param standardError the forecast standard error per period ahead; finite and not negative
     * @param quantileByPeriod maps {@code h} (0 for one period ahead) to the quantile function of that period's
     *     standardised forecast error
     * @param levels coverage levels in percent, each in (0, 100); may be empty
     * @return the forecast
     * @throws ValidationException naming {@code levels}, {@code mean} or {@code standardError} when
     *     a value is out of range or the lengths differ
     * @since 1.2
     */
    public static Forecast symmetricByPeriod(double[] mean, double[] standardError,
            IntFunction<DoubleUnaryOperator> quantileByPeriod, double... levels) {
        requireLevels(levels);
        return symmetric(mean, standardError, levels, h -> {
            DoubleUnaryOperator quantile = quantileByPeriod.apply(h);
            double[] quantiles = new double[levels.length];
            Arrays.setAll(quantiles, l -> quantile.applyAsDouble(0.5 + levels[l] / 200));
            return quantiles;
        });
    }

    /** @param quantilesByPeriod maps h to the standardised error's quantile per level h periods ahead */
    private static Forecast symmetric(double[] mean, double[] standardError, double[] levels,
            IntFunction<double[]> quantilesByPeriod) {
        if (mean == null || mean.length == 0) {
            throw new ValidationException("mean", "at least one period is required");
        }
        Columns.requireAtLeast("standardError", Columns.requireLength("standardError", standardError, mean.length), 0);
        double[][] lower = new double[levels.length][mean.length];
        double[][] upper = new double[levels.length][mean.length];
        for (int h = 0; h < mean.length; h++) {
            double[] quantiles = quantilesByPeriod.apply(h);
            for (int l = 0; l < levels.length; l++) {
                double half = quantiles[l] * standardError[h];
                lower[l][h] = mean[h] - half;
                upper[l][h] = mean[h] + half;
            }
        }
        return new Forecast(mean, levels, lower, upper);
    }

    private static void requireLevels(double[] levels) {
        if (levels == null) {
            throw new ValidationException("levels", "column is missing");
        }
        for (int l = 0; l < levels.length; l++) {
            if (!(levels[l] > 0 && levels[l] < 100)) {
                throw new ValidationException("levels", l, levels[l] + " is not a percentage in (0, 100)");
            }
        }
    }

    /**
     * Raises every point forecast and interval bound below a floor to it, for quantities that
     * cannot go below it (units sold cannot be negative). The intervals keep their coverage: the
     * quantity never falls below the floor.
     *
     * @param floor the smallest possible value, e.g. 0
     * @return this forecast if nothing is below the floor, else the floored forecast
     */
    public Forecast atLeast(double floor) {
        double[] flooredMean = floor(mean, floor);
        double[][] flooredLower = new double[levels.length][];
        double[][] flooredUpper = new double[levels.length][];
        boolean changed = flooredMean != mean;
        for (int l = 0; l < levels.length; l++) {
            flooredLower[l] = floor(lower[l], floor);
            flooredUpper[l] = floor(upper[l], floor);
            changed |= flooredLower[l] != lower[l] || flooredUpper[l] != upper[l];
        }
        return changed ? new Forecast(flooredMean, levels, flooredLower, flooredUpper) : this;
    }

    /** @return the same array when nothing is below the floor, else a floored copy */
    private static double[] floor(double[] values, double floor) {
        double[] floored = values;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < floor) {
                if (floored == values) {
                    floored = values.clone();
                }
                floored[i] = floor;
            }
        }
        return floored;
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
