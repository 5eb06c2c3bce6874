package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PricingRules;
import java.util.Arrays;
import java.util.Locale;

/**
 * The best price of one product under constant-elasticity demand {@code units = scale * price^e}
 * within the business rules. For profit and {@code e < -1} the unconstrained optimum is the
 * closed form {@code cost * e / (1 + e)}, and for a weighted objective the same with the cost
 * scaled by the profit share; otherwise the objective is monotone in the price and the
 * optimum lies on a bound. The rules cut the allowed range to {@code [low, high]}; the optimum is
 * clipped into it and, with a price ending, moved to the better of the two nearest prices with
 * that ending inside the range. Plain Java, no OSGi.
 */
final class PriceOptimizer {

    /** Tolerance for comparing prices with bounds computed in floating point. */
    private static final double SLACK = 1e-9;

    private final PricingRules rules;
    /** The price ladder in ascending order, empty when any price is allowed. */
    private final double[] points;

    PriceOptimizer(PricingRules rules) {
        this.rules = rules;
        this.points = rules.pricePoints();
    }

    /** @return whether prices are restricted to discrete values: an ending or a price ladder */
    boolean discrete() {
        return points.length > 0 || !Double.isNaN(rules.priceEnding());
    }

    /** @return what the discrete prices are, for messages: " ending in 0.99" or " on the price ladder" */
    String discreteRule() {
        return points.length > 0 ? " on the price ladder"
                : String.format(Locale.ROOT, " ending in %.2f", rules.priceEnding());
    }

    /**
     * @param price a price
     * @return the allowed discrete prices next to it: the largest at or below it and the smallest
     *     above it, NaN where there is none
     */
    double[] neighbours(double price) {
        if (points.length == 0) {
            double below = Math.floor(price - rules.priceEnding()) + rules.priceEnding();
            return new double[] {below > 0 ? below : Double.NaN, below + 1};
        }
        int at = Arrays.binarySearch(points, price);
        int above = at >= 0 ? at + 1 : -at - 1;
        int below = at >= 0 ? at : above - 1;
        return new double[] {below >= 0 ? points[below] : Double.NaN,
            above < points.length ? points[above] : Double.NaN};
    }

    /**
     * @param low lowest price
     * @param high highest price
     * @param most the most prices to return
     * @return the allowed discrete prices within [low, high], ascending, at most {@code most}
     */
    double[] discreteWithin(double low, double high, int most) {
        double[] within = new double[most];
        int count = 0;
        if (points.length == 0) {
            double ending = rules.priceEnding();
            for (double price = Math.ceil(low - ending - SLACK) + ending; count < most && price <= high * (1 + SLACK);
                    price++) {
                if (price > 0) {
                    within[count++] = price;
                }
            }
        } else {
            for (double point : points) {
                if (count < most && point >= low * (1 - SLACK) && point <= high * (1 + SLACK)) {
                    within[count++] = point;
                }
            }
        }
        return Arrays.copyOf(within, count);
    }

    /** A recommended price and the rule that limited it. */
    record Choice(double price, String bindingRule) {
    }

    /** The prices one product's rules allow and the rules that set each end. */
    record Range(double low, String lowRule, double high, String highRule) {
    }

    /**
     * @param row the request row, for error messages
     * @param product the product id, for error messages
     * @param elasticity the own-price elasticity e
     * @param cost unit cost
     * @param current current price
     * @param minPrice the request's lowest price
     * @param maxPrice the request's highest price
     * @param competitor the competitor's price, NaN when unknown
     * @return the best allowed price
     * @throws ValidationException when the rules leave no price, naming the row and the rules
     */
    Choice choose(int row, String product, double elasticity, double cost, double current, double minPrice,
            double maxPrice, double competitor) {
        return choose(row, product, elasticity, cost, current,
                allowed(row, product, elasticity, cost, current, minPrice, maxPrice, competitor));
    }

    /**
     * @param row the request row, for error messages
     * @param product the product id, for error messages
     * @param elasticity the own-price elasticity e
     * @param cost unit cost
     * @param current current price
     * @param range the prices the rules allow, from {@link #allowed}
     * @return the best price in the range, with the price ending when the rules have one
     * @throws ValidationException when no price with the ending lies in the range
     */
    Choice choose(int row, String product, double elasticity, double cost, double current, Range range) {
        double low = range.low();
        double high = range.high();
        double optimum = unconstrainedOptimum(elasticity, cost, current);
        double price = Math.min(Math.max(optimum, low), high);
        String rule = optimum < low ? range.lowRule() : optimum > high ? range.highRule() : PriceRecommendations.NONE;
        if (!discrete()) {
            return new Choice(price, rule);
        }
        return withEnding(row, product, elasticity, cost, price, rule, low, high);
    }

