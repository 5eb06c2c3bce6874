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
import java.util.stream.IntStream;
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
        Solver solver = new Solver(factors, parameters.getDouble(REGULARISATION), parameters.getDouble(ALPHA),
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
        return new MatrixFactorizationModel(common, NAME, factors, userFactors, itemFactors);
    }

    @Override
    CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) throws IOException {
        return MatrixFactorizationModel.readBody(in, common, NAME);
    }

    /** One half-sweep: recomputes every row of one side with the other side fixed. */
    private static final class Solver {
        private final int factors;
        private final double regularisation;
        private final double alpha;
        private final int steps;

        Solver(int factors, double regularisation, double alpha, int steps) {
            this.factors = factors;
            this.regularisation = regularisation;
            this.alpha = alpha;
            this.steps = steps;
        }

        /**
         * Minimises, per row r, sum over all columns c of conf(r,c) (pref(r,c) - x_r . y_c)^2 +
         * regularisation |x_r|^2, whose normal equations are
         * (Y'Y + Y'(C_r - I)Y + regularisation I) x_r = Y' C_r p_r.
         */
        void solve(double[] rows, double[] fixed, int[] start, int[] column, double[] value) {
            int fixedRows = fixed.length / factors;
            double[] gram = new double[factors * factors];
            for (int c = 0; c < fixedRows; c++) {
                for (int a = 0; a < factors; a++) {
                    double ya = fixed[c * factors + a];
                    for (int b = 0; b < factors; b++) {
                        gram[a * factors + b] += ya * fixed[c * factors + b];
                    }
                }
            }
            IntStream.range(0, start.length - 1).parallel().forEach(row -> conjugateGradient(rows, fixed, gram,
                    row, start[row], start[row + 1], column, value));
        }

        private void conjugateGradient(double[] rows, double[] fixed, double[] gram, int row, int from, int to,
                int[] column, double[] value) {
            int offset = row * factors;
            double[] residual = new double[factors];
            double[] direction = new double[factors];
            double[] product = new double[factors];
            // residual = b - A x with b = sum of conf * y_c over the observed columns
            multiply(rows, offset, fixed, gram, from, to, column, value, product);
            for (int k = from; k < to; k++) {
                double confidence = 1 + alpha * value[k];
                int c = column[k] * factors;
                for (int f = 0; f < factors; f++) {
                    residual[f] += confidence * fixed[c + f];
                }
            }
            double squared = 0;
            for (int f = 0; f < factors; f++) {
                residual[f] -= product[f];
                direction[f] = residual[f];
                squared += residual[f] * residual[f];
            }
            for (int step = 0; step < steps && squared > 1e-20; step++) {
                multiply(direction, 0, fixed, gram, from, to, column, value, product);
                double curvature = 0;
                for (int f = 0; f < factors; f++) {
                    curvature += direction[f] * product[f];
                }
                double length = squared / curvature;
                double next = 0;
                for (int f = 0; f < factors; f++) {
                    rows[offset + f] += length * direction[f];
                    residual[f] -= length * product[f];
                    next += residual[f] * residual[f];
                }
                for (int f = 0; f < factors; f++) {
                    direction[f] = residual[f] + next / squared * direction[f];
                }
                squared = next;
            }
        }

        /** out = (Y'Y + Y'(C - I)Y + regularisation I) v for v at vector[offset ..]. */
        private void multiply(double[] vector, int offset, double[] fixed, double[] gram, int from, int to,
                int[] column, double[] value, double[] out) {
            for (int a = 0; a < factors; a++) {
                double sum = regularisation * vector[offset + a];
                for (int b = 0; b < factors; b++) {
                    sum += gram[a * factors + b] * vector[offset + b];
                }
                out[a] = sum;
            }
            for (int k = from; k < to; k++) {
                int c = column[k] * factors;
                double dot = 0;
                for (int f = 0; f < factors; f++) {
                    dot += fixed[c + f] * vector[offset + f];
                }
                double weight = alpha * value[k] * dot;
                for (int f = 0; f < factors; f++) {
                    out[f] += weight * fixed[c + f];
                }
            }
        }
    }
}
