/** Built-in baseline forecasters: naive (random walk) and mean. */
package io.mercator.plugins.forecasting.baselines;
