package io.mercator.plugins.segmentation.clustering;

import io.mercator.api.AbstractModel;
import static io.mercator.api.segmentation.ClusterQuality.squaredDistance;

import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.Transactions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Segments as centroids in the standardised log space of {@link CustomerFeatures#logValues()}:
 * a customer belongs to the segment of the nearest centroid. Holds the fit-time segment of every
 * customer and the profiles in original units.
 */
final class CentroidModel extends AbstractModel implements SegmentationModel {

    private static final int MAGIC = 0x43454e54; // "CENT"
    private static final int FORMAT = 1;
    static final int DIMENSIONS = CustomerFeatures.NAMES.length;

    private final int analysisDay;
    private final Standardisation standardisation;
    private final double[] centroids;
    private final SegmentAssignment fitted;
    private final SegmentProfiles profiles;

    CentroidModel(String name, String version, int analysisDay, Standardisation standardisation, double[] centroids,
            SegmentAssignment fitted, SegmentProfiles profiles) {
        super(name, version, MAGIC, FORMAT);
        this.analysisDay = analysisDay;
        this.standardisation = standardisation;
        this.centroids = centroids;
        this.fitted = fitted;
        this.profiles = profiles;
    }

    @Override
    public SegmentProfiles segments() {
        return profiles;
    }

    /**
     * Measures the customers as of the later of the model's analysis day and the day after the
     * last of the new transactions, and gives each the segment of the nearest centroid.
     */
    @Override
    public SegmentAssignment assign(Transactions transactions) {
        CustomerFeatures features = CustomerFeatures.of(transactions, transactions.scoringDay(analysisDay));
        double[] points = features.logValues();
        standardisation.apply(points);
        int segments = centroids.length / DIMENSIONS;
        int[] assigned = new int[features.size()];
        for (int c = 0; c < features.size(); c++) {
            assigned[c] = features.isActive(c) ? nearest(points, c, centroids) : SegmentAssignment.UNASSIGNED;
        }
        return new SegmentAssignment(transactions.customers(), assigned, segments);
    }

    /** @return the index of the centroid nearest to row {@code row} of the standardised {@code points} */
    static int nearest(double[] points, int row, double[] centroids) {
        int segments = centroids.length / DIMENSIONS;
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int s = 0; s < segments; s++) {
            double distance = squaredDistance(points, row, centroids, s, DIMENSIONS);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = s;
            }
        }
        return best;
    }

    @Override
    public int segmentOf(String customerId) {
        return fitted.segmentOf(customerId);
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(analysisDay);
        for (int d = 0; d < DIMENSIONS; d++) {
            data.writeDouble(standardisation.mean()[d]);
            data.writeDouble(standardisation.scale()[d]);
        }
        data.writeInt(centroids.length);
        for (double value : centroids) {
            data.writeDouble(value);
        }
        fitted.writeTo(data);
        profiles.writeTo(data);
    }

    static CentroidModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "a centroid segmentation model");
        String name = header.strategyName();
        String version = header.strategyVersion();
        int analysisDay = data.readInt();
        double[] mean = new double[DIMENSIONS];
        double[] scale = new double[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            mean[d] = data.readDouble();
            scale[d] = data.readDouble();
        }
        int values = data.readInt();
        if (values < DIMENSIONS || values % DIMENSIONS != 0) {
            throw new IOException("corrupt model: " + values + " centroid values");
        }
        double[] centroids = new double[values];
        for (int v = 0; v < values; v++) {
            centroids[v] = data.readDouble();
        }
        SegmentAssignment fitted = SegmentAssignment.readFrom(data);
        return new CentroidModel(name, version, analysisDay, new Standardisation(mean, scale), centroids, fitted,
                SegmentProfiles.readFrom(data));
    }
}
