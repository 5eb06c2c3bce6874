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
    private final double logGammaOfShapePlusOne;

    GammaDemand(double mean, double variance) {
        this.mean = mean;
        this.shape = mean * mean / variance;
        this.scale = variance / mean;
        this.logGammaOfShapePlusOne = Gamma.logGamma(shape + 1);
    }

    /**
     * Q(k, x) and, by the recurrence Q(a + 1, x) = Q(a, x) + x^a e^-x / Gamma(a + 1), Q(k + 1, x)
     * and Q(k + 2, x): one incomplete gamma function instead of three, as plans search many levels.
     */
    private double[] upperTails(double x) {
        double tail = Gamma.regularizedGammaQ(shape, x);
        double term = Math.exp(shape * Math.log(x) - x - logGammaOfShapePlusOne);
        double next = tail + term;
        return new double[] {tail, next, next + term * x / (shape + 1)};
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
        double[] tails = upperTails(level / scale);
        double shortage = mean * tails[1] - level * tails[0];
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
        double[] tails = upperTails(level / scale);
        double secondMoment = shape * (shape + 1) * scale * scale * Math.min(tails[2], 1);
        double firstMoment = mean * Math.min(tails[1], 1);
        double tail = tails[0];
        return Math.max((secondMoment - 2 * level * firstMoment + level * level * tail) / 2, 0);
    }

    @Override
    public boolean discrete() {
        return false;
    }
}
