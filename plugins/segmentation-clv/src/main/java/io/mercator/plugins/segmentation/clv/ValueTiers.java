package io.mercator.plugins.segmentation.clv;

import io.mercator.api.segmentation.SegmentAssignment;
import java.util.stream.IntStream;

/**
 * Puts customers into segments by BG/NBD predictions: {@code likely-lost} when the probability
 * of being alive is below a threshold, otherwise a value tier by the expected spend over the
 * horizon (expected purchases times the customer's mean purchase value), cut at the fit-time
 * tertiles of the customers who are likely alive.
 *
 * @param model the fitted BG/NBD parameters
 * @param horizonWeeks the horizon of the predictions
 * @param aliveThreshold the probability of being alive below which a customer counts as lost
 * @param cuts the lower and upper tertile of the expected value
 */
record ValueTiers(BgNbd model, double horizonWeeks, double aliveThreshold, double[] cuts) {

    static final String[] SEGMENTS = {"high-value", "mid-value", "low-value", "likely-lost"};
    static final String[] FEATURES = {"repeatPurchases", "probabilityAlive", "expectedPurchases", "expectedValue"};

    /** @return the profile features of every customer, {@code [FEATURES.length][customers]}; 0 for inactive ones */
    double[][] predict(RepeatPurchases history) {
        double[][] columns = new double[FEATURES.length][history.size()];
        for (int c = 0; c < history.size(); c++) {
            if (history.isActive(c)) {
                double x = history.x[c];
                double tx = history.tx[c];
                double observed = history.observed[c];
                double purchases = model.expectedPurchases(horizonWeeks, x, tx, observed);
                columns[0][c] = x;
                columns[1][c] = model.probabilityAlive(x, tx, observed);
                columns[2][c] = purchases;
                columns[3][c] = purchases * history.meanRepeatValue[c];
            }
        }
        return columns;
    }

    /** @return the tertiles of the expected value of the active customers at or above the threshold */
    static double[] tertiles(RepeatPurchases history, double[][] predictions, double aliveThreshold) {
        double[] values = IntStream.range(0, history.size())
                .filter(c -> history.isActive(c) && predictions[1][c] >= aliveThreshold)
                .mapToDouble(c -> predictions[3][c]).sorted().toArray();
        if (values.length == 0) {
            return new double[] {0, 0};
        }
        return new double[] {values[(values.length - 1) / 3], values[2 * (values.length - 1) / 3]};
    }

    /** @return the segment of every customer, unassigned for those without a purchase */
    int[] segments(RepeatPurchases history, double[][] predictions) {
        int[] segment = new int[history.size()];
        for (int c = 0; c < history.size(); c++) {
            if (!history.isActive(c)) {
                segment[c] = SegmentAssignment.UNASSIGNED;
            } else if (predictions[1][c] < aliveThreshold) {
                segment[c] = 3;
            } else {
                double value = predictions[3][c];
                segment[c] = value > cuts[1] ? 0 : value > cuts[0] ? 1 : 2;
            }
        }
        return segment;
    }
}
