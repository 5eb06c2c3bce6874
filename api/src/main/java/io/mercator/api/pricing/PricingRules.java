package io.mercator.api.pricing;

import io.mercator.api.ValidationException;
import java.util.Arrays;

/**
 * Business rules a recommended price must respect, on top of each product's
 * {@code [minPrice, maxPrice]} range in the {@link PriceRequest}, and the objective to maximise
 * within them. Each rule is off by default. Immutable; build with {@link #builder()}.
 *
 * <ul>
 * <li>{@code minMargin}: the price keeps at least this fraction of itself above unit cost,
 * {@code price >= unitCost / (1 - minMargin)};</li>
 * <li>{@code maxChange}: the price moves at most this fraction away from the current price;</li>
 * <li>{@code competitorRange}: where the request knows a competitor's price, the price lies
 * between two multiples of it (for example 0.95 and 1.05);</li>
 * <li>{@code priceEnding}: the cents the price ends in, e.g. {@code 0.99} for x.99 prices;</li>
 * <li>{@code pricePoints}: a price ladder, the only prices allowed (e.g. 1.99, 2.49, 2.99, 3.49);
 * exclusive with {@code priceEnding}, since the points fix the cents;</li>
 * <li>{@code minVolumeShare}: the price keeps expected units at least at this share of the units
 * expected at the current price (a volume floor; 0.9 keeps 90%);</li>
 * <li>{@code sizeLadder}: within each size group of the {@link PriceRequest}, a larger size costs
 * at least as much as a smaller one and no more per unit of size (price per ounce does not rise
 * with the pack size).</li>
 * <li>{@code maxSegmentSpread}: when a product is priced per customer segment
 * ({@link PricingModel#recommendBySegment}), its highest segment price is at most this fraction
 * above its lowest (0.1: at most 10% apart), so that segments are not priced far apart.</li>
 * </ul>
 * The objective is profit, revenue or a weighted sum of both; only the ratio of the two weights
 * matters, and {@link #profitShare()} says how much of the objective is profit.
 * When the rules leave no price for a product, strategies throw a {@link ValidationException}
 * that names the product's row and the rules in conflict instead of breaking one of them; with
 * {@link #rowErrors()} they instead keep that product's current price and report the conflict in
 * its row of {@link PriceRecommendations}, so that one bad row does not fail a large batch.
 */
public final class PricingRules {

    /** What a recommendation maximises. */
    public enum Objective {
        /** Expected profit: units times (price minus unit cost). */
        PROFIT,
        /** Expected revenue: units times price. */
        REVENUE,
        /**
         * A weighted sum of expected profit and expected revenue (see
         * {@link Builder#weightedObjective(double, double)}).
         */
        WEIGHTED
    }

    private static final PricingRules NONE = builder().build();

    private final Objective objective;
    private final double minMargin;
    private final double maxChange;
    private final double competitorMinRatio;
    private final double competitorMaxRatio;
    private final double priceEnding;
    private final double minVolumeShare;
    private final double profitShare;
    private final boolean sizeLadder;
    private final boolean rowErrors;
    private final double maxSegmentSpread;
    private final double[] pricePoints;

    private PricingRules(Builder builder) {
        this.pricePoints = builder.pricePoints;
        this.maxSegmentSpread = builder.maxSegmentSpread;
        this.objective = builder.objective;
        this.profitShare = builder.profitShare;
        this.sizeLadder = builder.sizeLadder;
        this.rowErrors = builder.rowErrors;
        this.minMargin = builder.minMargin;
        this.maxChange = builder.maxChange;
        this.competitorMinRatio = builder.competitorMinRatio;
        this.competitorMaxRatio = builder.competitorMaxRatio;
        this.priceEnding = builder.priceEnding;
        this.minVolumeShare = builder.minVolumeShare;
    }

    /** @return no rules beyond the request's ranges; maximise profit */
    public static PricingRules none() {
        return NONE;
    }

    /** @return a builder with every rule off and the profit objective */
    public static Builder builder() {
        return new Builder();
    }

    /** @return what to maximise */
    public Objective objective() {
        return objective;
    }

    /**
     * The weight of profit in the objective divided by the sum of both weights: 1 for
     * {@link Objective#PROFIT}, 0 for {@link Objective#REVENUE}. Maximising
     * {@code share * profit + (1 - share) * revenue} is maximising the profit of a unit cost
     * scaled by the share, which is how strategies can apply every objective alike.
     *
     * @return the profit share of the objective, in [0, 1]
     */
    public double profitShare() {
        return profitShare;
    }

    /** @return the smallest margin as a fraction of the price, 0 when off */
    public double minMargin() {
        return minMargin;
    }

    /** @return the largest relative change from the current price, infinity when off */
    public double maxChange() {
        return maxChange;
    }

    /** @return the lowest price as a multiple of the competitor's, 0 when off */
    public double competitorMinRatio() {
        return competitorMinRatio;
    }

