package io.mercator.plugins.optimization.policies;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Normal demand, the usual model for fast movers; a zero spread means demand is known exactly. */
final class NormalDemand implements DemandDistribution {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private final double mean;
    private final double stdDev;

    NormalDemand(double mean, double stdDev) {
        this.mean = mean;
        this.stdDev = stdDev;
    }

    /**
     * The standard normal loss function G(z) = phi(z) - z (1 - Phi(z)) = E[(Z - z)+].
     *
     * @param z a standardised level
     * @return the expected standard normal excess over z
     */
    static double standardLoss(double z) {
        return STANDARD.density(z) - z * (1 - STANDARD.cumulativeProbability(z));
    }

    /**
     * The standard normal second-order loss G2(z) = ((z^2 + 1) (1 - Phi(z)) - z phi(z)) / 2, the
     * integral of {@link #standardLoss} from z up.
     *
     * @param z a standardised level
     * @return E[((Z - z)+)^2] / 2
     */
    static double standardSecondOrderLoss(double z) {
        return ((z * z + 1) * (1 - STANDARD.cumulativeProbability(z)) - z * STANDARD.density(z)) / 2;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double quantile(double probability) {
        return stdDev == 0 ? mean : mean + stdDev * STANDARD.inverseCumulativeProbability(probability);
    }

    @Override
    public double expectedShortage(double level) {
        return stdDev == 0 ? Math.max(mean - level, 0) : stdDev * standardLoss((level - mean) / stdDev);
    }

    @Override
    public double secondOrderLoss(double level) {
        if (stdDev == 0) {
            double excess = Math.max(mean - level, 0);
            return excess * excess / 2;
        }
        return stdDev * stdDev * standardSecondOrderLoss((level - mean) / stdDev);
    }

    @Override
    public boolean discrete() {
        return false;
    }
}
