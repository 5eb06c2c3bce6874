package io.mercator.plugins.optimization.policies;

import io.mercator.api.Parameters;
import java.util.Locale;

/**
 * The fitted settings of a policy model, read from a strategy's parameters.
 *
 * @param demandModel which demand distribution to plan with
 * @param slowMoverMean with {@link DemandModel#AUTO}: protection-period demand below which demand
 *     is modelled as Poisson / negative binomial
 * @param maxCoverPeriods the most periods of demand one lot may cover (caps EOQ when holding is cheap)
 * @param marginRate newsvendor: selling price minus unit cost, as a fraction of the unit cost
 * @param salvageRate newsvendor: value of a unit left over, as a fraction of the unit cost
 */
record PolicySettings(DemandModel demandModel, double slowMoverMean, double maxCoverPeriods, double marginRate,
        double salvageRate) {

    static final String DEMAND_MODEL = "demandModel";
    static final String SLOW_MOVER_MEAN = "slowMoverMean";
    static final String MAX_COVER_PERIODS = "maxCoverPeriods";
    static final String MARGIN_RATE = "marginRate";
    static final String SALVAGE_RATE = "salvageRate";

    /**
     * With {@link DemandModel#AUTO}: protection-period demand whose coefficient of variation is above
     * this is modelled as gamma rather than normal (the normal's quantiles fall short on skewed demand).
     */
    static final double MAX_NORMAL_VARIATION = 0.5;

    /** Which distribution describes demand over the protection period. */
    enum DemandModel {
        /** Discrete for slow movers, gamma for widely spread fast movers, normal for the others. */
        AUTO,
        /** Always normal. */
        NORMAL,
        /** Always gamma. */
        GAMMA,
        /** Always Poisson / negative binomial. */
        DISCRETE;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static DemandModel fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * @param parameters resolved parameters; the newsvendor ones are optional
     * @return the settings
     */
    static PolicySettings from(Parameters parameters, boolean newsvendor) {
        return new PolicySettings(DemandModel.fromId(parameters.getString(DEMAND_MODEL)),
                parameters.getDouble(SLOW_MOVER_MEAN),
                newsvendor ? 1 : parameters.getDouble(MAX_COVER_PERIODS),
                newsvendor ? parameters.getDouble(MARGIN_RATE) : 0,
                newsvendor ? parameters.getDouble(SALVAGE_RATE) : 0);
    }

    /**
     * @param protectionMean mean demand over the protection period
     * @param protectionStdDev its standard deviation
     * @return the family of distributions to plan with
     */
    DemandDistribution.Shape shape(double protectionMean, double protectionStdDev) {
        switch (demandModel) {
            case NORMAL:
                return DemandDistribution.Shape.NORMAL;
            case GAMMA:
                return DemandDistribution.Shape.GAMMA;
            case DISCRETE:
                return DemandDistribution.Shape.DISCRETE;
            default:
                if (protectionMean < slowMoverMean) {
                    return DemandDistribution.Shape.DISCRETE;
                }
                return protectionStdDev > MAX_NORMAL_VARIATION * protectionMean ? DemandDistribution.Shape.GAMMA
                        : DemandDistribution.Shape.NORMAL;
        }
    }

    /** @return the newsvendor's critical fractile Cu / (Cu + Co), underage cost = margin, overage = cost - salvage */
    double criticalFractile() {
        return marginRate / (marginRate + 1 - salvageRate);
    }
}
