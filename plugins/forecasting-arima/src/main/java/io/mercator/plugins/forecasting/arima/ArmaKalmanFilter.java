package io.mercator.plugins.forecasting.arima;

/**
 * The exact Gaussian likelihood of a zero-mean stationary ARMA process by the Kalman filter on
 * Harvey's state-space form (state dimension {@code r = max(p, q + 1)}), started from the
 * stationary state covariance, with unit innovation variance so that sigma squared can be
 * concentrated out. Missing observations (NaN) only advance the state. Once the one-step
 * prediction variance has settled at its limit the covariance recursion is skipped, which leaves
 * the likelihood unchanged to about 1e-10 and makes long series cheap.
 */
final class ArmaKalmanFilter {

    private static final double SETTLED = 1e-10;

    /**
     * What a pass of the filter yields.
     *
     * @param sumOfSquares sum of squared standardised innovations {@code v^2 / F}
     * @param sumOfLogVariances sum of {@code log F}
     * @param observations the number of observations used
     * @param state the predicted state for the period after the last observation
     * @param covariance that state's error covariance over sigma squared, row-major
     */
    record Pass(double sumOfSquares, double sumOfLogVariances, int observations, double[] state, double[] covariance) {

        /** @return the maximum-likelihood innovation variance */
        double sigma2() {
            return sumOfSquares / observations;
        }

        /** @return the Gaussian log-likelihood at that variance */
        double logLikelihood() {
            return -0.5 * (observations * (Math.log(2 * Math.PI * sigma2()) + 1) + sumOfLogVariances);
        }
    }

    private ArmaKalmanFilter() {
    }

    /**
     * @param w the zero-mean series, NaN for missing
     * @param phi autoregressive coefficients (stationary)
     * @param theta moving-average coefficients
     * @return the pass, or null when the covariance does not converge (not stationary)
     */
    static Pass run(double[] w, double[] phi, double[] theta) {
        int r = Math.max(phi.length, theta.length + 1);
        double[] ar = new double[r];
        System.arraycopy(phi, 0, ar, 0, phi.length);
        double[] loading = new double[r];
        loading[0] = 1;
        System.arraycopy(theta, 0, loading, 1, theta.length);
        double[] covariance = stationaryCovariance(ar, loading);
        if (covariance == null) {
            return null;
        }
        double[] state = new double[r];
        double[] gain = new double[r];
        double[] work = new double[r * r];
        double sumOfSquares = 0;
        double sumOfLogs = 0;
        int used = 0;
        boolean settled = false;
        for (double observation : w) {
            if (!Double.isNaN(observation)) {
                double innovation = observation - state[0];
                if (settled) {
                    for (int i = 0; i < r; i++) {
                        state[i] += loading[i] * innovation;
                    }
                    sumOfSquares += innovation * innovation;
                } else {
                    double variance = covariance[0];
                    for (int i = 0; i < r; i++) {
                        gain[i] = covariance[i * r] / variance;
                        state[i] += gain[i] * innovation;
                    }
                    // row 0 last: the other rows' updates read it
                    for (int i = r - 1; i >= 0; i--) {
                        for (int j = 0; j < r; j++) {
                            covariance[i * r + j] -= gain[i] * covariance[j];
                        }
                    }
                    sumOfSquares += innovation * innovation / variance;
                    sumOfLogs += Math.log(variance);
                    settled = variance - 1 < SETTLED;
                }
                used++;
            } else if (settled) {
                // in the settled regime the predicted covariance is R R'
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < r; j++) {
                        covariance[i * r + j] = loading[i] * loading[j];
                    }
                }
                settled = false;
            }
            advance(state, ar);
            if (!settled) {
                predictCovariance(covariance, work, ar, loading);
            }
        }
        if (settled) {
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    covariance[i * r + j] = loading[i] * loading[j];
                }
            }
        }
        return new Pass(sumOfSquares, sumOfLogs, used, state, covariance);
    }

    /** state = T state for Harvey's transition matrix: first column the AR coefficients, ones above the diagonal. */
    static void advance(double[] state, double[] ar) {
        int r = state.length;
        double first = state[0];
        for (int i = 0; i < r - 1; i++) {
            state[i] = ar[i] * first + state[i + 1];
        }
        state[r - 1] = ar[r - 1] * first;
    }

    /** covariance = T covariance T' + R R', in O(r^2) using the structure of T. */
    private static void predictCovariance(double[] covariance, double[] work, double[] ar, double[] loading) {
        int r = ar.length;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                work[i * r + j] = ar[i] * covariance[j] + (i + 1 < r ? covariance[(i + 1) * r + j] : 0);
            }
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                covariance[i * r + j] = ar[j] * work[i * r] + (j + 1 < r ? work[i * r + j + 1] : 0)
                        + loading[i] * loading[j];
            }
        }
    }

    /**
     * The solution of {@code P = T P T' + R R'} by the doubling algorithm:
     * {@code P = sum_k T^k R R' T'^k}, doubling the number of terms per step.
     *
     * @return P row-major, or null when the sum does not converge
     */
    static double[] stationaryCovariance(double[] ar, double[] loading) {
        int r = ar.length;
        double[] sum = new double[r * r];
        double[] power = new double[r * r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                sum[i * r + j] = loading[i] * loading[j];
            }
            power[i * r] = ar[i];
            if (i + 1 < r) {
                power[i * r + i + 1] = 1;
            }
        }
        double[] product = new double[r * r];
        double[] term = new double[r * r];
        for (int iteration = 0; iteration < 64; iteration++) {
            // term = power * sum * power'
            multiply(power, sum, product, r, false);
            multiply(product, power, term, r, true);
            double largestTerm = 0;
            double largest = 0;
            for (int k = 0; k < r * r; k++) {
                sum[k] += term[k];
                largestTerm = Math.max(largestTerm, Math.abs(term[k]));
                largest = Math.max(largest, Math.abs(sum[k]));
            }
            if (!Double.isFinite(largest)) {
                return null;
            }
            if (largestTerm <= 1e-13 * largest) {
                return sum;
            }
            multiply(power, power, product, r, false);
            System.arraycopy(product, 0, power, 0, r * r);
        }
        return null;
    }

    /** out = a * b, or a * b' when {@code transposeB}. */
    private static void multiply(double[] a, double[] b, double[] out, int r, boolean transposeB) {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double total = 0;
                for (int k = 0; k < r; k++) {
                    double aik = a[i * r + k];
                    if (aik != 0) {
                        total += aik * (transposeB ? b[j * r + k] : b[k * r + j]);
                    }
                }
                out[i * r + j] = total;
            }
        }
    }
}
