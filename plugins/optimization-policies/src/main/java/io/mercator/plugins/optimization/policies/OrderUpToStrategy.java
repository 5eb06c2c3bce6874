package io.mercator.plugins.optimization.policies;

import io.mercator.api.optimization.ReplenishmentStrategy;
import org.osgi.service.component.annotations.Component;

/** (R,S) periodic-review order-up-to policy. */
@Component(service = ReplenishmentStrategy.class, immediate = true)
public final class OrderUpToStrategy extends PolicyStrategy {

    /** Describes the strategy and its parameters. */
    public OrderUpToStrategy() {
        super(PolicyModel.Policy.ORDER_UP_TO, "order-up-to",
                "(R,S) periodic review: every review period, order up to S, which covers demand over lead "
                + "time plus review period at the target service level (a zero review period counts as one "
                + "period).");
    }
}
