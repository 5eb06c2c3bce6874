package io.mercator.plugins.optimization.allocation;

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
import org.osgi.service.component.annotations.Component;

/**
 * Linear-programming replenishment: budget-constrained order-up-to plans, and multi-warehouse
 * allocations through {@link io.mercator.api.optimization.ReplenishmentModel#allocate}. Needs no
 * history.
 */
@Component(service = ReplenishmentStrategy.class, immediate = true)
public final class LpAllocationStrategy implements ReplenishmentStrategy {

    static final String BUDGET = "budget";
    static final String MARGIN_RATE = "marginRate";
    static final String INTEGER_CASE_PACKS = "integerCasePacks";
    static final String MIP_TIME_LIMIT = "mipTimeLimit";
    static final String MIP_GAP = "mipGap";

    private final StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.OPTIMIZATION, "lp-allocation",
                    "1.1.0")
            .vendor("Mercator")
            .description("Raises every SKU-location to its order-up-to level (normal demand over lead time plus "
                    + "review period at the target service level); when the purchase budget falls short, a linear "
                    + "program (ojAlgo) buys the units whose lost margin is largest for their cost, in whole case "
                    + "packs by branch-and-bound. Its model also solves multi-warehouse allocations (purchase, "
                    + "holding, transport and shortage cost subject to demand, capacity and budget).")
            .parameter(ParameterSpec.real(BUDGET, "Purchase budget for one plan (unit cost times units ordered); "
                    + "0 means no budget", 0, 0, 1e15))
            .parameter(ParameterSpec.real(MARGIN_RATE, "Lost margin of an unserved unit as a fraction of its unit "
                    + "cost, weighted by the odds of its service target; ranks SKU-locations when the budget binds", 1, 0.01, 100))
            .parameter(ParameterSpec.bool(INTEGER_CASE_PACKS, "Order whole case packs (mixed-integer program)", true))
            .parameter(ParameterSpec.real(MIP_TIME_LIMIT, "Seconds a whole-case solve may take: the LP relaxation "
                    + "bounds it, rounding gives a first plan, branch-and-bound improves it until the gap or this "
                    + "limit is reached; the plan reports its optimality gap", 10, 0.1, 3600))
            .parameter(ParameterSpec.real(MIP_GAP, "Relative optimality gap at which the whole-case search stops",
                    1e-4, 0, 0.5))
            .build();

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ReplenishmentModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
        double budget = parameters.getDouble(BUDGET);
        return new AllocationModel(descriptor.name(), descriptor.version(),
                budget == 0 ? Double.POSITIVE_INFINITY : budget, parameters.getDouble(MARGIN_RATE),
                parameters.getBoolean(INTEGER_CASE_PACKS), new LinearAllocator.MipLimits(
                        Math.round(parameters.getDouble(MIP_TIME_LIMIT) * 1000), parameters.getDouble(MIP_GAP)));
    }

    @Override
    public ReplenishmentModel readModel(InputStream in) throws IOException {
        return AllocationModel.read(in);
    }
}
