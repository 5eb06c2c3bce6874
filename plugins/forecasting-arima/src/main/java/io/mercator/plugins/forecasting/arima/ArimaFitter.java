package io.mercator.plugins.forecasting.arima;

import java.util.Arrays;

/**
 * Fits a seasonal ARIMA model of given orders as R's {@code arima} does: the series is
 * differenced, and the ARMA coefficients and the mean (or drift) of the differenced series are
 * estimated by conditional sum of squares (CSS), by exact maximum likelihood through the Kalman
 * filter (ML), or by ML started from the CSS estimates (CSS-ML, the default). During ML the
 * autoregressive parts are kept stationary by optimising their partial autocorrelations.
 */
final class ArimaFitter {

    /** Estimation methods, as in R's {@code arima}. */
    enum Method {
        CSS_ML, ML, CSS;

        static Method parse(String text) {
            return valueOf(text.replace('-', '_'));
        }
    }

    private static final double RELATIVE_TOLERANCE = 1e-8;
    private static final double STEP = 1e-3;
    private static final int MAX_ITERATIONS = 100;
    /** The objective's value where the parameters leave the model's domain. */
    private static final double OUTSIDE = 1e10;

    /**
     * A fitted model.
     *
     * @param order the orders
     * @param ar non-seasonal autoregressive coefficients
     * @param ma non-seasonal moving-average coefficients
     * @param seasonalAr seasonal autoregressive coefficients
     * @param seasonalMa seasonal moving-average coefficients
     * @param constant the intercept (undifferenced models) or drift per period (differenced once),
     *     as R reports them; 0 without a constant
     * @param sigma2 the innovation variance
     * @param logLikelihood the log-likelihood of the differenced series
     * @param aicc the corrected Akaike information criterion
     * @param forecaster what forecasting needs
     */
    record Fit(ArimaOrder order, double[] ar, double[] ma, double[] seasonalAr, double[] seasonalMa, double constant,
            double sigma2, double logLikelihood, double aicc, FittedArima forecaster) {

        /**
         * @param radius e.g. 1.01
         * @return whether the roots of the autoregressive and moving-average polynomials all lie
         *     outside the circle of that radius
         */
        boolean rootsOutside(double radius) {
            int m = order.period();
            return Polynomials.rootsOutside(Polynomials.seasonalProduct(ar, seasonalAr, m, -1), -1, radius)
                    && Polynomials.rootsOutside(Polynomials.seasonalProduct(ma, seasonalMa, m, 1), 1, radius);
        }
    }

    private ArimaFitter() {
    }

    /**
     * @param y observations, oldest first, NaN for missing; the first observed
     * @param filled the same with missing values interpolated
     * @param order the orders
     * @param method the estimation method
     * @return the fit, or null when the series is too short for the orders or no stationary fit exists
     */
    static Fit fit(double[] y, double[] filled, ArimaOrder order, Method method) {
        double[] w = difference(y, order);
        int used = 0;
        double sum = 0;
        for (double v : w) {
            if (!Double.isNaN(v)) {
                used++;
                sum += v;
            }
        }
        int parameters = order.coefficientCount() + 1;
        if (used - parameters - 1 <= 0) {
            return null;
        }
        double meanStart = order.constant() ? sum / used : 0;
        double spread = 0;
        for (double v : w) {
            if (!Double.isNaN(v)) {
                spread += (v - meanStart) * (v - meanStart);
            }
        }
        double meanScale = spread > 0 ? 10 * Math.sqrt(spread / used / used) : 1;
        Layout layout = new Layout(order, meanStart, meanScale);
        double[] estimate = new double[layout.size()];
        double[] cssEstimate = null;
        if (method != Method.ML) {
            cssEstimate = Bfgs.minimise(x -> layout.css(w, x), estimate, STEP, RELATIVE_TOLERANCE, MAX_ITERATIONS);
            estimate = cssEstimate;
        }
        if (method != Method.CSS) {
            double[] start = method == Method.CSS_ML ? layout.toTransformed(estimate) : new double[layout.size()];
            if (start == null) {
                start = new double[layout.size()];
            }
            double[] ml = Bfgs.minimise(x -> layout.likelihood(w, x), start, STEP, RELATIVE_TOLERANCE,
                    MAX_ITERATIONS);
            estimate = layout.fromTransformed(ml);
        }
        return layout.result(y, filled, w, estimate, used, cssEstimate != null && method == Method.CSS);
    }

