package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.filtering.RecommenderStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * User-based k nearest neighbours on top of the regularised baseline (Surprise's
 * {@code KNNBaseline} with {@code user_based=True}; Herlocker et al. 1999 for the shrinkage and
 * neighbourhood size). Users are compared over the items they share, by the same similarities and
 * shrinkage as item-kNN; each user keeps their most similar positively correlated users. A
 * prediction is {@code b(u,i)} plus the similarity-weighted mean of the residuals
 * {@code r(v,i) - b(v,i)} of the {@code neighbours} most similar users who rated {@code i}. Top-N
 * scores an item by the summed similarity of the {@code neighbours} nearest users who have it.
 */
@Component(service = RecommenderStrategy.class, immediate = true)
public final class UserKnnStrategy extends KnnStrategy {

    static final String NAME = "user-knn";

    /** Describes the strategy and its parameters. */
    public UserKnnStrategy() {
        super(NAME, "User-based k nearest neighbours over regularised baseline residuals, with shrunk similarities.",
                "users", "items", 40);
    }

    @Override
    RatingMatrix compared(RatingMatrix matrix) {
        return matrix.transpose();
    }

    @Override
    KnnModel model(CollaborativeModel.Common common, int neighbours, double[] residual, Neighbours similar) {
        return new UserKnnModel(common, neighbours, residual, similar);
    }
}
