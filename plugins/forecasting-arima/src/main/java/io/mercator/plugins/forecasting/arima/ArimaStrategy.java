package io.mercator.plugins.forecasting.arima;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;

/**
 * Seasonal ARIMA per series, fitted by exact maximum likelihood, with the orders chosen
 * automatically as R's {@code forecast::auto.arima} does unless given; series in parallel.
 * Leading missing values are dropped, later ones are skipped by the likelihood. Series that are
 * constant get a flat forecast with zero-width intervals; series too short for any ARIMA model
 * (fewer than {@value #MINIMUM_OBSERVATIONS} observations, or no model could be fitted) get a
 * random walk, or their mean when they have a single observation.
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class ArimaStrategy implements ForecastStrategy {

    static final int MINIMUM_OBSERVATIONS = 4;
    static final String P = "p";
    static final String D = "d";
    static final String Q = "q";
    static final String SEASONAL_P = "seasonal-p";
    static final String SEASONAL_D = "seasonal-d";
    static final String SEASONAL_Q = "seasonal-q";
    static final String MAX_P = "max-p";
    static final String MAX_D = "max-d";
    static final String MAX_Q = "max-q";
    static final String MAX_SEASONAL_P = "max-seasonal-p";
    static final String MAX_SEASONAL_D = "max-seasonal-d";
    static final String MAX_SEASONAL_Q = "max-seasonal-q";
    static final String MAX_ORDER = "max-order";
    static final String SEASON = "season";
    static final String CONSTANT = "constant";
    static final String STEPWISE = "stepwise";
    static final String METHOD = "method";
    private static final String CHOSEN = "; -1 chooses it automatically";

    private final StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.FORECASTING, "arima", "1.0.0")
            .vendor("Mercator")
            .description("Seasonal ARIMA fitted by exact maximum likelihood (Kalman filter); differences by "
                    + "KPSS test and seasonal strength, orders by a stepwise AICc search (Hyndman-Khandakar) "
                    + "unless given.")
            .parameter(ParameterSpec.integer(P, "non-seasonal autoregressive order" + CHOSEN, -1, -1, 10))
            .parameter(ParameterSpec.integer(D, "non-seasonal differences" + CHOSEN, -1, -1, 2))
            .parameter(ParameterSpec.integer(Q, "non-seasonal moving-average order" + CHOSEN, -1, -1, 10))
            .parameter(ParameterSpec.integer(SEASONAL_P, "seasonal autoregressive order" + CHOSEN, -1, -1, 4))
            .parameter(ParameterSpec.integer(SEASONAL_D, "seasonal differences" + CHOSEN, -1, -1, 2))
            .parameter(ParameterSpec.integer(SEASONAL_Q, "seasonal moving-average order" + CHOSEN, -1, -1, 4))
            .parameter(ParameterSpec.integer(MAX_P, "largest p searched", 5, 0, 10))
            .parameter(ParameterSpec.integer(MAX_D, "largest d chosen", 2, 0, 2))
            .parameter(ParameterSpec.integer(MAX_Q, "largest q searched", 5, 0, 10))
            .parameter(ParameterSpec.integer(MAX_SEASONAL_P, "largest seasonal p searched", 2, 0, 4))
            .parameter(ParameterSpec.integer(MAX_SEASONAL_D, "largest seasonal d chosen", 1, 0, 2))
            .parameter(ParameterSpec.integer(MAX_SEASONAL_Q, "largest seasonal q searched", 2, 0, 4))
            .parameter(ParameterSpec.integer(MAX_ORDER, "largest p + q + P + Q of the non-stepwise search", 5, 0, 20))
            .parameter(ParameterSpec.integer(SEASON, "periods per season; 0 takes it from the data (detected when the "
                    + "data do not say), 1 fits no seasonal terms", 0, 0, 366))
            .parameter(ParameterSpec.choice(CONSTANT, "estimate a constant (the mean of an undifferenced model, the "
                    + "drift of a model differenced once): auto lets AICc decide", "auto", "auto", "yes", "no"))
            .parameter(ParameterSpec.bool(STEPWISE, "stepwise order search (fast); false tries every model up to "
                    + MAX_ORDER, true))
            .parameter(ParameterSpec.choice(METHOD, "estimation: exact maximum likelihood started from conditional "
                    + "sum of squares (CSS-ML), exact maximum likelihood (ML) or conditional sum of squares (CSS)",
                    "CSS-ML", "CSS-ML", "ML", "CSS"))
            .build();

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ForecastModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
        AutoArima.Settings settings = settings(parameters);
        int season = parameters.getInt(SEASON) > 0 ? parameters.getInt(SEASON) : data.seasonLength();
        int count = data.size();
        FittedArima[] fitted = new FittedArima[count];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, count).parallel().forEach(s -> {
            context.checkCancelled();
            ArimaFitter.Fit fit = fitSeries(data.ids().id(s), data.values(s), season, settings);
            fitted[s] = fit.forecaster().withIntervalCalibration(observedSpan(data.values(s)),
                    fit.order().coefficientCount(), fit.order().period());
            int finished = done.incrementAndGet();
            if (finished % 32 == 0) {
                context.progress((double) finished / count, finished + " of " + count + " series");
            }
        });
        context.progress(1, count + " series");
        boolean[] nonNegative = new boolean[count];
        for (int s = 0; s < count; s++) {
            nonNegative[s] = data.isNonNegative(s);
        }
        return new ArimaModel(descriptor.name(), descriptor.version(), data.ids(), fitted, nonNegative);
    }

    static AutoArima.Settings settings(Parameters parameters) {
        return new AutoArima.Settings(parameters.getInt(P), parameters.getInt(D), parameters.getInt(Q),
                parameters.getInt(SEASONAL_P), parameters.getInt(SEASONAL_D), parameters.getInt(SEASONAL_Q),
                parameters.getInt(MAX_P), parameters.getInt(MAX_D), parameters.getInt(MAX_Q),
                parameters.getInt(MAX_SEASONAL_P), parameters.getInt(MAX_SEASONAL_D), parameters.getInt(MAX_SEASONAL_Q),
                parameters.getInt(MAX_ORDER),
                AutoArima.Constant.valueOf(parameters.getString(CONSTANT).toUpperCase(Locale.ROOT)),
                parameters.getBoolean(STEPWISE), ArimaFitter.Method.parse(parameters.getString(METHOD)));
    }

    /**
     * @param id the series id, for messages
     * @param values the observations, NaN for missing
     * @param season the season length; 0 to detect it
     * @param settings the search settings
     * @return the fit, or a fallback for constant and very short series
     */
    static ArimaFitter.Fit fitSeries(String id, double[] values, int season, AutoArima.Settings settings) {
        double[] y = fromFirstObserved(values);
        if (y.length == 0) {
            throw new ValidationException("series '" + id + "'", "has no observed value");
        }
        double[] filled = Differencing.interpolate(y);
        int observed = 0;
        for (double v : y) {
            observed += Double.isNaN(v) ? 0 : 1;
        }
        if (Differencing.isConstant(filled)) {
            return ArimaFitter.simple(filled, new ArimaOrder(0, 0, 0, 0, 0, 0, 1, true));
        }
        int period = season > 0 ? season : detectPeriod(filled);
        ArimaFitter.Fit fit = observed >= MINIMUM_OBSERVATIONS ? AutoArima.select(y, period, settings) : null;
        if (fit != null) {
            return fit;
        }
        return ArimaFitter.simple(filled, new ArimaOrder(0, filled.length > 1 ? 1 : 0, 0, 0, 0, 0, 1,
                filled.length == 1));
    }

    private static double[] fromFirstObserved(double[] values) {
        int first = 0;
        while (first < values.length && Double.isNaN(values[first])) {
            first++;
        }
        return Arrays.copyOfRange(values, first, values.length);
    }

    /** @return the observations from the first observed one, gaps interpolated: what the model was fitted to */
    private static double[] observedSpan(double[] values) {
        return Differencing.interpolate(fromFirstObserved(values));
    }

    /**
     * @param y observations, none missing
     * @return the lag from 2 to 24 (at most a third of the series) with the largest autocorrelation,
     *     if that exceeds the 95% white-noise bound {@code 1.96 / sqrt(n)}; else 1
     */
    static int detectPeriod(double[] y) {
        int n = y.length;
        double mean = Arrays.stream(y).average().orElse(0);
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean);
        }
        int best = 1;
        double bestCorrelation = 1.96 / Math.sqrt(n);
        for (int lag = 2; lag <= Math.min(24, n / 3); lag++) {
            double covariance = 0;
            for (int t = lag; t < n; t++) {
                covariance += (y[t] - mean) * (y[t - lag] - mean);
            }
            if (covariance / variance > bestCorrelation) {
                best = lag;
                bestCorrelation = covariance / variance;
            }
        }
        return best;
    }

    @Override
    public ForecastModel readModel(InputStream in) throws IOException {
        return ArimaModel.read(in);
    }
}
