/**
 * Forecasting family: point forecasts with prediction intervals for many demand series.
 *
 * <p>Vendors implement {@link io.mercator.api.forecasting.ForecastStrategy}; it fits a
 * {@link io.mercator.api.forecasting.ForecastModel} from a
 * {@link io.mercator.api.forecasting.SeriesSet}, and the model answers
 * {@link io.mercator.api.forecasting.Forecast forecasts} per series. Series may carry external
 * {@link io.mercator.api.forecasting.Regressors} with their planned future values; a
 * {@link io.mercator.api.forecasting.Hierarchy} reconciles the forecasts of series that add up.
 */
@Export
@Version("1.2.0")
package io.mercator.api.forecasting;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
