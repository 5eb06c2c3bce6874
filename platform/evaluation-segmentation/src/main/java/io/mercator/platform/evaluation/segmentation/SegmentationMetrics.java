package io.mercator.platform.evaluation.segmentation;

import io.mercator.api.segmentation.ClusterQuality;
import io.mercator.api.segmentation.CustomerFeatures;
import java.util.HashMap;
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

    private static double pairsOf(long count) {
        return count * (count - 1) / 2.0;
    }
}
