package io.mercator.platform.evaluation.optimization;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Replays demand period by period against an ordering policy, for many SKUs at once. Each period:
 * orders due arrive and first fill backorders; on review periods the policy orders, each order
 * arriving after a lead time drawn from a normal distribution rounded to whole periods (at least
 * 0; an order with lead time 0 arrives before this period's demand); then demand is served from
 * stock and the rest is backordered. Nothing is counted during the warm-up periods, so that the
 * figures do not depend on the starting stock.
 */
final class InventorySimulator {

    /** Decides the orders of one review period. */
    interface Policy {
        /**
         * @param period the period, from 0
         * @param state the stock of every SKU before this period's demand
         * @param orders to fill with the quantity to order per SKU, 0 for none
         */
        void order(int period, State state, double[] orders);
    }

    /** The stock of every SKU as the policy sees it; arrays indexed by SKU, owned by the simulator. */
    static final class State {
        final double[] onHand;
        final double[] onOrder;
        final double[] backorders;
        /** Demand since the previous review. */
        final double[] demandSinceReview;

        State(int skus) {
            onHand = new double[skus];
            onOrder = new double[skus];
            backorders = new double[skus];
            demandSinceReview = new double[skus];
        }
    }

    /**
     * Totals over every SKU and period.
     *
     * @param demand units asked for
     * @param servedFromStock units served on the period they were asked for
     * @param cycles completed replenishment cycles (from one arrival to the next)
     * @param cyclesWithoutStockOut cycles in which all demand was served from stock
     * @param holdingCost cost of the stock left at the end of each period
     * @param orderingCost fixed cost of the orders placed
     * @param shortageCost penalty on units not served from stock
     * @param demandValue value (at unit cost) of the demand
     * @param meanStockValue mean value of the stock on hand at the end of a period
     * @param meanSkuFillRate mean over the SKUs with demand of each one's own fill rate (1 when none has demand)
     */
    record Result(double demand, double servedFromStock, long cycles, long cyclesWithoutStockOut,
            double holdingCost, double orderingCost, double shortageCost, double demandValue,
            double meanStockValue, double meanSkuFillRate) {

        /** @return units served from stock per unit demanded; 1 without demand */
        double fillRate() {
            return demand > 0 ? servedFromStock / demand : 1;
        }

        /** @return share of cycles without a stock-out; NaN when no cycle completed */
        double cycleServiceLevel() {
            return cycles > 0 ? (double) cyclesWithoutStockOut / cycles : Double.NaN;
        }

        double totalCost() {
            return holdingCost + orderingCost + shortageCost;
        }

        /** @return demand value over the mean value held (not annualised); NaN when nothing was held */
        double turns() {
            return meanStockValue > 0 ? demandValue / meanStockValue : Double.NaN;
        }
    }

    /**
     * The simulation settings.
     *
     * @param leadTimeMean mean lead time in periods
     * @param leadTimeStdDev its standard deviation
     * @param reviewPeriod periods between reviews, at least 1
     * @param holdingCostRate holding cost per unit and period as a fraction of the unit cost
     * @param orderingCost cost per order
     * @param shortageCostRate penalty per unit not served from stock, as a fraction of the unit cost
     * @param warmUpPeriods periods replayed but not counted
     * @param seed for the lead-time draws
     */
    record Settings(double leadTimeMean, double leadTimeStdDev, int reviewPeriod, double holdingCostRate,
            double orderingCost, double shortageCostRate, int warmUpPeriods, long seed) {

        /**
         * The mean and standard deviation of the lead times the simulator draws: the normal
         * rounded to whole periods and raised to 0. Rounding adds about 1/12 period^2 of variance
         * (N(2, 0.5^2) rounds to a standard deviation of 0.57), which policies must plan with.
         *
         * @return {mean, standard deviation} in periods
         */
        double[] drawnLeadTime() {
            if (leadTimeStdDev == 0) {
                double whole = Math.max(0, Math.round(leadTimeMean));
                return new double[] {whole, 0};
            }
            NormalDistribution drawn = new NormalDistribution(null, leadTimeMean, leadTimeStdDev);
            double mean = 0;
            double square = 0;
            long last = (long) Math.ceil(leadTimeMean + 12 * leadTimeStdDev);
            for (long k = 0; k <= last; k++) {
                // Math.round sends k - 0.5 up to k; everything below 0.5 becomes 0
                double p = (k == last ? 1 : drawn.cumulativeProbability(k + 0.5))
                        - (k == 0 ? 0 : drawn.cumulativeProbability(k - 0.5));
                mean += p * k;
                square += p * k * k;
            }
            return new double[] {mean, Math.sqrt(Math.max(square - mean * mean, 0))};
        }
    }

    private final Settings settings;

    InventorySimulator(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param demand demand[sku][period] to replay
     * @param unitCost per SKU
     * @param initialOnHand stock on hand per SKU at the start
     * @param policy the ordering policy
     * @return the totals
     */
    Result run(double[][] demand, double[] unitCost, double[] initialOnHand, Policy policy) {
        int skus = demand.length;
        int periods = skus == 0 ? 0 : demand[0].length;
        // orders due after the last period never arrive within the replay
        double[][] arrivals = new double[skus][periods];
        Random[] leadTimes = new Random[skus];
        State state = new State(skus);
        boolean[] stockOutInCycle = new boolean[skus];
        boolean[] cycleStarted = new boolean[skus];
        double[] orders = new double[skus];
        double[] skuDemand = new double[skus];
        double[] skuServed = new double[skus];
        double totalDemand = 0;
        double servedFromStock = 0;
        long cycles = 0;
        long cyclesWithoutStockOut = 0;
        double holdingCost = 0;
        double orderingCost = 0;
        double shortageCost = 0;
        double demandValue = 0;
        double stockValue = 0;
        for (int s = 0; s < skus; s++) {
            state.onHand[s] = initialOnHand[s];
            // one stream per SKU: the same SKU draws the same lead times whatever the others do
            leadTimes[s] = new Random(settings.seed() * 31 + s);
        }
        for (int t = 0; t < periods; t++) {
            boolean counted = t >= settings.warmUpPeriods();
            for (int s = 0; s < skus; s++) {
                if (arrivals[s][t] > 0) {
                    receive(state, s, arrivals[s][t]);
                    if (cycleStarted[s] && counted) {
                        cycles++;
                        cyclesWithoutStockOut += stockOutInCycle[s] ? 0 : 1;
                    }
                    cycleStarted[s] = true;
                    stockOutInCycle[s] = false;
                }
            }
            if (t % settings.reviewPeriod() == 0) {
                Arrays.fill(orders, 0);
                policy.order(t, state, orders);
                for (int s = 0; s < skus; s++) {
                    state.demandSinceReview[s] = 0;
                    if (orders[s] > 0) {
                        orderingCost += counted ? settings.orderingCost() : 0;
                        int arrival = t + leadTime(leadTimes[s]);
                        state.onOrder[s] += orders[s];
                        if (arrival == t) {
                            receive(state, s, orders[s]);
                        } else if (arrival < periods) {
                            arrivals[s][arrival] += orders[s];
                        }
                    }
                }
            }
            for (int s = 0; s < skus; s++) {
                double asked = demand[s][t];
                double served = Math.min(asked, state.onHand[s]);
                state.onHand[s] -= served;
                state.backorders[s] += asked - served;
                state.demandSinceReview[s] += asked;
                if (served < asked) {
                    stockOutInCycle[s] = true;
                }
                if (!counted) {
                    continue;
                }
                totalDemand += asked;
                servedFromStock += served;
                skuDemand[s] += asked;
                skuServed[s] += served;
                shortageCost += (asked - served) * unitCost[s] * settings.shortageCostRate();
                demandValue += asked * unitCost[s];
                holdingCost += state.onHand[s] * unitCost[s] * settings.holdingCostRate();
                stockValue += state.onHand[s] * unitCost[s];
            }
        }
        return new Result(totalDemand, servedFromStock, cycles, cyclesWithoutStockOut, holdingCost, orderingCost,
                shortageCost, demandValue,
                periods > settings.warmUpPeriods() ? stockValue / (periods - settings.warmUpPeriods()) : 0,
                meanFillRate(skuDemand, skuServed));
    }

    private static double meanFillRate(double[] demand, double[] served) {
        double sum = 0;
        int withDemand = 0;
        for (int s = 0; s < demand.length; s++) {
            if (demand[s] > 0) {
                sum += served[s] / demand[s];
                withDemand++;
            }
        }
        return withDemand > 0 ? sum / withDemand : 1;
    }

    private int leadTime(Random random) {
        double drawn = settings.leadTimeMean() + settings.leadTimeStdDev() * random.nextGaussian();
        return (int) Math.max(0, Math.round(drawn));
    }

    /** Stock arrives: it fills backorders first. */
    private static void receive(State state, int sku, double quantity) {
        state.onOrder[sku] -= quantity;
        double filled = Math.min(quantity, state.backorders[sku]);
        state.backorders[sku] -= filled;
        state.onHand[sku] += quantity - filled;
    }
}
