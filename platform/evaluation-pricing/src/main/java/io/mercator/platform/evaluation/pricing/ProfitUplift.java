package io.mercator.platform.evaluation.pricing;

import java.util.Arrays;
import java.util.Random;

/**
 * The profit of recommended prices against current prices under a fitted constant-elasticity
 * model, as an estimate with an interval rather than a promise. Demand is anchored at the
 * current price (the units the model expects there), so only the response to the price change
 * is uncertain: each draw takes every product's elasticity from a normal distribution matching
 * its confidence interval and recomputes total profit at the recommended prices. Plain Java.
 *
 * @param estimate percentage change of total profit at the point elasticities
 * @param lower lower percentile of the draws
 * @param upper upper percentile of the draws
 */
record ProfitUplift(double estimate, double lower, double upper) {

    /** One product's current and recommended situation. */
    record Product(double cost, double currentPrice, double currentUnits, double recommendedPrice,
            double elasticity, double elasticitySd) {
    }

    /**
     * @param products the products compared
     * @param draws number of Monte Carlo draws
     * @param coverage interval coverage in percent, e.g. 95
     * @param seed random seed, for reproducible reports
     * @return the uplift in percent of current profit; NaN when current profit is not positive
     */
    static ProfitUplift of(Product[] products, int draws, double coverage, long seed) {
        double current = 0;
        for (Product p : products) {
            current += (p.currentPrice() - p.cost()) * p.currentUnits();
        }
        if (!(current > 0)) {
            return new ProfitUplift(Double.NaN, Double.NaN, Double.NaN);
        }
        double estimate = 100 * (recommendedProfit(products, null) / current - 1);
        Random random = new Random(seed);
        double[] uplift = new double[draws];
        double[] elasticity = new double[products.length];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < products.length; i++) {
                elasticity[i] = products[i].elasticity() + products[i].elasticitySd() * random.nextGaussian();
            }
            uplift[d] = 100 * (recommendedProfit(products, elasticity) / current - 1);
        }
        Arrays.sort(uplift);
        double tail = (100 - coverage) / 200;
        return new ProfitUplift(estimate, percentile(uplift, tail), percentile(uplift, 1 - tail));
    }

    /** Profit at the recommended prices; {@code elasticity} null means the point estimates. */
    private static double recommendedProfit(Product[] products, double[] elasticity) {
        double total = 0;
        for (int i = 0; i < products.length; i++) {
            Product p = products[i];
            double e = elasticity == null ? p.elasticity() : elasticity[i];
            double units = p.currentUnits() * Math.pow(p.recommendedPrice() / p.currentPrice(), e);
            total += (p.recommendedPrice() - p.cost()) * units;
        }
        return total;
    }

    /** Linear interpolation between order statistics (R's type 7). */
    private static double percentile(double[] sorted, double probability) {
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
