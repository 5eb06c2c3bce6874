package io.mercator.plugins.optimization.policies;

import io.mercator.api.Parameters;
import java.util.Locale;

/**
 * The fitted settings of a policy model, read from a strategy's parameters.
 *
 * @param demandModel which demand distribution to plan with
 * @param slowMoverMean with {@link DemandModel#AUTO}: protection-period demand below which demand
 *     is modelled as Poisson / negative binomial rather than normal
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

    /** Which distribution describes demand over the protection period. */
    enum DemandModel {
        /** Discrete for slow movers, normal for the others. */
        AUTO,
        /** Always normal. */
        NORMAL,
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
     * @return whether to use the discrete distribution
     */
    boolean discrete(double protectionMean) {
        return demandModel == DemandModel.DISCRETE
                || demandModel == DemandModel.AUTO && protectionMean < slowMoverMean;
    }

    /** @return the newsvendor's critical fractile Cu / (Cu + Co), underage cost = margin, overage = cost - salvage */
    double criticalFractile() {
        return marginRate / (marginRate + 1 - salvageRate);
    }
}
