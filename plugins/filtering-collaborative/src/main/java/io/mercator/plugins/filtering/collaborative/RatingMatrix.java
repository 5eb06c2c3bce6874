package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ValidationException;
import io.mercator.api.filtering.Interactions;
import java.util.Arrays;

/**
 * The user-item matrix in compressed sparse rows (by user) and columns (by item), one entry per
 * distinct pair. Repeated rows for the same pair are combined as the strategy says: averaged for
 * ratings (a re-rating replaces rather than doubles the user's opinion), summed for implicit
 * feedback (ten purchases say more than one). Immutable.
 */
final class RatingMatrix {

    /** How repeated rows of one user-item pair become one entry. */
    enum Repeats {
        AVERAGE, SUM
    }

    final int users;
    final int items;
    /** Entries of user u are userStart[u] .. userStart[u + 1] - 1, sorted by item. */
    final int[] userStart;
    final int[] userItem;
    final double[] userValue;
    /** Entries of item i are itemStart[i] .. itemStart[i + 1] - 1, sorted by user. */
    final int[] itemStart;
    final int[] itemUser;
    final double[] itemValue;
    /** Per entry in item order, the same pair's entry in user order. */
    final int[] userEntry;
    final double minValue;
    final double maxValue;

    private RatingMatrix(int users, int items, int[] userStart, int[] userItem, double[] userValue) {
        this.users = users;
        this.items = items;
        this.userStart = userStart;
        this.userItem = userItem;
        this.userValue = userValue;
        int entries = userItem.length;
        itemStart = new int[items + 1];
        for (int entry = 0; entry < entries; entry++) {
            itemStart[userItem[entry] + 1]++;
        }
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        itemUser = new int[entries];
        itemValue = new double[entries];
        userEntry = new int[entries];
        int[] next = Arrays.copyOf(itemStart, items);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int u = 0; u < users; u++) {
            for (int entry = userStart[u]; entry < userStart[u + 1]; entry++) {
                int slot = next[userItem[entry]]++;
                itemUser[slot] = u;
                itemValue[slot] = userValue[entry];
                userEntry[slot] = entry;
                min = Math.min(min, userValue[entry]);
                max = Math.max(max, userValue[entry]);
            }
        }
        minValue = min;
        maxValue = max;
    }

    private RatingMatrix(RatingMatrix original) {
        users = original.items;
        items = original.users;
        userStart = original.itemStart;
        userItem = original.itemUser;
        userValue = original.itemValue;
        itemStart = original.userStart;
        itemUser = original.userItem;
        itemValue = original.userValue;
        userEntry = new int[original.entries()];
        for (int slot = 0; slot < userEntry.length; slot++) {
            userEntry[original.userEntry[slot]] = slot;
        }
        minValue = original.minValue;
        maxValue = original.maxValue;
    }

    /**
     * @return the same entries with the roles of users and items swapped (items become the rows),
     *     sharing this matrix's arrays; user-kNN compares users as item-kNN compares items
     */
    RatingMatrix transpose() {
        return new RatingMatrix(this);
    }

    /**
     * @param byUserEntry one value per entry in user order
     * @return the same values in item order, as the transposed matrix's user order
     */
    double[] inItemOrder(double[] byUserEntry) {
        double[] byItemEntry = new double[userEntry.length];
        for (int slot = 0; slot < byItemEntry.length; slot++) {
            byItemEntry[slot] = byUserEntry[userEntry[slot]];
        }
        return byItemEntry;
    }

    /**
     * @param users the number of users
     * @param items the number of items
     * @param userStart the entries of user u are {@code userStart[u] .. userStart[u + 1] - 1}
     * @param userItem per entry, its item, ascending within a user
     * @param userValue per entry, its value
     * @return the matrix of those entries, e.g. a stored model's users' items
     */
    static RatingMatrix of(int users, int items, int[] userStart, int[] userItem, double[] userValue) {
        return new RatingMatrix(users, items, userStart, userItem, userValue);
    }

    /**
     * @param data the interactions
     * @return their matrix, repeated pairs averaged
     * @throws ValidationException naming {@code interactions} when there are none
     */
    static RatingMatrix of(Interactions data) {
        return of(data, Repeats.AVERAGE);
    }

    /**
     * @param data the interactions
     * @param repeats how repeated rows of a pair are combined
     * @return their matrix
     * @throws ValidationException naming {@code interactions} when there are none
     */
    static RatingMatrix of(Interactions data, Repeats repeats) {
        int rows = data.size();
        if (rows == 0) {
            throw new ValidationException("interactions", "there are no rows to learn from");
        }
        int users = data.users().size();
        int items = data.items().size();
        int[] rowStart = new int[users + 1];
        for (int row = 0; row < rows; row++) {
            rowStart[data.user(row) + 1]++;
        }
        for (int u = 0; u < users; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        // per user, (item << 32 | row) sorts the user's rows by item and keeps the row
        long[] itemAndRow = new long[rows];
        int[] next = Arrays.copyOf(rowStart, users);
        for (int row = 0; row < rows; row++) {
            itemAndRow[next[data.user(row)]++] = ((long) data.item(row) << 32) | row;
        }
        int[] userStart = new int[users + 1];
        int[] userItem = new int[rows];
        double[] userValue = new double[rows];
        int entries = 0;
        for (int u = 0; u < users; u++) {
            Arrays.sort(itemAndRow, rowStart[u], rowStart[u + 1]);
            int k = rowStart[u];
            while (k < rowStart[u + 1]) {
                int item = (int) (itemAndRow[k] >>> 32);
                double sum = 0;
                int count = 0;
                for (; k < rowStart[u + 1] && (int) (itemAndRow[k] >>> 32) == item; k++) {
                    sum += data.value((int) itemAndRow[k]);
                    count++;
                }
                userItem[entries] = item;
                userValue[entries] = repeats == Repeats.SUM ? sum : sum / count;
                entries++;
            }
            userStart[u + 1] = entries;
        }
        return new RatingMatrix(users, items, userStart, Arrays.copyOf(userItem, entries),
                Arrays.copyOf(userValue, entries));
    }

    /** @return the number of distinct user-item pairs */
    int entries() {
        return userItem.length;
    }
}
