package io.mercator.plugins.segmentation.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgglomerativeTest {

    private static final double[] LINE = {0, 1, 5, 6, 20};

    @Test
    void wardHeightsByHand() {
        // Ward distance 2|A||B|/(|A|+|B|) * |cA - cB|^2, reported as its square root (as scipy's linkage):
        // {0}+{1}: 1, {5}+{6}: 1, {0,1}+{5,6}: 2 * 25 = 50, {0,1,5,6}+{20}: 1.6 * 17^2 = 462.4
        Agglomerative ward = Agglomerative.fit(LINE, 1, Agglomerative.Linkage.WARD);
        assertArrayEquals(new double[] {1, 1, Math.sqrt(50), Math.sqrt(462.4)}, ward.heights(), 1e-12);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1}, ward.cut(2));
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, ward.cut(3));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, ward.cut(5));
    }

    @Test
    void averageHeightsByHand() {
        // {0,1}-{5,6}: mean of 5, 6, 4, 5 = 5; {0,1,5,6}-{20}: mean of 20, 19, 15, 14 = 17
        Agglomerative average = Agglomerative.fit(LINE, 1, Agglomerative.Linkage.AVERAGE);
        assertArrayEquals(new double[] {1, 1, 5, 17}, average.heights(), 1e-12);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, average.cut(3));
    }

    @Test
    void plantedBlobsAreRecoveredByBothLinkages() {
        int[] truth = new int[150];
        double[] points = KMeansTest.plantedBlobs(truth);
        for (Agglomerative.Linkage linkage : Agglomerative.Linkage.values()) {
            assertTrue(KMeansTest.samePartition(truth, Agglomerative.fit(points, 2, linkage).cut(3)), linkage.name());
        }
    }
}
