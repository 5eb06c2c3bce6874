package io.mercator.api.optimization;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.util.List;

/**
 * A multi-warehouse allocation as a linear program: decide how many units of each SKU to buy
 * into each warehouse so that the demand of every SKU is served at least total cost.
 *
 * <p>With {@code x[s][w]} the units of SKU {@code s} placed in warehouse {@code w} and
 * {@code short[s]} the demand left unserved, the problem is
 * <pre>
 * minimise   sum (unitCost[s] + holdingCost[s] + transportCost[s][w]) x[s][w] + shortagePenalty[s] short[s]
 * subject to sum_w x[s][w] + short[s] = demand[s]          for every SKU   (demand)
 *            sum_s x[s][w] &lt;= capacity[w]                  for every warehouse (capacity)
 *            sum unitCost[s] x[s][w] &lt;= budget                                (budget)
 *            x, short &gt;= 0, and x[s][w] a multiple of casePack[s] when integerCasePacks
 * </pre>
 * A shortage penalty of {@code +Infinity} makes a SKU's demand a hard requirement (its
 * {@code short[s]} is 0); a transport cost of {@code +Infinity} closes the lane; a budget of
 * {@code +Infinity} means no budget. Costs are in one currency over the planning horizon.
 *
 * <p>Immutable; the arrays are not copied, so callers must not change them after construction.
 */
public final class AllocationProblem {

    private final IdDictionary skus;
    private final IdDictionary warehouses;
    private final double[] demand;
    private final double[] unitCost;
    private final double[] holdingCost;
    private final double[] shortagePenalty;
    private final double[] casePack;
    private final double[] capacity;
    private final double[] transportCost;
    private final double budget;
    private final boolean integerCasePacks;
    private final List<UnitLimit> unitLimits;

    /**
     * Checks and wraps the data; see the class description for the meaning of each column.
     *
     * @param skus the SKU ids, one per SKU row
     * @param warehouses the warehouse ids, one per warehouse
     * @param demand units wanted per SKU, finite and &gt;= 0
     * @param unitCost purchase cost of one unit per SKU, finite and &gt;= 0
     * @param holdingCost cost of holding one unit over the horizon per SKU, finite and &gt;= 0
     * @param shortagePenalty cost of one unit of unserved demand per SKU, &gt;= 0, or
     *     {@code +Infinity} when the demand must be met
     * @param casePack units per case per SKU, &gt;= 1 (a whole number when
     *     {@code integerCasePacks})
     * @param capacity units each warehouse can take, finite and &gt;= 0
     * @param transportCost cost of moving one unit of SKU {@code s} through warehouse {@code w}
     *     at index {@code s * warehouses.size() + w}, &gt;= 0, {@code +Infinity} for a closed lane
     * @param budget most that may be spent on purchases ({@code unitCost} times units), &gt;= 0
     *     or {@code +Infinity}
     * @param integerCasePacks whether every allocation must be a whole number of cases
     * @throws ValidationException naming the field and row at fault
     */
    public AllocationProblem(IdDictionary skus, IdDictionary warehouses, double[] demand, double[] unitCost,
            double[] holdingCost, double[] shortagePenalty, double[] casePack, double[] capacity,
            double[] transportCost, double budget, boolean integerCasePacks) {
        this.skus = Columns.requireDictionary("sku", skus);
        this.warehouses = Columns.requireDictionary("warehouse", warehouses);
        int rows = skus.size();
        this.demand = finiteAtLeast("demand", demand, rows, 0);
        this.unitCost = finiteAtLeast("unitCost", unitCost, rows, 0);
        this.holdingCost = finiteAtLeast("holdingCost", holdingCost, rows, 0);
        this.shortagePenalty = atLeast("shortagePenalty", shortagePenalty, rows, 0);
        this.casePack = finiteAtLeast("casePack", casePack, rows, 1);
        if (integerCasePacks) {
            for (int row = 0; row < rows; row++) {
                if (casePack[row] != Math.rint(casePack[row])) {
                    throw new ValidationException("casePack", row, casePack[row]
                            + " is not a whole number of units, as integer case packs need");
                }
            }
        }
        this.capacity = finiteAtLeast("capacity", capacity, warehouses.size(), 0);
        this.transportCost = atLeast("transportCost", transportCost, rows * warehouses.size(), 0);
        if (!(budget >= 0)) {
            throw new ValidationException("budget", budget + " is not >= 0 (use Infinity for no budget)");
        }
        this.budget = budget;
        this.integerCasePacks = integerCasePacks;
        this.unitLimits = List.of();
    }

