package io.mercator.plugins.segmentation.clustering;

/**
 * Centres every feature on its mean and divides it by its (population) standard deviation, so
 * that no feature dominates the distances by its units. A constant feature keeps scale 1.
 */
final class Standardisation {

    private final double[] mean;
    private final double[] scale;

    Standardisation(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** @return the mean and standard deviation of each column of the row-major {@code points} */
    static Standardisation fit(double[] points, int dimensions) {
        int n = points.length / dimensions;
        double[] mean = new double[dimensions];
        double[] scale = new double[dimensions];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimensions; d++) {
                mean[d] += points[i * dimensions + d];
            }
        }
        for (int d = 0; d < dimensions; d++) {
            mean[d] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimensions; d++) {
                double deviation = points[i * dimensions + d] - mean[d];
                scale[d] += deviation * deviation;
            }
        }
        for (int d = 0; d < dimensions; d++) {
            double deviation = Math.sqrt(scale[d] / n);
            scale[d] = deviation > 1e-12 ? deviation : 1;
        }
        return new Standardisation(mean, scale);
    }

    /** Standardises the row-major {@code points} in place. */
    void apply(double[] points) {
        int dimensions = mean.length;
        for (int i = 0; i < points.length; i++) {
            int d = i % dimensions;
            points[i] = (points[i] - mean[d]) / scale[d];
        }
    }

    double[] mean() {
        return mean;
    }

    double[] scale() {
        return scale;
    }
}
