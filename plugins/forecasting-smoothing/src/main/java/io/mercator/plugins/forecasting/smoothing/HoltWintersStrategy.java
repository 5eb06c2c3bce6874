package io.mercator.plugins.forecasting.smoothing;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.forecasting.ForecastStrategy;
import java.util.Arrays;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.osgi.service.component.annotations.Component;

/**
 * Classic Holt-Winters smoothing as R's {@code stats::HoltWinters} computes it: the smoothing
 * parameters minimise the sum of squared one-step errors within [0, 1], from R's start values (a
 * classical decomposition of the first two seasons: level and slope from a line through its
 * trend, seasonal indices from its seasonal figure; the first observations and their difference
 * without seasonality). Seasonal when the season is at least 2 periods and the series covers two
 * seasons, Holt's linear trend otherwise; multiplicative seasonality needs a positive series, and
 * other series are fitted additively. Forecasts and intervals follow the equivalent ETS state
 * (additive errors), with the residuals' spread.
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class HoltWintersStrategy extends SmoothingStrategy {

    static final String SEASONAL = "seasonal";
    static final String ADDITIVE = "additive";
    static final String MULTIPLICATIVE = "multiplicative";

    /** Describes the strategy and its one parameter, the kind of seasonality. */
    public HoltWintersStrategy() {
        super(StrategyDescriptor.builder(Family.FORECASTING, "holt-winters", "1.0.0")
                .vendor("Mercator")
                .description("Classic Holt-Winters smoothing with parameters minimising the squared one-step errors, "
                        + "as R's HoltWinters.")
                .parameter(ParameterSpec.choice(SEASONAL, "how the season combines with level and trend",
                        MULTIPLICATIVE, ADDITIVE, MULTIPLICATIVE))
                .build());
    }

    /** A fitted Holt-Winters model: R's parameters (not the ETS ones) and the sum of squared errors. */
    record Fit(double alpha, double beta, double gamma, double sse, SmoothedState state) {
    }

    @Override
    SmoothedState[] fitSeries(double[] y, int seasonLength, Parameters parameters) {
        return new SmoothedState[] {fit(EtsFitter.interpolate(y), seasonLength,
                MULTIPLICATIVE.equals(parameters.getString(SEASONAL))).state()};
    }

    /**
     * @param y observations without missing values, at least 4, not constant
     * @param seasonLength periods per season, 1 for none
     * @param multiplicative multiplicative rather than additive seasonality
     * @return the fit minimising the sum of squared one-step errors
     */
    static Fit fit(double[] y, int seasonLength, boolean multiplicative) {
        boolean seasonal = seasonLength > 1 && y.length >= 2 * seasonLength;
        boolean positive = true;
        for (double v : y) {
            positive &= v > 0;
        }
        Recursion recursion = seasonal ? Recursion.seasonal(y, seasonLength, multiplicative && positive)
                : Recursion.trend(y);
        int dimension = seasonal ? 3 : 2;
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        Arrays.fill(upper, 1);
        double[] start = seasonal ? new double[] {0.3, 0.1, 0.1} : new double[] {0.3, 0.1};
        PointValuePair best = new BOBYQAOptimizer(2 * dimension + 1, 0.1, 1e-9).optimize(new MaxEval(10_000),
                new ObjectiveFunction(p -> recursion.run(p[0], p[1], seasonal ? p[2] : 0).sse()),
                GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
        double[] p = best.getPoint();
        double gamma = seasonal ? p[2] : 0;
        return new Fit(p[0], p[1], gamma, best.getValue(), recursion.run(p[0], p[1], gamma).state(p[0], p[1], gamma));
    }

    /** R's filtering loop over a series from given start states. */
    private record Recursion(double[] y, int seasonLength, boolean multiplicative, double levelStart, double trendStart,
            double[] seasonStart, int first) {

        /** R's start: the first two seasons decomposed. */
        static Recursion seasonal(double[] y, int m, boolean multiplicative) {
            double[] trend = new double[m];
            // the centred moving average of the first 2m values is defined from m/2 to 2m - 1 - m/2: m values
            for (int i = 0; i < m; i++) {
                trend[i] = centredMean(y, i + m / 2, m);
            }
            double[] figure = new double[m];
            int[] counts = new int[m];
            for (int i = 0; i < m; i++) {
                int t = i + m / 2;
                figure[t % m] += multiplicative ? y[t] / trend[i] : y[t] - trend[i];
                counts[t % m]++;
            }
            double mean = 0;
            for (int k = 0; k < m; k++) {
                figure[k] /= counts[k];
                mean += figure[k] / m;
            }
            for (int k = 0; k < m; k++) {
                figure[k] = multiplicative ? figure[k] / mean : figure[k] - mean;
            }
            // a line through the trend values at 1..m: its intercept is the level before them
            double meanX = (m + 1) / 2.0;
            double meanY = 0;
            for (double v : trend) {
                meanY += v / m;
            }
            double covariance = 0;
            double variance = 0;
            for (int i = 0; i < m; i++) {
                covariance += (i + 1 - meanX) * (trend[i] - meanY);
                variance += (i + 1 - meanX) * (i + 1 - meanX);
            }
            double slope = covariance / variance;
            return new Recursion(y, m, multiplicative, meanY - slope * meanX, slope, figure, m);
        }

        /** R's start without seasonality: the second observation and the first difference. */
        static Recursion trend(double[] y) {
            return new Recursion(y, 1, false, y[1], y[1] - y[0], new double[0], 2);
        }

        /** The mean of a moving window of m values, halving its ends when m is even (R's decompose). */
        private static double centredMean(double[] y, int t, int m) {
            double sum = 0;
            if (m % 2 == 0) {
                for (int j = -m / 2; j <= m / 2; j++) {
                    sum += (Math.abs(j) == m / 2 ? 0.5 : 1) * y[t + j];
                }
            } else {
                for (int j = -(m / 2); j <= m / 2; j++) {
                    sum += y[t + j];
                }
            }
            return sum / m;
        }

        /** The end of a run: states after the last observation and the sum of squared errors. */
        record End(double level, double trend, double[] season, double sse, int count, Recursion from) {

            SmoothedState state(double alpha, double beta, double gamma) {
                boolean seasonal = season.length > 0;
                EtsForm form = new EtsForm('A', 'A', seasonal ? (from.multiplicative ? 'M' : 'A') : 'N');
                // the ETS equivalents of R's trend and season weights
                return new SmoothedState(form, alpha, alpha * beta, (1 - alpha) * gamma, 1, level, trend, season,
                        from.y.length, Math.sqrt(sse / count));
            }
        }

        End run(double alpha, double beta, double gamma) {
            double level = levelStart;
            double trend = trendStart;
            double[] season = seasonStart.clone();
            double sse = 0;
            for (int t = first; t < y.length; t++) {
                int k = t % seasonLength;
                double index = season.length == 0 ? (multiplicative ? 1 : 0) : season[k];
                double base = level + trend;
                double error = y[t] - (multiplicative ? base * index : base + index);
                sse += error * error;
                double previous = level;
                level = alpha * (multiplicative ? y[t] / index : y[t] - index) + (1 - alpha) * base;
                trend = beta * (level - previous) + (1 - beta) * trend;
                if (season.length > 0) {
                    season[k] = gamma * (multiplicative ? y[t] / level : y[t] - level) + (1 - gamma) * index;
                }
            }
            return new End(level, trend, season, sse, y.length - first, this);
        }
    }
}
