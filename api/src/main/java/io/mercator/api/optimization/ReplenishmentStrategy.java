package io.mercator.api.optimization;

import io.mercator.api.Strategy;
import org.osgi.annotation.versioning.ConsumerType;

/** Placeholder, replaced by the family's strategy. */
@ConsumerType
public interface ReplenishmentStrategy extends Strategy<DemandHistory, ReplenishmentModel> {
}
