package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.filtering.Explanation;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

/**
 * A factor model: row-major user and item factor matrices in flat arrays, and the biases in the
 * shared baseline (all zero for implicit feedback). An unknown user or item contributes neither
 * bias nor factors. A new user's items are folded in at query time ({@link FoldIn}): implicit ALS
 * solves the user's factors against the fixed item factors; SVD++ sums the items' implicit
 * factors; plain biased MF, which would need ratings to solve, takes the mean of the items' factors.
 */
final class MatrixFactorizationModel extends CollaborativeModel {

    private final String kind;
    private final int factors;
    private final double[] userFactors;
    private final double[] itemFactors;
    private final double[] itemNorm;
    private final FoldIn foldIn;
    /** Item factors that top-N lists rank by instead of the biases and rating factors; null to rank by rating. */
    private final double[] rankingItemFactors;
    /** Y'Y of the item factors when the fold-in solves; null otherwise. */
    private final double[] itemGram;
    /**
     * The item factors top-N lists score by, factor-major (factor f of every item, then f + 1): scoring
     * every item is then a multiply-add over contiguous items that the JIT vectorises.
     */
    private final double[] scoringFactorsByFactor;

    /**
     * How a new user's items become their factors: exactly one of the solver (implicit ALS) and the
     * implicit factors (SVD++) is set, or neither (the mean of the items' factors).
     */
    record FoldIn(ImplicitAlsSolver solver, double[] implicitFactors) {
        static final FoldIn MEAN = new FoldIn(null, null);

        static FoldIn solved(ImplicitAlsSolver solver) {
            return new FoldIn(solver, null);
        }

        static FoldIn implicit(double[] implicitFactors) {
            return new FoldIn(null, implicitFactors);
        }
    }

    MatrixFactorizationModel(Common common, String kind, int factors, double[] userFactors, double[] itemFactors,
            FoldIn foldIn) {
        this(common, kind, factors, userFactors, itemFactors, foldIn, null);
    }

    MatrixFactorizationModel(Common common, String kind, int factors, double[] userFactors, double[] itemFactors,
            FoldIn foldIn, double[] rankingItemFactors) {
        super(common);
        this.rankingItemFactors = rankingItemFactors;
        this.kind = kind;
        this.factors = factors;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.foldIn = foldIn;
        itemGram = foldIn.solver() == null ? null : foldIn.solver().gram(itemFactors);
        scoringFactorsByFactor = transpose(rankingItemFactors != null ? rankingItemFactors : itemFactors,
                common.items().size(), factors);
        itemNorm = new double[common.items().size()];
        for (int i = 0; i < itemNorm.length; i++) {
            itemNorm[i] = Math.sqrt(dot(itemFactors, i * factors, itemFactors, i * factors));
        }
    }

    private double dot(double[] left, int leftOffset, double[] right, int rightOffset) {
        return Vectors.dot(left, leftOffset, right, rightOffset, factors);
    }

    @Override
    String kind() {
        return kind;
    }

    @Override
    double[] userScores(int u) {
        return scores(userFactors, u * factors);
    }

    @Override
    double[] basketScores(int[] items) {
        if (foldIn.solver() != null) {
            return scores(foldIn.solver().foldIn(itemFactors, itemGram, items), 0);
        }
        // SVD++: |N|^-1/2 times the sum of the implicit factors; otherwise the mean of the item factors
        double[] summed = foldIn.implicitFactors() == null ? itemFactors : foldIn.implicitFactors();
        double scale = foldIn.implicitFactors() == null ? 1.0 / items.length : 1 / Math.sqrt(items.length);
        double[] folded = new double[factors];
        for (int i : items) {
            for (int f = 0; f < factors; f++) {
                folded[f] += summed[i * factors + f] * scale;
            }
        }
        return scores(folded, 0);
    }

