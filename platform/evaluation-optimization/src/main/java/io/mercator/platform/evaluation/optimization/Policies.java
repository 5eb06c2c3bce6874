package io.mercator.platform.evaluation.optimization;

import io.mercator.api.data.IdDictionary;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ServiceMeasure;
import java.util.Arrays;

/** The policies the simulator replays: a strategy's model, and the naive ones it is compared with. */
final class Policies {

    private Policies() {
    }

    /**
     * The naive "order what sold": each review orders the demand since the previous review.
     *
     * @return the policy
     */
    static InventorySimulator.Policy lastPeriodSales() {
        return (period, state, orders) -> {
            for (int s = 0; s < orders.length; s++) {
                orders[s] = Math.ceil(state.demandSinceReview[s]);
            }
        };
    }

    /**
     * The naive "fixed cover": each review orders up to {@code periods} of mean demand.
     *
     * @param meanDemand mean demand per period, per SKU
     * @param periods periods of cover
     * @return the policy
     */
    static InventorySimulator.Policy fixedCover(double[] meanDemand, double periods) {
        return (period, state, orders) -> {
            for (int s = 0; s < orders.length; s++) {
                double position = state.onHand[s] + state.onOrder[s] - state.backorders[s];
                orders[s] = Math.max(Math.ceil(meanDemand[s] * periods - position), 0);
            }
        };
    }

    /**
     * A strategy's model: each review, plans every SKU from its demand distribution and stock.
     *
     * @param model the fitted model
     * @param skus SKU ids
     * @param meanDemand mean demand per period, per SKU
     * @param demandStdDev its standard deviation, per SKU
     * @param unitCost per SKU
     * @param settings lead time, review period and costs (the same for every SKU); the policy is told
     *     the mean and spread of the lead times as the simulator draws them
     * @param target wanted service level
     * @param measure how the target is measured
     * @return the policy
     */
    static InventorySimulator.Policy of(ReplenishmentModel model, IdDictionary skus, double[] meanDemand,
            double[] demandStdDev, double[] unitCost, InventorySimulator.Settings settings, double target,
            ServiceMeasure measure) {
        int count = skus.size();
        double[] drawn = settings.drawnLeadTime();
        double[] leadTime = filled(count, drawn[0]);
        double[] leadTimeStdDev = filled(count, drawn[1]);
        double[] review = filled(count, settings.reviewPeriod());
        double[] holding = filled(count, settings.holdingCostRate());
        double[] ordering = filled(count, settings.orderingCost());
        double[] targets = filled(count, target);
        double[] zero = new double[count];
        double[] one = filled(count, 1);
        return (period, state, orders) -> {
            // the model plans synchronously and keeps nothing, so the live stock arrays can be lent to it
            ReplenishmentInput input = new ReplenishmentInput(skus, meanDemand, demandStdDev, leadTime,
                    leadTimeStdDev, review, state.onHand, state.onOrder, state.backorders, unitCost, holding,
                    ordering, targets, zero, one, measure);
            double[] planned = model.plan(input).orderQuantity();
            System.arraycopy(planned, 0, orders, 0, orders.length);
        };
    }

    private static double[] filled(int count, double value) {
        double[] column = new double[count];
        Arrays.fill(column, value);
        return column;
    }
}
