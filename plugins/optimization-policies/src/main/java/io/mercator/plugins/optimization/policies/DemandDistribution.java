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
