package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderStrategy;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Random;
import org.osgi.service.component.annotations.Component;

/**
 * Matrix factorisation for implicit feedback (Hu, Koren and Volinsky 2008): every user-item pair
 * is a 0/1 preference, observed pairs with confidence {@code 1 + alpha * value}, unobserved ones
 * with confidence 1. Alternating least squares; each user's (item's) normal equations are solved
 * approximately by a few warm-started conjugate-gradient steps (Takács, Pilászy and Tikk 2011), so
 * a sweep costs O(entries * factors) instead of a factors-cubed solve per row. Scores are
 * {@code p_u . q_i}, a relevance on no fixed scale.
 */
@Component(service = RecommenderStrategy.class, immediate = true)
public final class ImplicitAlsStrategy extends CollaborativeStrategy {

    static final String NAME = "implicit-als";
    private static final String FACTORS = "factors";
    private static final String ITERATIONS = "iterations";
    private static final String REGULARISATION = "regularisation";
    private static final String ALPHA = "alpha";
    private static final String CG_STEPS = "cg-steps";
    private static final String SEED = "seed";
    private static final double INITIAL_SPREAD = 0.01;

    /** Describes the strategy and its parameters. */
    public ImplicitAlsStrategy() {
        super(NAME, "Implicit-feedback ALS (confidence-weighted, conjugate-gradient solves): ranks by p_u.q_i.",
                ParameterSpec.integer(FACTORS, "Latent factors per user and item.", 32, 1, 1000),
                ParameterSpec.integer(ITERATIONS, "Alternating sweeps over users and items.", 10, 1, 1000),
                ParameterSpec.real(REGULARISATION, "L2 penalty on the factors.", 30, 0, 1e6),
                ParameterSpec.real(ALPHA, "Confidence of an observed pair is 1 + alpha * value.", 1, 0, 1e6),
                ParameterSpec.integer(CG_STEPS, "Conjugate-gradient steps per row and sweep.", 3, 1, 100),
                ParameterSpec.integer(SEED, "Seed of the initial factors.", 42, 0, Integer.MAX_VALUE));
    }

    /** Implicit feedback: every purchase adds to the confidence of the pair. */
    @Override
    RatingMatrix.Repeats repeats() {
        return RatingMatrix.Repeats.SUM;
    }

    @Override
    CollaborativeModel fit(Interactions data, RatingMatrix matrix, Parameters parameters, TrainingContext context) {
        if (matrix.minValue < 0) {
            throw new ValidationException("value", "implicit ALS needs weights of at least 0; the smallest is "
                    + matrix.minValue);
        }
        int factors = parameters.getInt(FACTORS);
        int iterations = parameters.getInt(ITERATIONS);
        Random random = new Random(parameters.getInt(SEED));
        double[] userFactors = MatrixFactorizationModel.randomFactors(random, matrix.users * factors, INITIAL_SPREAD);
        double[] itemFactors = MatrixFactorizationModel.randomFactors(random, matrix.items * factors, INITIAL_SPREAD);
        ImplicitAlsSolver solver = new ImplicitAlsSolver(factors, parameters.getDouble(REGULARISATION), parameters.getDouble(ALPHA),
                parameters.getInt(CG_STEPS));
        for (int iteration = 0; iteration < iterations; iteration++) {
            context.checkCancelled();
            context.progress((double) iteration / iterations, "sweep " + (iteration + 1));
            solver.solve(userFactors, itemFactors, matrix.userStart, matrix.userItem, matrix.userValue);
            solver.solve(itemFactors, userFactors, matrix.itemStart, matrix.itemUser, matrix.itemValue);
        }
        context.progress(1, "");
        // no biases, no rating scale: predictions are raw relevance scores
        CollaborativeModel.Common common = unscaledCommon(data, matrix,
                new Baseline(0, new double[matrix.users], new double[matrix.items]), userCounts(matrix));
        return new MatrixFactorizationModel(common, NAME, factors, userFactors, itemFactors,
                MatrixFactorizationModel.FoldIn.solved(solver.forFoldIn()));
    }

    @Override
    CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) throws IOException {
        return MatrixFactorizationModel.readBody(in, common, NAME);
    }
}
