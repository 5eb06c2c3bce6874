package io.mercator.plugins.filtering.collaborative;

import java.util.Arrays;

/**
 * The user-kNN model. A known user's list comes from their stored neighbours; a new user's items
 * (a basket folded in at query time) find their neighbours on the spot by the cosine of the 0/1
 * item vectors, as values are not known then. Similar items are items bought by the same users
 * (cosine of the 0/1 user vectors), computed per query from the item-to-users index.
 */
final class UserKnnModel extends KnnModel {

    /** The users' items transposed: who has each item. */
    private final RatingMatrix byItem;

    UserKnnModel(Common common, int neighbours, double[] residual, Neighbours similar) {
        super(common, neighbours, residual, similar);
        byItem = RatingMatrix.of(common.users().size(), common.items().size(), common.userStart(), common.userItem(),
                residual);
    }

    @Override
    String kind() {
        return UserKnnStrategy.NAME;
    }

    @Override
    int comparedRows() {
        return common.users().size();
    }

    @Override
    double[] userScores(int u) {
        int end = Math.min(similar.start[u + 1], similar.start[u] + neighbours);
        return neighbourScores(Arrays.copyOfRange(similar.item, similar.start[u], end),
                Arrays.copyOfRange(similar.similarity, similar.start[u], end));
    }

    /** @return per item, the summed similarity of the given users who have it */
    private double[] neighbourScores(int[] users, double[] similarities) {
        double[] scores = new double[common.items().size()];
        for (int k = 0; k < users.length; k++) {
            for (int entry = common.userStart()[users[k]]; entry < common.userStart()[users[k] + 1]; entry++) {
                scores[common.userItem()[entry]] += similarities[k];
            }
        }
        return scores;
    }

    @Override
    double[] basketScores(int[] items) {
        double[] similarity = new double[common.users().size()];
        for (int i : items) {
            for (int entry = byItem.itemStart[i]; entry < byItem.itemStart[i + 1]; entry++) {
                similarity[byItem.itemUser[entry]]++;
            }
        }
        for (int v = 0; v < similarity.length; v++) {
            similarity[v] /= Math.sqrt((double) items.length * (common.userStart()[v + 1] - common.userStart()[v]));
        }
        int[] nearest = Arrays.stream(TopN.select(similarity, null, null, neighbours))
                .filter(v -> similarity[v] > 0).toArray();
        double[] nearestSimilarity = new double[nearest.length];
        for (int k = 0; k < nearest.length; k++) {
            nearestSimilarity[k] = similarity[nearest[k]];
        }
        return neighbourScores(nearest, nearestSimilarity);
    }

    @Override
    double[] itemSimilarities(int i) {
        double[] scores = new double[common.items().size()];
        for (int entry = byItem.itemStart[i]; entry < byItem.itemStart[i + 1]; entry++) {
            int v = byItem.itemUser[entry];
            for (int other = common.userStart()[v]; other < common.userStart()[v + 1]; other++) {
                scores[common.userItem()[other]]++;
            }
        }
        double usersOfI = byItem.itemStart[i + 1] - byItem.itemStart[i];
        for (int j = 0; j < scores.length; j++) {
            double usersOfJ = byItem.itemStart[j + 1] - byItem.itemStart[j];
            scores[j] = scores[j] > 0 ? scores[j] / Math.sqrt(usersOfI * usersOfJ) : 0;
        }
        return scores;
    }

    @Override
    double unclampedPrediction(int u, int i) {
        double baseline = common.baseline().predict(u, i);
        return u < 0 || i < 0 ? baseline : baseline + weightedResidual(u, v -> entry(v, i));
    }
}
