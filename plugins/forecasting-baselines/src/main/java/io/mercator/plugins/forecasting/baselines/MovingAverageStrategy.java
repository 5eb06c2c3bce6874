package io.mercator.plugins.forecasting.baselines;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.forecasting.ForecastStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Moving-average forecasts: every future period equals the mean of the last {@code window}
 * observations (all of them when the series is shorter). The interval uses a constant standard
 * error, the root mean square of the in-sample one-step errors of the same rule; a series too
 * short to have one gets a zero-width interval.
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class MovingAverageStrategy extends FlatForecastStrategy {

    static final String WINDOW = "window";

    /** Describes the strategy and its window. */
    public MovingAverageStrategy() {
        super(FlatForecastModel.Method.MOVING_AVERAGE,
                StrategyDescriptor.builder(Family.FORECASTING, "moving-average", "1.0.0")
                        .vendor("Mercator")
                        .description("Mean of the last observations; intervals from its in-sample one-step errors.")
                        .parameter(ParameterSpec.integer(WINDOW, "observations averaged", 3, 1, 1000))
                        .build());
    }

    @Override
    double[] levelAndSigma(double[] observed, Parameters parameters) {
        int window = parameters.getInt(WINDOW);
        double sumOfSquares = 0;
        int errors = 0;
        for (int t = window; t < observed.length; t++) {
            double error = observed[t] - average(observed, t - window, t);
            sumOfSquares += error * error;
            errors++;
        }
        int n = observed.length;
        return new double[] {average(observed, Math.max(0, n - window), n),
            errors > 0 ? Math.sqrt(sumOfSquares / errors) : 0};
    }

    private static double average(double[] values, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += values[t];
        }
        return sum / (to - from);
    }
}
