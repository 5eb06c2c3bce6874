package io.mercator.plugins.filtering.collaborative;

/**
 * The item-kNN model, whether its item similarities come from ratings (item-kNN) or from the
 * items' descriptions (content-based). A user is scored as the basket of their items: a
 * candidate's score is the sum of its similarities to the basket's items, over the
 * {@code neighbours} most similar items of each.
 */
final class ItemKnnModel extends KnnModel {

    private final String kind;

    ItemKnnModel(Common common, int neighbours, double[] residual, Neighbours similar, String kind) {
        super(common, neighbours, residual, similar);
        this.kind = kind;
    }

    @Override
    String kind() {
        return kind;
    }

    @Override
    int comparedRows() {
        return common.items().size();
    }

    @Override
    double[] basketScores(int[] items) {
        double[] scores = new double[common.items().size()];
        for (int j : items) {
            int end = Math.min(similar.start[j + 1], similar.start[j] + neighbours);
            for (int k = similar.start[j]; k < end; k++) {
                scores[similar.item[k]] += similar.similarity[k];
            }
        }
        return scores;
    }

    /** @return the similarity of i to j if i is among j's {@code neighbours} most similar items, else 0 */
    @Override
    double itemSimilarity(int j, int i) {
        int end = Math.min(similar.start[j + 1], similar.start[j] + neighbours);
        for (int k = similar.start[j]; k < end; k++) {
            if (similar.item[k] == i) {
                return similar.similarity[k];
            }
        }
        return 0;
    }

    @Override
    double[] itemSimilarities(int i) {
        double[] scores = new double[common.items().size()];
        for (int k = similar.start[i]; k < similar.start[i + 1]; k++) {
            scores[similar.item[k]] = similar.similarity[k];
        }
        return scores;
    }

    @Override
    double unclampedPrediction(int u, int i) {
        double baseline = common.baseline().predict(u, i);
        return u < 0 || i < 0 ? baseline : baseline + weightedResidual(i, j -> entry(u, j));
    }
}
