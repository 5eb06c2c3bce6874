/** Built-in seasonal ARIMA forecaster with automatic order selection. */
package io.mercator.plugins.forecasting.arima;
