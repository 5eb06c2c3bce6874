package io.mercator.platform.evaluation.optimization;

import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.Forecast;
import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Turns a forecast over the protection period into the demand mean and spread per period a policy plans with. */
final class ForecastDemand {

    /** The interval level the spread is read from, in percent. */
    static final double LEVEL = 80;
    /** Half an 80% normal interval is this many standard errors. */
    private static final double HALF_WIDTH = new NormalDistribution(null, 0, 1)
            .inverseCumulativeProbability(0.5 + LEVEL / 200);

    private ForecastDemand() {
    }

    /**
     * @param forecast a forecast with an interval at {@link #LEVEL}
     * @return {mean per period (the average point forecast, at least 0), spread per period (the root
     *     mean square of the standard errors (upper - lower) / (2 z), z the normal quantile of 90%)}
     */
    static double[] perPeriod(Forecast forecast) {
        int horizon = forecast.horizon();
        int level = Arrays.binarySearch(forecast.levels(), LEVEL);
        if (level < 0) {
            throw new ValidationException("levels", "the forecast has no " + LEVEL + "% interval");
        }
        double[] lower = forecast.lower(level);
        double[] upper = forecast.upper(level);
        double sum = 0;
        double squares = 0;
        for (int h = 0; h < horizon; h++) {
            sum += forecast.mean(h);
            double error = (upper[h] - lower[h]) / (2 * HALF_WIDTH);
            squares += error * error;
        }
        return new double[] {Math.max(sum / horizon, 0), Math.sqrt(squares / horizon)};
    }
}
