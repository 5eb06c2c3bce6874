package io.mercator.plugins.optimization.policies;

import java.util.function.DoubleUnaryOperator;

/** Closed-form and searched stock levels: EOQ, and the level that meets a fill-rate target. */
final class StockLevels {

    private static final int MAX_DOUBLINGS = 64;
    private static final int BISECTIONS = 100;
    /** A level whose shortage is this close below the allowance is taken as found. */
    private static final double ACCURACY = 1e-11;

    private StockLevels() {
    }

    /**
     * The economic order quantity sqrt(2 K d / h).
     *
     * @param demandPerPeriod mean demand per period
     * @param orderingCost fixed cost per order
     * @param holdingCostPerUnit cost of holding one unit for one period
     * @return the order quantity that balances ordering and holding cost; infinite when holding is free
     */
    static double economicOrderQuantity(double demandPerPeriod, double orderingCost, double holdingCostPerUnit) {
        if (demandPerPeriod == 0 || orderingCost == 0) {
            return 0;
        }
        return holdingCostPerUnit == 0 ? Double.POSITIVE_INFINITY
                : Math.sqrt(2 * orderingCost * demandPerPeriod / holdingCostPerUnit);
    }

    /**
     * Finds the smallest level whose expected shortage is within the allowance: the level that
     * meets a fill-rate target {@code 1 - allowed} when the shortage is the share of demand short.
     *
     * @param shortage expected shortage (units short per cycle, or share of demand short) as a
     *     function of the level; non-increasing, tending to 0
     * @param allowed shortage the target allows, &gt; 0
     * @param start a level to search from, e.g. the mean demand
     * @param scale a first step, e.g. the standard deviation of demand, &gt; 0
     * @param whole whether the level must be a whole number
     * @return the level
     */
    static double smallestLevelWithin(DoubleUnaryOperator shortage, double allowed, double start,
            double scale, boolean whole) {
        double step = scale;
        double low = start - step;
        for (int i = 0; i < MAX_DOUBLINGS && shortage.applyAsDouble(low) <= allowed; i++) {
            step *= 2;
            low = start - step;
        }
        step = scale;
        double high = start + step;
        for (int i = 0; i < MAX_DOUBLINGS && shortage.applyAsDouble(high) > allowed; i++) {
            step *= 2;
            high = start + step;
        }
        if (whole) {
            long lowUnits = (long) Math.floor(low);
            long highUnits = (long) Math.ceil(high);
            while (highUnits - lowUnits > 1) {
                long middle = lowUnits + (highUnits - lowUnits) / 2;
                if (shortage.applyAsDouble(middle) <= allowed) {
                    highUnits = middle;
                } else {
                    lowUnits = middle;
                }
            }
            return highUnits;
        }
        // false position with the Illinois halving: the shortage is smooth, so this takes a handful of
        // evaluations where bisection takes forty; the bracket low (short of the target) to high (within it) holds
        double lowExcess = shortage.applyAsDouble(low) - allowed;
        double highExcess = shortage.applyAsDouble(high) - allowed;
        int kept = 0;
        for (int i = 0; i < BISECTIONS && high - low > 1e-9 * Math.max(1, Math.abs(high))
                && highExcess < -ACCURACY; i++) {
            double middle = low + (high - low) * lowExcess / (lowExcess - highExcess);
            if (!(middle > low && middle < high)) {
                middle = (low + high) / 2;
            }
            double excess = shortage.applyAsDouble(middle) - allowed;
            if (excess <= 0) {
                high = middle;
                highExcess = excess;
                lowExcess = kept == -1 ? lowExcess / 2 : lowExcess;
                kept = -1;
            } else {
                low = middle;
                lowExcess = excess;
                highExcess = kept == 1 ? highExcess / 2 : highExcess;
                kept = 1;
            }
        }
        return high;
    }
}
