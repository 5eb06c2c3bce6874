package io.mercator.api.filtering;

import io.mercator.api.Strategy;
import org.osgi.annotation.versioning.ConsumerType;

/** Placeholder, replaced by the family's strategy. */
@ConsumerType
public interface RecommenderStrategy extends Strategy<Interactions, RecommenderModel> {
}
