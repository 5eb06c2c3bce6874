/**
 * Built-in exponential smoothing forecasters: ETS with automatic form selection, classic
 * Holt-Winters, Theta, and the combination of registered forecasters chosen by name.
 */
package io.mercator.plugins.forecasting.smoothing;