    /** @return the highest price as a multiple of the competitor's, infinity when off */
    public double competitorMaxRatio() {
        return competitorMaxRatio;
    }

    /** @return the fraction of a currency unit every price ends in, NaN when off */
    public double priceEnding() {
        return priceEnding;
    }

    /**
     * @return the allowed prices in ascending order (a copy), or an empty array when any price is
     *     allowed
     * @since 1.1
     */
    public double[] pricePoints() {
        return pricePoints.clone();
    }

    /** @return the smallest share of the current price's expected units to keep, 0 when off */
    public double minVolumeShare() {
        return minVolumeShare;
    }

    /**
     * @return the largest fraction by which a product's highest segment price may exceed its
     *     lowest, infinity when off
     * @since 1.1
     */
    public double maxSegmentSpread() {
        return maxSegmentSpread;
    }

    /** @return whether the prices of a size group keep the size ladder */
    public boolean sizeLadder() {
        return sizeLadder;
    }

    /**
     * @return whether a row that cannot be priced (rules in conflict, unknown product) is
     *     reported in its row of the recommendations instead of failing the whole request
     */
    public boolean rowErrors() {
        return rowErrors;
    }

    /** @return whether these are the rules of {@link #none()} */
    public boolean isNone() {
        return objective == Objective.PROFIT && minMargin == 0 && maxChange == Double.POSITIVE_INFINITY
                && competitorMinRatio == 0 && competitorMaxRatio == Double.POSITIVE_INFINITY
                && Double.isNaN(priceEnding) && minVolumeShare == 0 && !sizeLadder && !rowErrors
                && maxSegmentSpread == Double.POSITIVE_INFINITY && pricePoints.length == 0;
    }

    @Override
    public String toString() {
        return "objective=" + objective + (objective == Objective.WEIGHTED ? "(profitShare=" + profitShare + ")" : "")
                + ", minMargin=" + minMargin + ", maxChange=" + maxChange
                + ", competitorRange=[" + competitorMinRatio + ", " + competitorMaxRatio + "], priceEnding="
                + priceEnding + ", minVolumeShare=" + minVolumeShare + ", sizeLadder=" + sizeLadder
                + ", rowErrors=" + rowErrors + ", maxSegmentSpread=" + maxSegmentSpread
                + (pricePoints.length == 0 ? "" : ", pricePoints=" + Arrays.toString(pricePoints));
    }

    /** Collects the rules; every setter checks its value. Not thread-safe. */
    public static final class Builder {
        private Objective objective = Objective.PROFIT;
        private double profitShare = 1;
        private double minMargin;
        private double maxChange = Double.POSITIVE_INFINITY;
        private double competitorMinRatio;
        private double competitorMaxRatio = Double.POSITIVE_INFINITY;
        private double priceEnding = Double.NaN;
        private double minVolumeShare;
        private boolean sizeLadder;
        private boolean rowErrors;
        private double maxSegmentSpread = Double.POSITIVE_INFINITY;
        private double[] pricePoints = new double[0];

        private Builder() {
        }

        /**
         * @param objective what to maximise: {@link Objective#PROFIT} or {@link Objective#REVENUE}
         * @return this builder
         * @throws ValidationException when missing or {@link Objective#WEIGHTED}, which needs its
         *     weights from {@link #weightedObjective(double, double)}
         */
        public Builder objective(Objective objective) {
            if (objective == null) {
                throw new ValidationException("objective", "is missing");
            }
            if (objective == Objective.WEIGHTED) {
                throw new ValidationException("objective", "WEIGHTED needs its weights: use weightedObjective");
            }
            this.objective = objective;
            this.profitShare = objective == Objective.PROFIT ? 1 : 0;
            return this;
        }

        /**
         * Maximise {@code profitWeight * profit + revenueWeight * revenue}, for example to give up
         * some profit for turnover.
         *
         * @param profitWeight the weight of expected profit, finite and &gt;= 0
         * @param revenueWeight the weight of expected revenue, finite and &gt;= 0
         * @return this builder
         * @throws ValidationException when a weight is negative or not finite, or both are 0
         */
        public Builder weightedObjective(double profitWeight, double revenueWeight) {
            if (!(profitWeight >= 0 && profitWeight < Double.POSITIVE_INFINITY)) {
                throw new ValidationException("profitWeight", profitWeight + " must be a finite number >= 0");
            }
            if (!(revenueWeight >= 0 && revenueWeight < Double.POSITIVE_INFINITY)) {
                throw new ValidationException("revenueWeight", revenueWeight + " must be a finite number >= 0");
            }
            if (profitWeight + revenueWeight == 0) {
                throw new ValidationException("revenueWeight", "both weights are 0: nothing to maximise");
            }
            this.objective = Objective.WEIGHTED;
            this.profitShare = profitWeight / (profitWeight + revenueWeight);
            return this;
        }

        /**
         * @param minMargin the smallest margin as a fraction of the price, in [0, 1)
         * @return this builder
         * @throws ValidationException when out of range
         */
        public Builder minMargin(double minMargin) {
            if (!(minMargin >= 0 && minMargin < 1)) {
                throw new ValidationException("minMargin", minMargin + " is not a fraction in [0, 1)");
            }
            this.minMargin = minMargin;
            return this;
        }

