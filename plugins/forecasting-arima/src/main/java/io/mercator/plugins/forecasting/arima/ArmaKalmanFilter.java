package io.mercator.plugins.forecasting.arima;

import java.util.Arrays;

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
     * The stationary state covariance, the solution of {@code P = T P T' + R R'}, from the
     * process's autocovariances: state element {@code i} of Harvey's form is
     * {@code sum_{k > i} phi_k w_{t+i-k} + sum_{k >= i} theta_k e_{t+i-k}} (theta_0 = 1), so
     * its covariances combine the autocovariances of w, the cross-covariances
     * {@code E[w_t e_{t-j}] = psi_j} and the white noise. Only non-zero coefficients are visited,
     * which keeps seasonal models (long, sparse polynomials) cheap: about
     * {@code r^2 (nonzero coefficients)^2} operations instead of the {@code r^3} per step of
     * iterative solutions.
     *
     * @param ar the autoregressive coefficients padded with zeros to r
     * @param loading {@code (1, theta_1, ..., theta_{r-1})}
     * @return P row-major, or null when the autoregression is not stationary
     */
    static double[] stationaryCovariance(double[] ar, double[] loading) {
        int r = ar.length;
        int p = r;
        while (p > 0 && ar[p - 1] == 0) {
            p--;
        }
        if (Polynomials.rawFromStationary(Arrays.copyOf(ar, p)) == null) {
            return null;
        }
        int q = r - 1;
        while (q > 0 && loading[q] == 0) {
            q--;
        }
        double[] psi = new double[r + 1];
        for (int j = 0; j <= r; j++) {
            double weight = j <= q ? loading[j] : 0;
            for (int k = 1; k <= Math.min(j, p); k++) {
                weight += ar[k - 1] * psi[j - k];
            }
            psi[j] = weight;
        }
        double[] autocovariance = autocovariances(ar, p, loading, q, psi, r);
        if (autocovariance == null) {
            return null;
        }
        // non-zero terms of each state element: lags and coefficients of w and of e
        int[][] wLags = new int[r][];
        double[][] wCoefficients = new double[r][];
        int[][] eLags = new int[r][];
        double[][] eCoefficients = new double[r][];
        for (int i = 0; i < r; i++) {
            int[] lags = new int[r];
            double[] coefficients = new double[r];
            int count = 0;
            for (int k = i + 1; k <= p; k++) {
                if (ar[k - 1] != 0) {
                    lags[count] = k - i;
                    coefficients[count++] = ar[k - 1];
                }
            }
            wLags[i] = Arrays.copyOf(lags, count);
            wCoefficients[i] = Arrays.copyOf(coefficients, count);
            count = 0;
            for (int k = i; k <= q; k++) {
                if (loading[k] != 0) {
                    lags[count] = k - i;
                    coefficients[count++] = loading[k];
                }
            }
            eLags[i] = Arrays.copyOf(lags, count);
            eCoefficients[i] = Arrays.copyOf(coefficients, count);
        }
        double[] covariance = new double[r * r];
        for (int i = 0; i < r; i++) {
            for (int j = i; j < r; j++) {
                double sum = 0;
                for (int a = 0; a < wLags[i].length; a++) {
                    for (int b = 0; b < wLags[j].length; b++) {
                        sum += wCoefficients[i][a] * wCoefficients[j][b]
                                * autocovariance[Math.abs(wLags[i][a] - wLags[j][b])];
                    }
                    for (int b = 0; b < eLags[j].length; b++) {
                        int lag = eLags[j][b] - wLags[i][a];
                        sum += lag >= 0 ? wCoefficients[i][a] * eCoefficients[j][b] * psi[lag] : 0;
                    }
                }
                for (int a = 0; a < eLags[i].length; a++) {
                    for (int b = 0; b < wLags[j].length; b++) {
                        int lag = eLags[i][a] - wLags[j][b];
                        sum += lag >= 0 ? eCoefficients[i][a] * wCoefficients[j][b] * psi[lag] : 0;
                    }
                    for (int b = 0; b < eLags[j].length; b++) {
                        sum += eLags[i][a] == eLags[j][b] ? eCoefficients[i][a] * eCoefficients[j][b] : 0;
                    }
                }
                covariance[i * r + j] = sum;
                covariance[j * r + i] = sum;
            }
        }
        return covariance;
    }

    /**
     * The autocovariances of a stationary ARMA process with unit innovation variance, lags 0 to
     * {@code maxLag}: lags up to p solve {@code gamma(h) - sum_k phi_k gamma(|h - k|) =
     * sum_{j >= h} theta_j psi_{j - h}}, later lags follow by recursion.
     *
     * @return the autocovariances, or null when the system is singular
     */
    private static double[] autocovariances(double[] ar, int p, double[] loading, int q, double[] psi, int maxLag) {
        double[] right = new double[Math.max(p, maxLag) + 1];
        for (int h = 0; h <= q; h++) {
            for (int j = h; j <= q; j++) {
                right[h] += loading[j] * psi[j - h];
            }
        }
        double[][] system = new double[p + 1][p + 2];
        for (int h = 0; h <= p; h++) {
            system[h][h] += 1;
            for (int k = 1; k <= p; k++) {
                system[h][Math.abs(h - k)] -= ar[k - 1];
            }
            system[h][p + 1] = right[h];
        }
        double[] gamma = new double[Math.max(p, maxLag) + 1];
        double[] solved = solve(system);
        if (solved == null || !(solved[0] > 0)) {
            return null;
        }
        System.arraycopy(solved, 0, gamma, 0, p + 1);
        for (int h = p + 1; h < gamma.length; h++) {
            double value = right[h];
            for (int k = 1; k <= p; k++) {
                value += ar[k - 1] * gamma[h - k];
            }
            gamma[h] = value;
        }
        return gamma;
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix; null when singular. */
    private static double[] solve(double[][] augmented) {
        int n = augmented.length;
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(augmented[row][column]) > Math.abs(augmented[pivot][column])) {
                    pivot = row;
                }
            }
            if (Math.abs(augmented[pivot][column]) < 1e-12) {
                return null;
            }
            double[] swap = augmented[pivot];
            augmented[pivot] = augmented[column];
            augmented[column] = swap;
            for (int row = column + 1; row < n; row++) {
                double factor = augmented[row][column] / augmented[column][column];
                for (int k = column; k <= n; k++) {
                    augmented[row][k] -= factor * augmented[column][k];
                }
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double value = augmented[row][n];
            for (int k = row + 1; k < n; k++) {
                value -= augmented[row][k] * solution[k];
            }
            solution[row] = value / augmented[row][row];
        }
        return solution;
    }
}
