package io.mercator.plugins.segmentation.clustering;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.SegmentationStrategy;
import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Clusters the customers who bought something on standardised log recency, frequency and
 * monetary value (see {@link CustomerFeatures#logValues()}) and keeps each cluster's centroid, so
 * that new customers join the nearest one. Segments are named {@code cluster-1},
 * {@code cluster-2}, ... from the highest mean monetary value down.
 */
abstract class CentroidStrategy implements SegmentationStrategy {

    static final String K = "k";
    static final String MAX_K = "maxK";
    static final String SEED = "seed";

    private final StrategyDescriptor descriptor;

    CentroidStrategy(StrategyDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /**
     * @return a descriptor builder with the parameters every clustering strategy takes: {@code k},
     *     {@code maxK} and {@code analysisDate}
     */
    static StrategyDescriptor.Builder describe(String name, String description) {
        return StrategyDescriptor.builder(Family.SEGMENTATION, name, "1.0.0")
                .vendor("Mercator")
                .description(description)
                .parameter(ParameterSpec.integer(K, "Number of segments; 0 chooses it by silhouette", 0, 0, 100))
                .parameter(ParameterSpec.integer(MAX_K, "Largest k tried when k is chosen by silhouette", 8, 2, 30))
                .parameter(CustomerFeatures.ANALYSIS_DATE);
    }

    /**
     * @return the caller's k, 0 for "choose by silhouette"
     * @throws ValidationException when k is more than the points
     */
    static int requestedK(Parameters parameters, int points) {
        int k = parameters.getInt(K);
        if (k > points) {
            throw new ValidationException(K, k + " is more than the " + points + " customers with a purchase");
        }
        return k;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @param points standardised, row-major, {@link CentroidModel#DIMENSIONS} per point
     * @param parameters the strategy's parameters
     * @param context progress and cancellation
     * @return the cluster of every point, numbered from 0 without gaps
     */
    abstract int[] cluster(double[] points, Parameters parameters, TrainingContext context);

    @Override
    public SegmentationModel fit(Transactions data, Parameters parameters, TrainingContext context) {
        CustomerFeatures features = CustomerFeatures.of(data, parameters);
        int[] active = IntStream.range(0, features.size()).filter(features::isActive).toArray();
        if (active.length < 2) {
            throw new ValidationException("transactions", "need at least 2 customers with a purchase before the "
                    + "analysis date to form clusters, got " + active.length);
        }
        int dimensions = CentroidModel.DIMENSIONS;
        double[] all = features.logValues();
        double[] points = new double[active.length * dimensions];
        for (int row = 0; row < active.length; row++) {
            System.arraycopy(all, active[row] * dimensions, points, row * dimensions, dimensions);
        }
        Standardisation standardisation = Standardisation.fit(points, dimensions);
        standardisation.apply(points);
        int[] labels = cluster(points, parameters, context);
        int clusters = Arrays.stream(labels).max().orElse(-1) + 1;

        double[][] columns = new double[dimensions][features.size()];
        int[] byCustomer = new int[features.size()];
        Arrays.fill(byCustomer, SegmentAssignment.UNASSIGNED);
        for (int row = 0; row < active.length; row++) {
            byCustomer[active[row]] = labels[row];
        }
        for (int f = 0; f < dimensions; f++) {
            for (int c = 0; c < features.size(); c++) {
                columns[f][c] = features.value(f, c);
            }
        }
        String[] placeholders = IntStream.range(0, clusters).mapToObj(c -> "c" + c).toArray(String[]::new);
        double[] monetary = SegmentProfiles.summarise(placeholders, byCustomer, CustomerFeatures.NAMES, columns)
                .means(2);
        int[] rank = rankByDescending(monetary);
        for (int c = 0; c < byCustomer.length; c++) {
            if (byCustomer[c] >= 0) {
                byCustomer[c] = rank[byCustomer[c]];
            }
        }
        int[] ranked = new int[labels.length];
        for (int row = 0; row < labels.length; row++) {
            ranked[row] = rank[labels[row]];
        }
        String[] names = IntStream.rangeClosed(1, clusters).mapToObj(c -> "cluster-" + c).toArray(String[]::new);
        SegmentProfiles profiles = SegmentProfiles.summarise(names, byCustomer, CustomerFeatures.NAMES, columns)
                .withTopCategories(byCustomer, data, features.analysisDay());
        context.progress(1, "");
        return new CentroidModel(descriptor.name(), descriptor.version(), features.analysisDay(), standardisation,
                centroids(points, ranked, clusters), new SegmentAssignment(data.customers(), byCustomer, clusters),
                profiles);
    }

    /** @return for every cluster, its position when sorted by descending value */
    private static int[] rankByDescending(double[] value) {
        Integer[] order = IntStream.range(0, value.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -value[c]));
        int[] rank = new int[value.length];
        for (int position = 0; position < order.length; position++) {
            rank[order[position]] = position;
        }
        return rank;
    }

    /** @return the mean of every cluster's points, row-major */
    static double[] centroids(double[] points, int[] labels, int clusters) {
        int dimensions = CentroidModel.DIMENSIONS;
        double[] centroids = new double[clusters * dimensions];
        int[] counts = new int[clusters];
        for (int row = 0; row < labels.length; row++) {
            counts[labels[row]]++;
            for (int d = 0; d < dimensions; d++) {
                centroids[labels[row] * dimensions + d] += points[row * dimensions + d];
            }
        }
        for (int i = 0; i < centroids.length; i++) {
            centroids[i] /= Math.max(1, counts[i / dimensions]);
        }
        return centroids;
    }

    @Override
    public SegmentationModel readModel(InputStream in) throws IOException {
        return CentroidModel.read(in);
    }
}
