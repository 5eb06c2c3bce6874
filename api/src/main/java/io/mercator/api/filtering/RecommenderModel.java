package io.mercator.api.filtering;

import io.mercator.api.Model;
import org.osgi.annotation.versioning.ConsumerType;

/** Placeholder, replaced by the family's model. */
@ConsumerType
public interface RecommenderModel extends Model {
}
