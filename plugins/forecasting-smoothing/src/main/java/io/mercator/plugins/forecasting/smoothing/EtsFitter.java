package io.mercator.plugins.forecasting.smoothing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fits ETS state-space models (Hyndman, Koehler, Ord and Snyder 2008) by maximum likelihood and
 * picks the form with the smallest AICc. The smoothing parameters and the initial level and trend
 * are optimised with Nelder-Mead inside the usual parameter region
 * ({@code 0 < beta < alpha < 1}, {@code 0 < gamma < 1 - alpha}, {@code 0.8 <= phi <= 0.98}); the
 * initial seasonal states come from a classical decomposition of the data and are counted as
 * parameters (m - 1 of them) in the AICc, as R's {@code forecast::ets} counts its optimised ones.
 * Missing observations advance the states without an error term.
 */
final class EtsFitter {

    private static final double LOWER = 1e-4;
    private static final double UPPER = 0.9999;
    private static final double PHI_LOWER = 0.8;
    private static final double PHI_UPPER = 0.98;
    private static final double PENALTY = 1e12;
    private static final int MAX_EVALUATIONS = 2000;

    /**
     * A fitted form with its information criterion.
     *
     * @param origins the states after each observation with the fitted parameters ({@code origins[t]} has
     * seen {@code y[0..t]}), for {@link SpreadCalibration}; computed on demand
     * @param degreesOfFreedom of sigma: observations less estimated parameters
     */
    record Fit(SmoothedState state, double logLikelihood, double aicc, Supplier<SmoothedState[]> origins,
            int degreesOfFreedom) {
    }

    private EtsFitter() {
    }

    /**
     * The forms {@code forecast::ets} searches by default: additive or multiplicative errors, no,
     * additive or damped trend, no, additive or multiplicative season; no multiplicative trend and
     * no additive error with multiplicative season (numerically unstable).
     *
     * @param seasonal whether to include seasonal forms
     * @param positive whether the data are strictly positive (multiplicative forms need it)
     * @return the candidate forms
     */
    static List<EtsForm> candidates(boolean seasonal, boolean positive) {
        List<EtsForm> forms = new ArrayList<>();
        for (char error : new char[] {'A', 'M'}) {
            for (char trend : new char[] {'N', 'A', 'D'}) {
                for (char season : seasonal ? new char[] {'N', 'A', 'M'} : new char[] {'N'}) {
                    boolean multiplicative = error == 'M' || season == 'M';
                    if ((multiplicative && !positive) || (error == 'A' && season == 'M')) {
                        continue;
                    }
                    forms.add(new EtsForm(error, trend, season));
                }
            }
        }
        return forms;
    }

    /**
     * Fits every candidate form and keeps the one with the smallest AICc.
     *
     * @param y observations, oldest first; NaN for missing; at least one observed
     * @param m season length (1 for none)
     * @param forms the candidates
     * @return the best fit, or null when no candidate has fewer parameters than observations
     */
    static Fit select(double[] y, int m, List<EtsForm> forms) {
        Fit best = null;
        for (EtsForm form : forms) {
            Fit fit = fit(y, m, form);
            if (fit != null && (best == null || fit.aicc() < best.aicc())) {
                best = fit;
            }
        }
        return best;
    }

