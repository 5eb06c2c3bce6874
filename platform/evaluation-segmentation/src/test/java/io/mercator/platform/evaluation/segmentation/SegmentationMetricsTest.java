package io.mercator.platform.evaluation.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.Transactions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SegmentationMetricsTest {

    @Test
    void adjustedRandIndexByHand() {
        assertEquals(1, SegmentationMetrics.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {5, 5, 2, 2}), 1e-12);
        // {0,0,1,1} against {0,1,0,1}: contingency all ones, index 0, expected 2*2/6, max 2: (0 - 2/3) / (2 - 2/3)
        assertEquals(-0.5, SegmentationMetrics.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
        // by hand: pairs within cells 2, rows 6, columns 3, all 15: (2 - 6 * 3 / 15) / (4.5 - 1.2) = 0.8 / 3.3
        assertEquals(0.24242424242424243,
                SegmentationMetrics.adjustedRandIndex(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}), 1e-12);
        // an unassigned point in either labelling is left out
        assertEquals(1, SegmentationMetrics.adjustedRandIndex(new int[] {0, 0, 1, 1, -1}, new int[] {1, 1, 0, 0, 0}), 1e-12);
    }

    @Test
    void aucLogLossAndCalibrationByHand() {
        double[] score = {0.1, 0.4, 0.35, 0.8};
        boolean[] positive = {false, false, true, true};
        // positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered right
        assertEquals(0.75, SegmentationMetrics.auc(score, positive), 1e-12);
        // a tie between a positive and a negative counts half
        assertEquals(0.5, SegmentationMetrics.auc(new double[] {0.3, 0.3}, new boolean[] {true, false}), 1e-12);
        assertEquals(Double.NaN, SegmentationMetrics.auc(score, new boolean[4]));
        double logLoss = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4;
        assertEquals(logLoss, SegmentationMetrics.logLoss(score, positive), 1e-12);
        // bins: 0.1 alone (gap 0.1), 0.35 alone (gap 0.65), 0.4 alone (gap 0.4), 0.8 alone (gap 0.2)
        assertEquals((0.1 + 0.65 + 0.4 + 0.2) / 4, SegmentationMetrics.calibrationError(score, positive), 1e-12);
    }

    @Test
    void commonSpaceIsTheZScoredLogFeaturesOfTheActiveCustomers() {
        LocalDate day = LocalDate.parse("2020-01-10");
        Transactions data = Transactions.builder().add("a", day.minusDays(1), 10).add("b", day.minusDays(3), 30)
                .add("b", day.minusDays(5), 20).add("c", day.minusDays(2), -4).build();
        CustomerFeatures features = CustomerFeatures.of(data, day.toString());
        double[] points = SegmentationMetrics.commonSpace(features, new int[] {0, 1});
        // two customers: every feature becomes -1 and +1 in the order of the raw values
        assertArrayEquals(new double[] {-1, -1, -1, 1, 1, 1}, points, 1e-12);
    }

    @Test
    void brierScoreAndReliabilityTableByHand() {
        double[] probability = {0.1, 0.15, 0.8, 1.0};
        boolean[] positive = {false, true, true, true};
        // (0.01 + 0.7225 + 0.04 + 0) / 4
        assertEquals(0.193125, SegmentationMetrics.brierScore(probability, positive), 1e-12);
        assertEquals("[0.1, 0.2): 2 customers, predicted 0.125, observed 0.500; "
                + "[0.8, 0.9): 1 customers, predicted 0.800, observed 1.000; "
                + "[0.9, 1.0]: 1 customers, predicted 1.000, observed 1.000",
                SegmentationMetrics.reliabilityTable(probability, positive));
    }
}
