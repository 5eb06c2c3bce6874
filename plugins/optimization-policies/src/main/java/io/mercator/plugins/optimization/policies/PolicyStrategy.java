package io.mercator.plugins.optimization.policies;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentStrategy;
import java.io.IOException;
import java.io.InputStream;

/**
 * A closed-form policy: it plans from the demand and lead-time distribution given in the input,
 * so fitting needs no history and accepts any series set.
 */
abstract class PolicyStrategy implements ReplenishmentStrategy {

    private final PolicyModel.Policy policy;
    private final StrategyDescriptor descriptor;

    PolicyStrategy(PolicyModel.Policy policy, String name, String description) {
        this.policy = policy;
        StrategyDescriptor.Builder builder = StrategyDescriptor.builder(Family.OPTIMIZATION, name, "1.0.0")
                .vendor("Mercator")
                .description(description)
                .parameter(ParameterSpec.choice(PolicySettings.DEMAND_MODEL,
                        "Demand distribution over the protection period: normal, gamma, discrete (Poisson, or "
                                + "negative binomial when the variance exceeds the mean), or auto (discrete for slow "
                                + "movers, gamma when the standard deviation exceeds half the mean, else normal)",
                        PolicySettings.DemandModel.AUTO.id(), PolicySettings.DemandModel.AUTO.id(),
                        PolicySettings.DemandModel.NORMAL.id(), PolicySettings.DemandModel.GAMMA.id(),
                        PolicySettings.DemandModel.DISCRETE.id()))
                .parameter(ParameterSpec.real(PolicySettings.SLOW_MOVER_MEAN,
                        "With demandModel=auto: mean demand over the protection period below which demand is "
                                + "discrete", 20, 0, 500));
        if (policy == PolicyModel.Policy.NEWSVENDOR) {
            builder.parameter(ParameterSpec.real(PolicySettings.MARGIN_RATE,
                    "Selling price minus unit cost, as a fraction of the unit cost (the cost of a lost sale)",
                    1, 0, 100))
                    .parameter(ParameterSpec.real(PolicySettings.SALVAGE_RATE,
                            "What a unit left over fetches, as a fraction of the unit cost", 0, 0, 0.99));
        } else {
            builder.parameter(ParameterSpec.real(PolicySettings.MAX_COVER_PERIODS,
                    "Most periods of demand one lot may cover; caps the EOQ when holding is cheap", 52, 1, 100_000));
        }
        this.descriptor = builder.build();
    }

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ReplenishmentModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
        return new PolicyModel(policy, descriptor.name(), descriptor.version(),
                PolicySettings.from(parameters, policy == PolicyModel.Policy.NEWSVENDOR));
    }

    @Override
    public ReplenishmentModel readModel(InputStream in) throws IOException {
        return PolicyModel.read(in, policy);
    }
}
