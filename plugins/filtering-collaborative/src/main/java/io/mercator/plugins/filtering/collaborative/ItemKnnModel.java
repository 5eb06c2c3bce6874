package io.mercator.plugins.filtering.collaborative;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/** The item-kNN model: item neighbour lists plus each training user's items and baseline residuals. */
final class ItemKnnModel extends CollaborativeModel {

    private final int neighbours;
    private final int[] userStart;
    private final int[] userItem;
    private final double[] residual;
    private final ItemNeighbours itemNeighbours;

    ItemKnnModel(Common common, int neighbours, int[] userStart, int[] userItem, double[] residual,
            ItemNeighbours itemNeighbours) {
        super(common);
        this.neighbours = neighbours;
        this.userStart = userStart;
        this.userItem = userItem;
        this.residual = residual;
        this.itemNeighbours = itemNeighbours;
    }

    @Override
    String kind() {
        return ItemKnnStrategy.NAME;
    }

    @Override
    double[] userScores(int u) {
        double[] scores = new double[common.items().size()];
        for (int entry = userStart[u]; entry < userStart[u + 1]; entry++) {
            int j = userItem[entry];
            int end = Math.min(itemNeighbours.start[j + 1], itemNeighbours.start[j] + neighbours);
            for (int k = itemNeighbours.start[j]; k < end; k++) {
                scores[itemNeighbours.item[k]] += itemNeighbours.similarity[k];
            }
        }
        return scores;
    }

    @Override
    double[] itemSimilarities(int i) {
        double[] scores = new double[common.items().size()];
        for (int k = itemNeighbours.start[i]; k < itemNeighbours.start[i + 1]; k++) {
            scores[itemNeighbours.item[k]] = itemNeighbours.similarity[k];
        }
        return scores;
    }

    @Override
    double unclampedPrediction(int u, int i) {
        double baseline = common.baseline().predict(u, i);
        if (u < 0 || i < 0) {
            return baseline;
        }
        double weighted = 0;
        double weights = 0;
        int used = 0;
        for (int k = itemNeighbours.start[i]; k < itemNeighbours.start[i + 1] && used < neighbours; k++) {
            int entry = Arrays.binarySearch(userItem, userStart[u], userStart[u + 1], itemNeighbours.item[k]);
            if (entry >= 0) {
                weighted += itemNeighbours.similarity[k] * residual[entry];
                weights += itemNeighbours.similarity[k];
                used++;
            }
        }
        return weights > 0 ? baseline + weighted / weights : baseline;
    }

    @Override
    void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(neighbours);
        Codec.writeInts(out, userStart);
        Codec.writeInts(out, userItem);
        Codec.writeDoubles(out, residual);
        itemNeighbours.writeTo(out);
    }
}
