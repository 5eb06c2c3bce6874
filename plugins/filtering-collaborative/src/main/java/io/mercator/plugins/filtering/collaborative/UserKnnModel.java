package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.filtering.Explanation;
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

    /** The nearest users of a user or a basket, most similar first, with their similarities. */
    private record Nearest(int[] users, double[] similarities) {
    }

    /**
     * @param u a known user, or -1 for a basket
     * @param basket the basket's items when {@code u} is -1
     * @return the {@code neighbours} nearest users: stored for a known user, by the cosine of the
     *     0/1 item vectors for a basket
     */
    private Nearest nearest(int u, int[] basket) {
        if (u >= 0) {
            int end = Math.min(similar.start[u + 1], similar.start[u] + neighbours);
            return new Nearest(Arrays.copyOfRange(similar.item, similar.start[u], end),
                    Arrays.copyOfRange(similar.similarity, similar.start[u], end));
        }
        double[] similarity = new double[common.users().size()];
        for (int i : basket) {
            for (int entry = byItem.itemStart[i]; entry < byItem.itemStart[i + 1]; entry++) {
                similarity[byItem.itemUser[entry]]++;
            }
        }
        for (int v = 0; v < similarity.length; v++) {
            similarity[v] /= Math.sqrt((double) basket.length * (common.userStart()[v + 1] - common.userStart()[v]));
        }
        int[] users = Arrays.stream(TopN.select(similarity, null, null, neighbours))
                .filter(v -> similarity[v] > 0).toArray();
        return new Nearest(users, Arrays.stream(users).mapToDouble(v -> similarity[v]).toArray());
    }

    @Override
    double[] userScores(int u) {
        return neighbourScores(nearest(u, null));
    }

    @Override
    double[] basketScores(int[] items) {
        return neighbourScores(nearest(-1, items));
    }

    /** @return per item, the summed similarity of the nearest users who have it */
    private double[] neighbourScores(Nearest nearest) {
        double[] scores = new double[common.items().size()];
        for (int k = 0; k < nearest.users.length; k++) {
            int v = nearest.users[k];
            for (int entry = common.userStart()[v]; entry < common.userStart()[v + 1]; entry++) {
                scores[common.userItem()[entry]] += nearest.similarities[k];
            }
        }
        return scores;
    }

    /**
     * Names the nearest users who have {@code i} by what they share with the user: each of the
     * user's items weighs the summed similarity of those neighbours who also have it.
     */
    @Override
    Explanation explain(int u, int[] basket, int i) {
        Nearest nearest = nearest(u, basket);
        double[] contributions = new double[basket.length];
        int voters = 0;
        for (int k = 0; k < nearest.users.length; k++) {
            int v = nearest.users[k];
            if (entry(v, i) < 0) {
                continue;
            }
            voters++;
            for (int b = 0; b < basket.length; b++) {
                if (basket[b] != i && entry(v, basket[b]) >= 0) {
                    contributions[b] += nearest.similarities[k];
                }
            }
        }
        String opening = voters == 1 ? "a customer who also chose " : voters + " customers who also chose ";
        return becauseOf(basket, contributions, i, opening, " chose it");
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
