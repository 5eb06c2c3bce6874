package io.mercator.plugins.forecasting.baselines;

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

/** Fits a {@link FlatForecastModel}: one level and one error spread per series. Missing values are skipped. */
abstract class FlatForecastStrategy implements ForecastStrategy {

    private final FlatForecastModel.Method method;
    private final StrategyDescriptor descriptor;

    FlatForecastStrategy(FlatForecastModel.Method method, StrategyDescriptor descriptor) {
        this.method = method;
        this.descriptor = descriptor;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @param observed the observed values of one series, oldest first, without missing ones
     * @param parameters the validated parameters
     * @return {level, sigma}
     */
    abstract double[] levelAndSigma(double[] observed, Parameters parameters);

    @Override
    public ForecastModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
        int count = data.size();
        double[] level = new double[count];
        double[] sigma = new double[count];
        int[] observations = new int[count];
        double[][] spreadFactors = new double[count][];
        for (int s = 0; s < count; s++) {
            if (s % 1024 == 0) {
                context.checkCancelled();
                context.progress((double) s / count, "");
            }
            double[] observed = Arrays.stream(data.values(s)).filter(v -> !Double.isNaN(v)).toArray();
            if (observed.length == 0) {
                throw new ValidationException("series '" + data.ids().id(s) + "'", "has no observed value");
            }
            double[] fitted = levelAndSigma(observed, parameters);
            level[s] = fitted[0];
            sigma[s] = fitted[1];
            observations[s] = observed.length;
            spreadFactors[s] = spreadFactors(observed, data.seasonLength(), parameters, fitted[1]);
        }
        context.progress(1, "");
        boolean[] nonNegative = new boolean[count];
        for (int s = 0; s < count; s++) {
            nonNegative[s] = data.isNonNegative(s);
        }
        return new FlatForecastModel(method, descriptor.name(), descriptor.version(), data.ids(), level, sigma,
                observations, spreadFactors, nonNegative);
    }

    /** The {@link HorizonCalibration} of this method on one series, refitted at each origin. */
    private double[] spreadFactors(double[] observed, int seasonLength, Parameters parameters, double sigma) {
        double[] levelAt = new double[observed.length];
        int first = Math.max(0, observed.length - 1 - HorizonCalibration.MAXIMUM_ORIGINS);
        for (int t = first; t < observed.length; t++) {
            levelAt[t] = levelAndSigma(Arrays.copyOf(observed, t + 1), parameters)[0];
        }
        return HorizonCalibration.factors(observed, Math.max(1, seasonLength), (origin, ahead) -> levelAt[origin],
                h -> FlatForecastModel.standardError(method, sigma, observed.length, h));
    }

    @Override
    public ForecastModel readModel(InputStream in) throws IOException {
        return FlatForecastModel.read(in, method);
    }
}
