package io.mercator.plugins.forecasting.smoothing;

/** Classical decomposition helpers: seasonal indices and the seasonality test of Hyndman's {@code thetaf}. */
final class Seasonality {

    private Seasonality() {
    }

    /**
     * Seasonal indices of a classical decomposition: the series divided by (or minus) its centred
     * moving average of one season, averaged by season position and normalised to mean 1 (or 0).
     *
     * @param y observations, no missing values, at least two seasons long
     * @param m season length, at least 2
     * @param multiplicative ratios instead of differences
     * @return {@code m} indices by position {@code t mod m}
     */
    static double[] indices(double[] y, int m, boolean multiplicative) {
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = 0; t < y.length; t++) {
            double trend = centredAverage(y, t, m);
            if (Double.isNaN(trend)) {
                continue;
            }
            sum[t % m] += multiplicative ? y[t] / trend : y[t] - trend;
            count[t % m]++;
        }
        double[] index = new double[m];
        double total = 0;
        for (int j = 0; j < m; j++) {
            index[j] = count[j] > 0 ? sum[j] / count[j] : (multiplicative ? 1 : 0);
            total += index[j];
        }
        for (int j = 0; j < m; j++) {
            index[j] = multiplicative ? index[j] * m / total : index[j] - total / m;
        }
        return index;
    }

    /** @return the centred moving average of order m (2 x m when m is even) at t, NaN where it does not fit */
    private static double centredAverage(double[] y, int t, int m) {
        int half = m / 2;
        if (t - half < 0 || t + half >= y.length) {
            return Double.NaN;
        }
        double sum = 0;
        if (m % 2 == 1) {
            for (int k = t - half; k <= t + half; k++) {
                sum += y[k];
            }
            return sum / m;
        }
        for (int k = t - half + 1; k < t + half; k++) {
            sum += y[k];
        }
        return (sum + 0.5 * (y[t - half] + y[t + half])) / m;
    }

    /**
     * The 90% test of {@code forecast::thetaf}: the autocorrelation at lag m exceeds 1.645 times
     * its Bartlett standard error.
     *
     * @param y observations, no missing values
     * @param m season length
     * @return whether the series is seasonal
     */
    static boolean isSeasonal(double[] y, int m) {
        if (m < 2 || y.length < 3 * m) {
            return false;
        }
        double sumOfSquares = 0;
        for (int lag = 1; lag < m; lag++) {
            double acf = autocorrelation(y, lag);
            sumOfSquares += acf * acf;
        }
        double acfAtM = autocorrelation(y, m);
        double standardError = Math.sqrt((1 + 2 * sumOfSquares) / y.length);
        return Math.abs(acfAtM) / standardError > 1.6448536269514722;
    }

    /**
     * Detects the season length of a series of unknown frequency: the lag from 2 to 24 (and at
     * most a third of the series) with the largest autocorrelation, if it passes
     * {@link #isSeasonal}.
     *
     * @param y observations, no missing values
     * @return the season length, 1 when none is found
     */
    static int detect(double[] y) {
        int best = 1;
        double bestAcf = 0;
        for (int lag = 2; lag <= Math.min(24, y.length / 3); lag++) {
            double acf = autocorrelation(y, lag);
            if (acf > bestAcf) {
                best = lag;
                bestAcf = acf;
            }
        }
        return best > 1 && isSeasonal(y, best) ? best : 1;
    }

    private static double autocorrelation(double[] y, int lag) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double variance = 0;
        double covariance = 0;
        for (int t = 0; t < y.length; t++) {
            variance += (y[t] - mean) * (y[t] - mean);
            if (t >= lag) {
                covariance += (y[t] - mean) * (y[t - lag] - mean);
            }
        }
        return variance > 0 ? covariance / variance : 0;
    }
}
