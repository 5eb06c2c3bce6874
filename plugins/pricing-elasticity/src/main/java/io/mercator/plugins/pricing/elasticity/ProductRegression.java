package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.pricing.Elasticity;
import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The log-log regression of one product: {@code log units = location effect + b . x + error},
 * fitted by ordinary least squares after removing each location's means (the "within"
 * estimator, equivalent to one dummy per location). Rows with zero units have no logarithm and
 * are left out. Keeps the per-location means so that the location effects can be recomputed
 * when the own-price coefficient is later replaced by a shrunk one.
 */
final class ProductRegression {

    private final double[] coefficients;
    private final boolean identified;
    private final double ownVariance;
    private final double substituteVariance;
    private final int degreesOfFreedom;
    private final double smearing;
    private final double substituteFill;
    private final int[] locations;
    private final double[] locationMeanY;
    private final double[][] locationMeanX;
    private final double meanY;
    private final double[] meanX;

    private ProductRegression(double[] coefficients, boolean identified, double ownVariance,
            double substituteVariance, int degreesOfFreedom, double smearing, double substituteFill, int[] locations,
            double[] locationMeanY, double[][] locationMeanX, double meanY, double[] meanX) {
        this.coefficients = coefficients;
        this.identified = identified;
        this.ownVariance = ownVariance;
        this.substituteVariance = substituteVariance;
        this.degreesOfFreedom = degreesOfFreedom;
        this.smearing = smearing;
        this.substituteFill = substituteFill;
        this.locations = locations;
        this.locationMeanY = locationMeanY;
        this.locationMeanX = locationMeanX;
        this.meanY = meanY;
        this.meanX = meanX;
    }

