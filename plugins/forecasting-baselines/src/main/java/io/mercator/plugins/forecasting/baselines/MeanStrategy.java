package io.mercator.plugins.forecasting.baselines;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.forecasting.ForecastStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Mean forecasts: every future period equals the mean of the observations. Intervals use the
 * sample standard deviation {@code s}, the standard error {@code s * sqrt(1 + 1/n)} and Student's t
 * quantiles with {@code n - 1} degrees of freedom, as in R's {@code forecast::meanf}. A series with
 * a single observation gets a zero-width interval.
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class MeanStrategy extends FlatForecastStrategy {

    /** Describes the strategy; it has no parameters. */
    public MeanStrategy() {
        super(FlatForecastModel.Method.MEAN, StrategyDescriptor.builder(Family.FORECASTING, "mean", "1.0.0")
                .vendor("Mercator")
                .description("Historical mean with t-based prediction intervals.")
                .build());
    }

    @Override
    double[] levelAndSigma(double[] observed, Parameters parameters) {
        int n = observed.length;
        double mean = 0;
        for (double value : observed) {
            mean += value;
        }
        mean /= n;
        double sumOfSquares = 0;
        for (double value : observed) {
            sumOfSquares += (value - mean) * (value - mean);
        }
        return new double[] {mean, n > 1 ? Math.sqrt(sumOfSquares / (n - 1)) : 0};
    }
}
