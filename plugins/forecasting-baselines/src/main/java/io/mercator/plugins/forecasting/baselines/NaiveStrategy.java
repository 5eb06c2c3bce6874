package io.mercator.plugins.forecasting.baselines;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.forecasting.ForecastStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Naive (random walk) forecasts: every future period equals the last observation. The interval
 * standard error is {@code sigma * sqrt(h)}, with sigma the root mean square of the one-step
 * changes, as in R's {@code forecast::naive}. A series with a single observation gets a zero-width
 * interval.
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class NaiveStrategy extends FlatForecastStrategy {

    /** Describes the strategy; it has no parameters. */
    public NaiveStrategy() {
        super(FlatForecastModel.Method.NAIVE, StrategyDescriptor.builder(Family.FORECASTING, "naive", "1.0.0")
                .vendor("Mercator")
                .description("Random walk: repeats the last observation; intervals widen with the square root "
                        + "of the horizon, or as the method's own errors on the series did if faster.")
                .build());
    }

    @Override
    double[] levelAndSigma(double[] observed, Parameters parameters) {
        double sumOfSquares = 0;
        for (int t = 1; t < observed.length; t++) {
            double change = observed[t] - observed[t - 1];
            sumOfSquares += change * change;
        }
        double sigma = observed.length > 1 ? Math.sqrt(sumOfSquares / (observed.length - 1)) : 0;
        return new double[] {observed[observed.length - 1], sigma};
    }
}
