package io.mercator.plugins.segmentation.clv;

import io.mercator.api.segmentation.Transactions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The per-customer summary that buy-till-you-die models are fitted on, in weeks: {@code x} repeat
 * purchases, the time {@code tx} of the last purchase and the length {@code T} of the
 * observation, both measured from the customer's first purchase, and the mean value of the
 * repeat purchases (0 without one). Purchases on the same day are merged into one; returns (negative amounts)
 * and rows on or after the end day are ignored, free purchases (zero amounts) count. Customers with no purchase have {@code T} of -1.
 */
final class RepeatPurchases {

    static final double DAYS_PER_WEEK = 7;

    final double[] x;
    final double[] tx;
    final double[] observed;
    final double[] meanRepeatValue;

    private RepeatPurchases(double[] x, double[] tx, double[] observed, double[] meanRepeatValue) {
        this.x = x;
        this.tx = tx;
        this.observed = observed;
        this.meanRepeatValue = meanRepeatValue;
    }

    /**
     * @param transactions the transactions
     * @param endDay the first epoch day not observed
     * @return one summary per customer of {@code transactions.customers()}
     */
    static RepeatPurchases of(Transactions transactions, int endDay) {
        int customers = transactions.customers().size();
        int[] order = IntStream.range(0, transactions.size()).boxed()
                .sorted(Comparator.comparingInt(transactions::day))
                .mapToInt(Integer::intValue).toArray();
        int[] first = new int[customers];
        int[] last = new int[customers];
        Arrays.fill(first, -1);
        double[] x = new double[customers];
        double[] repeatValue = new double[customers];
        for (int row : order) {
            int day = transactions.day(row);
            double amount = transactions.amount(row);
            if (day >= endDay || amount < 0) {
                continue;
            }
            int c = transactions.customer(row);
            if (first[c] < 0) {
                first[c] = day;
                last[c] = day;
            } else if (day != first[c]) {
                if (day != last[c]) {
                    x[c]++;
                    last[c] = day;
                }
                repeatValue[c] += amount;
            }
        }
        double[] tx = new double[customers];
        double[] observed = new double[customers];
        double[] meanRepeatValue = new double[customers];
        for (int c = 0; c < customers; c++) {
            if (first[c] < 0) {
                observed[c] = -1;
                continue;
            }
            tx[c] = (last[c] - first[c]) / DAYS_PER_WEEK;
            observed[c] = (endDay - 1 - first[c]) / DAYS_PER_WEEK;
            meanRepeatValue[c] = x[c] > 0 ? repeatValue[c] / x[c] : 0;
        }
        return new RepeatPurchases(x, tx, observed, meanRepeatValue);
    }

    int size() {
        return x.length;
    }

    boolean isActive(int customer) {
        return observed[customer] >= 0;
    }
}
