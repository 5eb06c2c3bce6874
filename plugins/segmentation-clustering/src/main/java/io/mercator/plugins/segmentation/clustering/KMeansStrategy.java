package io.mercator.plugins.segmentation.clustering;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.segmentation.ClusterQuality;
import io.mercator.api.segmentation.SegmentationStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * k-means segmentation (see {@link KMeans}) on standardised log recency, frequency and monetary
 * value. With {@code k = 0} it tries every k from 2 to {@code maxK} and keeps the one with the
 * highest silhouette, measured on a seeded sample for large data.
 */
@Component(service = SegmentationStrategy.class, immediate = true)
public final class KMeansStrategy extends CentroidStrategy {

    static final String RESTARTS = "restarts";
    static final String MAX_ITERATIONS = "maxIterations";
    static final String SILHOUETTE_SAMPLE = "silhouetteSample";

    /** Describes the strategy and its parameters. */
    public KMeansStrategy() {
        super(describe("kmeans", "k-means++ with restarts on standardised log RFM features; k chosen by silhouette.")
                .parameter(ParameterSpec.integer(RESTARTS, "Seeded runs; the lowest inertia wins", 10, 1, 100))
                .parameter(ParameterSpec.integer(MAX_ITERATIONS, "Iteration limit of one run", 300, 1, 10_000))
                .parameter(ParameterSpec.integer(SEED, "Random seed; the same seed gives the same segments", 42,
                        Integer.MIN_VALUE, Integer.MAX_VALUE))
                .parameter(ParameterSpec.integer(SILHOUETTE_SAMPLE,
                        "Customers sampled to measure the silhouette when choosing k", 2000, 100, 100_000))
                .build());
    }

    @Override
    int[] cluster(double[] points, Parameters parameters, TrainingContext context) {
        int n = points.length / CentroidModel.DIMENSIONS;
        int k = requestedK(parameters, n);
        KMeans kMeans = new KMeans(points, CentroidModel.DIMENSIONS);
        int restarts = parameters.getInt(RESTARTS);
        int maxIterations = parameters.getInt(MAX_ITERATIONS);
        long seed = parameters.getInt(SEED);
        if (k > 0) {
            return kMeans.fit(k, restarts, maxIterations, seed).labels();
        }
        int maxK = Math.min(parameters.getInt(MAX_K), n);
        int[] best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int candidate = 2; candidate <= maxK; candidate++) {
            context.checkCancelled();
            context.progress((candidate - 2.0) / (maxK - 1), "k = " + candidate);
            int[] labels = kMeans.fit(candidate, restarts, maxIterations, seed).labels();
            double silhouette = ClusterQuality.silhouette(points, CentroidModel.DIMENSIONS, labels,
                    parameters.getInt(SILHOUETTE_SAMPLE), seed);
            if (best == null || silhouette > bestSilhouette) {
                best = labels;
                bestSilhouette = silhouette;
            }
        }
        return best;
    }
}
