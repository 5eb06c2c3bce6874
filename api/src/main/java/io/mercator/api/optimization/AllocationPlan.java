package io.mercator.api.optimization;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.util.List;

/**
 * The optimal answer to an {@link AllocationProblem}: units per SKU and warehouse, the demand
 * left unserved, the cost split into its parts and the constraints that bind at the optimum
 * (named {@code "capacity[<warehouse id>]"} and {@code "budget"}). An allocation in whole case
 * packs found within a time limit carries a lower bound and its optimality gap. Immutable.
 */
public final class AllocationPlan {

    /** Name of the budget constraint in {@link #bindingConstraints()}. */
    public static final String BUDGET = "budget";

    private final IdDictionary skus;
    private final IdDictionary warehouses;
    private final double[] quantity;
    private final double[] shortage;
    private final double purchaseCost;
    private final double holdingCost;
    private final double transportCost;
    private final double shortageCost;
    private final List<String> bindingConstraints;
    private final double lowerBound;

    /**
     * A proven optimum: its lower bound is its own cost. See the other constructor for the parameters.
     *
     * @param skus the problem's SKU ids
     * @param warehouses the problem's warehouse ids
     * @param quantity units of SKU {@code s} in warehouse {@code w} at {@code s * warehouses.size() + w}, &gt;= 0
     * @param shortage unserved units per SKU, &gt;= 0
     * @param purchaseCost total purchase cost
     * @param holdingCost total holding cost
     * @param transportCost total transport cost
     * @param shortageCost total shortage penalty
     * @param bindingConstraints the capacity and budget constraints that are tight at the optimum
     * @throws ValidationException naming the field at fault
     */
    public AllocationPlan(IdDictionary skus, IdDictionary warehouses, double[] quantity, double[] shortage,
            double purchaseCost, double holdingCost, double transportCost, double shortageCost,
            List<String> bindingConstraints) {
        this(skus, warehouses, quantity, shortage, purchaseCost, holdingCost, transportCost, shortageCost,
                bindingConstraints, purchaseCost + holdingCost + transportCost + shortageCost);
    }

    /**
     * An allocation with a proven lower bound on the optimal cost, for a search that stopped before
     * proving optimality (whole case packs past a time limit).
     *
     * @param skus the problem's SKU ids
     * @param warehouses the problem's warehouse ids
     * @param quantity units of SKU {@code s} in warehouse {@code w} at {@code s * warehouses.size() + w}, &gt;= 0
     * @param shortage unserved units per SKU, &gt;= 0
     * @param purchaseCost total purchase cost
     * @param holdingCost total holding cost
     * @param transportCost total transport cost
     * @param shortageCost total shortage penalty
     * @param bindingConstraints the capacity and budget constraints that are tight at the optimum
     * @param lowerBound no allocation costs less (e.g. the LP relaxation's optimum); finite and not
     *     above the total cost
     * @throws ValidationException naming the field at fault
     * @since 1.1
     */
    public AllocationPlan(IdDictionary skus, IdDictionary warehouses, double[] quantity, double[] shortage,
            double purchaseCost, double holdingCost, double transportCost, double shortageCost,
            List<String> bindingConstraints, double lowerBound) {
        this.skus = Columns.requireDictionary("sku", skus);
        this.warehouses = Columns.requireDictionary("warehouse", warehouses);
        this.quantity = Columns.requireLength("quantity", quantity, skus.size() * warehouses.size()).clone();
        Columns.requireAtLeast("quantity", this.quantity, 0.0);
        this.shortage = Columns.requireLength("shortage", shortage, skus.size()).clone();
        Columns.requireAtLeast("shortage", this.shortage, 0.0);
        this.purchaseCost = purchaseCost;
        this.holdingCost = holdingCost;
        this.transportCost = transportCost;
        this.shortageCost = shortageCost;
        double[] costs = {purchaseCost, holdingCost, transportCost, shortageCost};
        Columns.requireFinite("cost", costs);
        this.bindingConstraints = List.copyOf(bindingConstraints);
        double total = totalCost();
        if (!(lowerBound <= total + 1e-9 * Math.max(1, Math.abs(total))) || !Double.isFinite(lowerBound)) {
            throw new ValidationException("lowerBound", lowerBound + " is not a finite bound at or below the total cost "
                    + total);
        }
        this.lowerBound = Math.min(lowerBound, total);
    }

    /** @return the SKU ids */
    public IdDictionary skus() {
        return skus;
    }

    /** @return the warehouse ids */
    public IdDictionary warehouses() {
        return warehouses;
    }

    /**
     * @param sku a SKU index
     * @param warehouse a warehouse index
     * @return units of the SKU placed in the warehouse
     */
    public double quantity(int sku, int warehouse) {
        return quantity[sku * warehouses.size() + warehouse];
    }

    /**
     * @param sku a SKU index
     * @return units of the SKU's demand left unserved
     */
    public double shortage(int sku) {
        return shortage[sku];
    }

    /** @return the objective: purchase + holding + transport + shortage cost */
    public double totalCost() {
        return purchaseCost + holdingCost + transportCost + shortageCost;
    }

    /** @return the total purchase cost, the amount counted against the budget */
    public double purchaseCost() {
        return purchaseCost;
    }

    /** @return the total holding cost */
    public double holdingCost() {
        return holdingCost;
    }

    /** @return the total transport cost */
    public double transportCost() {
        return transportCost;
    }

    /** @return the total penalty for unserved demand */
    public double shortageCost() {
        return shortageCost;
    }

    /**
     * @return a proven lower bound on the cost of any allocation; equal to {@link #totalCost()} when
     *     this one is optimal
     * @since 1.1
     */
    public double lowerBound() {
        return lowerBound;
    }

    /**
     * @return the relative optimality gap {@code (totalCost - lowerBound) / totalCost}, 0 for a proven
     *     optimum (and when the total cost is 0)
     * @since 1.1
     */
    public double optimalityGap() {
        double total = totalCost();
        return total > 0 ? (total - lowerBound) / total : 0;
    }

    /** @return the names of the capacity and budget constraints that are tight at the optimum */
    public List<String> bindingConstraints() {
        return bindingConstraints;
    }
}
