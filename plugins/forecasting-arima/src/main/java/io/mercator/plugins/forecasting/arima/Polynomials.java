package io.mercator.plugins.forecasting.arima;

/**
 * Lag polynomials of ARIMA models. Autoregressive coefficients {@code a} stand for
 * {@code 1 - a[0] B - a[1] B^2 - ...}, moving-average coefficients {@code b} for
 * {@code 1 + b[0] B + b[1] B^2 + ...}, as in R's {@code arima}.
 */
final class Polynomials {

    private Polynomials() {
    }

    /**
     * @param nonSeasonal coefficients of the non-seasonal polynomial
     * @param seasonal coefficients of the seasonal polynomial in {@code B^period}
     * @param period season length
     * @param sign -1 for autoregressive, +1 for moving-average coefficients
     * @return the coefficients of the product, in the same convention
     */
    static double[] seasonalProduct(double[] nonSeasonal, double[] seasonal, int period, int sign) {
        double[] spread = new double[seasonal.length * period];
        for (int j = 0; j < seasonal.length; j++) {
            spread[(j + 1) * period - 1] = seasonal[j];
        }
        return product(nonSeasonal, spread, sign);
    }

    /**
     * @param a coefficients of one polynomial
     * @param b coefficients of the other
     * @param sign -1 for autoregressive, +1 for moving-average coefficients
     * @return the coefficients of their product, in the same convention
     */
    static double[] product(double[] a, double[] b, int sign) {
        double[] product = new double[a.length + b.length];
        for (int i = 0; i <= a.length; i++) {
            double left = i == 0 ? 1 : sign * a[i - 1];
            for (int j = 0; j <= b.length; j++) {
                double right = j == 0 ? 1 : sign * b[j - 1];
                if (i + j > 0) {
                    product[i + j - 1] += sign * left * right;
                }
            }
        }
        return product;
    }

    /**
     * @param d non-seasonal differences
     * @param seasonalD seasonal differences
     * @param period season length
     * @return {@code delta} with {@code (1 - B)^d (1 - B^period)^D = 1 - delta[0] B - delta[1] B^2 - ...}
     */
    static double[] differencing(int d, int seasonalD, int period) {
        double[] polynomial = {1};
        for (int k = 0; k < d + seasonalD; k++) {
            int lag = k < d ? 1 : period;
            double[] next = new double[polynomial.length + lag];
            for (int i = 0; i < polynomial.length; i++) {
                next[i] += polynomial[i];
                next[i + lag] -= polynomial[i];
            }
            polynomial = next;
        }
        double[] delta = new double[polynomial.length - 1];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = -polynomial[i + 1];
        }
        return delta;
    }

    /**
     * Maps unconstrained numbers to the coefficients of a stationary autoregression: each number's
     * hyperbolic tangent is a partial autocorrelation, turned into coefficients by the
     * Durbin-Levinson recursion (Jones 1980; R's {@code arima} does the same).
     *
     * @param raw unconstrained values
     * @return stationary autoregressive coefficients
     */
    static double[] stationaryFromRaw(double[] raw) {
        double[] coefficients = new double[raw.length];
        double[] previous = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            double partial = Math.tanh(raw[k]);
            System.arraycopy(coefficients, 0, previous, 0, k);
            for (int j = 0; j < k; j++) {
                coefficients[j] = previous[j] - partial * previous[k - 1 - j];
            }
            coefficients[k] = partial;
        }
        return coefficients;
    }

    /**
     * The inverse of {@link #stationaryFromRaw}.
     *
     * @param coefficients autoregressive coefficients
     * @return the unconstrained values, or null when the autoregression is not stationary
     */
    static double[] rawFromStationary(double[] coefficients) {
        int p = coefficients.length;
        double[] current = coefficients.clone();
        double[] raw = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            double partial = current[k];
            if (!(Math.abs(partial) < 1)) {
                return null;
            }
            raw[k] = 0.5 * Math.log((1 + partial) / (1 - partial));
            double[] lower = new double[k];
            for (int j = 0; j < k; j++) {
                lower[j] = (current[j] + partial * current[k - 1 - j]) / (1 - partial * partial);
            }
            System.arraycopy(lower, 0, current, 0, k);
        }
        return raw;
    }

    /**
     * Whether every root of the polynomial lies outside the circle of the given radius: the roots
     * of {@code f(z)} lie outside radius {@code rho} exactly when {@code f(rho u)} is stationary,
     * which the step-down recursion of {@link #rawFromStationary} decides without finding roots.
     *
     * @param coefficients coefficients in the convention given by {@code sign}
     * @param sign -1 for autoregressive, +1 for moving-average coefficients
     * @param radius the radius, e.g. 1.01
     * @return whether all roots have modulus above the radius
     */
    static boolean rootsOutside(double[] coefficients, int sign, double radius) {
        double[] scaled = new double[coefficients.length];
        double power = 1;
        for (int i = 0; i < coefficients.length; i++) {
            power *= radius;
            scaled[i] = -sign * coefficients[i] * power;
        }
        return rawFromStationary(scaled) != null;
    }
}
