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

    /**
     * E[((X - x)+)^2] / 2 = (E[X^2; X &gt; x] - 2 x E[X; X &gt; x] + x^2 P(X &gt; x)) / 2 with
     * E[X^j; X &gt; x] = theta^j Gamma(k + j) / Gamma(k) Q(k + j, x / theta), Q the regularised upper
     * incomplete gamma function.
     */
    @Override
    public double secondOrderLoss(double level) {
        if (level <= 0) {
            double variance = shape * scale * scale;
            return (variance + (mean - level) * (mean - level)) / 2;
        }
        double x = level / scale;
        double secondMoment = shape * (shape + 1) * scale * scale * Gamma.regularizedGammaQ(shape + 2, x);
        double firstMoment = mean * Gamma.regularizedGammaQ(shape + 1, x);
        double tail = Gamma.regularizedGammaQ(shape, x);
        return Math.max((secondMoment - 2 * level * firstMoment + level * level * tail) / 2, 0);
    }

    @Override
    public boolean discrete() {
        return false;
    }
}
