package io.mercator.plugins.optimization.policies;

import io.mercator.api.optimization.ReplenishmentStrategy;
import org.osgi.service.component.annotations.Component;

/** (s,S) min-max policy: order up to S when the position falls to s. */
@Component(service = ReplenishmentStrategy.class, immediate = true)
public final class MinMaxStrategy extends PolicyStrategy {

    /** Describes the strategy and its parameters. */
    public MinMaxStrategy() {
        super(PolicyModel.Policy.MIN_MAX, "min-max",
                "(s,S): when the inventory position falls to s, order up to S = s + EOQ. s is set as for "
                + "reorder-point-eoq; ordering up to S also makes up for the undershoot of lumpy demand.");
    }
}
