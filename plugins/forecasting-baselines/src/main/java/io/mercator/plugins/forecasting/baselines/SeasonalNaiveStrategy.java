package io.mercator.plugins.forecasting.baselines;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;

/**
 * Seasonal naive forecasts: every future period equals the observation one season earlier. The
 * standard error is {@code sigma * sqrt(k)} in the k-th season ahead, with sigma the root mean
 * square of the seasonal changes, as in R's {@code forecast::snaive}. Without a season length
 * (1 or unknown) it is the naive forecast. Named {@code snaive} so that it never collides with the
 * sample vendor bundle's {@code seasonal-naive}.
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class SeasonalNaiveStrategy implements ForecastStrategy {

    private final StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.FORECASTING, "snaive", "1.0.0")
            .vendor("Mercator")
            .description("Seasonal naive: repeats the last season; intervals widen with the square root of the "
                    + "number of seasons ahead, or as the method's own errors on the series did if faster.")
            .build();

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ForecastModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
        int m = Math.max(1, data.seasonLength());
        int count = data.size();
        double[][] lastSeason = new double[count][];
        double[] sigma = new double[count];
        double[][] spreadFactors = new double[count][];
        for (int s = 0; s < count; s++) {
            if (s % 1024 == 0) {
                context.checkCancelled();
                context.progress((double) s / count, "");
            }
            double[] y = data.values(s);
            double fallback = Double.NaN;
            for (int t = y.length - 1; t >= 0 && Double.isNaN(fallback); t--) {
                fallback = y[t];
            }
            if (Double.isNaN(fallback)) {
                throw new ValidationException("series '" + data.ids().id(s) + "'", "has no observed value");
            }
            // the last m periods by season position; a missing or absent one repeats the last observation
            lastSeason[s] = new double[m];
            for (int j = 0; j < m; j++) {
                int t = y.length - m + j;
                lastSeason[s][j] = t >= 0 && !Double.isNaN(y[t]) ? y[t] : fallback;
            }
            double sumOfSquares = 0;
            int changes = 0;
            for (int t = m; t < y.length; t++) {
                double change = y[t] - y[t - m];
                if (!Double.isNaN(change)) {
                    sumOfSquares += change * change;
                    changes++;
                }
            }
            sigma[s] = changes > 0 ? Math.sqrt(sumOfSquares / changes) : 0;
            double spread = sigma[s];
            // from origin t, h ahead: the value of the same season position in the last season up to t
            spreadFactors[s] = HorizonCalibration.factors(y, m, (t, h) -> y[t + h - m * ((h + m - 1) / m)],
                    h -> SeasonalNaiveModel.standardError(spread, m, h));
        }
        context.progress(1, "");
        boolean[] nonNegative = new boolean[count];
        for (int s = 0; s < count; s++) {
            nonNegative[s] = data.isNonNegative(s);
        }
        return new SeasonalNaiveModel(descriptor.name(), descriptor.version(), data.ids(), lastSeason, sigma,
                spreadFactors, nonNegative);
    }

    @Override
    public ForecastModel readModel(InputStream in) throws IOException {
        return SeasonalNaiveModel.read(in);
    }
}
