package io.mercator.api.filtering;

import io.mercator.api.Strategy;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A recommender algorithm (popularity, k-nearest neighbours, matrix factorisation, association
 * rules, ...). It fits a {@link RecommenderModel} from {@link Interactions}. Register
 * implementations as OSGi services under this interface; see {@link Strategy} for the contract
 * every strategy follows.
 */
@ConsumerType
public interface RecommenderStrategy extends Strategy<Interactions, RecommenderModel> {
}
