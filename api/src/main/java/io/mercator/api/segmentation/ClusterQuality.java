package io.mercator.api.segmentation;

import io.mercator.api.ValidationException;
import java.util.Arrays;
import java.util.Random;

/**
 * Internal quality measures of a clustering, for choosing the number of segments and for
 * comparing segmentations on the same feature space. Points are stored row-major: point
 * {@code i} is {@code points[i * dimensions ... i * dimensions + dimensions - 1]}; labels are
 * cluster indices from 0, and a negative label leaves the point out. Distances are Euclidean.
 * The definitions follow scikit-learn's {@code silhouette_score}, {@code davies_bouldin_score}
 * and k-means {@code inertia_}.
 */
public final class ClusterQuality {

    private ClusterQuality() {
    }

    /**
     * Mean silhouette {@code (b - a) / max(a, b)} over the points, where {@code a} is the mean
     * distance to the other points of the same cluster and {@code b} the smallest mean distance
     * to the points of another cluster; a point alone in its cluster scores 0. With more than
     * {@code sampleSize} labelled points, a random sample of that size (drawn with {@code seed})
     * stands for all of them, distances included.
     *
     * @return from -1 to 1, higher is better; NaN when fewer than two clusters are present
     */
    public static double silhouette(double[] points, int dimensions, int[] labels, int sampleSize, long seed) {
        int[] sample = sample(labelled(labels), sampleSize, seed);
        int clusters = clusterCount(labels);
        int[] size = new int[clusters];
        for (int i : sample) {
            size[labels[i]]++;
        }
        int present = 0;
        for (int count : size) {
            present += count > 0 ? 1 : 0;
        }
        if (present < 2) {
            return Double.NaN;
        }
        double total = 0;
        double[] distanceSum = new double[clusters];
        for (int i : sample) {
            Arrays.fill(distanceSum, 0);
            for (int j : sample) {
                if (i != j) {
                    distanceSum[labels[j]] += Math.sqrt(squaredDistance(points, i, points, j, dimensions));
                }
            }
            int own = labels[i];
            if (size[own] == 1) {
                continue;
            }
            double a = distanceSum[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < clusters; c++) {
                if (c != own && size[c] > 0) {
                    b = Math.min(b, distanceSum[c] / size[c]);
                }
            }
            double spread = Math.max(a, b);
            total += spread == 0 ? 0 : (b - a) / spread;
        }
        return total / sample.length;
    }

    /**
     * Davies-Bouldin index: the mean over clusters of the largest {@code (s_i + s_j) / d_ij},
     * with {@code s} the mean distance of a cluster's points to its centroid and {@code d} the
     * distance between centroids (a pair with coinciding centroids counts 0).
     *
     * @return &gt;= 0, lower is better; NaN when fewer than two clusters are present
     */
    public static double daviesBouldin(double[] points, int dimensions, int[] labels) {
        int clusters = clusterCount(labels);
        int[] size = new int[clusters];
        double[] centroids = centroids(points, dimensions, labels, clusters, size);
        double[] scatter = new double[clusters];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                scatter[labels[i]] += Math.sqrt(squaredDistance(points, i, centroids, labels[i], dimensions));
            }
        }
        int present = 0;
        for (int c = 0; c < clusters; c++) {
            if (size[c] > 0) {
                scatter[c] /= size[c];
                present++;
            }
        }
        if (present < 2) {
            return Double.NaN;
        }
        double total = 0;
        for (int c = 0; c < clusters; c++) {
            if (size[c] == 0) {
                continue;
            }
            double worst = 0;
            for (int other = 0; other < clusters; other++) {
                if (other != c && size[other] > 0) {
                    double separation = Math.sqrt(squaredDistance(centroids, c, centroids, other, dimensions));
                    if (separation > 0) {
                        worst = Math.max(worst, (scatter[c] + scatter[other]) / separation);
                    }
                }
            }
            total += worst;
        }
        return total / present;
    }

    /** @return the sum over labelled points of the squared distance to their cluster's centroid */
    public static double withinSumOfSquares(double[] points, int dimensions, int[] labels) {
        int clusters = clusterCount(labels);
        double[] centroids = centroids(points, dimensions, labels, clusters, new int[clusters]);
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                total += squaredDistance(points, i, centroids, labels[i], dimensions);
            }
        }
        return total;
    }

    /**
     * @return the squared Euclidean distance between row {@code i} of {@code a} and row
     *     {@code j} of {@code b}, both row-major with {@code dimensions} columns
     */
    public static double squaredDistance(double[] a, int i, double[] b, int j, int dimensions) {
        double sum = 0;
        int offsetA = i * dimensions;
        int offsetB = j * dimensions;
        for (int d = 0; d < dimensions; d++) {
            double difference = a[offsetA + d] - b[offsetB + d];
            sum += difference * difference;
        }
        return sum;
    }

    private static double[] centroids(double[] points, int dimensions, int[] labels, int clusters, int[] size) {
        if (points.length != labels.length * dimensions) {
            throw new ValidationException("points", points.length + " values are not " + labels.length + " points of "
                    + dimensions + " dimensions");
        }
        double[] centroids = new double[clusters * dimensions];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                size[labels[i]]++;
                for (int d = 0; d < dimensions; d++) {
                    centroids[labels[i] * dimensions + d] += points[i * dimensions + d];
                }
            }
        }
        for (int c = 0; c < clusters; c++) {
            for (int d = 0; d < dimensions && size[c] > 0; d++) {
                centroids[c * dimensions + d] /= size[c];
            }
        }
        return centroids;
    }

    private static int clusterCount(int[] labels) {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    private static int[] labelled(int[] labels) {
        int count = 0;
        for (int label : labels) {
            count += label >= 0 ? 1 : 0;
        }
        int[] rows = new int[count];
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    private static int[] sample(int[] rows, int size, long seed) {
        if (rows.length <= size) {
            return rows;
        }
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int swap = i + random.nextInt(rows.length - i);
            int kept = rows[swap];
            rows[swap] = rows[i];
            rows[i] = kept;
        }
        return Arrays.copyOf(rows, size);
    }
}
