package io.mercator.api.pricing;

import io.mercator.api.Model;
import org.osgi.annotation.versioning.ConsumerType;

/** Placeholder, replaced by the family's model. */
@ConsumerType
public interface PricingModel extends Model {
}