    /**
     * A model without ARMA terms, estimated in closed form: white noise around the mean (or drift)
     * of the differenced series. Serves series whose differences are constant, where the
     * likelihood is degenerate, and series too short for anything else.
     *
     * @param filled observations without missing values
     * @param order orders with p = q = P = Q = 0
     * @return the fit; its log-likelihood and AICc are NaN
     */
    static Fit simple(double[] filled, ArimaOrder order) {
        double[] w = difference(filled, order);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double mean = order.constant() && w.length > 0 ? sum / w.length : 0;
        double sumOfSquares = 0;
        for (double v : w) {
            sumOfSquares += (v - mean) * (v - mean);
        }
        double sigma2 = w.length > 0 ? sumOfSquares / w.length : 0;
        double[] delta = Polynomials.differencing(order.d(), order.seasonalD(), order.period());
        double[] last = Arrays.copyOfRange(filled, filled.length - delta.length, filled.length);
        FittedArima forecaster = new FittedArima(order.toString(), new double[0], new double[0], mean, delta, last,
                new double[1], new double[] {1}, sigma2);
        double constant = order.seasonalD() == 1 ? mean / order.period() : mean;
        return new Fit(order, new double[0], new double[0], new double[0], new double[0], constant, sigma2, Double.NaN,
                Double.NaN, forecaster);
    }

    /** @return the differenced series, NaN where a difference involves a missing value */
    static double[] difference(double[] y, ArimaOrder order) {
        double[] w = y;
        for (int k = 0; k < order.d() + order.seasonalD(); k++) {
            int lag = k < order.d() ? 1 : order.period();
            double[] next = new double[Math.max(0, w.length - lag)];
            for (int t = 0; t < next.length; t++) {
                next[t] = w[t + lag] - w[t];
            }
            w = next;
        }
        return w;
    }

    /**
     * The parameter vector: AR, MA, seasonal AR, seasonal MA coefficients, then the mean of the
     * differenced series as {@code start + scale * u}, so that all parameters have a similar scale
     * for the finite-difference gradient.
     */
    private record Layout(ArimaOrder order, double meanStart, double meanScale) {

        int size() {
            return order.coefficientCount();
        }

        double mean(double[] x) {
            return order.constant() ? meanStart + meanScale * x[size() - 1] : 0;
        }

        double[] part(double[] x, int from, int length) {
            return Arrays.copyOfRange(x, from, from + length);
        }

        double[] phi(double[] x) {
            int p = order.p();
            int q = order.q();
            return Polynomials.seasonalProduct(part(x, 0, p), part(x, p + q, order.seasonalP()), order.period(), -1);
        }

        double[] theta(double[] x) {
            int p = order.p();
            int q = order.q();
            return Polynomials.seasonalProduct(part(x, p, q), part(x, p + q + order.seasonalP(), order.seasonalQ()),
                    order.period(), 1);
        }

        /** Maps the AR parts to the unconstrained scale; null when the AR part is not stationary. */
        double[] toTransformed(double[] x) {
            double[] transformed = x.clone();
            int p = order.p();
            int offset = p + order.q();
            double[] ar = Polynomials.rawFromStationary(part(x, 0, p));
            double[] seasonalAr = Polynomials.rawFromStationary(part(x, offset, order.seasonalP()));
            if (ar == null || seasonalAr == null) {
                return null;
            }
            System.arraycopy(ar, 0, transformed, 0, p);
            System.arraycopy(seasonalAr, 0, transformed, offset, seasonalAr.length);
            return transformed;
        }

        double[] fromTransformed(double[] x) {
            double[] natural = x.clone();
            int p = order.p();
            int offset = p + order.q();
            System.arraycopy(Polynomials.stationaryFromRaw(part(x, 0, p)), 0, natural, 0, p);
            System.arraycopy(Polynomials.stationaryFromRaw(part(x, offset, order.seasonalP())), 0, natural, offset,
                    order.seasonalP());
            return natural;
        }