    private double[] scores(double[] user, int offset) {
        int items = common.items().size();
        // ranking factors carry no bias; the rating factors add the item biases
        double[] scores = rankingItemFactors != null ? new double[items] : common.baseline().itemBias.clone();
        for (int f = 0; f < factors; f++) {
            double weight = user[offset + f];
            int base = f * items;
            for (int i = 0; i < items; i++) {
                scores[i] += weight * scoringFactorsByFactor[base + i];
            }
        }
        return scores;
    }

    /** @return the rows x columns row-major matrix as columns x rows */
    private static double[] transpose(double[] matrix, int rows, int columns) {
        double[] transposed = new double[matrix.length];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                transposed[column * rows + row] = matrix[row * columns + column];
            }
        }
        return transposed;
    }

    @Override
    double[] itemSimilarities(int i) {
        double[] scores = new double[itemNorm.length];
        for (int j = 0; j < scores.length; j++) {
            scores[j] = itemSimilarity(j, i);
        }
        return scores;
    }

    /** @return the cosine of the two items' factors, as {@link #itemSimilarities} */
    @Override
    double itemSimilarity(int j, int i) {
        double norms = itemNorm[i] * itemNorm[j];
        return norms > 0 ? dot(itemFactors, i * factors, itemFactors, j * factors) / norms : 0;
    }

    /** The user's factors are learnt, not summed from items: a listed item may be close to none of them. */
    @Override
    Explanation nothingContributed(int i) {
        return Explanation.of("fits the taste profile learnt from your items, though none of them is close to "
                + common.items().id(i));
    }

    @Override
    double unclampedPrediction(int u, int i) {
        double prediction = common.baseline().predict(u, i);
        return u < 0 || i < 0 ? prediction : prediction + dot(userFactors, u * factors, itemFactors, i * factors);
    }

    @Override
    void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(factors);
        Codec.writeDoubles(out, userFactors);
        Codec.writeDoubles(out, itemFactors);
        out.writeBoolean(foldIn.solver() != null);
        if (foldIn.solver() != null) {
            foldIn.solver().writeTo(out);
        }
        out.writeBoolean(foldIn.implicitFactors() != null);
        if (foldIn.implicitFactors() != null) {
            Codec.writeDoubles(out, foldIn.implicitFactors());
        }
        out.writeBoolean(rankingItemFactors != null);
        if (rankingItemFactors != null) {
            Codec.writeDoubles(out, rankingItemFactors);
        }
    }

    /**
     * @param in the stream, positioned after the shared part
     * @param common the shared part
     * @param kind the strategy name the model was written by
     * @return the model
     * @throws IOException when the factor arrays do not fit the ids
     */
    static MatrixFactorizationModel readBody(DataInputStream in, Common common, String kind) throws IOException {
        int factors = in.readInt();
        double[] userFactors = Codec.readDoubles(in);
        double[] itemFactors = Codec.readDoubles(in);
        if (factors < 1 || userFactors.length != common.users().size() * factors
                || itemFactors.length != common.items().size() * factors) {
            throw new IOException("corrupt " + kind + " model: factor arrays do not match the ids");
        }
        ImplicitAlsSolver solver = in.readBoolean() ? ImplicitAlsSolver.read(in, factors) : null;
        double[] implicitFactors = in.readBoolean() ? Codec.readDoubles(in) : null;
        // models written before the ranking factors existed end here
        double[] rankingItemFactors = in.read() > 0 ? Codec.readDoubles(in) : null;
        if (implicitFactors != null && implicitFactors.length != itemFactors.length
                || rankingItemFactors != null && rankingItemFactors.length != itemFactors.length) {
            throw new IOException("corrupt " + kind + " model: implicit or ranking factors do not match the ids");
        }
        return new MatrixFactorizationModel(common, kind, factors, userFactors, itemFactors,
                new FoldIn(solver, implicitFactors), rankingItemFactors);
    }

    /**
     * @param random the seeded source
     * @param length rows times factors
     * @param spread the standard deviation
     * @return normally distributed initial factors
     */
    static double[] randomFactors(Random random, int length, double spread) {
        double[] values = new double[length];
        for (int k = 0; k < length; k++) {
            values[k] = random.nextGaussian() * spread;
        }
        return values;
    }
}
