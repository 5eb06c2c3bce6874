package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Builds the matrix and the shared model parts, then lets the subclass fit its own. */
abstract class CollaborativeStrategy implements RecommenderStrategy {

    private final StrategyDescriptor descriptor;

    CollaborativeStrategy(String name, String description, ParameterSpec... parameters) {
        StrategyDescriptor.Builder builder = StrategyDescriptor.builder(Family.FILTERING, name, "1.0.0")
                .vendor("Mercator")
                .description(description);
        for (ParameterSpec parameter : parameters) {
            builder.parameter(parameter);
        }
        this.descriptor = builder.build();
    }

    @Override
    public final StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final RecommenderModel fit(Interactions data, Parameters parameters, TrainingContext context) {
        RatingMatrix matrix = RatingMatrix.of(data, repeats());
        context.checkCancelled();
        return fit(data, matrix, parameters, context);
    }

    /** @return how repeated rows of a user-item pair are combined; ratings are averaged */
    RatingMatrix.Repeats repeats() {
        return RatingMatrix.Repeats.AVERAGE;
    }

    abstract CollaborativeModel fit(Interactions data, RatingMatrix matrix, Parameters parameters,
            TrainingContext context);

    @Override
    public final RecommenderModel readModel(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        return readBody(data, CollaborativeModel.readCommon(data, descriptor.name()));
    }

    abstract CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) throws IOException;

    /**
     * @param data the training data
     * @param matrix its matrix
     * @param baseline the fitted baseline
     * @param popularity per item, the fallback ranking score
     * @return the shared parts of a model of this strategy, predictions clamped to the training values' range
     */
    final CollaborativeModel.Common common(Interactions data, RatingMatrix matrix, Baseline baseline,
            double[] popularity) {
        return new CollaborativeModel.Common(descriptor.name(), descriptor.version(), data.users(), data.items(),
                matrix.minValue, matrix.maxValue, popularity, baseline, matrix.userStart, matrix.userItem);
    }

    /**
     * Like {@link #common}, for models whose predictions are scores on their own scale (relevance,
     * confidence), never clamped to the range of the training values.
     */
    final CollaborativeModel.Common unscaledCommon(Interactions data, RatingMatrix matrix, Baseline baseline,
            double[] popularity) {
        return new CollaborativeModel.Common(descriptor.name(), descriptor.version(), data.users(), data.items(),
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, popularity, baseline, matrix.userStart,
                matrix.userItem);
    }

    /**
     * @param matrix the training matrix
     * @return per item, the number of distinct users who interacted with it
     */
    static double[] userCounts(RatingMatrix matrix) {
        double[] counts = new double[matrix.items];
        for (int i = 0; i < matrix.items; i++) {
            counts[i] = matrix.itemStart[i + 1] - matrix.itemStart[i];
        }
        return counts;
    }

    static Baseline baseline(RatingMatrix matrix, Parameters parameters) {
        return Baseline.fit(matrix, parameters.getDouble(Baseline.USER_REGULARISATION),
                parameters.getDouble(Baseline.ITEM_REGULARISATION));
    }
}
