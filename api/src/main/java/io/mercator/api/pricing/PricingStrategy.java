package io.mercator.api.pricing;

import io.mercator.api.Strategy;
import org.osgi.annotation.versioning.ConsumerType;

/** Placeholder, replaced by the family's strategy. */
@ConsumerType
public interface PricingStrategy extends Strategy<PriceObservations, PricingModel> {
}
