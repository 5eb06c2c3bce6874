package io.mercator.api.optimization;

import io.mercator.api.Model;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A fitted replenishment policy. Thread-safe, immutable.
 *
 * <p>What the model learnt from the demand history (for example the shape of the demand
 * distribution or the size of forecast errors) refines the plan; the demand, lead time, stock and
 * costs of the moment always come from the {@link ReplenishmentInput}. A SKU-location that was
 * not in the history is planned from the input alone, not rejected.
 */
@ConsumerType
public interface ReplenishmentModel extends Model {

    /**
     * Computes safety stock, reorder point, order-up-to level and the order to place now for
     * every SKU-location of the input.
     *
     * @param input the current state of each SKU-location
     * @return one row per input row, in the same order, with the input's {@code skus()}
     * @throws io.mercator.api.ValidationException when the input cannot be planned by this
     *     strategy, naming the field and row at fault
     */
    ReplenishmentPlan plan(ReplenishmentInput input);

    /**
     * Solves a multi-warehouse allocation to proven optimality. Only strategies that solve
     * linear programs support it; the others keep this default.
     *
     * @param problem demand, costs, capacities and budget
     * @return the optimal allocation
     * @throws UnsupportedOperationException when this strategy does not allocate
     * @throws io.mercator.api.ValidationException when the problem is infeasible, naming the
     *     constraints that cannot all hold
     */
    default AllocationPlan allocate(AllocationProblem problem) {
        throw new UnsupportedOperationException("strategy " + strategyName() + " does not solve allocations");
    }
}
