package io.mercator.platform.evaluation.segmentation;

import io.mercator.api.segmentation.ClusterQuality;
import io.mercator.api.segmentation.CustomerFeatures;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluator's metrics. Every strategy is judged on the same feature space: the standardised
 * (z-scored) log recency, frequency and monetary value of the customers with a purchase, see
 * {@link CustomerFeatures#logValues()}; internal quality comes from {@link ClusterQuality}.
 * Public for the benchmarks; the bundle does not export it.
 */
public final class SegmentationMetrics {

    private SegmentationMetrics() {
    }

    /**
     * @param features the customers' features
     * @param active the rows of the customers with a purchase
     * @return their standardised log features, row-major, three per customer
     */
    public static double[] commonSpace(CustomerFeatures features, int[] active) {
        int dimensions = CustomerFeatures.NAMES.length;
        double[] all = features.logValues();
        double[] points = new double[active.length * dimensions];
        for (int d = 0; d < dimensions; d++) {
            double sum = 0;
            for (int row = 0; row < active.length; row++) {
                sum += all[active[row] * dimensions + d];
            }
            double mean = sum / active.length;
            double squares = 0;
            for (int row = 0; row < active.length; row++) {
                double deviation = all[active[row] * dimensions + d] - mean;
                squares += deviation * deviation;
            }
            double deviation = Math.sqrt(squares / active.length);
            double scale = deviation > 1e-12 ? deviation : 1;
            for (int row = 0; row < active.length; row++) {
                points[row * dimensions + d] = (all[active[row] * dimensions + d] - mean) / scale;
            }
        }
        return points;
    }

    /**
     * Adjusted Rand index (Hubert and Arabie) between two labellings of the same points: 1 for
     * the same partition, about 0 for chance agreement. Points with a negative label in either
     * labelling are left out.
     *
     * @return the index; 1 when fewer than two points are labelled in both or both put every
     *     point into one cluster
     */
    public static double adjustedRandIndex(int[] first, int[] second) {
        Map<Long, Integer> pairs = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> columns = new HashMap<>();
        long n = 0;
        for (int i = 0; i < first.length; i++) {
            if (first[i] < 0 || second[i] < 0) {
                continue;
            }
            n++;
            pairs.merge(((long) first[i] << 32) | second[i], 1, Integer::sum);
            rows.merge(first[i], 1, Integer::sum);
            columns.merge(second[i], 1, Integer::sum);
        }
        double index = pairs.values().stream().mapToDouble(SegmentationMetrics::pairsOf).sum();
        double rowPairs = rows.values().stream().mapToDouble(SegmentationMetrics::pairsOf).sum();
        double columnPairs = columns.values().stream().mapToDouble(SegmentationMetrics::pairsOf).sum();
        double total = pairsOf(n);
        if (total == 0) {
            return 1;
        }
        double expected = rowPairs * columnPairs / total;
        double maximum = (rowPairs + columnPairs) / 2;
        return maximum == expected ? 1 : (index - expected) / (maximum - expected);
    }

    /**
     * Area under the ROC curve: the probability that a random positive scores above a random
     * negative, ties counting half (the Mann-Whitney statistic on mid-ranks).
     *
     * @return from 0 to 1; NaN when only one class is present
     */
    public static double auc(double[] score, boolean[] positive) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double positiveRanks = 0;
        long positives = 0;
        for (int start = 0; start < order.length;) {
            int end = start;
            while (end < order.length && score[order[end]] == score[order[start]]) {
                end++;
            }
            double midRank = (start + 1 + end) / 2.0;
            for (int j = start; j < end; j++) {
                if (positive[order[j]]) {
                    positiveRanks += midRank;
                    positives++;
                }
            }
            start = end;
        }
        long negatives = score.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** @return the mean negative log-likelihood of the outcomes, probabilities clipped to [1e-15, 1 - 1e-15] */
    public static double logLoss(double[] probability, boolean[] positive) {
        double total = 0;
        for (int i = 0; i < probability.length; i++) {
            double p = Math.min(1 - 1e-15, Math.max(1e-15, probability[i]));
            total -= Math.log(positive[i] ? p : 1 - p);
        }
        return total / probability.length;
    }

    /**
     * Expected calibration error over ten equal-width probability bins: the mean over customers
     * of the gap between their bin's mean probability and its observed rate.
     */
    public static double calibrationError(double[] probability, boolean[] positive) {
        ReliabilityBins bins = ReliabilityBins.of(probability, positive);
        double error = 0;
        for (int bin = 0; bin < ReliabilityBins.COUNT; bin++) {
            error += Math.abs(bins.predicted[bin] - bins.observed[bin]);
        }
        return error / probability.length;
    }

    /** Sums of probabilities and outcomes, and counts, over ten equal-width probability bins. */
    private record ReliabilityBins(double[] predicted, double[] observed, int[] count) {
        static final int COUNT = 10;

        static ReliabilityBins of(double[] probability, boolean[] positive) {
            ReliabilityBins bins = new ReliabilityBins(new double[COUNT], new double[COUNT], new int[COUNT]);
            for (int i = 0; i < probability.length; i++) {
                int bin = Math.min(COUNT - 1, (int) (probability[i] * COUNT));
                bins.predicted[bin] += probability[i];
                bins.observed[bin] += positive[i] ? 1 : 0;
                bins.count[bin]++;
            }
            return bins;
        }
    }

    /** @return the mean squared difference between probability and outcome (0 or 1): lower is better */
    public static double brierScore(double[] probability, boolean[] positive) {
        double total = 0;
        for (int i = 0; i < probability.length; i++) {
            double error = probability[i] - (positive[i] ? 1 : 0);
            total += error * error;
        }
        return total / probability.length;
    }

    /**
     * A reliability table over ten equal-width probability bins, for reading calibration: per
     * non-empty bin, its range, the number of customers, their mean probability and the observed
     * rate, e.g. {@code [0.2, 0.3): 412 customers, predicted 0.251, observed 0.238}.
     */
    public static String reliabilityTable(double[] probability, boolean[] positive) {
        ReliabilityBins bins = ReliabilityBins.of(probability, positive);
        StringBuilder table = new StringBuilder();
        for (int bin = 0; bin < ReliabilityBins.COUNT; bin++) {
            int count = bins.count[bin];
            if (count > 0) {
                table.append(table.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                        "[%.1f, %.1f%s: %d customers, predicted %.3f, observed %.3f", bin / 10.0, (bin + 1) / 10.0,
                        bin == ReliabilityBins.COUNT - 1 ? "]" : ")", count, bins.predicted[bin] / count,
                        bins.observed[bin] / count));
            }
        }
        return table.toString();
    }

    private static double pairsOf(long count) {
        return count * (count - 1) / 2.0;
    }
}
