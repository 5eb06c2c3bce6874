package io.mercator.plugins.filtering.collaborative;

import java.util.Arrays;

/**
 * A model that keeps every training user's items and scores a known user exactly as it scores a
 * basket of those items, so a user folded in at query time gets the same answer.
 */
abstract class HistoryModel extends CollaborativeModel {

    /** The items of user u are userItem[userStart[u] .. userStart[u + 1] - 1], ascending. */
    final int[] userStart;
    final int[] userItem;

    HistoryModel(Common common, int[] userStart, int[] userItem) {
        super(common);
        this.userStart = userStart;
        this.userItem = userItem;
    }

    @Override
    final double[] userScores(int u) {
        return basketScores(Arrays.copyOfRange(userItem, userStart[u], userStart[u + 1]));
    }
}