    /**
     * @param y observations, oldest first; NaN for missing
     * @param m season length; ignored for non-seasonal forms
     * @param form the model form
     * @return the maximum-likelihood fit, or null when the data are too short for the form
     */
    static Fit fit(double[] y, int m, EtsForm form) {
        int seasons = form.season() == 'N' ? 1 : m;
        int observed = 0;
        for (double v : y) {
            observed += Double.isNaN(v) ? 0 : 1;
        }
        int parameters = form.smoothingParameters() + 1 + (form.trended() ? 1 : 0) + (seasons - 1) + 1;
        if (observed <= parameters + 1 || (form.season() != 'N' && y.length < 2 * m)) {
            return null;
        }
        double[] filled = interpolate(y);
        double[] seasonal = form.season() == 'N' ? new double[0]
                : Seasonality.indices(filled, m, form.season() == 'M');
        double[] start = initialGuess(filled, seasonal, form);
        Recursion recursion = new Recursion(y, form, seasonal);
        double[] step = new double[start.length];
        double scale = Math.max(1e-8, meanAbsolute(filled));
        for (int i = 0; i < start.length; i++) {
            step[i] = i < form.smoothingParameters() ? 0.05 : 0.1 * scale;
        }
        double[] p = NelderMead.minimise(recursion::criterion, start, step, 1e-8, MAX_EVALUATIONS);
        if (recursion.criterion(p) >= PENALTY) {
            return null;
        }
        Recursion.Result result = recursion.run(p, null, 0);
        int degreesOfFreedom = Math.max(1, observed - parameters + 1);
        double sigma = Math.sqrt(result.sumOfSquares / degreesOfFreedom);
        double logLikelihood = -0.5 * result.criterion;
        double aic = result.criterion + 2 * parameters;
        double aicc = aic + 2.0 * parameters * (parameters + 1) / (observed - parameters - 1);
        Parameters fitted = Parameters.of(p, form);
        SmoothedState state = new SmoothedState(form, fitted.alpha, fitted.beta, fitted.gamma, fitted.phi,
                result.level, result.trend, result.seasonal, y.length, sigma);
        return new Fit(state, logLikelihood, aicc, () -> {
            SmoothedState[] origins = new SmoothedState[y.length];
            recursion.run(p, origins, sigma);
            return origins;
        }, degreesOfFreedom);
    }

