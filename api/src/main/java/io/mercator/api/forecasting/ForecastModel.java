package io.mercator.api.forecasting;

import io.mercator.api.Model;
import io.mercator.api.data.IdDictionary;
import org.osgi.annotation.versioning.ConsumerType;

/** A fitted forecasting model covering the series it was fitted on. Thread-safe, immutable. */
@ConsumerType
public interface ForecastModel extends Model {

    /** @return the ids of the series this model can forecast */
    IdDictionary series();

    /**
     * @param seriesId one of {@link #series()}
     * @param horizon periods to forecast, at least 1
     * @param levels coverage levels of the prediction intervals in percent, e.g. {@code 80, 95};
     *     may be empty
     * @return the forecast
     * @throws io.mercator.api.ValidationException when the series is unknown, the horizon is not
     *     positive, or a level is not in (0, 100)
     */
    Forecast forecast(String seriesId, int horizon, double... levels);
}
