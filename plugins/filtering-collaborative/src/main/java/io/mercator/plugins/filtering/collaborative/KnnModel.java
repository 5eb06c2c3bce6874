package io.mercator.plugins.filtering.collaborative;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * A k-nearest-neighbour model: neighbour lists (of items or of users) and each training entry's
 * residual from the baseline. A prediction is the baseline plus the similarity-weighted mean of
 * the residuals of the {@code neighbours} most similar neighbours that have a rating to offer.
 */
abstract class KnnModel extends CollaborativeModel {

    final int neighbours;
    /** Per entry of the users' items ({@link Common#userItem()} order), rating minus baseline. */
    final double[] residual;
    final Neighbours similar;

    KnnModel(Common common, int neighbours, double[] residual, Neighbours similar) {
        super(common);
        this.neighbours = neighbours;
        this.residual = residual;
        this.similar = similar;
    }

    /** @return the number of rows the neighbour lists are for: items or users */
    abstract int comparedRows();

    /**
     * @param row a compared row (an item or a user)
     * @param entryOf per neighbour, the entry whose residual it offers, or a negative number if none
     * @return the similarity-weighted mean of the offered residuals of the first {@code neighbours}
     *     neighbours that offer one, 0 when none does
     */
    final double weightedResidual(int row, IntUnaryOperator entryOf) {
        double weighted = 0;
        double weights = 0;
        int used = 0;
        for (int k = similar.start[row]; k < similar.start[row + 1] && used < neighbours; k++) {
            int entry = entryOf.applyAsInt(similar.item[k]);
            if (entry >= 0) {
                weighted += similar.similarity[k] * residual[entry];
                weights += similar.similarity[k];
                used++;
            }
        }
        return weights > 0 ? weighted / weights : 0;
    }

    /**
     * @param u a known user
     * @param i a known item
     * @return the entry of the pair in user order, or a negative number when the user has not the item
     */
    final int entry(int u, int i) {
        return Arrays.binarySearch(common.userItem(), common.userStart()[u], common.userStart()[u + 1], i);
    }

    @Override
    final void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(neighbours);
        Codec.writeDoubles(out, residual);
        similar.writeTo(out);
    }
}
