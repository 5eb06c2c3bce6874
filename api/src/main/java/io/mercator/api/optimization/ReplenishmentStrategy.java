package io.mercator.api.optimization;

import io.mercator.api.Strategy;
import io.mercator.api.forecasting.SeriesSet;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An inventory replenishment algorithm (safety stock with EOQ, (s,S) or (R,S) policies, ...). It
 * fits a {@link ReplenishmentModel} from the demand history of the SKU-locations: a
 * {@link SeriesSet} with one series per SKU-location, ids as in {@link ReplenishmentInput#skus()},
 * one observation per demand period. Strategies that need no history (closed-form policies) must
 * accept any series set, including an empty one. Register implementations as OSGi services under
 * this interface; see {@link Strategy} for the contract every strategy follows.
 */
@ConsumerType
public interface ReplenishmentStrategy extends Strategy<SeriesSet, ReplenishmentModel> {
}
