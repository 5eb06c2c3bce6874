package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderStrategy;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.osgi.service.component.annotations.Component;

/**
 * Biased matrix factorisation for explicit ratings, {@code r(u,i) ~ mu + b_u + b_i + p_u . q_i}
 * (Koren, Bell and Volinsky 2009), by default with implicit feedback (SVD++, Koren 2008):
 * {@code p_u} is joined by {@code |N(u)|^-1/2} times the sum of implicit factors {@code y_j} of the
 * items the user rated, which says something whatever the rating was. Fitted by stochastic
 * gradient descent over the ratings in a seeded random order, with learning rates that decay every
 * epoch; the implicit sums are recomputed once per epoch and their gradients applied at its end,
 * so an epoch costs O(ratings * factors) as plain MF does. Biases start from the regularised
 * baseline.
 *
 * <p>Top-N lists by default ({@code ranking=choice}) rank by {@code p_u . q'_i} (with the implicit
 * sum folded into {@code p_u}), where the ranking item factors {@code q'_i} are refitted after
 * training by one weighted least-squares step against the fixed user factors over the whole
 * matrix: a rated pair is a one with confidence {@code 1 + alpha * rating}, every unrated pair a
 * zero with confidence one. Ranking by predicted rating ({@code ranking=rating}, {@code b_i + p_u .
 * q_i}) answers "how much would the user like it if they watched it" and puts items few people
 * rated first; top-N asks "what will the user choose and like", which is what the refit learns
 * (Steck 2010 on missing-not-at-random ratings; Cremonesi, Koren and Turrin 2010). Predictions
 * always use the rating factors, so the RMSE is the same in both modes. Similar items are the
 * cosine of the rating item factors; a new user's items are folded in as their implicit sum.
 */
@Component(service = RecommenderStrategy.class, immediate = true)
public final class BiasedMfStrategy extends CollaborativeStrategy {

    static final String NAME = "biased-mf";
    private static final String FACTORS = "factors";
    private static final String EPOCHS = "epochs";
    private static final String LEARNING_RATE = "learning-rate";
    private static final String DECAY = "learning-rate-decay";
    private static final String REGULARISATION = "regularisation";
    private static final String BIAS_REGULARISATION = "bias-regularisation";
    private static final String INITIAL_SPREAD = "initial-spread";
    private static final String SEED = "seed";
    private static final String IMPLICIT_FEEDBACK = "implicit-feedback";
    private static final String IMPLICIT_LEARNING_RATE = "implicit-learning-rate";
    private static final String IMPLICIT_REGULARISATION = "implicit-regularisation";
    private static final String RANKING = "ranking";
    private static final String RANKING_ALPHA = "ranking-alpha";
    private static final String RANKING_REGULARISATION = "ranking-regularisation";
    private static final String RANKING_STEPS = "ranking-steps";

    /** Describes the strategy and its parameters. */
    public BiasedMfStrategy() {
        super(NAME, "Biased matrix factorisation (mu + b_u + b_i + p_u.q_i) fitted by SGD.",
                ParameterSpec.integer(FACTORS, "Latent factors per user and item.", 80, 1, 1000),
                // 36 epochs from a larger first step decaying more slowly: RMSE 0.9046 on MovieLens 100K u1..u5
                // where 60 from 0.02 decaying by 0.95 reached 0.9041, in 57% of the CPU time
                ParameterSpec.integer(EPOCHS, "Passes over the ratings.", 36, 1, 10_000),
                ParameterSpec.real(LEARNING_RATE, "SGD step size of the first epoch.", 0.025, 1e-6, 1),
                ParameterSpec.real(DECAY, "The step size is multiplied by this after every epoch.", 0.94, 0.1, 1),
                ParameterSpec.real(REGULARISATION, "L2 penalty on the factors.", 0.12, 0, 10),
                ParameterSpec.real(BIAS_REGULARISATION, "L2 penalty on the user and item biases.", 0.05, 0, 10),
                ParameterSpec.real(INITIAL_SPREAD, "Standard deviation of the random initial factors.", 0.1, 0, 10),
                ParameterSpec.integer(SEED, "Seed of the initial factors and the rating order.", 42, 0,
                        Integer.MAX_VALUE),
                ParameterSpec.bool(IMPLICIT_FEEDBACK, "SVD++: a user's factors also sum implicit factors of the "
                        + "items they rated, whatever the rating (Koren 2008); false is plain biased MF.", true),
                ParameterSpec.real(IMPLICIT_LEARNING_RATE, "Step size of the implicit factors in the first epoch; "
                        + "decays with the other.", 0.003, 1e-6, 1),
                ParameterSpec.real(IMPLICIT_REGULARISATION, "L2 penalty on the implicit factors, once per user and "
                        + "epoch.", 1, 0, 100),
                // ranking by predicted rating puts obscure items first (nDCG@10 0.033 on the MovieLens time
                // split, popularity 0.098); the choice head reaches 0.146 and leaves predictions as they were
                ParameterSpec.choice(RANKING, "How top-N lists rank items: choice (item factors refitted by weighted "
                        + "least squares to say which items each user rates, every unrated item a zero) or rating "
                        + "(by predicted rating, which favours items few people rated). Predictions always use "
                        + "the rating factors.", "choice", "choice", "rating"),
                ParameterSpec.real(RANKING_ALPHA, "Choice ranking: confidence of a rated pair is 1 + alpha * rating.",
                        1, 0, 1e6),
                ParameterSpec.real(RANKING_REGULARISATION, "Choice ranking: L2 penalty on the refitted item factors.",
                        100, 0, 1e6),
                ParameterSpec.integer(RANKING_STEPS, "Choice ranking: conjugate-gradient steps per item, from the "
                        + "rating factors.", 5, 1, 1000),
                Baseline.USER_REGULARISATION_SPEC, Baseline.ITEM_REGULARISATION_SPEC);
    }

