package io.mercator.platform.evaluation.forecasting;

/**
 * Accuracy of forecasts over many series, with the definitions of the M3 and M4 competitions (and
 * of {@code shared/data/m3/README.md}): per series,
 * <ul>
 * <li>sMAPE = mean over the horizon of {@code 200 |y - f| / (|y| + |f|)} (0 where both are 0);</li>
 * <li>MASE = mean {@code |y - f|} / mean {@code |y_t - y_(t-m)|} over the training part;</li>
 * <li>RMSSE = sqrt(mean {@code (y - f)^2} / mean {@code (y_t - y_(t-m))^2} over the training part);</li>
 * <li>coverage = share of actual values inside the interval, at 80% and 95%, over all test points of all
 * series (as in the M4 competition), so that a series with a longer horizon counts for more points;</li>
 * <li>MSIS = mean over the horizon of the 95% interval score {@code (u - l) + 40 (l - y)[y < l]
 * + 40 (y - u)[y > u]}, divided by the MASE scale.</li>
 * </ul>
 * Each other figure is averaged over series. Scaled figures skip series whose training part has no
 * seasonal change (scale 0); {@link #unscaled()} counts them. Not thread-safe.
 */
public final class ForecastAccuracy {

    /** Interval levels the coverage and MSIS columns use, in percent. */
    static final double[] LEVELS = {80, 95};
    public static final String[] COLUMNS = {"sMAPE", "MASE", "RMSSE", "cover80", "cover95", "MSIS"};

    private double smape;
    private double mase;
    private double rmsse;
    private int inside80;
    private int inside95;
    private int points;
    private double msis;
    private int series;
    private int scaled;

    /**
     * Adds one forecast of one series.
     *
     * @param training the observations the forecast was made from (NaN for missing)
     * @param seasonLength m of the scale, 1 for none
     * @param actual the held-out observations (NaN for missing, skipped)
     * @param mean the point forecasts, at least as many as {@code actual}
     * @param lower lower bounds at {@link #LEVELS}, {@code lower[level][h]}
     * @param upper upper bounds at {@link #LEVELS}
     */
    void add(double[] training, int seasonLength, double[] actual, double[] mean, double[][] lower,
            double[][] upper) {
        double sumSmape = 0;
        double sumAbsolute = 0;
        double sumSquares = 0;
        double sumScore = 0;
        int inside80 = 0;
        int inside95 = 0;
        int count = 0;
        for (int h = 0; h < actual.length; h++) {
            double y = actual[h];
            if (Double.isNaN(y)) {
                continue;
            }
            count++;
            double error = Math.abs(y - mean[h]);
            double denominator = Math.abs(y) + Math.abs(mean[h]);
            sumSmape += denominator == 0 ? 0 : 200 * error / denominator;
            sumAbsolute += error;
            sumSquares += error * error;
            inside80 += lower[0][h] <= y && y <= upper[0][h] ? 1 : 0;
            inside95 += lower[1][h] <= y && y <= upper[1][h] ? 1 : 0;
            double penalty = 2 / (1 - LEVELS[1] / 100);
            sumScore += upper[1][h] - lower[1][h] + penalty * Math.max(0, lower[1][h] - y)
                    + penalty * Math.max(0, y - upper[1][h]);
        }
        if (count == 0) {
            return;
        }
        series++;
        smape += sumSmape / count;
        this.inside80 += inside80;
        this.inside95 += inside95;
        points += count;
        double[] scale = seasonalScale(training, seasonLength);
        if (scale[0] > 0) {
            scaled++;
            mase += sumAbsolute / count / scale[0];
            rmsse += Math.sqrt(sumSquares / count / scale[1]);
            msis += sumScore / count / scale[0];
        }
    }

    /** @return {mean absolute, mean squared} seasonal difference over the observed pairs; zeros when there is none */
    static double[] seasonalScale(double[] training, int seasonLength) {
        int m = Math.max(1, seasonLength);
        double absolute = 0;
        double squares = 0;
        int pairs = 0;
        for (int t = m; t < training.length; t++) {
            double change = training[t] - training[t - m];
            if (!Double.isNaN(change)) {
                absolute += Math.abs(change);
                squares += change * change;
                pairs++;
            }
        }
        return pairs == 0 ? new double[2] : new double[] {absolute / pairs, squares / pairs};
    }

    /** @return series (or series-origins) scored */
    int series() {
        return series;
    }

    /** @return series left out of the scaled figures because their training part has no seasonal change */
    int unscaled() {
        return series - scaled;
    }

    /** @return the averages in the order of {@link #COLUMNS}; NaN when nothing was scored */
    double[] averages() {
        double byScaled = scaled == 0 ? Double.NaN : scaled;
        double bySeries = series == 0 ? Double.NaN : series;
        double byPoints = points == 0 ? Double.NaN : points;
        return new double[] {smape / bySeries, mase / byScaled, rmsse / byScaled, 100 * inside80 / byPoints,
            100 * inside95 / byPoints, msis / byScaled};
    }
}
