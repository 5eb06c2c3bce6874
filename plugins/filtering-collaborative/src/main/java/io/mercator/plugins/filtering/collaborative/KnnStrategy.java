package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * What item-kNN and user-kNN share: the regularised baseline, the baseline residuals every
 * prediction averages, the similarity parameters and the neighbour lists, computed by the same
 * code over the matrix (items compared) or its transpose (users compared).
 */
abstract class KnnStrategy extends CollaborativeStrategy {

    static final String SIMILARITY = "similarity";
    static final String SHRINKAGE = "shrinkage";
    static final String NEIGHBOURS = "neighbours";
    static final String STORED_NEIGHBOURS = "stored-neighbours";

    /**
     * @param name the strategy name
     * @param description what it does
     * @param compared what is compared, {@code "items"} or {@code "users"}, for the parameter texts
     * @param shared what two compared rows share, {@code "users"} or {@code "items"}
     * @param defaultNeighbours the default of {@code neighbours}
     */
    KnnStrategy(String name, String description, String compared, String shared, int defaultNeighbours) {
        super(name, description,
                ParameterSpec.choice(SIMILARITY, "How " + compared + " are compared: baseline residuals (Jaccard when "
                        + "every value is the same), Pearson, adjusted cosine, cosine, or Jaccard for implicit data.", Similarity.BASELINE.id(),
                        Similarity.ids()),
                ParameterSpec.real(SHRINKAGE, "Shrinks a similarity by n / (n + shrinkage) for n shared " + shared
                        + ".", 100, 0, 1e6),
                ParameterSpec.integer(NEIGHBOURS, "Most similar " + compared + " a prediction or a top-N list "
                        + "draws on.", defaultNeighbours, 1, 10_000),
                ParameterSpec.integer(STORED_NEIGHBOURS, "Most similar " + compared + " the model keeps per "
                        + compared.substring(0, compared.length() - 1) + ".", 300, 1, 100_000),
                Baseline.USER_REGULARISATION_SPEC, Baseline.ITEM_REGULARISATION_SPEC);
    }

    /**
     * @param matrix the training matrix
     * @return the matrix oriented so that its items are what this strategy compares
     */
    abstract RatingMatrix compared(RatingMatrix matrix);

    /**
     * @param common the shared model parts
     * @param neighbours how many neighbours a prediction draws on
     * @param residual per training entry in user order, the value minus its baseline
     * @param similar the most similar neighbours of every compared row
     * @return the model
     */
    abstract KnnModel model(CollaborativeModel.Common common, int neighbours, double[] residual, Neighbours similar);

    @Override
    final CollaborativeModel fit(Interactions data, RatingMatrix matrix, Parameters parameters,
            TrainingContext context) {
        Baseline baseline = baseline(matrix, parameters);
        double[] residual = residuals(matrix, baseline);
        RatingMatrix compared = compared(matrix);
        Similarity similarity = Similarity.of(parameters.getString(SIMILARITY));
        if (similarity == Similarity.BASELINE && matrix.minValue == matrix.maxValue) {
            // every value the same (purchases without weights): every residual is zero, so every baseline
            // similarity would be too and the lists would be the popularity fallback
            similarity = Similarity.JACCARD;
        }
        double[] comparedResidual = compared == matrix ? residual : matrix.inItemOrder(residual);
        Neighbours similar = Neighbours.compute(compared, similarity.centre(compared, comparedResidual),
                similarity == Similarity.JACCARD, parameters.getDouble(SHRINKAGE),
                parameters.getInt(STORED_NEIGHBOURS), context);
        return model(common(data, matrix, baseline, userCounts(matrix)), parameters.getInt(NEIGHBOURS), residual,
                similar);
    }

    /**
     * @param matrix the training matrix
     * @param baseline its baseline
     * @return per entry in user order, the value minus its baseline
     */
    static double[] residuals(RatingMatrix matrix, Baseline baseline) {
        double[] residual = new double[matrix.entries()];
        for (int u = 0; u < matrix.users; u++) {
            for (int entry = matrix.userStart[u]; entry < matrix.userStart[u + 1]; entry++) {
                residual[entry] = matrix.userValue[entry] - baseline.predict(u, matrix.userItem[entry]);
            }
        }
        return residual;
    }

    /** Makes a k-nearest-neighbour model from its parts. */
    @FunctionalInterface
    interface ModelFactory {
        KnnModel model(CollaborativeModel.Common common, int neighbours, double[] residual, Neighbours similar);
    }

    @Override
    final CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) throws IOException {
        return readKnnBody(in, common, this::model);
    }

    /**
     * @param in the stream, positioned at the body {@link KnnModel#writeBody} wrote
     * @param common the shared part
     * @param factory makes the model
     * @return the model
     * @throws IOException when the body does not fit the shared part
     */
    static KnnModel readKnnBody(DataInputStream in, CollaborativeModel.Common common, ModelFactory factory)
            throws IOException {
        int neighbours = in.readInt();
        double[] residual = Codec.readDoubles(in);
        Neighbours similar = Neighbours.read(in);
        KnnModel model = factory.model(common, neighbours, residual, similar);
        if (neighbours < 1 || residual.length != common.userItem().length || similar.items() != model.comparedRows()) {
            throw new IOException("corrupt " + common.name() + " model: array lengths do not match the ids");
        }
        return model;
    }
}
