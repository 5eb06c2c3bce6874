package io.mercator.plugins.optimization.allocation;

import io.mercator.api.data.IdDictionary;
import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.AllocationProblem;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ServiceMeasure;
import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Budget-constrained periodic replenishment: every SKU-location wants to be raised to its
 * order-up-to level (normal demand over lead time plus review period at the target service
 * level); when the purchase budget cannot pay for all of it, a one-warehouse
 * {@link AllocationProblem} decides which units to buy. A unit short costs its lost margin
 * weighted by the odds {@code target / (1 - target)} of its service target, so per unit of budget
 * the SKU-locations with the highest targets are funded first.
 */
final class BudgetedReplenishment {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final String STORE = "store";

    private BudgetedReplenishment() {
    }

    /**
     * @param input the SKU-locations
     * @param budget purchase budget for this order, {@code +Infinity} for none
     * @param marginRate lost margin of an unserved unit as a fraction of the unit cost
     * @param integerCasePacks whether orders are whole cases
     * @param limits time limit and wanted gap of the whole-case search
     * @return the plan; the binding constraint is {@code "budget"} where the budget cut the order
     */
    static ReplenishmentPlan plan(ReplenishmentInput input, double budget, double marginRate,
            boolean integerCasePacks, LinearAllocator.MipLimits limits) {
        int rows = input.size();
        double[] safety = new double[rows];
        double[] orderUpTo = new double[rows];
        double[] need = new double[rows];
        double[] protectionMean = new double[rows];
        double[] protectionStdDev = new double[rows];
        double[] holding = new double[rows];
        double[] penalty = new double[rows];
        for (int r = 0; r < rows; r++) {
            double periods = input.leadTimeMean(r) + input.reviewPeriod(r);
            double mean = input.demandMean(r);
            protectionMean[r] = mean * periods;
            protectionStdDev[r] = Math.sqrt(periods * input.demandStdDev(r) * input.demandStdDev(r)
                    + mean * mean * input.leadTimeStdDev(r) * input.leadTimeStdDev(r));
            safety[r] = safetyFactor(input, r) * protectionStdDev[r];
            orderUpTo[r] = protectionMean[r] + safety[r];
            need[r] = Math.max(0, orderUpTo[r] - input.inventoryPosition(r));
            // a unit bought now is held about one review cycle
            holding[r] = input.unitCost(r) * input.holdingCostRate(r) * Math.max(1, input.reviewPeriod(r));
            // always above what the unit costs, so without a budget every SKU-location reaches its
            // order-up-to level; under a budget the odds of the service target rank them
            double target = input.targetServiceLevel(r);
            penalty[r] = input.unitCost(r) * (1 + marginRate * target / (1 - target)) + holding[r];
        }
        double[] orders = orderQuantities(input, need, holding, penalty, budget, integerCasePacks, limits);
        double[] fillRate = new double[rows];
        double[] cost = new double[rows];
        String[] binding = new String[rows];
        for (int r = 0; r < rows; r++) {
            double level = input.inventoryPosition(r) + orders[r];
            double cycleDemand = input.demandMean(r) * Math.max(1, input.reviewPeriod(r));
            fillRate[r] = fillRate(level, protectionMean[r], protectionStdDev[r], cycleDemand);
            cost[r] = input.unitCost(r) * input.holdingCostRate(r) * Math.max(0, safety[r] + cycleDemand / 2)
                    + (orders[r] > 0 ? input.orderingCost(r) / Math.max(1, input.reviewPeriod(r)) : 0);
            binding[r] = bindingConstraint(need[r], orders[r], input.casePack(r), integerCasePacks);
        }
        double[] reorderPoint = orderUpTo.clone();
        return new ReplenishmentPlan(input.skus(), safety, reorderPoint, orderUpTo, orders, fillRate, cost, binding);
    }

    private static double safetyFactor(ReplenishmentInput input, int row) {
        double target = input.targetServiceLevel(row);
        // a cycle service level equal to a fill-rate target is conservative: the fill rate it reaches is higher
        return STANDARD_NORMAL.inverseCumulativeProbability(
                input.serviceMeasure() == ServiceMeasure.FILL_RATE ? Math.max(0.5, target) : target);
    }

    private static double[] orderQuantities(ReplenishmentInput input, double[] need, double[] holding,
            double[] penalty, double budget, boolean integerCasePacks, LinearAllocator.MipLimits limits) {
        if (budget == Double.POSITIVE_INFINITY) {
            return unconstrainedOrders(input, need, holding, penalty, integerCasePacks);
        }
        int rows = input.size();
        double[] unitCost = new double[rows];
        double[] casePack = new double[rows];
        double totalNeed = 0;
        for (int r = 0; r < rows; r++) {
            unitCost[r] = input.unitCost(r);
            casePack[r] = integerCasePacks ? Math.max(1, Math.rint(input.casePack(r))) : 1;
            totalNeed += need[r] + casePack[r];
        }
        double[] transport = new double[rows];
        AllocationProblem problem = new AllocationProblem(input.skus(), IdDictionary.of("warehouse", STORE), need,
                unitCost, holding, penalty, casePack, new double[] {totalNeed}, transport, budget, integerCasePacks);
        AllocationPlan allocation = LinearAllocator.solve(problem, limits);
        double[] orders = new double[rows];
        Arrays.setAll(orders, r -> allocation.quantity(r, 0));
        return orders;
    }

    /**
     * Without a budget the rows do not interact, so each one is the LP's answer on its own: the
     * whole need, or in whole cases the cheaper of rounding down (and paying the shortfall's
     * penalty) and rounding up (and holding the surplus).
     */
    private static double[] unconstrainedOrders(ReplenishmentInput input, double[] need, double[] holding,
            double[] penalty, boolean integerCasePacks) {
        double[] orders = need.clone();
        if (!integerCasePacks) {
            return orders;
        }
        for (int r = 0; r < orders.length; r++) {
            double pack = Math.max(1, Math.rint(input.casePack(r)));
            double down = Math.floor(need[r] / pack) * pack;
            double up = Math.ceil(need[r] / pack) * pack;
            double unit = input.unitCost(r) + holding[r];
            orders[r] = up * unit <= down * unit + (need[r] - down) * penalty[r] ? up : down;
        }
        return orders;
    }

    private static double fillRate(double level, double mean, double stdDev, double cycleDemand) {
        if (cycleDemand <= 0) {
            return 1;
        }
        double expectedShort;
        if (stdDev <= 0) {
            expectedShort = Math.max(0, mean - level);
        } else {
            double z = (level - mean) / stdDev;
            expectedShort = stdDev * (STANDARD_NORMAL.density(z) - z * (1 - STANDARD_NORMAL.cumulativeProbability(z)));
        }
        return Math.min(1, Math.max(0, 1 - expectedShort / cycleDemand));
    }

    private static String bindingConstraint(double need, double order, double casePack, boolean integerCasePacks) {
        if (need <= 0) {
            return ReplenishmentPlan.NO_ORDER_DUE;
        }
        if (order < need - casePack) {
            return AllocationPlan.BUDGET;
        }
        if (integerCasePacks && order != need) {
            return ReplenishmentPlan.CASE_PACK;
        }
        return order < need ? AllocationPlan.BUDGET : ReplenishmentPlan.NONE;
    }
}
