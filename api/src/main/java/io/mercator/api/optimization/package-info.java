/**
 * Optimization family: inventory replenishment decisions per SKU-location.
 *
 * <p>Vendors implement {@link io.mercator.api.optimization.ReplenishmentStrategy}; it fits a
 * {@link io.mercator.api.optimization.ReplenishmentModel} from demand history (a
 * {@link io.mercator.api.forecasting.SeriesSet}), and the model turns a
 * {@link io.mercator.api.optimization.ReplenishmentInput} (demand and lead-time distribution,
 * stock position, costs, service target and ordering rules per SKU-location) into a
 * {@link io.mercator.api.optimization.ReplenishmentPlan} (safety stock, reorder point,
 * order-up-to level, order quantity, expected fill rate and cost).
 */
@Export
@Version("1.1.0")
package io.mercator.api.optimization;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
