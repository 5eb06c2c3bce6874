/** Built-in regression forecaster: linear regression on external regressors with a trend and seasonal basis. */
package io.mercator.plugins.forecasting.regression;
