package io.mercator.plugins.optimization.policies;

import java.util.function.DoubleUnaryOperator;

/**
 * The expected share of demand short (one minus the fill rate) of each policy with backorders, as
 * a function of its level: the reorder point s, or the order-up-to level S of (R,S).
 *
 * <p>With periodic review every R periods, the units short in the periods an order covers are
 * those short when the next order can arrive, {@code G_{L+R}(y)}, minus those already short when
 * this one arrives, {@code G_L(y)}, for the inventory position y after ordering (G the loss
 * function of demand over the lead time L, or L + R). The policies differ in where y lies: at S
 * for (R,S); evenly spread over (s, s + Q] for (R,s,nQ), whatever the demand sizes; for (R,s,S)
 * the demand since the last order (the undershoot of s included) decides, through the renewal
 * function of demand per review. Planning s as if y were always s + Q, or as if demand were
 * counted over L + R without subtracting what is already short, misses the target.
 */
final class FillRates {

    /** Beyond this many units between s and S the renewal weights use their limit, evenly spread. */
    private static final int MAX_RENEWAL_UNITS = 10_000;

    private FillRates() {
    }

    /**
     * (R,S): {@code (G_{L+R}(S) - G_L(S)) / (d R)}.
     *
     * @param protection demand over lead time plus review period
     * @param leadTime demand over the lead time
     * @param reviewDemand mean demand per review period, d R
     * @return the share short as a function of S
     */
    static DoubleUnaryOperator orderUpTo(DemandDistribution protection, DemandDistribution leadTime,
            double reviewDemand) {
        if (reviewDemand <= 0) {
            return level -> 0;
        }
        return level -> clamp((protection.expectedShortage(level) - leadTime.expectedShortage(level)) / reviewDemand);
    }

    /**
     * Continuous review with lots of Q, or (s,S) where each order is made at s exactly:
     * {@code (G_L(s) - G_L(s + Q)) / Q}.
     *
     * @param leadTime demand over the lead time
     * @param lot the lot Q, &gt; 0
     * @return the share short as a function of s
     */
    static DoubleUnaryOperator continuousReview(DemandDistribution leadTime, double lot) {
        if (leadTime.mean() <= 0) {
            return level -> 0;
        }
        return level -> clamp((leadTime.expectedShortage(level) - leadTime.expectedShortage(level + lot)) / lot);
    }

    /**
     * (R,s,nQ): each review orders whole lots until the position exceeds s, so the position after
     * ordering is evenly spread over (s, s + Q]:
     * {@code (mean of G_{L+R} - mean of G_L over (s, s + Q]) / (d R)}.
     *
     * @param protection demand over lead time plus review period
     * @param leadTime demand over the lead time
     * @param lot the lot Q, &gt; 0
     * @param reviewDemand mean demand per review period, d R
     * @return the share short as a function of s
     */
    static DoubleUnaryOperator lots(DemandDistribution protection, DemandDistribution leadTime, double lot,
            double reviewDemand) {
        if (reviewDemand <= 0) {
            return level -> 0;
        }
        return level -> clamp((protection.meanShortageOver(level, level + lot)
                - leadTime.meanShortageOver(level, level + lot)) / reviewDemand);
    }

    /**
     * (R,s,S): a review at or below s orders up to S. The position after ordering is S - j where j
     * is the demand since the last order; between orders it visits S - j with the renewal
     * probability u(j) that some run of review demands adds up to exactly j ({@code u(0) = 1},
     * {@code u(j) = sum_k f(k) u(j - k)} with f the demand of a review that has any), for
     * {@code j = 0, ..., S - s - 1}. For whole units this is exact; for continuous demand, and
     * beyond {@value #MAX_RENEWAL_UNITS} units, the renewal density takes its limit 1 / (d R): an
     * atom of {@code d R / (d R + S - s)} at S and the rest evenly spread over (s, S).
     *
     * @param protection demand over lead time plus review period
     * @param leadTime demand over the lead time
     * @param review demand over one review period
     * @param gap S - s, &gt; 0
     * @return the share short as a function of s
     */
    static DoubleUnaryOperator minMax(DemandDistribution protection, DemandDistribution leadTime,
            DemandDistribution review, double gap) {
        double reviewDemand = review.mean();
        if (reviewDemand <= 0) {
            return level -> 0;
        }
        DoubleUnaryOperator shortInCycle = y -> protection.expectedShortage(y) - leadTime.expectedShortage(y);
        if (review instanceof DiscreteDemand && gap <= MAX_RENEWAL_UNITS) {
            double[] weight = renewalWeights(((DiscreteDemand) review).probabilities(), (int) Math.max(1,
                    Math.round(gap)));
            return level -> {
                double top = level + weight.length;
                double shortage = 0;
                for (int j = 0; j < weight.length; j++) {
                    shortage += weight[j] * shortInCycle.applyAsDouble(top - j);
                }
                return clamp(shortage / reviewDemand);
            };
        }
        return level -> {
            double top = level + gap;
            double spread = protection.meanShortageOver(level, top) - leadTime.meanShortageOver(level, top);
            double shortage = (reviewDemand * shortInCycle.applyAsDouble(top) + gap * spread) / (reviewDemand + gap);
            return clamp(shortage / reviewDemand);
        };
    }

    /**
     * @param probability P(review demand = k)
     * @param positions S - s
     * @return the stationary probability of the position S - j after ordering, j = 0, ..., S - s - 1
     */
    static double[] renewalWeights(double[] probability, int positions) {
        double some = 1 - probability[0];
        double[] weight = new double[positions];
        weight[0] = 1;
        double total = 1;
        for (int j = 1; j < positions; j++) {
            double u = 0;
            for (int k = 1; k <= j && k < probability.length; k++) {
                u += probability[k] / some * weight[j - k];
            }
            weight[j] = u;
            total += u;
        }
        for (int j = 0; j < positions; j++) {
            weight[j] /= total;
        }
        return weight;
    }

    private static double clamp(double share) {
        return Math.min(Math.max(share, 0), 1);
    }
}
