/** Built-in exponential smoothing forecasters: ETS with automatic form selection, and Theta. */
package io.mercator.plugins.forecasting.smoothing;
