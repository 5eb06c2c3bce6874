package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.ItemCatalog;
import io.mercator.api.filtering.RecommenderStrategy;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;

/**
 * Content-based recommendations from the item catalogue attached to the interactions
 * ({@link Interactions#withCatalog}): items are compared by the cosine of their TF-IDF vectors of
 * text and categorical attributes ({@link TfIdf}), so items nobody has chosen yet (cold items) are
 * recommended and have similar items. The model is an item-kNN model over those similarities: a
 * user's list sums the similarities to their items, a prediction is the regularised baseline plus
 * the similarity-weighted mean of the user's residuals on the most similar items they rated.
 * Catalogue items without interactions join the model's items with a popularity of 0.
 */
@Component(service = RecommenderStrategy.class, immediate = true)
public final class ContentStrategy extends CollaborativeStrategy {

    static final String NAME = "content-tfidf";
    private static final String ATTRIBUTE_WEIGHT = "attribute-weight";

    /** Describes the strategy and its parameters. */
    public ContentStrategy() {
        super(NAME, "Content-based: TF-IDF cosine of item texts and attributes from the item catalogue; covers "
                + "items nobody has chosen yet.",
                ParameterSpec.real(ATTRIBUTE_WEIGHT, "How much an attribute value (category=dairy) weighs against a "
                        + "word of the text; 0 compares texts only.", 1, 0, 100),
                ParameterSpec.integer(KnnStrategy.NEIGHBOURS, "Most similar items a prediction or a top-N list "
                        + "draws on.", 40, 1, 10_000),
                ParameterSpec.integer(KnnStrategy.STORED_NEIGHBOURS, "Most similar items the model keeps per item.",
                        300, 1, 100_000),
                Baseline.USER_REGULARISATION_SPEC, Baseline.ITEM_REGULARISATION_SPEC);
    }

    @Override
    CollaborativeModel fit(Interactions data, RatingMatrix matrix, Parameters parameters, TrainingContext context) {
        ItemCatalog catalog = data.catalog().orElseThrow(() -> new ValidationException("catalog",
                "content-based recommendations need an item catalogue of texts and attributes; attach one to the "
                        + "interactions"));
        IdDictionary.Builder union = new IdDictionary.Builder("items");
        for (int i = 0; i < data.items().size(); i++) {
            union.add(data.items().id(i), i);
        }
        for (int c = 0; c < catalog.items().size(); c++) {
            union.add(catalog.items().id(c), c);
        }
        IdDictionary items = union.build();
        Baseline fitted = baseline(matrix, parameters);
        double[] residual = KnnStrategy.residuals(matrix, fitted);
        Neighbours similar = TfIdf.of(catalog, items, parameters.getDouble(ATTRIBUTE_WEIGHT))
                .neighbours(parameters.getInt(KnnStrategy.STORED_NEIGHBOURS), context);
        // items first seen in the catalogue come after the interactions' items: no bias, no popularity
        Baseline baseline = new Baseline(fitted.mean, fitted.userBias, Arrays.copyOf(fitted.itemBias, items.size()));
        CollaborativeModel.Common common = new CollaborativeModel.Common(descriptor().name(), descriptor().version(),
                data.users(), items, matrix.minValue, matrix.maxValue,
                Arrays.copyOf(userCounts(matrix), items.size()), baseline, matrix.userStart, matrix.userItem);
        return new ItemKnnModel(common, parameters.getInt(KnnStrategy.NEIGHBOURS), residual, similar, NAME);
    }

    @Override
    CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) throws IOException {
        return KnnStrategy.readKnnBody(in, common,
                (parts, neighbours, residual, similar) -> new ItemKnnModel(parts, neighbours, residual, similar, NAME));
    }
}