    /**
     * The prices that every rule except the price ending allows: the request's range cut by the
     * minimum margin, maximum change, competitor band and volume floor.
     *
     * @param row the request row, for error messages
     * @param product the product id, for error messages
     * @param elasticity the own-price elasticity e
     * @param cost unit cost
     * @param current current price
     * @param minPrice the request's lowest price
     * @param maxPrice the request's highest price
     * @param competitor the competitor's price, NaN when unknown
     * @return the allowed range, non-empty
     * @throws ValidationException when the rules leave no price, naming the row and the rules
     */
    Range allowed(int row, String product, double elasticity, double cost, double current, double minPrice,
            double maxPrice, double competitor) {
        double low = minPrice;
        String lowRule = PriceRecommendations.MIN_PRICE;
        double high = maxPrice;
        String highRule = PriceRecommendations.MAX_PRICE;
        double marginFloor = cost / (1 - rules.minMargin());
        if (rules.minMargin() > 0 && marginFloor > low) {
            low = marginFloor;
            lowRule = PriceRecommendations.MIN_MARGIN;
        }
        if (rules.maxChange() < Double.POSITIVE_INFINITY) {
            double down = current * Math.max(0, 1 - rules.maxChange());
            double up = current * (1 + rules.maxChange());
            if (down > low) {
                low = down;
                lowRule = PriceRecommendations.MAX_CHANGE;
            }
            if (up < high) {
                high = up;
                highRule = PriceRecommendations.MAX_CHANGE;
            }
        }
        if (!Double.isNaN(competitor)) {
            double below = competitor * rules.competitorMinRatio();
            double above = competitor * rules.competitorMaxRatio();
            if (below > low) {
                low = below;
                lowRule = PriceRecommendations.COMPETITOR;
            }
            if (above < high) {
                high = above;
                highRule = PriceRecommendations.COMPETITOR;
            }
        }
        if (rules.minVolumeShare() > 0) {
            // units(p) / units(current) = (p / current)^e >= share  <=>  p <= current * share^(1/e) for e < 0
            double ceiling = elasticity < 0 ? current * Math.pow(rules.minVolumeShare(), 1 / elasticity)
                    : rules.minVolumeShare() <= 1 ? Double.POSITIVE_INFINITY : 0;
            if (ceiling < high) {
                high = ceiling;
                highRule = PriceRecommendations.VOLUME_FLOOR;
            }
        }
        if (low > high * (1 + SLACK)) {
            throw new ValidationException("rules", row, String.format(Locale.ROOT,
                    "product '%s': %s needs a price of at least %.4f but %s allows at most %.4f",
                    product, lowRule, low, highRule, high));
        }
        return new Range(low, lowRule, Math.max(high, low), highRule);
    }

    /** A weighted objective is the profit of the unit cost scaled by the profit share (see PricingRules). */
    double unconstrainedOptimum(double elasticity, double cost, double current) {
        double weightedCost = cost * rules.profitShare();
        if (weightedCost == 0 && elasticity == -1) {
            return current; // revenue does not depend on the price: keep it
        }
        return elasticity < -1 ? weightedCost * elasticity / (1 + elasticity) : Double.POSITIVE_INFINITY;
    }

    /** Moves the price to the better allowed discrete price next to it (an ending or a point of the ladder). */
    private Choice withEnding(int row, String product, double elasticity, double cost, double price, String rule,
            double low, double high) {
        double[] next = neighbours(price);
        double below = next[0];
        double above = next[1];
        boolean belowAllowed = !Double.isNaN(below) && below >= low * (1 - SLACK) && below <= high * (1 + SLACK);
        boolean aboveAllowed = !Double.isNaN(above) && above >= low * (1 - SLACK) && above <= high * (1 + SLACK);
        if (!belowAllowed && !aboveAllowed) {
            throw new ValidationException("rules", row, String.format(Locale.ROOT,
                    "product '%s': no price%s lies within the allowed range [%.4f, %.4f]",
                    product, discreteRule(), low, high));
        }
        double chosen = !belowAllowed ? above : !aboveAllowed ? below
                : objective(above, elasticity, cost) > objective(below, elasticity, cost) ? above : below;
        boolean moved = Math.abs(chosen - price) > SLACK * price;
        String discreteRule = points.length > 0 ? PriceRecommendations.PRICE_POINT : PriceRecommendations.PRICE_ENDING;
        String bindingRule = !moved ? rule
                : rule.equals(PriceRecommendations.NONE) ? discreteRule
                : rule + "+" + discreteRule;
        return new Choice(chosen, bindingRule);
    }

    /** Objective up to the positive demand scale, which does not change which price is better. */
    double objective(double price, double elasticity, double cost) {
        return (price - cost * rules.profitShare()) * Math.pow(price, elasticity);
    }
}
