package io.mercator.plugins.optimization.allocation;

import io.mercator.api.data.IdDictionary;
import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.AllocationProblem;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ServiceMeasure;
import io.mercator.api.optimization.ReplenishmentConstraints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
    /** The warehouse of rows whose own warehouse has no capacity. */
    private static final String UNLIMITED = "(no warehouse limit)";
    /** A row's reason when its stock-out penalty, not a limit, kept units out of the order. */
    static final String STOCK_OUT_PENALTY = "stockOutPenalty";

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
        double[] pricedPenalty = new double[rows];
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
            double given = input.constraints().stockOutPenalty(r);
            // an infinite penalty is a hard requirement, not a price: the expected cost keeps the implied one
            pricedPenalty[r] = Double.isNaN(given) || Double.isInfinite(given) ? penalty[r] : given;
            penalty[r] = Double.isNaN(given) ? penalty[r] : given;
        }
        ReplenishmentConstraints planLimits = input.constraints();
        double planBudget = Math.min(budget, planLimits.budget());
        double[] orders;
        if (planBudget < Double.POSITIVE_INFINITY || !planLimits.isEmpty()) {
            AllocationPlan allocation = LinearAllocator.solve(programme(input, need, holding, penalty, planBudget,
                    integerCasePacks), limits);
            orders = new double[rows];
            Arrays.setAll(orders, r -> allocation.quantity(r, warehouseOf(input, r, allocation)));
        } else {
            orders = unconstrainedOrders(input, need, holding, penalty, integerCasePacks);
        }
        Map<String, Double> room = room(input, orders, planBudget);
        double[] fillRate = new double[rows];
        double[] cost = new double[rows];
        String[] binding = new String[rows];
        for (int r = 0; r < rows; r++) {
            double level = input.inventoryPosition(r) + orders[r];
            double cycleDemand = input.demandMean(r) * Math.max(1, input.reviewPeriod(r));
            fillRate[r] = fillRate(level, protectionMean[r], protectionStdDev[r], cycleDemand);
            double expectedShort = input.demandMean(r) * (1 - fillRate[r]);
            cost[r] = input.unitCost(r) * input.holdingCostRate(r) * Math.max(0, safety[r] + cycleDemand / 2)
                    + (orders[r] > 0 ? input.orderingCost(r) / Math.max(1, input.reviewPeriod(r)) : 0)
                    + (expectedShort > 0 ? pricedPenalty[r] * expectedShort : 0);
            binding[r] = bindingConstraint(input, r, need[r], orders[r], integerCasePacks, room);
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

    /**
     * The plan as an {@link AllocationProblem}: one SKU per row wanting its need, one warehouse per
     * warehouse with a capacity (rows without one share a warehouse that cannot fill up), each row's
     * only open lane the one to its warehouse, a unit limit per supplier with a capacity, and the
     * budget.
     */
    private static AllocationProblem programme(ReplenishmentInput input, double[] need, double[] holding,
            double[] penalty, double budget, boolean integerCasePacks) {
        int rows = input.size();
        ReplenishmentConstraints planLimits = input.constraints();
        Map<String, Double> capacities = planLimits.warehouseCapacities();
        List<String> warehouseIds = new ArrayList<>(new TreeSet<>(capacities.keySet()));
        warehouseIds.add(UNLIMITED);
        double[] unitCost = new double[rows];
        double[] casePack = new double[rows];
        double totalNeed = 0;
        for (int r = 0; r < rows; r++) {
            unitCost[r] = input.unitCost(r);
            casePack[r] = integerCasePacks ? Math.max(1, Math.rint(input.casePack(r))) : 1;
            totalNeed += need[r] + casePack[r];
        }
        int warehouses = warehouseIds.size();
        double[] capacity = new double[warehouses];
        for (int w = 0; w < warehouses - 1; w++) {
            capacity[w] = capacities.get(warehouseIds.get(w));
        }
        capacity[warehouses - 1] = totalNeed;
        double[] transport = new double[rows * warehouses];
        Arrays.fill(transport, Double.POSITIVE_INFINITY);
        Map<String, List<Integer>> rowsOfSupplier = new TreeMap<>();
        for (int r = 0; r < rows; r++) {
            String warehouse = planLimits.warehouse(r);
            int w = warehouse != null && capacities.containsKey(warehouse) ? warehouseIds.indexOf(warehouse)
                    : warehouses - 1;
            transport[r * warehouses + w] = 0;
            String supplier = planLimits.supplier(r);
            if (supplier != null && planLimits.supplierCapacities().containsKey(supplier)) {
                rowsOfSupplier.computeIfAbsent(supplier, unused -> new ArrayList<>()).add(r);
            }
        }
        List<AllocationProblem.UnitLimit> suppliers = new ArrayList<>();
        rowsOfSupplier.forEach((supplier, members) -> suppliers.add(new AllocationProblem.UnitLimit(
                supplierLimit(supplier), members.stream().mapToInt(Integer::intValue).toArray(),
                planLimits.supplierCapacities().get(supplier))));
        return new AllocationProblem(input.skus(), IdDictionary.of("warehouse", warehouseIds.toArray(String[]::new)),
                need, unitCost, holding, penalty, casePack, capacity, transport, budget, integerCasePacks)
                .withUnitLimits(suppliers);
    }

    private static int warehouseOf(ReplenishmentInput input, int row, AllocationPlan allocation) {
        String warehouse = input.constraints().warehouse(row);
        int last = allocation.warehouses().size() - 1;
        if (warehouse == null || !input.constraints().warehouseCapacities().containsKey(warehouse)) {
            return last;
        }
        for (int w = 0; w < last; w++) {
            if (allocation.warehouses().id(w).equals(warehouse)) {
                return w;
            }
        }
        return last;
    }

    private static String supplierLimit(String supplier) {
        return "supplier[" + supplier + "]";
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

    /** @return what is left of each limit (by its name) after the orders */
    private static Map<String, Double> room(ReplenishmentInput input, double[] orders, double budget) {
        ReplenishmentConstraints planLimits = input.constraints();
        Map<String, Double> room = new TreeMap<>();
        planLimits.warehouseCapacities().forEach((id, units) -> room.put(warehouseLimit(id), units));
        planLimits.supplierCapacities().forEach((id, units) -> room.put(supplierLimit(id), units));
        double left = budget;
        for (int r = 0; r < orders.length; r++) {
            left -= orders[r] * input.unitCost(r);
            double ordered = orders[r];
            if (planLimits.warehouse(r) != null) {
                room.computeIfPresent(warehouseLimit(planLimits.warehouse(r)), (id, units) -> units - ordered);
            }
            if (planLimits.supplier(r) != null) {
                room.computeIfPresent(supplierLimit(planLimits.supplier(r)), (id, units) -> units - ordered);
            }
        }
        room.put(AllocationPlan.BUDGET, left);
        return room;
    }

    private static String warehouseLimit(String warehouse) {
        return "capacity[" + warehouse + "]";
    }

    /**
     * What cut a row's order below its need: the capacity of its warehouse, its supplier's and the
     * budget, those without room for one more case (unit) of the row; none means its stock-out
     * penalty did not pay for the units.
     */
    private static String bindingConstraint(ReplenishmentInput input, int row, double need, double order,
            boolean integerCasePacks, Map<String, Double> room) {
        if (need <= 0) {
            return ReplenishmentPlan.NO_ORDER_DUE;
        }
        double pack = integerCasePacks ? Math.max(1, Math.rint(input.casePack(row))) : 0;
        if (order < need - pack - 1e-9 * Math.max(1, need)) {
            ReplenishmentConstraints planLimits = input.constraints();
            double step = Math.max(pack, 1e-6 * Math.max(1, need));
            List<String> reasons = new ArrayList<>();
            String warehouse = planLimits.warehouse(row);
            if (warehouse != null && room.getOrDefault(warehouseLimit(warehouse), Double.POSITIVE_INFINITY) < step) {
                reasons.add(warehouseLimit(warehouse));
            }
            String supplier = planLimits.supplier(row);
            if (supplier != null && room.getOrDefault(supplierLimit(supplier), Double.POSITIVE_INFINITY) < step) {
                reasons.add(supplierLimit(supplier));
            }
            if (input.unitCost(row) > 0 && room.get(AllocationPlan.BUDGET) < step * input.unitCost(row)) {
                reasons.add(AllocationPlan.BUDGET);
            }
            return reasons.isEmpty() ? STOCK_OUT_PENALTY : String.join(", ", reasons);
        }
        if (integerCasePacks && order != need) {
            return ReplenishmentPlan.CASE_PACK;
        }
        return ReplenishmentPlan.NONE;
    }
}
