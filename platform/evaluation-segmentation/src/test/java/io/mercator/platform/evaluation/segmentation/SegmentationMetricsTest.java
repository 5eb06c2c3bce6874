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
    void commonSpaceIsTheZScoredLogFeaturesOfTheActiveCustomers() {
        LocalDate day = LocalDate.parse("2020-01-10");
        Transactions data = Transactions.builder().add("a", day.minusDays(1), 10).add("b", day.minusDays(3), 30)
                .add("b", day.minusDays(5), 20).add("c", day.minusDays(2), -4).build();
        CustomerFeatures features = CustomerFeatures.of(data, day.toString());
        double[] points = SegmentationMetrics.commonSpace(features, new int[] {0, 1});
        // two customers: every feature becomes -1 and +1 in the order of the raw values
        assertArrayEquals(new double[] {-1, -1, -1, 1, 1, 1}, points, 1e-12);
    }
}