        /**
         * @param maxChange the largest relative change from the current price, &gt; 0 (0.1 allows
         *     10% up or down); infinity turns the rule off
         * @return this builder
         * @throws ValidationException when not positive
         */
        public Builder maxChange(double maxChange) {
            if (!(maxChange > 0)) {
                throw new ValidationException("maxChange", maxChange + " must be > 0");
            }
            this.maxChange = maxChange;
            return this;
        }

        /**
         * @param minRatio the lowest price as a multiple of the competitor's price, finite, &gt;= 0
         * @param maxRatio the highest price as a multiple of the competitor's price, &gt;= minRatio
         *     (infinity for no upper bound)
         * @return this builder
         * @throws ValidationException when the range is empty or negative
         */
        public Builder competitorRange(double minRatio, double maxRatio) {
            if (!(minRatio >= 0 && minRatio < Double.POSITIVE_INFINITY)) {
                throw new ValidationException("competitorMinRatio", minRatio + " must be a finite number >= 0");
            }
            if (!(maxRatio >= minRatio && maxRatio > 0)) {
                throw new ValidationException("competitorMaxRatio", maxRatio + " must be > 0 and >= " + minRatio);
            }
            this.competitorMinRatio = minRatio;
            this.competitorMaxRatio = maxRatio;
            return this;
        }

        /**
         * @param priceEnding the fraction of a currency unit every price ends in, in [0, 1), e.g.
         *     0.99; NaN turns the rule off
         * @return this builder
         * @throws ValidationException when out of range
         */
        public Builder priceEnding(double priceEnding) {
            if (!Double.isNaN(priceEnding) && !(priceEnding >= 0 && priceEnding < 1)) {
                throw new ValidationException("priceEnding", priceEnding + " is not a fraction in [0, 1)");
            }
            this.priceEnding = priceEnding;
            return this;
        }

        /**
         * @param minVolumeShare the smallest share of the units expected at the current price that
         *     the recommended price must keep, finite and &gt;= 0 (0 turns the rule off; above 1
         *     asks for more volume than now)
         * @return this builder
         * @throws ValidationException when negative or not finite
         */
        public Builder minVolumeShare(double minVolumeShare) {
            if (!(minVolumeShare >= 0 && minVolumeShare < Double.POSITIVE_INFINITY)) {
                throw new ValidationException("minVolumeShare", minVolumeShare + " must be a finite number >= 0");
            }
            this.minVolumeShare = minVolumeShare;
            return this;
        }

        /**
         * @param sizeLadder whether, within each size group of the request, a larger size must
         *     cost at least as much as a smaller one and no more per unit of size
         * @return this builder
         */
        public Builder sizeLadder(boolean sizeLadder) {
            this.sizeLadder = sizeLadder;
            return this;
        }

        /**
         * @param rowErrors whether a row that cannot be priced is reported in its row of the
         *     recommendations (keeping its current price) instead of failing the whole request
         * @return this builder
         */
        public Builder rowErrors(boolean rowErrors) {
            this.rowErrors = rowErrors;
            return this;
        }

        /**
         * @param maxSegmentSpread the largest fraction by which a product's highest segment price
         *     may exceed its lowest, &gt;= 0 (0: one price for every segment); infinity turns the
         *     rule off
         * @return this builder
         * @throws ValidationException when negative or NaN
         * @since 1.1
         */
        public Builder maxSegmentSpread(double maxSegmentSpread) {
            if (!(maxSegmentSpread >= 0)) {
                throw new ValidationException("maxSegmentSpread", maxSegmentSpread + " must be >= 0");
            }
            this.maxSegmentSpread = maxSegmentSpread;
            return this;
        }

        /**
         * @param pricePoints the only prices allowed (a price ladder), each finite and &gt; 0, in
         *     any order; none turns the rule off
         * @return this builder
         * @throws ValidationException naming the first point that is not a finite number &gt; 0
         * @since 1.1
         */
        public Builder pricePoints(double... pricePoints) {
            double[] sorted = pricePoints == null ? new double[0] : pricePoints.clone();
            for (int i = 0; i < sorted.length; i++) {
                if (!(sorted[i] > 0 && sorted[i] < Double.POSITIVE_INFINITY)) {
                    throw new ValidationException("pricePoints", i, sorted[i] + " must be a finite number > 0");
                }
            }
            Arrays.sort(sorted);
            this.pricePoints = sorted;
            return this;
        }

        /**
         * @return the rules
         * @throws ValidationException when both price points and a price ending are given
         */
        public PricingRules build() {
            if (pricePoints.length > 0 && !Double.isNaN(priceEnding)) {
                throw new ValidationException("pricePoints", "give either price points or a price ending, not both: "
                        + "the points already fix the cents");
            }
            return new PricingRules(this);
        }
    }
}
