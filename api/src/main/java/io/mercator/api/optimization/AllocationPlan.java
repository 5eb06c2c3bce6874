package io.mercator.api.optimization;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.util.List;

/**
 * The optimal answer to an {@link AllocationProblem}: units per SKU and warehouse, the demand
 * left unserved, the cost split into its parts and the constraints that bind at the optimum
 * (named {@code "capacity[<warehouse id>]"} and {@code "budget"}). Immutable.
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

    /**
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

    /** @return the names of the capacity and budget constraints that are tight at the optimum */
    public List<String> bindingConstraints() {
        return bindingConstraints;
    }
}
