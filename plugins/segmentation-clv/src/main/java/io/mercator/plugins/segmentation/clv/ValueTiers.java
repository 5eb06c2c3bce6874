package io.mercator.plugins.segmentation.clv;

import io.mercator.api.segmentation.SegmentAssignment;
import java.util.stream.IntStream;

/**
 * Predicts every customer's purchases, spend and lifetime value, and puts customers into
 * segments by them: {@code likely-lost} when the probability of being alive is below a threshold,
 * otherwise a value tier by lifetime value, cut at the fit-time tertiles of the customers who are
 * likely alive.
 *
 * <p>The lifetime value over the horizon is the Gamma-Gamma expected spend per transaction times
 * the BG/NBD expected purchases of each week of the horizon, discounted to the analysis date:
 * {@code spend * sum over weeks w of (E[N(w)] - E[N(w - 1)]) / (1 + rate)^(w / 52.18)}.
 *
 * @param model the fitted BG/NBD parameters
 * @param spend the fitted Gamma-Gamma parameters
 * @param horizonWeeks the horizon of the predictions
 * @param annualDiscountRate the yearly rate future spend is discounted at, e.g. 0.1
 * @param aliveThreshold the probability of being alive below which a customer counts as lost
 * @param cuts the lower and upper tertile of the lifetime value
 */
record ValueTiers(BgNbd model, GammaGamma spend, double horizonWeeks, double annualDiscountRate,
        double aliveThreshold, double[] cuts) {

    static final String[] SEGMENTS = {"high-value", "mid-value", "low-value", "likely-lost"};
    static final String[] FEATURES = {"repeatPurchases", "probabilityAlive", "expectedPurchases", "expectedSpend",
        "lifetimeValue"};
    static final int PROBABILITY_ALIVE = 1;
    static final int LIFETIME_VALUE = 4;

    private static final double WEEKS_PER_YEAR = 365.25 / RepeatPurchases.DAYS_PER_WEEK;

    /** @return the profile features of every customer, {@code [FEATURES.length][customers]}; 0 for inactive ones */
    double[][] predict(RepeatPurchases history) {
        double[][] columns = new double[FEATURES.length][history.size()];
        for (int c = 0; c < history.size(); c++) {
            if (history.isActive(c)) {
                double x = history.x[c];
                double expectedSpend = spend.expectedSpend(x, history.meanRepeatValue[c]);
                columns[0][c] = x;
                columns[PROBABILITY_ALIVE][c] = model.probabilityAlive(x, history.tx[c], history.observed[c]);
                columns[2][c] = model.expectedPurchases(horizonWeeks, x, history.tx[c], history.observed[c]);
                columns[3][c] = expectedSpend;
                columns[LIFETIME_VALUE][c] = expectedSpend * discountedPurchases(x, history.tx[c], history.observed[c]);
            }
        }
        return columns;
    }

    /** @return the expected purchases of each week of the horizon, discounted to the analysis date, summed */
    double discountedPurchases(double x, double tx, double observed) {
        double total = 0;
        double before = 0;
        for (int week = 1; week < horizonWeeks + 1; week++) {
            double weeks = Math.min(week, horizonWeeks);
            double cumulative = model.expectedPurchases(weeks, x, tx, observed);
            total += (cumulative - before) * Math.pow(1 + annualDiscountRate, -weeks / WEEKS_PER_YEAR);
            before = cumulative;
        }
        return total;
    }

    /** @return the tertiles of the lifetime value of the active customers at or above the threshold */
    static double[] tertiles(RepeatPurchases history, double[][] predictions, double aliveThreshold) {
        double[] values = IntStream.range(0, history.size())
                .filter(c -> history.isActive(c) && predictions[PROBABILITY_ALIVE][c] >= aliveThreshold)
                .mapToDouble(c -> predictions[LIFETIME_VALUE][c]).sorted().toArray();
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
            } else if (predictions[PROBABILITY_ALIVE][c] < aliveThreshold) {
                segment[c] = 3;
            } else {
                double value = predictions[LIFETIME_VALUE][c];
                segment[c] = value > cuts[1] ? 0 : value > cuts[0] ? 1 : 2;
            }
        }
        return segment;
    }
}
