package io.mercator.plugins.segmentation.clustering;

import static io.mercator.api.segmentation.ClusterQuality.squaredDistance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Agglomerative hierarchical clustering with Ward or average linkage, by the nearest-neighbour
 * chain algorithm on the full distance matrix (O(n^2) memory and time, for smaller sets). Ward
 * works on squared Euclidean distances and reports merge heights as scipy does, as the square
 * root of the Lance-Williams value; average linkage works on Euclidean distances. Public for the
 * benchmarks; the bundle does not export it.
 */
public final class Agglomerative {

    /** How the distance between two clusters is measured. */
    public enum Linkage {
        /** The increase in within-cluster sum of squares (Ward's criterion). */
        WARD,
        /** The mean distance between their points (UPGMA). */
        AVERAGE
    }

    private final int n;
    private final int[] mergedFirst;
    private final int[] mergedSecond;
    private final double[] height;

    private Agglomerative(int n, int[] mergedFirst, int[] mergedSecond, double[] height) {
        this.n = n;
        this.mergedFirst = mergedFirst;
        this.mergedSecond = mergedSecond;
        this.height = height;
    }

    /**
     * @param points row-major, {@code dimensions} values per point; at least two points
     * @param dimensions values per point
     * @param linkage how cluster distances are measured
     * @return the dendrogram
     */
    public static Agglomerative fit(double[] points, int dimensions, Linkage linkage) {
        int n = points.length / dimensions;
        double[] distance = new double[n * (n - 1) / 2];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double squared = squaredDistance(points, i, points, j, dimensions);
                distance[index(n, i, j)] = linkage == Linkage.WARD ? squared : Math.sqrt(squared);
            }
        }
        int[] size = new int[n];
        Arrays.fill(size, 1);
        boolean[] merged = new boolean[n];
        int[] chain = new int[n];
        int chainLength = 0;
        int[] first = new int[n - 1];
        int[] second = new int[n - 1];
        double[] height = new double[n - 1];
        for (int step = 0; step < n - 1; step++) {
            if (chainLength == 0) {
                chain[chainLength++] = firstActive(merged);
            }
            int a;
            int b;
            while (true) {
                a = chain[chainLength - 1];
                int previous = chainLength >= 2 ? chain[chainLength - 2] : -1;
                b = previous;
                double best = previous >= 0 ? distance[index(n, a, previous)] : Double.POSITIVE_INFINITY;
                for (int c = 0; c < n; c++) {
                    if (c != a && !merged[c] && distance[index(n, a, c)] < best) {
                        best = distance[index(n, a, c)];
                        b = c;
                    }
                }
                if (b == previous) {
                    break;
                }
                chain[chainLength++] = b;
            }
            chainLength -= 2;
            double joined = distance[index(n, a, b)];
            first[step] = Math.min(a, b);
            second[step] = Math.max(a, b);
            height[step] = linkage == Linkage.WARD ? Math.sqrt(joined) : joined;
            int kept = Math.max(a, b);
            int gone = Math.min(a, b);
            for (int c = 0; c < n; c++) {
                if (merged[c] || c == a || c == b) {
                    continue;
                }
                double toGone = distance[index(n, c, gone)];
                double toKept = distance[index(n, c, kept)];
                double updated = linkage == Linkage.WARD
                        ? ((size[gone] + size[c]) * toGone + (size[kept] + size[c]) * toKept - size[c] * joined)
                                / (size[gone] + size[kept] + size[c])
                        : (size[gone] * toGone + size[kept] * toKept) / (size[gone] + size[kept]);
                distance[index(n, c, kept)] = updated;
            }
            size[kept] += size[gone];
            merged[gone] = true;
        }
        return new Agglomerative(n, first, second, height);
    }

    private static int firstActive(boolean[] merged) {
        int c = 0;
        while (merged[c]) {
            c++;
        }
        return c;
    }

    /** @return the position of the pair in the condensed upper triangle */
    private static int index(int n, int i, int j) {
        int low = Math.min(i, j);
        int high = Math.max(i, j);
        return n * low - low * (low + 1) / 2 + (high - low - 1);
    }

    /** @return the merge heights, lowest first */
    double[] heights() {
        return Arrays.stream(height).sorted().toArray();
    }

    /**
     * Cuts the dendrogram into {@code k} clusters by applying the {@code n - k} lowest merges.
     *
     * @return the cluster of every point, numbered from 0 in order of first appearance
     */
    public int[] cut(int k) {
        Integer[] order = IntStream.range(0, n - 1).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(step -> height[step]));
        int[] parent = IntStream.range(0, n).toArray();
        for (int m = 0; m < n - k; m++) {
            parent[root(parent, mergedFirst[order[m]])] = root(parent, mergedSecond[order[m]]);
        }
        int[] label = new int[n];
        int[] labelOfRoot = new int[n];
        Arrays.fill(labelOfRoot, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int root = root(parent, i);
            if (labelOfRoot[root] < 0) {
                labelOfRoot[root] = next++;
            }
            label[i] = labelOfRoot[root];
        }
        return label;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
