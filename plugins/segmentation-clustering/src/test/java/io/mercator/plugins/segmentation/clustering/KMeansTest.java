package io.mercator.plugins.segmentation.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansTest {

    /** Three tight blobs (sd 0.5) around (0, 0), (10, 0) and (0, 10), 50 points each, in a shuffled order. */
    static double[] plantedBlobs(int[] truth) {
        Random random = new Random(3);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        double[] points = new double[truth.length * 2];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = random.nextInt(3);
            points[2 * i] = centres[truth[i]][0] + 0.5 * random.nextGaussian();
            points[2 * i + 1] = centres[truth[i]][1] + 0.5 * random.nextGaussian();
        }
        return points;
    }

    /** True when the two labellings are the same partition, whatever the cluster numbers. */
    static boolean samePartition(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if ((a[i] == a[j]) != (b[i] == b[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void plantedClustersAreRecoveredExactly() {
        int[] truth = new int[150];
        double[] points = plantedBlobs(truth);
        KMeans.Result result = new KMeans(points, 2).fit(3, 5, 300, 1);
        assertTrue(samePartition(truth, result.labels()));
        assertEquals(3, result.centroids().length / 2);
    }

    @Test
    void lineOfSixByHand() {
        // {1, 2, 3} and {10, 11, 12}: centroids 2 and 11, inertia 4 x 1
        KMeans.Result result = new KMeans(new double[] {1, 2, 3, 10, 11, 12}, 1).fit(2, 3, 100, 7);
        assertEquals(4, result.inertia(), 1e-12);
        double low = Math.min(result.centroids()[0], result.centroids()[1]);
        double high = Math.max(result.centroids()[0], result.centroids()[1]);
        assertArrayEquals(new double[] {2, 11}, new double[] {low, high}, 1e-12);
    }

    @Test
    void sameSeedSameResultAndMoreRestartsNeverWorse() {
        int[] truth = new int[300];
        double[] points = plantedBlobs(truth);
        KMeans kMeans = new KMeans(points, 2);
        assertArrayEquals(kMeans.fit(6, 1, 300, 9).labels(), kMeans.fit(6, 1, 300, 9).labels());
        assertTrue(kMeans.fit(6, 8, 300, 9).inertia() <= kMeans.fit(6, 1, 300, 9).inertia() + 1e-9);
    }

    @Test
    void moreClustersThanDistinctPointsStillGivesValidLabels() {
        // three identical points and one other: a third cluster has nothing of its own
        KMeans.Result result = new KMeans(new double[] {5, 5, 5, 9}, 1).fit(3, 2, 50, 4);
        assertEquals(0, result.inertia(), 0);
        for (int label : result.labels()) {
            assertTrue(label >= 0 && label < 3);
        }
        assertTrue(result.labels()[0] == result.labels()[1] && result.labels()[1] == result.labels()[2]);
    }
}