        /** @return half the log of the exact-likelihood variance plus the mean log prediction variance */
        double likelihood(double[] w, double[] transformed) {
            double[] x = fromTransformed(transformed);
            ArmaKalmanFilter.Pass pass = ArmaKalmanFilter.run(demeaned(w, mean(x)), phi(x), theta(x));
            if (pass == null || !(pass.sumOfSquares() > 0)) {
                return OUTSIDE;
            }
            double value = 0.5 * Math.log(pass.sigma2()) + 0.5 * pass.sumOfLogVariances() / pass.observations();
            return Double.isFinite(value) ? value : OUTSIDE;
        }

        /** @return half the log of the conditional-sum-of-squares variance */
        double css(double[] w, double[] x) {
            double[] residuals = cssResiduals(demeaned(w, mean(x)), phi(x), theta(x));
            double sumOfSquares = 0;
            int count = 0;
            for (double e : residuals) {
                if (!Double.isNaN(e)) {
                    sumOfSquares += e * e;
                    count++;
                }
            }
            double value = 0.5 * Math.log(sumOfSquares / count);
            return Double.isFinite(value) ? value : OUTSIDE;
        }

        Fit result(double[] y, double[] filled, double[] w, double[] x, int used, boolean conditional) {
            double mean = mean(x);
            double[] phi = phi(x);
            double[] theta = theta(x);
            ArmaKalmanFilter.Pass pass = ArmaKalmanFilter.run(demeaned(w, mean), phi, theta);
            if (pass == null) {
                return null;
            }
            double sigma2;
            double logLikelihood;
            if (conditional) {
                double value = css(w, x);
                sigma2 = Math.exp(2 * value);
                logLikelihood = -0.5 * used * (Math.log(2 * Math.PI * sigma2) + 1);
            } else {
                sigma2 = pass.sigma2();
                logLikelihood = pass.logLikelihood();
            }
            if (!Double.isFinite(logLikelihood)) {
                return null;
            }
            // the forecast package's variance for prediction intervals: degrees of freedom net of the coefficients
            sigma2 *= (double) used / (used - size());
            int k = size() + 1;
            double aicc = -2 * logLikelihood + 2 * k + 2.0 * k * (k + 1) / (used - k - 1);
            double[] delta = Polynomials.differencing(order.d(), order.seasonalD(), order.period());
            double[] last = Arrays.copyOfRange(filled, filled.length - delta.length, filled.length);
            FittedArima forecaster = new FittedArima(order.toString(), phi, theta, mean, delta, last, pass.state(),
                    pass.covariance(), sigma2);
            int p = order.p();
            int q = order.q();
            int seasonalP = order.seasonalP();
            // the constant per unit of the differenced regressor: 1 for a mean or a drift after (1 - B), m after (1 - B^m)
            double constant = order.seasonalD() == 1 ? mean / order.period() : mean;
            return new Fit(order, part(x, 0, p), part(x, p, q), part(x, p + q, seasonalP),
                    part(x, p + q + seasonalP, order.seasonalQ()), constant, sigma2, logLikelihood, aicc, forecaster);
        }
    }

    private static double[] demeaned(double[] w, double mean) {
        double[] z = new double[w.length];
        for (int t = 0; t < w.length; t++) {
            z[t] = w[t] - mean;
        }
        return z;
    }

    /**
     * Residuals conditional on the first {@code phi.length} values, zero residuals before them;
     * NaN where the observation or one the autoregression needs is missing (counted as zero later).
     */
    static double[] cssResiduals(double[] z, double[] phi, double[] theta) {
        double[] residuals = new double[z.length];
        Arrays.fill(residuals, 0, Math.min(phi.length, z.length), Double.NaN);
        for (int t = phi.length; t < z.length; t++) {
            double e = z[t];
            for (int i = 0; i < phi.length; i++) {
                e -= phi[i] * z[t - 1 - i];
            }
            for (int j = 0; j < Math.min(theta.length, t); j++) {
                double past = residuals[t - 1 - j];
                if (!Double.isNaN(past)) {
                    e -= theta[j] * past;
                }
            }
            residuals[t] = e;
        }
        return residuals;
    }
}
