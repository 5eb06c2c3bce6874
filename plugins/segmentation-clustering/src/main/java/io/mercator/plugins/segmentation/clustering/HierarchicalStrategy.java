package io.mercator.plugins.segmentation.clustering;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.segmentation.ClusterQuality;
import io.mercator.api.segmentation.SegmentationStrategy;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * Hierarchical agglomerative segmentation (see {@link Agglomerative}) with Ward or average
 * linkage on standardised log recency, frequency and monetary value. Above {@code maxCustomers}
 * it clusters a seeded random sample of that size and gives every other customer the cluster
 * of the nearest sample centroid. With {@code k = 0} the cut with the highest silhouette from 2 to
 * {@code maxK} clusters wins.
 */
@Component(service = SegmentationStrategy.class, immediate = true)
public final class HierarchicalStrategy extends CentroidStrategy {

    static final String LINKAGE = "linkage";
    static final String MAX_CUSTOMERS = "maxCustomers";

    /** Describes the strategy and its parameters. */
    public HierarchicalStrategy() {
        super(describe("hierarchical",
                "Agglomerative clustering (Ward or average linkage) on standardised log RFM features.")
                .parameter(ParameterSpec.choice(LINKAGE, "How cluster distances are measured", "ward", "ward",
                        "average"))
                .parameter(ParameterSpec.integer(MAX_CUSTOMERS,
                        "Customers clustered at most (memory grows with its square); the rest join the nearest",
                        3000, 10, 10_000))
                .parameter(ParameterSpec.integer(SEED, "Seed of the sample taken above maxCustomers", 42,
                        Integer.MIN_VALUE, Integer.MAX_VALUE))
                .build());
    }

    @Override
    int[] cluster(double[] points, Parameters parameters, TrainingContext context) {
        int dimensions = CentroidModel.DIMENSIONS;
        int n = points.length / dimensions;
        int k = requestedK(parameters, n);
        int[] sample = sample(n, parameters.getInt(MAX_CUSTOMERS), parameters.getInt(SEED));
        double[] sampled = new double[sample.length * dimensions];
        for (int row = 0; row < sample.length; row++) {
            System.arraycopy(points, sample[row] * dimensions, sampled, row * dimensions, dimensions);
        }
        Agglomerative.Linkage linkage = Agglomerative.Linkage.valueOf(
                parameters.getString(LINKAGE).toUpperCase(Locale.ROOT));
        Agglomerative dendrogram = Agglomerative.fit(sampled, dimensions, linkage);
        context.checkCancelled();
        int[] labels = k > 0 ? dendrogram.cut(Math.min(k, sample.length)) : bestCut(dendrogram, sampled, parameters);
        return sample.length == n ? labels : nearestCentroid(points, sampled, labels);
    }

    private static int[] bestCut(Agglomerative dendrogram, double[] sampled, Parameters parameters) {
        int n = sampled.length / CentroidModel.DIMENSIONS;
        int[] best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= Math.min(parameters.getInt(MAX_K), n); k++) {
            int[] labels = dendrogram.cut(k);
            double silhouette = ClusterQuality.silhouette(sampled, CentroidModel.DIMENSIONS, labels, n,
                    parameters.getInt(SEED));
            if (best == null || silhouette > bestSilhouette) {
                best = labels;
                bestSilhouette = silhouette;
            }
        }
        return best;
    }

    /** @return a seeded sample of {@code size} row numbers, or all of them when there are no more */
    private static int[] sample(int n, int size, long seed) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        if (n <= size) {
            return rows;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int swap = i + random.nextInt(n - i);
            int kept = rows[swap];
            rows[swap] = rows[i];
            rows[i] = kept;
        }
        return Arrays.copyOf(rows, size);
    }

    /** @return every point's cluster: that of the nearest centroid of the clustered sample */
    private static int[] nearestCentroid(double[] points, double[] sampled, int[] sampleLabels) {
        int clusters = Arrays.stream(sampleLabels).max().orElse(0) + 1;
        double[] centroids = CentroidStrategy.centroids(sampled, sampleLabels, clusters);
        int[] labels = new int[points.length / CentroidModel.DIMENSIONS];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = CentroidModel.nearest(points, i, centroids);
        }
        return labels;
    }
}
