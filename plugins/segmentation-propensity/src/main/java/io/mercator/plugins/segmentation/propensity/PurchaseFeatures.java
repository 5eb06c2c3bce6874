package io.mercator.plugins.segmentation.propensity;

import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.Transactions;
import java.util.Arrays;

/**
 * The features the propensity model learns from, per customer as of an analysis day, all on a log
 * scale ({@code log(1 + value)}): recency in days, number of purchases, net spend, tenure (days
 * since the first purchase), mean days between purchases (the tenure when there was one
 * purchase) and mean basket value.
 */
final class PurchaseFeatures {

    static final String[] NAMES = {"recencyDays", "frequency", "monetary", "tenureDays", "interPurchaseDays",
        "basketValue"};
    static final int DIMENSIONS = NAMES.length;

    final CustomerFeatures base;
    /** Row-major, {@link #DIMENSIONS} per customer; zeros for inactive customers. */
    final double[] values;

    private PurchaseFeatures(CustomerFeatures base, double[] values) {
        this.base = base;
        this.values = values;
    }

    static PurchaseFeatures of(Transactions transactions, int analysisDay) {
        CustomerFeatures base = CustomerFeatures.of(transactions, analysisDay);
        int[] first = new int[base.size()];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int row = 0; row < transactions.size(); row++) {
            if (transactions.day(row) < analysisDay && transactions.amount(row) > 0) {
                int c = transactions.customer(row);
                first[c] = Math.min(first[c], transactions.day(row));
            }
        }
        double[] values = new double[base.size() * DIMENSIONS];
        for (int c = 0; c < base.size(); c++) {
            if (!base.isActive(c)) {
                continue;
            }
            double tenure = analysisDay - first[c];
            double frequency = base.frequency(c);
            double monetary = Math.max(0, base.monetary(c));
            double[] row = {base.recencyDays(c), frequency, monetary, tenure,
                frequency > 1 ? (tenure - base.recencyDays(c)) / (frequency - 1) : tenure, monetary / frequency};
            for (int f = 0; f < DIMENSIONS; f++) {
                values[c * DIMENSIONS + f] = Math.log1p(row[f]);
            }
        }
        return new PurchaseFeatures(base, values);
    }
}
