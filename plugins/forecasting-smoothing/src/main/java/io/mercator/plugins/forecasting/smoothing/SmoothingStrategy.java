package io.mercator.plugins.forecasting.smoothing;

import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Fits {@link SmoothedState}s per series (one per series; a model can hold several, see {@link SmoothingModel}), series in parallel. Series that are all missing are
 * rejected; series too short to smooth or constant get a flat forecast at their mean with the
 * spread of their values, so that no series fails the whole fit.
 */
abstract class SmoothingStrategy implements ForecastStrategy {

    /** Fewer observations than this get the flat fallback. */
    static final int MINIMUM_OBSERVATIONS = 4;

    private final StrategyDescriptor descriptor;

    SmoothingStrategy(StrategyDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @param y the observations, oldest first, NaN for missing; at least {@link #MINIMUM_OBSERVATIONS} observed, not constant
     * @param seasonLength periods per season, 1 for none
     * @param parameters the validated parameters
     * @return the fitted end states, or null to fall back to the flat forecast
     */
    abstract SmoothedState[] fitSeries(double[] y, int seasonLength, Parameters parameters);

    @Override
    public ForecastModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
        int count = data.size();
        SmoothedState[][] members = new SmoothedState[count][];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, count).parallel().forEach(s -> {
            context.checkCancelled();
            members[s] = fitOne(data, s, parameters);
            int finished = done.incrementAndGet();
            if (finished % 64 == 0) {
                context.progress((double) finished / count, finished + " of " + count + " series");
            }
        });
        context.progress(1, count + " series");
        boolean[] nonNegative = new boolean[count];
        for (int s = 0; s < count; s++) {
            nonNegative[s] = data.isNonNegative(s);
        }
        return new SmoothingModel(descriptor.name(), descriptor.version(), data.ids(), members, nonNegative);
    }

    private SmoothedState[] fitOne(SeriesSet data, int s, Parameters parameters) {
        double[] y = data.values(s);
        int observed = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                observed++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (observed == 0) {
            throw new ValidationException("series '" + data.ids().id(s) + "'", "has no observed value");
        }
        SmoothedState[] fitted = null;
        if (observed >= MINIMUM_OBSERVATIONS && min < max) {
            int seasonLength = data.seasonLength() > 0 ? data.seasonLength()
                    : Seasonality.detect(EtsFitter.interpolate(y));
            fitted = fitSeries(y, seasonLength, parameters);
        }
        return fitted != null ? fitted : new SmoothedState[] {flat(y, sum / observed, observed)};
    }

    private static SmoothedState flat(double[] y, double mean, int observed) {
        double sumOfSquares = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                sumOfSquares += (v - mean) * (v - mean);
            }
        }
        return SmoothedState.flat(mean, observed > 1 ? Math.sqrt(sumOfSquares / (observed - 1)) : 0, y.length);
    }

    @Override
    public ForecastModel readModel(InputStream in) throws IOException {
        return SmoothingModel.read(in, descriptor.name());
    }
}
