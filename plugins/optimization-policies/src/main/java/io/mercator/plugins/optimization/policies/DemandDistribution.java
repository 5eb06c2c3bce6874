package io.mercator.plugins.optimization.policies;

/**
 * Demand over a protection period (lead time, or lead time plus review period): what a stock level
 * has to cover. Levels and quantities are in units.
 */
interface DemandDistribution {

    /** @return the expected demand */
    double mean();

    /**
     * @param probability in (0, 1)
     * @return the smallest level x with P(demand &lt;= x) &gt;= probability
     */
    double quantile(double probability);

    /**
     * The first-order loss function.
     *
     * @param level a stock level, may be negative
     * @return E[(demand - level)+], the expected demand above the level
     */
    double expectedShortage(double level);

    /**
     * The second-order loss function, the integral of {@link #expectedShortage} from the level up:
     * {@code E[((demand - level)+)^2] / 2} for continuous demand, and for whole units the sum of
     * the expected shortages at {@code ceil(level)}, {@code ceil(level) + 1}, ...
     *
     * @param level a stock level, may be negative
     * @return the second-order loss
     */
    double secondOrderLoss(double level);

    /**
     * The expected shortage averaged over stock levels spread evenly over {@code (low, high]}: for
     * continuous demand {@code (G2(low) - G2(high)) / (high - low)}; for whole units the mean over
     * the levels {@code low + 1, ..., high} (both rounded down to whole units).
     *
     * @param low the level just below the range
     * @param high the top of the range, &gt;= low
     * @return the mean expected shortage over the range; the expected shortage at {@code high} for an empty range
     */
    default double meanShortageOver(double low, double high) {
        if (discrete()) {
            double bottom = Math.floor(low);
            double top = Math.floor(high);
            return top > bottom ? (secondOrderLoss(bottom + 1) - secondOrderLoss(top + 1)) / (top - bottom)
                    : expectedShortage(top);
        }
        return high - low > 1e-9 * Math.max(1, Math.abs(high))
                ? (secondOrderLoss(low) - secondOrderLoss(high)) / (high - low) : expectedShortage(high);
    }

    /** @return true when demand comes in whole units, so levels should be whole too */
    boolean discrete();

    /**
     * Demand over {@code periods} periods when the per-period demand has the given mean and spread
     * and the number of periods itself varies with {@code periodsStdDev}: mean {@code d T},
     * variance {@code T s^2 + d^2 sT^2}.
     *
     * @param demandMean mean demand per period
     * @param demandStdDev standard deviation of demand per period
     * @param periods mean number of periods
     * @param periodsStdDev standard deviation of the number of periods
     * @param shape which family of distributions to use
     * @return the distribution of the total
     */
    static DemandDistribution over(double demandMean, double demandStdDev, double periods, double periodsStdDev,
            Shape shape) {
        double mean = demandMean * periods;
        double variance = periods * demandStdDev * demandStdDev
                + demandMean * demandMean * periodsStdDev * periodsStdDev;
        switch (shape) {
            case DISCRETE:
                return new DiscreteDemand(mean, variance);
            case GAMMA:
                return mean > 0 && variance > 0 ? new GammaDemand(mean, variance)
                        : new NormalDemand(mean, Math.sqrt(variance));
            default:
                return new NormalDemand(mean, Math.sqrt(variance));
        }
    }

    /** The families of demand distributions. */
    enum Shape {
        /** Normal: fast movers with a moderate spread. */
        NORMAL,
        /** Gamma: fast movers whose spread is large next to their mean. */
        GAMMA,
        /** Poisson / negative binomial in whole units: slow movers. */
        DISCRETE
    }
}
