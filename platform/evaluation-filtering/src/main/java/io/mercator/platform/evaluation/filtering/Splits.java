package io.mercator.platform.evaluation.filtering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** How rows are divided into training and test sets. */
final class Splits {

    private Splits() {
    }

    /**
     * Seeded random k-fold: rows are shuffled (Fisher-Yates with {@link Random}) and dealt to folds
     * 1..k in turn, so fold sizes differ by at most one.
     *
     * @param rows the number of rows
     * @param k the number of folds
     * @param seed the shuffle's seed
     * @return per row, its test fold from 1 to k
     */
    static int[] randomFolds(int rows, int k, long seed) {
        int[] order = new int[rows];
        for (int row = 0; row < rows; row++) {
            order[row] = row;
        }
        Random random = new Random(seed);
        for (int last = rows - 1; last > 0; last--) {
            int other = random.nextInt(last + 1);
            int kept = order[last];
            order[last] = order[other];
            order[other] = kept;
        }
        int[] fold = new int[rows];
        for (int position = 0; position < rows; position++) {
            fold[order[position]] = position % k + 1;
        }
        return fold;
    }

    /**
     * Per-user time-ordered split: each user's rows are ordered by timestamp (then by row) and the
     * latest {@code round(n * fraction)} of a user's {@code n} rows are test rows; a user with at
     * least two rows keeps at least one row on each side, a user with one row trains only.
     *
     * @param users per row, the user id
     * @param timestamps per row, the time
     * @param fraction the share of each user's rows to test on, in (0, 1)
     * @return per row, whether it is a test row
     */
    static boolean[] latestPerUser(String[] users, long[] timestamps, double fraction) {
        Map<String, List<Integer>> rowsByUser = new HashMap<>();
        for (int row = 0; row < users.length; row++) {
            rowsByUser.computeIfAbsent(users[row], user -> new ArrayList<>()).add(row);
        }
        boolean[] test = new boolean[users.length];
        for (List<Integer> rows : rowsByUser.values()) {
            int n = rows.size();
            if (n < 2) {
                continue;
            }
            rows.sort((a, b) -> timestamps[a] != timestamps[b] ? Long.compare(timestamps[a], timestamps[b])
                    : Integer.compare(a, b));
            int tested = (int) Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
            for (int position = n - tested; position < n; position++) {
                test[rows.get(position)] = true;
            }
        }
        return test;
    }
}
