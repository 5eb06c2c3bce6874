package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.filtering.RecommenderStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Item-based k nearest neighbours on top of the regularised baseline (Koren 2010, section 2.2;
 * Surprise's {@code KNNBaseline} with {@code user_based=False}). Similarities are computed over the
 * users two items share and shrunk by {@code n / (n + shrinkage)} for {@code n} shared users; each
 * item keeps its most similar positively correlated items. A prediction is {@code b(u,i)} plus the
 * similarity-weighted mean of the user's residuals {@code r(u,j) - b(u,j)} on the {@code neighbours}
 * most similar items the user rated. Top-N scores an item by the sum of its similarities to the
 * user's items, over the {@code neighbours} most similar items of each (Deshpande and Karypis 2004).
 */
@Component(service = RecommenderStrategy.class, immediate = true)
public final class ItemKnnStrategy extends KnnStrategy {

    static final String NAME = "item-knn";

    /** Describes the strategy and its parameters. */
    public ItemKnnStrategy() {
        super(NAME, "Item-based k nearest neighbours over regularised baseline residuals, with shrunk similarities.",
                "items", "users", 40);
    }

    @Override
    RatingMatrix compared(RatingMatrix matrix) {
        return matrix;
    }

    @Override
    KnnModel model(CollaborativeModel.Common common, int neighbours, double[] residual, Neighbours similar) {
        return new ItemKnnModel(common, neighbours, residual, similar, NAME);
    }
}
