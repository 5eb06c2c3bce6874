/** Built-in intermittent-demand forecasters: Croston, SBA and TSB. */
package io.mercator.plugins.forecasting.intermittent;
