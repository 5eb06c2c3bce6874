package io.mercator.api.optimization;

import io.mercator.api.Model;
import org.osgi.annotation.versioning.ConsumerType;

/** Placeholder, replaced by the family's model. */
@ConsumerType
public interface ReplenishmentModel extends Model {
}
