package io.mercator.plugins.optimization.policies;

import java.util.Arrays;

/**
 * Demand in whole units for slow movers: Poisson when the variance does not exceed the mean,
 * otherwise the negative binomial with the same mean and variance (r = mean^2 / (variance - mean)).
 * The probabilities are tabulated until the upper tail is below {@value #TAIL}.
 */
final class DiscreteDemand implements DemandDistribution {

    private static final double TAIL = 1e-12;

    private final double mean;
    /** cdf[k] = P(demand &lt;= k). */
    private final double[] cdf;
    /** loss[k] = E[(demand - k)+]. */
    private final double[] loss;
    /** lossSum[k] = loss[k] + loss[k + 1] + ..., the second-order loss at k. */
    private final double[] lossSum;

    DiscreteDemand(double mean, double variance) {
        this.mean = mean;
        boolean overdispersed = variance > mean * (1 + 1e-9);
        double shape = overdispersed ? mean * mean / (variance - mean) : Double.POSITIVE_INFINITY;
        double successRatio = overdispersed ? mean / (shape + mean) : 0;
        double probability = mean == 0 ? 1
                : overdispersed ? Math.exp(shape * Math.log(shape / (shape + mean))) : Math.exp(-mean);
        double[] cumulative = new double[16];
        double total = 0;
        int k = 0;
        // stop at the tail, or far out when rounding keeps the total just below 1
        int limit = (int) Math.ceil(mean + 60 * Math.sqrt(Math.max(variance, mean)) + 100);
        while (true) {
            total += probability;
            if (k == cumulative.length) {
                cumulative = Arrays.copyOf(cumulative, k * 2);
            }
            cumulative[k] = Math.min(total, 1);
            if (1 - total < TAIL || k >= limit) {
                break;
            }
            probability *= overdispersed ? (k + shape) / (k + 1) * successRatio : mean / (k + 1);
            k++;
        }
        cdf = Arrays.copyOf(cumulative, k + 1);
        cdf[k] = 1;
        loss = new double[k + 1];
        loss[0] = mean;
        for (int j = 1; j <= k; j++) {
            loss[j] = Math.max(loss[j - 1] - (1 - cdf[j - 1]), 0);
        }
        lossSum = new double[k + 2];
        for (int j = k; j >= 0; j--) {
            lossSum[j] = lossSum[j + 1] + loss[j];
        }
    }

    /** @return P(demand = k) for k = 0, 1, ... up to the tabulated tail */
    double[] probabilities() {
        double[] probability = new double[cdf.length];
        for (int k = 0; k < cdf.length; k++) {
            probability[k] = cdf[k] - (k == 0 ? 0 : cdf[k - 1]);
        }
        return probability;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double quantile(double probability) {
        for (int k = 0; k < cdf.length; k++) {
            if (cdf[k] >= probability) {
                return k;
            }
        }
        return cdf.length - 1;
    }

    @Override
    public double expectedShortage(double level) {
        if (level <= 0) {
            return mean - level;
        }
        int k = (int) Math.floor(level);
        if (k >= cdf.length - 1) {
            return 0;
        }
        // the loss function is linear between whole units
        return loss[k] - (level - k) * (1 - cdf[k]);
    }

    @Override
    public double secondOrderLoss(double level) {
        double k = Math.ceil(level);
        if (k < 0) {
            // below zero the shortage is mean - j for every level j = k, ..., -1
            double levels = -k;
            return levels * mean + levels * (levels + 1) / 2 + lossSum[0];
        }
        return k >= lossSum.length ? 0 : lossSum[(int) k];
    }

    @Override
    public boolean discrete() {
        return true;
    }
}
