package io.mercator.plugins.optimization.policies;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Gamma demand with the given mean and variance: the skewed, continuous model for fast movers
 * whose spread is large next to their mean, where the normal distribution puts its quantiles too
 * low. The loss function has the closed form E[(X - x)+] = mean (1 - P(k + 1, x / theta)) -
 * x (1 - P(k, x / theta)) with P the regularised lower incomplete gamma function.
 */
final class GammaDemand implements DemandDistribution {

    private final double mean;
    private final double shape;
    private final double scale;

    GammaDemand(double mean, double variance) {
        this.mean = mean;
        this.shape = mean * mean / variance;
        this.scale = variance / mean;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double quantile(double probability) {
        return new GammaDistribution(null, shape, scale).inverseCumulativeProbability(probability);
    }

    @Override
    public double expectedShortage(double level) {
        if (level <= 0) {
            return mean - level;
        }
        double x = level / scale;
        double shortage = mean * Gamma.regularizedGammaQ(shape + 1, x) - level * Gamma.regularizedGammaQ(shape, x);
        return Math.max(shortage, 0);
    }

    @Override
    public boolean discrete() {
        return false;
    }
}
