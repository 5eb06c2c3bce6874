package io.mercator.api.optimization;

import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.Forecast;
import java.util.Arrays;

/**
 * Turns a forecasting model's forecast into the demand a replenishment plan is computed from: the
 * mean and standard deviation per period over the periods a stock level must cover (lead time
 * and review period). The mean is the average point forecast; the spread is the root mean square
 * of the forecast standard errors, read off the {@value #LEVEL}% intervals as normal ones. Forecast
 * errors of one origin are correlated across periods, which this per-period view leaves out.
 *
 * @since 1.1
 */
public final class ForecastDemand {

    /** The interval level, in percent, the spread is read from: ask forecasts for it. */
    public static final double LEVEL = 80;
    /** The standard normal's 90% quantile: half an 80% interval in standard errors. */
    private static final double HALF_WIDTH = 1.2815515655446004;

    private ForecastDemand() {
    }

    /**
     * @param leadTimeMean mean lead time in periods, &gt;= 0
     * @param leadTimeStdDev its standard deviation, &gt;= 0
     * @param reviewPeriod periods between reviews, 0 for continuous review (counted as 1)
     * @return the periods to forecast: lead time plus two standard deviations, plus the review period
     */
    public static int horizon(double leadTimeMean, double leadTimeStdDev, double reviewPeriod) {
        return Math.max(1, (int) Math.ceil(leadTimeMean + 2 * leadTimeStdDev + Math.max(reviewPeriod, 1)));
    }

    /**
     * @param forecast a forecast with a {@value #LEVEL}% interval
     * @return {mean demand per period (at least 0), standard deviation per period}
     * @throws ValidationException naming {@code levels} when the forecast has no such interval
     */
    public static double[] perPeriod(Forecast forecast) {
        int level = Arrays.binarySearch(forecast.levels(), LEVEL);
        if (level < 0) {
            throw new ValidationException("levels", "the forecast has no " + LEVEL + "% interval");
        }
        double[] lower = forecast.lower(level);
        double[] upper = forecast.upper(level);
        int horizon = forecast.horizon();
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
