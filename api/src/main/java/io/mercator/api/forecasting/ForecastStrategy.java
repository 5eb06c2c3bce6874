package io.mercator.api.forecasting;

import io.mercator.api.Strategy;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A forecasting algorithm. Register implementations as OSGi services under this interface; see
 * {@link Strategy} for the contract every strategy follows.
 */
@ConsumerType
public interface ForecastStrategy extends Strategy<SeriesSet, ForecastModel> {
}
