package io.mercator.platform.evaluation.optimization;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Draws demand from the distribution fitted to a series: Poisson when its variance does not exceed
 * its mean, otherwise negative binomial with the same mean and variance, drawn as a Poisson whose
 * rate is gamma distributed (shape r = mean^2 / (variance - mean)).
 */
final class SimulatedDemand {

    private SimulatedDemand() {
    }

    /**
     * @param mean per SKU, &gt;= 0
     * @param variance per SKU, &gt;= 0
     * @param periods periods to draw
     * @param seed the random seed
     * @return demand[sku][period]
     */
    static double[][] draw(double[] mean, double[] variance, int periods, long seed) {
        RandomGenerator random = new Well19937c(seed);
        double[][] demand = new double[mean.length][periods];
        for (int s = 0; s < mean.length; s++) {
            if (mean[s] == 0) {
                continue;
            }
            GammaDistribution rate = null;
            if (variance[s] > mean[s]) {
                double shape = mean[s] * mean[s] / (variance[s] - mean[s]);
                rate = new GammaDistribution(random, shape, mean[s] / shape);
            }
            for (int t = 0; t < periods; t++) {
                double lambda = rate == null ? mean[s] : rate.sample();
                demand[s][t] = lambda > 0 ? new PoissonDistribution(random, lambda,
                        PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample() : 0;
            }
        }
        return demand;
    }
}