    @Override
    CollaborativeModel fit(Interactions data, RatingMatrix matrix, Parameters parameters, TrainingContext context) {
        int factors = parameters.getInt(FACTORS);
        int epochs = parameters.getInt(EPOCHS);
        double regularisation = parameters.getDouble(REGULARISATION);
        double biasRegularisation = parameters.getDouble(BIAS_REGULARISATION);
        Random random = new Random(parameters.getInt(SEED));
        Baseline start = baseline(matrix, parameters);
        double mean = start.mean;
        double[] userBias = start.userBias.clone();
        double[] itemBias = start.itemBias.clone();
        double spread = parameters.getDouble(INITIAL_SPREAD);
        double[] userFactors = MatrixFactorizationModel.randomFactors(random, matrix.users * factors, spread);
        double[] itemFactors = MatrixFactorizationModel.randomFactors(random, matrix.items * factors, spread);
        int entries = matrix.entries();
        int[] entryUser = new int[entries];
        for (int u = 0; u < matrix.users; u++) {
            for (int entry = matrix.userStart[u]; entry < matrix.userStart[u + 1]; entry++) {
                entryUser[entry] = u;
            }
        }
        int[] order = new int[entries];
        for (int entry = 0; entry < entries; entry++) {
            order[entry] = entry;
        }
        // SVD++: implicit item factors y_j; a user's implicit part |N(u)|^-1/2 sum of y_j over their items is
        // recomputed every epoch, and its gradient gathered per user and applied at the epoch's end
        boolean implicitFeedback = parameters.getBoolean(IMPLICIT_FEEDBACK);
        double[] implicitFactors = implicitFeedback
                ? MatrixFactorizationModel.randomFactors(random, matrix.items * factors, spread) : null;
        double[] implicitPart = new double[matrix.users * factors];
        double[] implicitGradient = implicitFeedback ? new double[matrix.users * factors] : null;
        double rate = parameters.getDouble(LEARNING_RATE);
        double implicitRate = parameters.getDouble(IMPLICIT_LEARNING_RATE);
        double implicitRegularisation = parameters.getDouble(IMPLICIT_REGULARISATION);
        for (int epoch = 0; epoch < epochs; epoch++) {
            context.checkCancelled();
            context.progress((double) epoch / epochs, "epoch " + (epoch + 1));
            if (implicitFeedback) {
                implicitParts(matrix, factors, implicitFactors, implicitPart);
                Arrays.fill(implicitGradient, 0);
            }
            shuffle(order, random);
            new Epoch(mean, userBias, itemBias, userFactors, itemFactors, implicitPart, implicitGradient, factors,
                    rate, regularisation, biasRegularisation).run(order, entryUser, matrix.userItem, matrix.userValue);
            if (implicitFeedback) {
                applyImplicitGradient(matrix, factors, implicitGradient, implicitFactors, implicitRate,
                        implicitRegularisation);
            }
            rate *= parameters.getDouble(DECAY);
            implicitRate *= parameters.getDouble(DECAY);
        }
        if (implicitFeedback) {
            implicitParts(matrix, factors, implicitFactors, implicitPart);
            for (int k = 0; k < userFactors.length; k++) {
                userFactors[k] += implicitPart[k];
            }
        }
        double[] rankingItemFactors = null;
        if (parameters.getString(RANKING).equals("choice")) {
            context.progress(1, "refitting item factors for ranking");
            // one implicit-ALS half-step against the fixed user factors (Hu, Koren and Volinsky 2008): every
            // unrated pair counts as a zero, so an item ranks high for the users who would rate it

            rankingItemFactors = itemFactors.clone();
            new ImplicitAlsSolver(factors, parameters.getDouble(RANKING_REGULARISATION),
                    parameters.getDouble(RANKING_ALPHA), parameters.getInt(RANKING_STEPS))
                    .solve(rankingItemFactors, userFactors, matrix.itemStart, matrix.itemUser, matrix.itemValue);
        }
        context.progress(1, "");
        Baseline biases = new Baseline(mean, userBias, itemBias);
        return new MatrixFactorizationModel(common(data, matrix, biases, userCounts(matrix)), NAME, factors, userFactors,
                itemFactors, implicitFeedback ? MatrixFactorizationModel.FoldIn.implicit(implicitFactors)
                        : MatrixFactorizationModel.FoldIn.MEAN, rankingItemFactors);
    }

