package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderStrategy;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * Item-based k nearest neighbours on top of the regularised baseline (Koren 2010, section 2.2;
 * Surprise's {@code KNNBaseline}). Similarities are computed over the users two items share and
 * shrunk by {@code n / (n + shrinkage)} for {@code n} shared users; each item keeps its most similar
 * positively correlated items. A prediction is {@code b(u,i)} plus the similarity-weighted mean of
 * the user's residuals {@code r(u,j) - b(u,j)} on the {@code neighbours} most similar items the user
 * rated. Top-N scores an item by the sum of its similarities to the user's items, over the
 * {@code neighbours} most similar items of each (Deshpande and Karypis 2004).
 */
@Component(service = RecommenderStrategy.class, immediate = true)
public final class ItemKnnStrategy extends CollaborativeStrategy {

    static final String NAME = "item-knn";
    private static final String SIMILARITY = "similarity";
    private static final String SHRINKAGE = "shrinkage";
    private static final String NEIGHBOURS = "neighbours";
    private static final String STORED_NEIGHBOURS = "stored-neighbours";

    /** How two items' columns are compared; values are centred as named, then compared by cosine. */
    enum Similarity {
        /** Residuals from the baseline, {@code r - b(u,i)}: Surprise's pearson_baseline. */
        BASELINE,
        /** Ratings centred on the item's mean. */
        PEARSON,
        /** Ratings centred on the user's mean (Sarwar et al. 2001). */
        ADJUSTED_COSINE,
        /** Raw values. */
        COSINE,
        /** Shared users over users of either item; ignores the values (implicit data). */
        JACCARD;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Describes the strategy and its parameters. */
    public ItemKnnStrategy() {
        super(NAME, "Item-based k nearest neighbours over regularised baseline residuals, with shrunk similarities.",
                ParameterSpec.choice(SIMILARITY, "How items are compared.", Similarity.BASELINE.id(),
                        Arrays.stream(Similarity.values()).map(Similarity::id).toArray(String[]::new)),
                ParameterSpec.real(SHRINKAGE, "Shrinks a similarity by n / (n + shrinkage) for n shared users.",
                        100, 0, 1e6),
                ParameterSpec.integer(NEIGHBOURS, "Most similar rated items a prediction averages over.", 40, 1,
                        10_000),
                ParameterSpec.integer(STORED_NEIGHBOURS, "Most similar items the model keeps per item.", 300, 1,
                        100_000),
                Baseline.USER_REGULARISATION_SPEC, Baseline.ITEM_REGULARISATION_SPEC);
    }

    @Override
    CollaborativeModel fit(Interactions data, RatingMatrix matrix, Parameters parameters, TrainingContext context) {
        Baseline baseline = baseline(matrix, parameters);
        Similarity similarity = Similarity.valueOf(
                parameters.getString(SIMILARITY).toUpperCase(Locale.ROOT).replace('-', '_'));
        double[] residual = residuals(matrix, baseline);
        ItemNeighbours neighbours = ItemNeighbours.compute(matrix, centred(matrix, baseline, similarity),
                similarity == Similarity.JACCARD, parameters.getDouble(SHRINKAGE),
                parameters.getInt(STORED_NEIGHBOURS), context);
        return new ItemKnnModel(common(data, matrix, baseline, userCounts(matrix)), parameters.getInt(NEIGHBOURS),
                matrix.userStart, matrix.userItem, residual, neighbours);
    }

    private static double[] residuals(RatingMatrix matrix, Baseline baseline) {
        double[] residual = new double[matrix.entries()];
        for (int u = 0; u < matrix.users; u++) {
            for (int entry = matrix.userStart[u]; entry < matrix.userStart[u + 1]; entry++) {
                residual[entry] = matrix.userValue[entry] - baseline.predict(u, matrix.userItem[entry]);
            }
        }
        return residual;
    }

    /** @return per user entry, the value the similarity compares */
    private static double[] centred(RatingMatrix matrix, Baseline baseline, Similarity similarity) {
        double[] centred = new double[matrix.entries()];
        double[] itemMean = new double[matrix.items];
        for (int i = 0; i < matrix.items; i++) {
            for (int entry = matrix.itemStart[i]; entry < matrix.itemStart[i + 1]; entry++) {
                itemMean[i] += matrix.itemValue[entry] / (matrix.itemStart[i + 1] - matrix.itemStart[i]);
            }
        }
        for (int u = 0; u < matrix.users; u++) {
            double userMean = 0;
            for (int entry = matrix.userStart[u]; entry < matrix.userStart[u + 1]; entry++) {
                userMean += matrix.userValue[entry] / (matrix.userStart[u + 1] - matrix.userStart[u]);
            }
            for (int entry = matrix.userStart[u]; entry < matrix.userStart[u + 1]; entry++) {
                int i = matrix.userItem[entry];
                double value = matrix.userValue[entry];
                centred[entry] = switch (similarity) {
                    case BASELINE -> value - baseline.predict(u, i);
                    case PEARSON -> value - itemMean[i];
                    case ADJUSTED_COSINE -> value - userMean;
                    case COSINE -> value;
                    case JACCARD -> 1;
                };
            }
        }
        return centred;
    }

    @Override
    CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) throws IOException {
        int neighbours = in.readInt();
        int[] userStart = Codec.readInts(in);
        int[] userItem = Codec.readInts(in);
        double[] residual = Codec.readDoubles(in);
        ItemNeighbours itemNeighbours = ItemNeighbours.read(in);
        if (userStart.length != common.users().size() + 1 || userItem.length != residual.length
                || itemNeighbours.items() != common.items().size()) {
            throw new IOException("corrupt item-knn model: array lengths do not match the ids");
        }
        return new ItemKnnModel(common, neighbours, userStart, userItem, residual, itemNeighbours);
    }
}
