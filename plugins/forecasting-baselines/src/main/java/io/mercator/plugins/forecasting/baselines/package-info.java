/** Built-in baseline forecasters: naive (random walk), seasonal naive, mean and moving average. */
package io.mercator.plugins.forecasting.baselines;