    /**
     * One SGD pass over the ratings. Its own small method, so that the JIT compiles the hot loop on
     * its own, with the step and the shrinkage of each update computed once per rating.
     */
    private record Epoch(double mean, double[] userBias, double[] itemBias, double[] userFactors,
            double[] itemFactors, double[] implicitPart, double[] implicitGradient, int factors, double rate,
            double regularisation, double biasRegularisation) {

        void run(int[] order, int[] entryUser, int[] entryItem, double[] entryValue) {
            double shrink = 1 - rate * regularisation;
            double biasShrink = 1 - rate * biasRegularisation;
            for (int entry : order) {
                int u = entryUser[entry];
                int i = entryItem[entry];
                int userOffset = u * factors;
                int itemOffset = i * factors;
                double prediction = mean + userBias[u] + itemBias[i] + (implicitGradient == null
                        ? Vectors.dot(userFactors, userOffset, itemFactors, itemOffset, factors)
                        : Vectors.dotOfSum(userFactors, implicitPart, userOffset, itemFactors, itemOffset, factors));
                double error = entryValue[entry] - prediction;
                double step = rate * error;
                userBias[u] = biasShrink * userBias[u] + step;
                itemBias[i] = biasShrink * itemBias[i] + step;
                if (implicitGradient == null) {
                    for (int f = 0; f < factors; f++) {
                        double p = userFactors[userOffset + f];
                        double q = itemFactors[itemOffset + f];
                        userFactors[userOffset + f] = shrink * p + step * q;
                        itemFactors[itemOffset + f] = shrink * q + step * p;
                    }
                } else {
                    // SVD++: the item sees the user's factors plus their implicit part, and the implicit
                    // factors' gradient gathers per user for the end of the epoch
                    for (int f = 0; f < factors; f++) {
                        double p = userFactors[userOffset + f];
                        double q = itemFactors[itemOffset + f];
                        userFactors[userOffset + f] = shrink * p + step * q;
                        itemFactors[itemOffset + f] = shrink * q + step * (p + implicitPart[userOffset + f]);
                        implicitGradient[userOffset + f] += error * q;
                    }
                }
            }
        }
    }

    /** Moves every rated item's implicit factors by its users' gathered gradients, once per user. */
    private static void applyImplicitGradient(RatingMatrix matrix, int factors, double[] implicitGradient,
            double[] implicitFactors, double rate, double regularisation) {
        double shrink = 1 - rate * regularisation;
        for (int u = 0; u < matrix.users; u++) {
            double step = rate / Math.sqrt(matrix.userStart[u + 1] - matrix.userStart[u]);
            int userOffset = u * factors;
            for (int entry = matrix.userStart[u]; entry < matrix.userStart[u + 1]; entry++) {
                int offset = matrix.userItem[entry] * factors;
                for (int f = 0; f < factors; f++) {
                    implicitFactors[offset + f] = shrink * implicitFactors[offset + f]
                            + step * implicitGradient[userOffset + f];
                }
            }
        }
    }

    /** Sets each user's implicit part to |N(u)|^-1/2 times the sum of the implicit factors of their items. */
    static void implicitParts(RatingMatrix matrix, int factors, double[] implicitFactors, double[] implicitPart) {
        Arrays.fill(implicitPart, 0);
        for (int u = 0; u < matrix.users; u++) {
            double norm = 1 / Math.sqrt(matrix.userStart[u + 1] - matrix.userStart[u]);
            int userOffset = u * factors;
            for (int entry = matrix.userStart[u]; entry < matrix.userStart[u + 1]; entry++) {
                int offset = matrix.userItem[entry] * factors;
                for (int f = 0; f < factors; f++) {
                    implicitPart[userOffset + f] += norm * implicitFactors[offset + f];
                }
            }
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int k = order.length - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int kept = order[k];
            order[k] = order[other];
            order[other] = kept;
        }
    }

    @Override
    CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) throws IOException {
        return MatrixFactorizationModel.readBody(in, common, NAME);
    }
}
