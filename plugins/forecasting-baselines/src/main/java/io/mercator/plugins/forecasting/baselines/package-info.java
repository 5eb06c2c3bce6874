/** Built-in baseline forecasters: naive (random walk), seasonal naive and mean. */
package io.mercator.plugins.forecasting.baselines;
