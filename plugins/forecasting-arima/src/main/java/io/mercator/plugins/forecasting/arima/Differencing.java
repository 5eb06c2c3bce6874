package io.mercator.plugins.forecasting.arima;

/**
 * How many differences a series needs, as {@code forecast::auto.arima} decides by default: first
 * differences while the KPSS test rejects level stationarity at 5% (Kwiatkowski et al. 1992,
 * Bartlett window of {@code floor(3 sqrt(n) / 13)} lags, as {@code forecast::ndiffs}); a seasonal
 * difference when the seasonal strength {@code 1 - var(remainder) / var(season + remainder)}
 * exceeds 0.64. The strength comes from a classical additive decomposition here, where R uses
 * STL; the two agree except near the threshold.
 */
final class Differencing {

    /** The KPSS statistic's 5% critical value for level stationarity. */
    static final double KPSS_CRITICAL_5 = 0.463;
    /** The seasonal strength above which a seasonal difference is taken. */
    static final double SEASONAL_STRENGTH_THRESHOLD = 0.64;

    private Differencing() {
    }

    /**
     * @param x observations, none missing
     * @param maxD the largest number of differences
     * @return the number of first differences
     */
    static int firstDifferences(double[] x, int maxD) {
        int d = 0;
        if (isConstant(x)) {
            return d;
        }
        while (d < maxD && x.length > 2 && kpss(x) > KPSS_CRITICAL_5) {
            x = lagDifference(x, 1);
            d++;
            if (isConstant(x)) {
                return d;
            }
        }
        return d;
    }

    /**
     * @param x observations, none missing
     * @param period season length, at least 2
     * @param maxD the largest number of seasonal differences
     * @return the number of seasonal differences
     */
    static int seasonalDifferences(double[] x, int period, int maxD) {
        int seasonalD = 0;
        while (seasonalD < maxD && !isConstant(x) && x.length >= 2 * period
                && seasonalStrength(x, period) > SEASONAL_STRENGTH_THRESHOLD) {
            x = lagDifference(x, period);
            seasonalD++;
        }
        return seasonalD;
    }

    /** @return the KPSS level-stationarity statistic with {@code floor(3 sqrt(n) / 13)} lags */
    static double kpss(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] e = new double[n];
        double partial = 0;
        double sumOfPartialSquares = 0;
        double variance = 0;
        for (int t = 0; t < n; t++) {
            e[t] = x[t] - mean;
            partial += e[t];
            sumOfPartialSquares += partial * partial;
            variance += e[t] * e[t];
        }
        int lags = (int) Math.floor(3 * Math.sqrt(n) / 13);
        for (int lag = 1; lag <= lags; lag++) {
            double covariance = 0;
            for (int t = lag; t < n; t++) {
                covariance += e[t] * e[t - lag];
            }
            variance += 2 * (1 - lag / (lags + 1.0)) * covariance;
        }
        return sumOfPartialSquares / ((double) n * n) / (variance / n);
    }

    /**
     * @param x observations, none missing, at least two seasons
     * @param period season length
     * @return the seasonal strength from a classical additive decomposition, in [0, 1]
     */
    static double seasonalStrength(double[] x, int period) {
        int n = x.length;
        double[] trend = new double[n];
        double[] seasonSum = new double[period];
        int[] seasonCount = new int[period];
        int half = period / 2;
        for (int t = 0; t < n; t++) {
            trend[t] = Double.NaN;
            if (t - half < 0 || t + half >= n) {
                continue;
            }
            double sum = 0;
            if (period % 2 == 1) {
                for (int k = t - half; k <= t + half; k++) {
                    sum += x[k];
                }
            } else {
                for (int k = t - half + 1; k < t + half; k++) {
                    sum += x[k];
                }
                sum += 0.5 * (x[t - half] + x[t + half]);
            }
            trend[t] = sum / period;
            seasonSum[t % period] += x[t] - trend[t];
            seasonCount[t % period]++;
        }
        double[] season = new double[period];
        double average = 0;
        for (int j = 0; j < period; j++) {
            season[j] = seasonCount[j] > 0 ? seasonSum[j] / seasonCount[j] : 0;
            average += season[j] / period;
        }
        double[] remainder = new double[n];
        double[] seasonal = new double[n];
        int count = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(trend[t])) {
                double s = season[t % period] - average;
                remainder[count] = x[t] - trend[t] - s;
                seasonal[count] = remainder[count] + s;
                count++;
            }
        }
        double total = variance(seasonal, count);
        return total > 0 ? Math.max(0, Math.min(1, 1 - variance(remainder, count) / total)) : 0;
    }

    private static double variance(double[] values, int count) {
        double mean = 0;
        for (int i = 0; i < count; i++) {
            mean += values[i] / count;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (values[i] - mean) * (values[i] - mean);
        }
        return sum / (count - 1);
    }

    static double[] lagDifference(double[] x, int lag) {
        double[] difference = new double[Math.max(0, x.length - lag)];
        for (int t = 0; t < difference.length; t++) {
            difference[t] = x[t + lag] - x[t];
        }
        return difference;
    }

    /** @return whether all values are equal (R's {@code is.constant}) */
    static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param y observations, NaN for missing, at least one observed
     * @return the series with missing values linearly interpolated, and held flat beyond the ends
     */
    static double[] interpolate(double[] y) {
        double[] filled = y.clone();
        int previous = -1;
        for (int t = 0; t <= y.length; t++) {
            if (t < y.length && Double.isNaN(y[t])) {
                continue;
            }
            for (int k = previous + 1; k < t; k++) {
                if (previous < 0) {
                    filled[k] = y[t];
                } else if (t == y.length) {
                    filled[k] = y[previous];
                } else {
                    filled[k] = y[previous] + (y[t] - y[previous]) * (k - previous) / (t - previous);
                }
            }
            previous = t;
        }
        return filled;
    }
}
