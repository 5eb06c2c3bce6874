package io.mercator.plugins.optimization.policies;

import io.mercator.api.AbstractModel;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ServiceMeasure;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Plans every SKU-location with one inventory policy from the demand and lead-time distribution of
 * the input. Safety stock is the chosen level minus the mean demand over the protection period;
 * expected cost per period is holding on safety plus half a lot, plus ordering, plus the expected
 * units short (mean demand times one minus the expected fill rate, from the same loss functions
 * that set the level) times the stock-out penalty: the row's own when its constraints give a finite
 * one, else the one its target implies through the critical ratio (see {@link #impliedPenalty});
 * an infinite penalty makes the target a hard requirement, not a price, so it is not added.
 */
final class PolicyModel extends AbstractModel implements ReplenishmentModel {

    private static final int MAGIC = 0x5245504c; // "REPL"
    private static final int FORMAT = 1;
    private static final double ROUNDING_SLACK = 1e-9;

    /** The inventory policies. */
    enum Policy {
        /** (s,Q): when the position is at or below s, order whole lots of the EOQ. */
        REORDER_POINT,
        /** (s,S): when the position is at or below s, order up to S = s + EOQ. */
        MIN_MAX,
        /** (R,S): every review period, order up to S. */
        ORDER_UP_TO,
        /** One-shot buy up to the critical fractile of demand over the season (the review period). */
        NEWSVENDOR
    }

    private final Policy policy;
    private final PolicySettings settings;

    PolicyModel(Policy policy, String name, String version, PolicySettings settings) {
        super(name, version, MAGIC, FORMAT);
        this.policy = policy;
        this.settings = settings;
    }

    @Override
    public ReplenishmentPlan plan(ReplenishmentInput input) {
        int rows = input.size();
        double[] safetyStock = new double[rows];
        double[] reorderPoint = new double[rows];
        double[] orderUpTo = new double[rows];
        double[] orderQuantity = new double[rows];
        double[] expectedFillRate = new double[rows];
        double[] expectedCost = new double[rows];
        String[] binding = new String[rows];
        boolean fillRateTarget = input.serviceMeasure() == ServiceMeasure.FILL_RATE;
        for (int row = 0; row < rows; row++) {
            double demand = input.demandMean(row);
            double spread = input.demandStdDev(row);
            double leadTime = input.leadTimeMean(row);
            double leadTimeSpread = input.leadTimeStdDev(row);
            double holding = input.unitCost(row) * input.holdingCostRate(row);
            double target = input.targetServiceLevel(row);
            double position = input.inventoryPosition(row);
            double level;
            double lot;
            double ordersPerPeriod;
            DemandDistribution protection;
            DoubleUnaryOperator shortfall;
            double wanted;
            String lotBinding = ReplenishmentPlan.NONE;
            switch (policy) {
                case NEWSVENDOR: {
                    double season = Math.max(input.reviewPeriod(row), 1);
                    protection = distribution(demand, spread, season, 0);
                    DemandDistribution seasonDemand = protection;
                    shortfall = seasonDemand.mean() > 0 ? s -> seasonDemand.expectedShortage(s) / seasonDemand.mean()
                            : s -> 0;
                    level = protection.quantile(settings.criticalFractile());
                    lot = protection.mean();
                    ordersPerPeriod = 1 / season;
                    wanted = Math.max(level - position, 0);
                    break;
                }
                case ORDER_UP_TO: {
                    double review = input.reviewPeriod(row) > 0 ? input.reviewPeriod(row) : 1;
                    DemandDistribution.Shape shape = shape(demand, spread, leadTime + review, leadTimeSpread);
                    protection = DemandDistribution.over(demand, spread, leadTime + review, leadTimeSpread, shape);
                    lot = demand * review;
                    shortfall = FillRates.orderUpTo(protection,
                            DemandDistribution.over(demand, spread, leadTime, leadTimeSpread, shape), lot);
                    level = fillRateTarget && lot > 0 ? levelFor(shortfall, 1 - target, protection)
                            : protection.quantile(target);
                    ordersPerPeriod = demand > 0 ? 1 / review : 0;
                    wanted = Math.max(level - position, 0);
                    break;
                }
                default: {
                    double review = input.reviewPeriod(row);
                    DemandDistribution.Shape shape = shape(demand, spread, leadTime + review, leadTimeSpread);
                    protection = DemandDistribution.over(demand, spread, leadTime + review, leadTimeSpread, shape);
                    double economicLot = Math.max(Math.min(
                            StockLevels.economicOrderQuantity(demand, input.orderingCost(row), holding),
                            demand * settings.maxCoverPeriods()), 1);
                    double[] rounded = new double[1];
                    lotBinding = applyOrderRules(economicLot, input.minOrderQuantity(row), input.casePack(row),
                            rounded, 0);
                    lot = rounded[0];
                    DemandDistribution leadTimeOnly = DemandDistribution.over(demand, spread, leadTime,
                            leadTimeSpread, shape);
                    if (review == 0) {
                        shortfall = FillRates.continuousReview(protection, lot);
                    } else if (policy == Policy.MIN_MAX) {
                        shortfall = FillRates.minMax(protection, leadTimeOnly,
                                DemandDistribution.over(demand, spread, review, 0, shape), lot);
                    } else {
                        shortfall = FillRates.lots(protection, leadTimeOnly, lot, demand * review);
                    }
                    level = fillRateTarget ? levelFor(shortfall, 1 - target, protection)
                            : protection.quantile(target);
                    ordersPerPeriod = demand / lot;
                    if (position > level) {
                        wanted = 0;
                    } else if (policy == Policy.MIN_MAX) {
                        wanted = level + lot - position;
                    } else {
                        wanted = lot * (Math.floor((level - position) / lot) + 1);
                    }
                    break;
                }
            }
            safetyStock[row] = level - protection.mean();
            reorderPoint[row] = level;
            orderUpTo[row] = policy == Policy.REORDER_POINT || policy == Policy.MIN_MAX ? level + lot : level;
            expectedFillRate[row] = 1 - shortfall.applyAsDouble(level);
            double given = input.constraints().stockOutPenalty(row);
            double penalty = Double.isNaN(given) || Double.isInfinite(given)
                    ? impliedPenalty(holding, ordersPerPeriod, target) : given;
            double expectedShort = demand * shortfall.applyAsDouble(level);
            expectedCost[row] = holding * Math.max(safetyStock[row] + lot / 2, 0)
                    + input.orderingCost(row) * ordersPerPeriod + (expectedShort > 0 ? penalty * expectedShort : 0);
            binding[row] = applyOrderRules(wanted, input.minOrderQuantity(row), input.casePack(row), orderQuantity,
                    row);
            if (binding[row].equals(ReplenishmentPlan.NONE)) {
                // the rules may have shaped the lot rather than this order
                binding[row] = lotBinding;
            }
        }
        return new ReplenishmentPlan(input.skus(), safetyStock, reorderPoint, orderUpTo, orderQuantity,
                expectedFillRate, expectedCost, binding);
    }

    /**
     * The penalty per unit short that makes the target the cost-optimal service: a unit of stock
     * bought for a replenishment cycle of {@code T = 1 / ordersPerPeriod} periods costs {@code h T}
     * to hold, and the critical ratio {@code b / (b + h T) = target} gives {@code b = h T target /
     * (1 - target)}.
     */
    static double impliedPenalty(double holding, double ordersPerPeriod, double target) {
        double cycle = ordersPerPeriod > 0 ? 1 / ordersPerPeriod : 1;
        return holding * cycle * target / (1 - target);
    }

    private DemandDistribution distribution(double demand, double spread, double periods, double periodsSpread) {
        return DemandDistribution.over(demand, spread, periods, periodsSpread,
                shape(demand, spread, periods, periodsSpread));
    }

    /** The family of distributions chosen by the demand over the protection period. */
    private DemandDistribution.Shape shape(double demand, double spread, double periods, double periodsSpread) {
        return settings.shape(demand * periods, stdDev(demand, spread, periods, periodsSpread));
    }

    private static double stdDev(double demand, double spread, double periods, double periodsSpread) {
        return Math.sqrt(periods * spread * spread + demand * demand * periodsSpread * periodsSpread);
    }

    private static double levelFor(DoubleUnaryOperator shortfall, double allowed, DemandDistribution demand) {
        if (demand.mean() <= 0) {
            // nothing to protect against: any level serves every (absent) unit
            return 0;
        }
        double scale = Math.max(Math.sqrt(Math.max(demand.mean(), 1)), 1);
        return StockLevels.smallestLevelWithin(shortfall, allowed, demand.mean(), scale, demand.discrete());
    }

    /** Writes the order into {@code orders[row]} and returns what shaped it. */
    private static String applyOrderRules(double wanted, double minOrderQuantity, double casePack, double[] orders,
            int row) {
        if (wanted <= 0) {
            orders[row] = 0;
            return ReplenishmentPlan.NO_ORDER_DUE;
        }
        String binding = ReplenishmentPlan.NONE;
        double order = wanted;
        if (order < minOrderQuantity) {
            order = minOrderQuantity;
            binding = ReplenishmentPlan.MIN_ORDER_QUANTITY;
        }
        double cases = Math.ceil(order / casePack - ROUNDING_SLACK) * casePack;
        if (casePack > 1 && cases > order + ROUNDING_SLACK && binding.equals(ReplenishmentPlan.NONE)) {
            binding = ReplenishmentPlan.CASE_PACK;
        }
        orders[row] = cases;
        return binding;
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeUTF(policy.name());
        data.writeUTF(settings.demandModel().name());
        data.writeDouble(settings.slowMoverMean());
        data.writeDouble(settings.maxCoverPeriods());
        data.writeDouble(settings.marginRate());
        data.writeDouble(settings.salvageRate());
    }

    static PolicyModel read(InputStream in, Policy expected) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "a replenishment policy model");
        String policy = data.readUTF();
        if (!policy.equals(expected.name())) {
            throw new IOException("the model is a " + policy.toLowerCase(Locale.ROOT) + " policy, not "
                    + expected.name().toLowerCase(Locale.ROOT));
        }
        String name = header.strategyName();
        String version = header.strategyVersion();
        PolicySettings.DemandModel demandModel;
        try {
            demandModel = PolicySettings.DemandModel.valueOf(data.readUTF());
        } catch (IllegalArgumentException unknown) {
            throw new IOException("corrupt model: " + unknown.getMessage());
        }
        return new PolicyModel(expected, name, version, new PolicySettings(demandModel, data.readDouble(),
                data.readDouble(), data.readDouble(), data.readDouble()));
    }
}
