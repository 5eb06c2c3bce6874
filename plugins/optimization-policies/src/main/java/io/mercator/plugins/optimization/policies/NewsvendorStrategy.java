package io.mercator.plugins.optimization.policies;

import io.mercator.api.optimization.ReplenishmentStrategy;
import org.osgi.service.component.annotations.Component;

/** Newsvendor: one-shot seasonal buy at the critical fractile. */
@Component(service = ReplenishmentStrategy.class, immediate = true)
public final class NewsvendorStrategy extends PolicyStrategy {

    /** Describes the strategy and its parameters. */
    public NewsvendorStrategy() {
        super(PolicyModel.Policy.NEWSVENDOR, "newsvendor",
                "Newsvendor for one-shot seasonal buys: orders up to the critical fractile margin / (margin "
                + "+ 1 - salvage) of demand over the season (the review period, at least one period); the "
                + "target service level is not used.");
    }
}