    /**
     * @param rows the product's rows with units &gt; 0
     * @param logUnits log units per row of the whole data set
     * @param x the regressor columns over the whole data set (see {@link DemandFeatures}); NaN
     *     substitute prices are replaced by the product's mean
     * @param location location index per row of the whole data set
     * @param locationCount the number of locations
     * @return the fit; {@link #identified()} is false when the own price did not vary within
     *     locations or there are no degrees of freedom left
     */
    static ProductRegression fit(int[] rows, double[] logUnits, double[][] x, int[] location, int locationCount) {
        int k = x.length;
        int n = rows.length;
        double substituteFill = meanOfFinite(x[DemandFeatures.SUBSTITUTE_PRICE], rows);
        double[][] own = new double[k][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = logUnits[rows[i]];
            for (int j = 0; j < k; j++) {
                double value = x[j][rows[i]];
                own[j][i] = Double.isNaN(value) ? substituteFill : value;
            }
        }
        int[] group = new int[n];
        int[] slotOfLocation = new int[locationCount];
        Arrays.fill(slotOfLocation, -1);
        int groups = 0;
        for (int i = 0; i < n; i++) {
            int l = location[rows[i]];
            if (slotOfLocation[l] < 0) {
                slotOfLocation[l] = groups++;
            }
            group[i] = slotOfLocation[l];
        }
        int[] locations = new int[groups];
        for (int l = 0; l < locationCount; l++) {
            if (slotOfLocation[l] >= 0) {
                locations[slotOfLocation[l]] = l;
            }
        }
        double[] groupY = groupMeans(y, group, groups);
        double[][] groupX = new double[k][];
        for (int j = 0; j < k; j++) {
            groupX[j] = groupMeans(own[j], group, groups);
        }
        double[][] gram = new double[k][k];
        double[] moments = new double[k];
        double[] row = new double[k];
        for (int i = 0; i < n; i++) {
            int g = group[i];
            double yWithin = y[i] - groupY[g];
            for (int j = 0; j < k; j++) {
                row[j] = own[j][i] - groupX[j][g];
                moments[j] += row[j] * yWithin;
                for (int m = 0; m <= j; m++) {
                    gram[j][m] += row[j] * row[m];
                }
            }
        }
        LeastSquares solution = LeastSquares.solve(gram, moments);
        double[] b = solution.coefficients();
        double sumOfSquares = 0;
        double sumOfExp = 0;
        for (int i = 0; i < n; i++) {
            int g = group[i];
            double residual = y[i] - groupY[g];
            for (int j = 0; j < k; j++) {
                residual -= b[j] * (own[j][i] - groupX[j][g]);
            }
            sumOfSquares += residual * residual;
            sumOfExp += Math.exp(residual);
        }
        int degreesOfFreedom = n - groups - solution.rank();
        boolean identified = solution.kept(DemandFeatures.OWN_PRICE) && degreesOfFreedom > 0;
        double ownVariance = identified
                ? sumOfSquares / degreesOfFreedom * solution.inverseDiagonal(DemandFeatures.OWN_PRICE)
                : Double.NaN;
        double substituteVariance = identified && solution.kept(DemandFeatures.SUBSTITUTE_PRICE)
                ? sumOfSquares / degreesOfFreedom * solution.inverseDiagonal(DemandFeatures.SUBSTITUTE_PRICE)
                : Double.NaN;
        double[][] locationMeanX = new double[groups][k];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < k; j++) {
                locationMeanX[g][j] = groupX[j][g];
            }
        }
        double[] meanX = new double[k];
        for (int j = 0; j < k; j++) {
            meanX[j] = mean(own[j]);
        }
        return new ProductRegression(b, identified, ownVariance, substituteVariance, degreesOfFreedom,
                n > 0 ? sumOfExp / n : 1, substituteFill, locations, groupY, locationMeanX, mean(y), meanX);
    }

    private static double[] groupMeans(double[] values, int[] group, int groups) {
        double[] sum = new double[groups];
        int[] count = new int[groups];
        for (int i = 0; i < values.length; i++) {
            sum[group[i]] += values[i];
            count[group[i]]++;
        }
        for (int g = 0; g < groups; g++) {
            sum[g] /= count[g];
        }
        return sum;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static double meanOfFinite(double[] values, int[] rows) {
        double sum = 0;
        int count = 0;
        for (int row : rows) {
            if (!Double.isNaN(values[row])) {
                sum += values[row];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** @return whether the own-price elasticity could be estimated from this product's own data */
    boolean identified() {
        return identified;
    }

    /** @return the own-price elasticity estimated from this product alone */
    double ownElasticity() {
        return coefficients[DemandFeatures.OWN_PRICE];
    }

    /** @return the sampling variance of {@link #ownElasticity()}, NaN when not identified */
    double ownVariance() {
        return ownVariance;
    }

    /**
     * @param level interval coverage in percent
     * @return the cross elasticity (coefficient of the substitutes' log price) with a t interval,
     *     or null when it could not be estimated
     */
    Elasticity substituteElasticity(double level) {
        if (Double.isNaN(substituteVariance)) {
            return null;
        }
        double t = new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + level / 200);
        double estimate = coefficients[DemandFeatures.SUBSTITUTE_PRICE];
        double halfWidth = t * Math.sqrt(substituteVariance);
        return new Elasticity(estimate, estimate - halfWidth, estimate + halfWidth, level);
    }

    /** @return residual degrees of freedom */
    int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * @param ownElasticity the own-price elasticity to use (the fitted or a shrunk one)
     * @return the coefficients with that own-price elasticity
     */
    double[] coefficientsWith(double ownElasticity) {
        double[] b = coefficients.clone();
        b[DemandFeatures.OWN_PRICE] = ownElasticity;
        return b;
    }

    /**
     * @param b the coefficients in use
     * @param locationCount the number of locations
     * @return the intercept of each location given {@code b}, NaN for locations without rows
     */
    double[] locationEffects(double[] b, int locationCount) {
        double[] effects = new double[locationCount];
        Arrays.fill(effects, Double.NaN);
        for (int g = 0; g < locations.length; g++) {
            effects[locations[g]] = locationMeanY[g] - dot(b, locationMeanX[g]);
        }
        return effects;
    }

    /**
     * @param b the coefficients in use
     * @return the intercept for a location the product was not seen at: the average over its rows
     */
    double averageEffect(double[] b) {
        return meanY - dot(b, meanX);
    }

    /** @return mean log units */
    double meanLogUnits() {
        return meanY;
    }

    /** @return mean log own price */
    double meanLogPrice() {
        return meanX[DemandFeatures.OWN_PRICE];
    }

    /** @return the mean of exp(residual): turns a prediction of log units into expected units */
    double smearing() {
        return smearing;
    }

    /** @return the substitute log price used where none was observed */
    double substituteFill() {
        return substituteFill;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
