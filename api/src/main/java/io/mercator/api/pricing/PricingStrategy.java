package io.mercator.api.pricing;

import io.mercator.api.Strategy;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A pricing algorithm (log-log regression elasticity, profit-maximising price, rule pricing,
 * ...). It fits a {@link PricingModel} from {@link PriceObservations}. Register implementations
 * as OSGi services under this interface; see {@link Strategy} for the contract every strategy
 * follows.
 */
@ConsumerType
public interface PricingStrategy extends Strategy<PriceObservations, PricingModel> {
}