    private AllocationProblem(AllocationProblem problem, List<UnitLimit> unitLimits) {
        this.skus = problem.skus;
        this.warehouses = problem.warehouses;
        this.demand = problem.demand;
        this.unitCost = problem.unitCost;
        this.holdingCost = problem.holdingCost;
        this.shortagePenalty = problem.shortagePenalty;
        this.casePack = problem.casePack;
        this.capacity = problem.capacity;
        this.transportCost = problem.transportCost;
        this.budget = problem.budget;
        this.integerCasePacks = problem.integerCasePacks;
        this.unitLimits = List.copyOf(unitLimits);
    }

    /**
     * At most {@code capacity} units of the given SKUs in all warehouses together, e.g. what one
     * supplier can deliver.
     *
     * @param name the limit's name, as {@link AllocationPlan#bindingConstraints()} reports it
     * @param skus SKU indexes the limit counts
     * @param capacity units, finite and &gt;= 0
     * @since 1.1
     */
    public record UnitLimit(String name, int[] skus, double capacity) {
        /** Checks the values and copies the SKU indexes. */
        public UnitLimit {
            if (name == null || name.isBlank()) {
                throw new ValidationException("unitLimit", "name is blank");
            }
            if (!(capacity >= 0) || Double.isInfinite(capacity)) {
                throw new ValidationException(name, capacity + " is not a finite number of units >= 0");
            }
            skus = skus.clone();
        }

        @Override
        public int[] skus() {
            return skus.clone();
        }
    }

    /**
     * @param limits further limits on units of groups of SKUs
     * @return the same problem with these limits too
     * @throws ValidationException naming a limit that refers to a SKU the problem does not have
     * @since 1.1
     */
    public AllocationProblem withUnitLimits(List<UnitLimit> limits) {
        for (UnitLimit limit : limits) {
            for (int sku : limit.skus) {
                if (sku < 0 || sku >= skus.size()) {
                    throw new ValidationException(limit.name(), "SKU index " + sku + " is not among the "
                            + skus.size() + " SKUs");
                }
            }
        }
        return new AllocationProblem(this, limits);
    }

    /**
     * @return the limits on units of groups of SKUs, empty unless set
     * @since 1.1
     */
    public List<UnitLimit> unitLimits() {
        return unitLimits;
    }

    private static double[] atLeast(String field, double[] column, int rows, double min) {
        Columns.requireLength(field, column, rows);
        for (int row = 0; row < rows; row++) {
            if (!(column[row] >= min)) {
                throw new ValidationException(field, row, column[row] + " is not >= " + min);
            }
        }
        return column;
    }

    private static double[] finiteAtLeast(String field, double[] column, int rows, double min) {
        atLeast(field, column, rows, min);
        Columns.requireFinite(field, column);
        return column;
    }

    /** @return the SKU ids; SKU {@code s} is {@code skus().id(s)} */
    public IdDictionary skus() {
        return skus;
    }

    /** @return the warehouse ids; warehouse {@code w} is {@code warehouses().id(w)} */
    public IdDictionary warehouses() {
        return warehouses;
    }

    /**
     * @param sku a SKU index
     * @return units wanted
     */
    public double demand(int sku) {
        return demand[sku];
    }

    /**
     * @param sku a SKU index
     * @return purchase cost of one unit
     */
    public double unitCost(int sku) {
        return unitCost[sku];
    }

    /**
     * @param sku a SKU index
     * @return cost of holding one unit over the horizon
     */
    public double holdingCost(int sku) {
        return holdingCost[sku];
    }

    /**
     * @param sku a SKU index
     * @return cost of one unit of unserved demand, {@code +Infinity} when demand must be met
     */
    public double shortagePenalty(int sku) {
        return shortagePenalty[sku];
    }

    /**
     * @param sku a SKU index
     * @return units per case
     */
    public double casePack(int sku) {
        return casePack[sku];
    }

    /**
     * @param warehouse a warehouse index
     * @return units the warehouse can take
     */
    public double capacity(int warehouse) {
        return capacity[warehouse];
    }

    /**
     * @param sku a SKU index
     * @param warehouse a warehouse index
     * @return cost of moving one unit through the warehouse, {@code +Infinity} for a closed lane
     */
    public double transportCost(int sku, int warehouse) {
        return transportCost[sku * warehouses.size() + warehouse];
    }

    /** @return the purchase budget, {@code +Infinity} for none */
    public double budget() {
        return budget;
    }

    /** @return whether allocations must be whole numbers of cases */
    public boolean integerCasePacks() {
        return integerCasePacks;
    }
}