    private static double meanAbsolute(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += Math.abs(v);
        }
        return sum / y.length;
    }

    /** Linear interpolation of missing values, constant beyond the ends; for initial states only. */
    static double[] interpolate(double[] y) {
        double[] filled = y.clone();
        int previous = -1;
        for (int t = 0; t <= y.length; t++) {
            if (t < y.length && Double.isNaN(y[t])) {
                continue;
            }
            for (int gap = previous + 1; gap < t; gap++) {
                filled[gap] = previous < 0 ? y[t] : t == y.length ? y[previous]
                        : y[previous] + (y[t] - y[previous]) * (gap - previous) / (t - previous);
            }
            previous = t;
        }
        return filled;
    }

    /** Starting values as in {@code forecast::ets}: small smoothing parameters, level and trend from a line through the first values. */
    private static double[] initialGuess(double[] y, double[] seasonal, EtsForm form) {
        int count = Math.min(y.length, Math.max(10, 2 * Math.max(1, seasonal.length)));
        double[] adjusted = new double[count];
        for (int t = 0; t < count; t++) {
            adjusted[t] = switch (form.season()) {
                case 'A' -> y[t] - seasonal[t % seasonal.length];
                case 'M' -> y[t] / seasonal[t % seasonal.length];
                default -> y[t];
            };
        }
        double meanT = (count - 1) / 2.0;
        double meanY = 0;
        for (double v : adjusted) {
            meanY += v;
        }
        meanY /= count;
        double covariance = 0;
        double varianceT = 0;
        for (int t = 0; t < count; t++) {
            covariance += (t - meanT) * (adjusted[t] - meanY);
            varianceT += (t - meanT) * (t - meanT);
        }
        double slope = varianceT > 0 ? covariance / varianceT : 0;
        List<Double> guess = new ArrayList<>();
        guess.add(form.season() != 'N' ? 0.2 : 0.3);
        if (form.trended()) {
            guess.add(0.02);
        }
        if (form.season() != 'N') {
            guess.add(0.05);
        }
        if (form.damped()) {
            guess.add(0.97);
        }
        // level at time 0 minus one step, so that the first forecast is the line's value at 0
        guess.add(form.trended() ? meanY - slope * meanT - slope : meanY);
        if (form.trended()) {
            guess.add(slope);
        }
        return guess.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The smoothing parameters laid out in an optimiser's point: alpha, beta, gamma, phi as present. */
    private record Parameters(double alpha, double beta, double gamma, double phi, double level0, double trend0) {

        static Parameters of(double[] p, EtsForm form) {
            int i = 0;
            double alpha = p[i++];
            double beta = form.trended() ? p[i++] : 0;
            double gamma = form.season() != 'N' ? p[i++] : 0;
            double phi = form.damped() ? p[i++] : 1;
            double level0 = p[i++];
            double trend0 = form.trended() ? p[i] : 0;
            return new Parameters(alpha, beta, gamma, phi, level0, trend0);
        }

        boolean admissible(EtsForm form) {
            return alpha >= LOWER && alpha <= UPPER
                    && (!form.trended() || (beta >= LOWER && beta <= alpha))
                    && (form.season() == 'N' || (gamma >= LOWER && gamma <= 1 - alpha))
                    && (!form.damped() || (phi >= PHI_LOWER && phi <= PHI_UPPER));
        }
    }

    /** Runs the ETS recursions for one series and form. */
    private static final class Recursion {
        private final double[] y;
        private final EtsForm form;
        private final double[] seasonal0;

        Recursion(double[] y, EtsForm form, double[] seasonal0) {
            this.y = y;
            this.form = form;
            this.seasonal0 = seasonal0;
        }

        /** End states and the criterion {@code -2 log L} (as R reports it). */
        record Result(double criterion, double sumOfSquares, double level, double trend, double[] seasonal) {
        }

        double criterion(double[] p) {
            return Parameters.of(p, form).admissible(form) ? run(p, null, 0).criterion : PENALTY;
        }

        /**
         * @param origins null, or where to record the state after each observation
         * @param sigma the error spread the recorded states carry
         */
        Result run(double[] p, SmoothedState[] origins, double sigma) {
            Parameters parameters = Parameters.of(p, form);
            double alpha = parameters.alpha;
            double beta = parameters.beta;
            double gamma = parameters.gamma;
            double phi = parameters.phi;
            double level = parameters.level0;
            double trend = parameters.trend0;
            double[] seasonal = seasonal0.clone();
            int m = seasonal.length;
            double sumOfSquares = 0;
            double sumOfLogs = 0;
            int observed = 0;
            for (int t = 0; t < y.length; t++) {
                double base = level + phi * trend;
                double s = m > 0 ? seasonal[t % m] : 0;
                double mean = switch (form.season()) {
                    case 'A' -> base + s;
                    case 'M' -> base * s;
                    default -> base;
                };
                boolean multiplicative = form.multiplicativeError() || form.season() == 'M';
                if (multiplicative && !(mean > 0 && base > 0)) {
                    return new Result(PENALTY, Double.NaN, level, trend, seasonal);
                }
                // the error on the data's scale; multiplicative-error forms share the additive
                // updates with this error (Hyndman et al. 2008, table 2.2)
                double error = Double.isNaN(y[t]) ? 0 : y[t] - mean;
                if (!Double.isNaN(y[t])) {
                    observed++;
                    double e = form.multiplicativeError() ? error / mean : error;
                    sumOfSquares += e * e;
                    if (form.multiplicativeError()) {
                        sumOfLogs += Math.log(mean);
                    }
                }
                switch (form.season()) {
                    case 'A' -> {
                        level = base + alpha * error;
                        trend = phi * trend + beta * error;
                        seasonal[t % m] = s + gamma * error;
                    }
                    case 'M' -> {
                        level = base + alpha * error / s;
                        trend = phi * trend + beta * error / s;
                        seasonal[t % m] = s + gamma * error / base;
                    }
                    default -> {
                        level = base + alpha * error;
                        trend = phi * trend + beta * error;
                    }
                }
                if (origins != null) {
                    origins[t] = new SmoothedState(form, alpha, beta, gamma, phi, level, trend, seasonal, t + 1, sigma);
                }
            }
            // -2 log L as R's forecast::ets reports it (without the constants of the normal density)
            double criterion = observed * Math.log(Math.max(sumOfSquares, 1e-300)) + 2 * sumOfLogs;
            if (!Double.isFinite(criterion)) {
                criterion = PENALTY;
            }
            return new Result(criterion, sumOfSquares, level, trend, seasonal);
        }
    }
}
