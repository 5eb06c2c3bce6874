package io.mercator.api.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterQualityTest {

    /** Two clusters on a line, {0, 2} and {10, 12}, and an unlabelled point far away that must not count. */
    private static final double[] POINTS = {0, 2, 10, 12, 100};
    private static final int[] LABELS = {0, 0, 1, 1, -1};

    @Test
    void withinSumOfSquaresByHand() {
        // centroids 1 and 11, every point one unit away
        assertEquals(4, ClusterQuality.withinSumOfSquares(POINTS, 1, LABELS), 1e-12);
    }

    @Test
    void silhouetteByHand() {
        // a = 2 for every point; b = 11, 9, 9, 11: (9/11 + 7/9 + 7/9 + 9/11) / 4
        double expected = (9.0 / 11 + 7.0 / 9) / 2;
        assertEquals(expected, ClusterQuality.silhouette(POINTS, 1, LABELS, 1000, 1), 1e-12);
    }

    @Test
    void daviesBouldinByHand() {
        // scatter 1 in each cluster, centroids 10 apart: (1 + 1) / 10 for both
        assertEquals(0.2, ClusterQuality.daviesBouldin(POINTS, 1, LABELS), 1e-12);
    }

    @Test
    void singleClusterHasNoSilhouetteAndSingletonsScoreZero() {
        assertTrue(Double.isNaN(ClusterQuality.silhouette(POINTS, 1, new int[] {0, 0, 0, 0, -1}, 1000, 1)));
        assertTrue(Double.isNaN(ClusterQuality.daviesBouldin(POINTS, 1, new int[] {0, 0, 0, 0, 0})));
        // {0, 2, 10} and {12} alone: the singleton scores 0, so only three terms are non-zero
        double point0 = (12 - 6.0) / 12;
        double point2 = (10 - 5.0) / 10;
        double point10 = (2 - 9.0) / 9;
        assertEquals((point0 + point2 + point10) / 4,
                ClusterQuality.silhouette(POINTS, 1, new int[] {0, 0, 0, 1, -1}, 1000, 1), 1e-12);
    }

    @Test
    void sampledSilhouetteUsesTheSampleOnly() {
        // 2 of the 4 labelled points: whichever pair is drawn, the silhouette is defined or NaN, never out of range
        double sampled = ClusterQuality.silhouette(POINTS, 1, LABELS, 3, 7);
        assertTrue(Double.isNaN(sampled) || (sampled >= -1 && sampled <= 1), "got " + sampled);
    }
}
