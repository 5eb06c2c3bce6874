package io.mercator.plugins.optimization.policies;

import io.mercator.api.optimization.ReplenishmentStrategy;
import org.osgi.service.component.annotations.Component;

/** (s,Q) with the EOQ as lot size: the textbook continuous-review policy. */
@Component(service = ReplenishmentStrategy.class, immediate = true)
public final class ReorderPointStrategy extends PolicyStrategy {

    /** Describes the strategy and its parameters. */
    public ReorderPointStrategy() {
        super(PolicyModel.Policy.REORDER_POINT, "reorder-point-eoq",
                "(s,Q): when the inventory position falls to the reorder point, order whole lots of the "
                + "economic order quantity (EOQ, capped at maxCoverPeriods of demand). The reorder point "
                + "covers demand over lead time plus review period at the target cycle service level, or the "
                + "target fill rate through the loss function.");
    }
}
