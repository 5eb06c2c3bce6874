package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The consistency rule across segments of {@code PricingRules.maxSegmentSpread()}: a product's
 * highest segment price is at most {@code 1 + spread} times its lowest. When the segments' own
 * best prices break it, the product's prices are confined to one band {@code [L, L (1 + spread)]}
 * chosen to maximise the objective summed over the segments (each segment's objective weighted by
 * its own demand level): within a band each segment's best price is its own optimum clipped into
 * the band and its range, so the search is over {@code L} alone, on a log-spaced grid of 33
 * points over the feasible bands, refined six times (each 16-fold) around the best one. Each
 * segment's price is then chosen within the band by the single-product optimiser, which applies
 * the price ending or ladder inside it; when the band holds no such price, the segments share the
 * best common one. Every rule
 * that raises a price (minimum price, margin, change, competitor) is the same for all segments, so
 * their ranges share a lower end and the spread itself never leaves a product without prices.
 * Plain Java.
 */
final class SegmentSpread {

    private static final int GRID = 33;
    private static final int REFINEMENTS = 6;
    private static final double SLACK = 1e-9;
    /** Common discrete prices tried (endings one currency unit apart, or ladder points), from the lowest allowed. */
    private static final int MAX_COMMON_CANDIDATES = 10_000;

    private final PriceOptimizer optimizer;
    private final double spread;

    SegmentSpread(PriceOptimizer optimizer, double spread) {
        this.optimizer = optimizer;
        this.spread = spread;
    }

    /**
     * Moves one request row's segment prices into a common band when they are too far apart.
     * Segments where the row could not be priced keep their error and do not take part. Never
     * fails: the segments that were priced alone share at least the price of the one with the
     * lowest upper bound.
     *
     * @param request the request
     * @param row the row to check
     * @param segments the segment ids, in the order of {@code choices}
     * @param choices per segment, the prices before this rule; updated in place
     */
    void apply(PriceRequest request, int row, List<String> segments, LogLogModel.Choices[] choices) {
        List<Integer> active = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (int s = 0; s < choices.length; s++) {
            if (choices[s].members()[row] != null) {
                active.add(s);
                lowest = Math.min(lowest, choices[s].price()[row]);
                highest = Math.max(highest, choices[s].price()[row]);
            }
        }
        if (active.size() < 2 || highest <= lowest * (1 + spread) * (1 + SLACK)) {
            return;
        }
        String product = request.products().id(row);
        double[] price = new double[choices.length];
        String[] binding = new String[choices.length];
        try {
            withinBand(request, row, product, segments, choices, active, bestBand(request, row, choices, active),
                    price, binding);
        } catch (ValidationException noEnding) {
            // only an ending or a ladder can leave the best band without a price: one common price keeps any spread
            commonPrice(row, choices, active, price, binding);
        }
        for (int s : active) {
            choices[s].price()[row] = price[s];
            choices[s].binding()[row] = binding[s];
        }
    }

    /** Each segment's best price within the band [band, band (1 + spread)] and its own range. */
    private void withinBand(PriceRequest request, int row, String product, List<String> segments,
            LogLogModel.Choices[] choices, List<Integer> active, double band, double[] price, String[] binding) {
        for (int s : active) {
            SizeLadder.Member member = choices[s].members()[row];
            PriceOptimizer.Range range = member.range();
            double low = Math.max(range.low(), band);
            double high = Math.min(range.high(), band * (1 + spread));
            PriceOptimizer.Range within = new PriceOptimizer.Range(low,
                    band > range.low() ? PriceRecommendations.SEGMENT_SPREAD : range.lowRule(), Math.max(high, low),
                    band * (1 + spread) < range.high() ? PriceRecommendations.SEGMENT_SPREAD : range.highRule());
            PriceOptimizer.Choice choice = optimizer.choose(row, product + "' in segment '" + segments.get(s),
                    member.elasticity(), member.cost(), request.currentPrice(row), within);
            price[s] = choice.price();
            binding[s] = choice.bindingRule();
        }
    }

    /**
     * The best single price with the rules' ending (or on their ladder) that every segment's range allows. The ranges
     * share their lower end (every rule that raises a price is the same for all segments), so the
     * common prices are those between it and the lowest upper end; the segment with that upper
     * end was priced alone with the ending, so there is at least one.
     */
    private void commonPrice(int row, LogLogModel.Choices[] choices, List<Integer> active, double[] price,
            String[] binding) {
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        for (int s : active) {
            low = Math.max(low, choices[s].members()[row].range().low());
            high = Math.min(high, choices[s].members()[row].range().high());
        }
        double best = Double.NaN;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double candidate : optimizer.discreteWithin(low, high, MAX_COMMON_CANDIDATES)) {
            double value = 0;
            for (int s : active) {
                value += objective(choices[s].members()[row], candidate);
            }
            if (value > bestValue) {
                bestValue = value;
                best = candidate;
            }
        }
        if (Double.isNaN(best)) {
            throw new IllegalStateException("no common price" + optimizer.discreteRule() + " within [" + low + ", "
                    + high + "] although every segment was priced with that rule");
        }
        for (int s : active) {
            price[s] = best;
            binding[s] = PriceRecommendations.SEGMENT_SPREAD;
        }
    }

    /**
     * @return the lower end L of the band that maximises the summed objective; every segment's
     *     range contains their common lower end, so a band always exists
     */
    private double bestBand(PriceRequest request, int row, LogLogModel.Choices[] choices, List<Integer> active) {
        double from = 0;
        double to = Double.POSITIVE_INFINITY;
        for (int s : active) {
            PriceOptimizer.Range range = choices[s].members()[row].range();
            from = Math.max(from, range.low() / (1 + spread));
            to = Math.min(to, range.high());
        }
        to = Math.max(to, from);
        double current = request.currentPrice(row);
        double best = from;
        double bestValue = bandValue(row, choices, active, from, current);
        for (int round = 0; round <= REFINEMENTS && to > from; round++) {
            double step = Math.log(to / from) / (GRID - 1);
            int bestIndex = -1;
            for (int i = 0; i < GRID; i++) {
                double band = from * Math.exp(step * i);
                double value = bandValue(row, choices, active, band, current);
                if (value > bestValue) {
                    bestValue = value;
                    best = band;
                    bestIndex = i;
                }
            }
            if (bestIndex < 0) {
                break;
            }
            double lower = from * Math.exp(step * Math.max(0, bestIndex - 1));
            to = from * Math.exp(step * Math.min(GRID - 1, bestIndex + 1));
            from = lower;
        }
        return best;
    }

    /** The objective summed over the segments when each takes its best price within the band. */
    private double bandValue(int row, LogLogModel.Choices[] choices, List<Integer> active, double band,
            double current) {
        double sum = 0;
        for (int s : active) {
            SizeLadder.Member member = choices[s].members()[row];
            PriceOptimizer.Range range = member.range();
            double low = Math.max(range.low(), band);
            double high = Math.max(low, Math.min(range.high(), band * (1 + spread)));
            double optimum = optimizer.unconstrainedOptimum(member.elasticity(), member.cost(), current);
            sum += objective(member, Math.min(Math.max(optimum, low), high));
        }
        return sum;
    }

    /** One segment's objective at a price, weighted by its demand level. */
    private double objective(SizeLadder.Member member, double price) {
        return member.unitsAtOne() * optimizer.objective(price, member.elasticity(), member.cost());
    }
}
