package io.mercator.plugins.segmentation.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.segmentation.ClusterQuality;
import java.util.Arrays;
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

    @Test
    void startingFromTheSeededCentroidsIsTheSameRun() {
        int[] truth = new int[300];
        double[] points = plantedBlobs(truth);
        KMeans kMeans = new KMeans(points, 2);
        KMeans.Result seeded = kMeans.fit(4, 1, 300, 11);
        KMeans.Result started = kMeans.fit(kMeans.initialCentroids(4, 11), 300);
        assertArrayEquals(seeded.labels(), started.labels());
        assertArrayEquals(seeded.centroids(), started.centroids());
        assertEquals(seeded.iterations(), started.iterations());
    }

    @Test
    void initialCentroidsThatAreNotWholeRowsAreRefused() {
        KMeans kMeans = new KMeans(new double[] {1, 2, 3, 4}, 2);
        assertThrows(IllegalArgumentException.class, () -> kMeans.fit(new double[] {1, 2, 3}, 10));
        assertThrows(IllegalArgumentException.class, () -> kMeans.fit(new double[] {1, 2, 3, 4, 5, 6}, 10));
    }

    /**
     * Hamerly's bounds, the blocks and the chunks only skip work: on overlapping clusters (where
     * many points change cluster for many iterations) every iteration must end as plain Lloyd's
     * from the same centroids, with the same stopping rule.
     */
    @Test
    void sameIterationsAndLabelsAsPlainLloyd() {
        Random random = new Random(5);
        int n = 40_000;
        int dimensions = 3;
        double[] points = new double[n * dimensions];
        for (int i = 0; i < points.length; i++) {
            points[i] = (i % dimensions == 0 ? random.nextInt(5) : 0) + random.nextGaussian();
        }
        KMeans kMeans = new KMeans(points, dimensions);
        double[] start = kMeans.initialCentroids(7, 3);
        KMeans.Result fast = kMeans.fit(start, 300);
        KMeans.Result plain = plainLloyd(points, dimensions, start.clone(), 300);
        assertTrue(fast.iterations() > 10, "a test that exercises the bounds: " + fast.iterations());
        assertEquals(plain.iterations(), fast.iterations());
        assertArrayEquals(plain.labels(), fast.labels());
        assertEquals(plain.inertia(), fast.inertia(), 1e-9 * plain.inertia());
    }

    /** Lloyd's iterations without any shortcut, stopping as {@link KMeans} documents. */
    private static KMeans.Result plainLloyd(double[] points, int dimensions, double[] centroids, int maxIterations) {
        int n = points.length / dimensions;
        int k = centroids.length / dimensions;
        double[] mean = new double[dimensions];
        double[] variance = new double[dimensions];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimensions; d++) {
                mean[d] += points[i * dimensions + d] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimensions; d++) {
                variance[d] += Math.pow(points[i * dimensions + d] - mean[d], 2) / n;
            }
        }
        double tolerance = 1e-4 * Arrays.stream(variance).average().orElseThrow();
        int[] labels = nearest(points, dimensions, centroids);
        int iterations = 0;
        while (iterations < maxIterations) {
            iterations++;
            double[] moved = new double[k * dimensions];
            int[] sizes = new int[k];
            for (int i = 0; i < n; i++) {
                sizes[labels[i]]++;
                for (int d = 0; d < dimensions; d++) {
                    moved[labels[i] * dimensions + d] += points[i * dimensions + d];
                }
            }
            double shift = 0;
            for (int j = 0; j < moved.length; j++) {
                moved[j] /= sizes[j / dimensions];
                shift += (moved[j] - centroids[j]) * (moved[j] - centroids[j]);
            }
            centroids = moved;
            int[] relabelled = nearest(points, dimensions, centroids);
            boolean unchanged = Arrays.equals(labels, relabelled);
            labels = relabelled;
            if (unchanged || shift <= tolerance) {
                break;
            }
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += ClusterQuality.squaredDistance(points, i, centroids, labels[i], dimensions);
        }
        return new KMeans.Result(centroids, labels, inertia, iterations);
    }

    private static int[] nearest(double[] points, int dimensions, double[] centroids) {
        int[] labels = new int[points.length / dimensions];
        for (int i = 0; i < labels.length; i++) {
            for (int c = 1; c < centroids.length / dimensions; c++) {
                if (ClusterQuality.squaredDistance(points, i, centroids, c, dimensions)
                        < ClusterQuality.squaredDistance(points, i, centroids, labels[i], dimensions)) {
                    labels[i] = c;
                }
            }
        }
        return labels;
    }
}
