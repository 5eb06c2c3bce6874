package io.mercator.plugins.pricing.elasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingRules;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SizeLadderTest {

    private static final PricingRules PROFIT = PricingRules.builder().sizeLadder(true).build();

    private static SizeLadder.Member member(int row, double size, double low, double high, double e, double cost) {
        return new SizeLadder.Member(row, "sku" + row, size,
                new PriceOptimizer.Range(low, PriceRecommendations.MIN_PRICE, high, PriceRecommendations.MAX_PRICE),
                e, 1, cost);
    }

    @Test
    void aLargerSizeThatWouldCostMorePerUnitIsHeldAtTheSmallSizesUnitPrice() {
        // e = -2 for both, cost 4 for size 1 (own optimum 8) and 10 for size 2 (own optimum 20 > 2 * 8).
        // With p2 = 2 p1 the group's profit is (p1 - 4) p1^-2 + (2 p1 - 10) (2 p1)^-2 = p1^-2 (1.5 p1 - 6.5),
        // which peaks at p1 = 6.5 / 1.5 * 2 = 26 / 3; the other tight pattern (p2 = p1) is worse.
        SizeLadder.Member[] group = {member(0, 1, 1, 100, -2, 4), member(1, 2, 1, 100, -2, 10)};
        double[] prices = new SizeLadder(new PriceOptimizer(PROFIT)).solve("oj", group);
        assertEquals(26.0 / 3, prices[0], 26.0 / 3 * 1e-4);
        assertEquals(2 * prices[0], prices[1], 1e-12 * prices[1]);
    }

    @Test
    void onAPriceLadderTheGroupTakesTheBestConsistentPoints() {
        // the same group as above (continuous optimum 8.67 and 17.33); with the points below, an exhaustive search
        // over all pairs that keep the ladder (p0 <= p1 <= 2 p0) finds the best
        double[] points = {5.99, 7.99, 8.49, 8.99, 9.99, 14.99, 16.99, 17.49, 19.99};
        SizeLadder.Member[] group = {member(0, 1, 1, 100, -2, 4), member(1, 2, 1, 100, -2, 10)};
        PriceOptimizer optimizer = new PriceOptimizer(PricingRules.builder().sizeLadder(true).pricePoints(points)
                .build());
        double[] prices = new SizeLadder(optimizer).solve("oj", group);
        double best = Double.NEGATIVE_INFINITY;
        double[] bestPair = null;
        for (double p0 : points) {
            for (double p1 : points) {
                double value = optimizer.objective(p0, -2, 4) + optimizer.objective(p1, -2, 10);
                if (p0 <= p1 && p1 <= 2 * p0 && value > best) {
                    best = value;
                    bestPair = new double[] {p0, p1};
                }
            }
        }
        assertArrayEquals(bestPair, prices, 1e-12);
    }

    @Test
    void theModelMovesOnlyGroupsThatBreakTheLadderAndReportsTheirUnitsRevenueAndProfit() {
        // units = 100 p^-3 (p0) and 100 p^-4 (p1), cost 6: own optima 9 and 8, so the larger p1 would be cheaper.
        // With p0 = p1 = t the profit (t - 6)(t^-3 + t^-4) peaks where -2t^2 + 15t + 24 = 0: t = (15 + sqrt 417) / 4.
        PricingModel model = new LogLogStrategy().fit(LogLogStrategyTest.noiselessDemand(),
                Parameters.resolve(new LogLogStrategy().descriptor().parameters(), Map.of("shrinkage", false)),
                TrainingContext.none());
        PriceRequest request = PriceRequest.builder()
                .add("p0", 6, 10, 1, 100, Double.NaN, "juice", 32)
                .add("p1", 6, 10, 1, 100, Double.NaN, "juice", 64)
                .build();
        PriceRecommendations free = model.recommend(request, PricingRules.builder().maxChange(5).build());
        assertArrayEquals(new double[] {9, 8}, free.price(), 1e-9);
        PriceRecommendations held = model.recommend(request, PricingRules.builder().maxChange(5).sizeLadder(true)
                .build());
        double t = (15 + Math.sqrt(417)) / 4;
        assertEquals(t, held.price(0), t * 1e-4);
        assertEquals(held.price(0), held.price(1), 1e-9);
        assertEquals(PriceRecommendations.SIZE_LADDER, held.bindingRule(0));
        assertEquals(PriceRecommendations.SIZE_LADDER, held.bindingRule(1));
        double units = 100 * Math.pow(held.price(1), -4);
        assertEquals(units, held.expectedUnits(1), 1e-9 * units);
        assertEquals(held.price(1) * units, held.expectedRevenue(1), 1e-9);
        assertEquals((held.price(1) - 6) * units, held.expectedProfit(1), 1e-9);
        // a consistent group (cost 7 for the larger size: own optimum 9.33 >= 9, 9.33 / 64 <= 9 / 32) keeps its optima
        PriceRecommendations consistent = model.recommend(PriceRequest.builder()
                .add("p0", 6, 10, 1, 100, Double.NaN, "juice", 32)
                .add("p1", 7, 10, 1, 100, Double.NaN, "juice", 64)
                .build(), PROFIT);
        assertArrayEquals(new double[] {9, 28.0 / 3}, consistent.price(), 1e-9);
        assertEquals(PriceRecommendations.NONE, consistent.bindingRule(1));
    }

    @Test
    void randomGroupsAlwaysKeepTheLadderAndEveryRuleAndBeatABruteForceSearch() {
        Random random = new Random(11);
        int solved = 0;
        for (int trial = 0; trial < 300; trial++) {
            boolean ending = trial % 3 == 0;
            PricingRules rules = PricingRules.builder().sizeLadder(true).minMargin(0.1).maxChange(0.5)
                    .priceEnding(ending ? 0.99 : Double.NaN).build();
            PriceOptimizer optimizer = new PriceOptimizer(rules);
            int n = 2 + random.nextInt(3);
            SizeLadder.Member[] group = new SizeLadder.Member[n];
            double[] own = new double[n];
            double size = 1;
            for (int i = 0; i < n; i++) {
                size *= 1 + random.nextDouble();
                double cost = size * (1 + random.nextDouble());
                double current = cost * (1.2 + random.nextDouble());
                double e = -1.2 - 3 * random.nextDouble();
                PriceOptimizer.Range range = optimizer.allowed(i, "sku" + i, e, cost, current, 0.5, 500, Double.NaN);
                group[i] = new SizeLadder.Member(i, "sku" + i, size, range, e, 1 + random.nextDouble(), cost);
                own[i] = optimizer.choose(i, "sku" + i, e, cost, current, range).price();
            }
            try {
                double[] prices = new SizeLadder(optimizer).solve("g", group);
                assertTrue(SizeLadder.holds(group, prices), "ladder " + Arrays.toString(prices));
                for (int i = 0; i < n; i++) {
                    PriceOptimizer.Range range = group[i].range();
                    assertTrue(prices[i] >= range.low() * (1 - 1e-9) && prices[i] <= range.high() * (1 + 1e-9),
                            "range of " + i);
                    if (ending) {
                        assertEquals(0.99, prices[i] - Math.floor(prices[i]), 1e-9);
                    }
                }
                if (n == 2 && !ending) {
                    assertTrue(total(optimizer, group, prices) >= bruteForce(optimizer, group) * (1 - 1e-6),
                            "trial " + trial);
                }
                if (SizeLadder.holds(group, own)) {
                    assertTrue(total(optimizer, group, prices) >= total(optimizer, group, own) * (1 - 1e-6));
                }
                solved++;
            } catch (ValidationException conflict) {
                assertEquals("rules", conflict.field());
                assertEquals(0, conflict.row());
                assertTrue(conflict.getMessage().contains("size group 'g'"), conflict.getMessage());
            }
        }
        assertTrue(solved > 100, "most groups are feasible: " + solved);
    }

    private static double total(PriceOptimizer optimizer, SizeLadder.Member[] group, double[] prices) {
        double sum = 0;
        for (int i = 0; i < group.length; i++) {
            sum += group[i].unitsAtOne() * optimizer.objective(prices[i], group[i].elasticity(), group[i].cost());
        }
        return sum;
    }

    /** The best consistent pair on a 2000 x 2000 grid of each range, for two sizes. */
    private static double bruteForce(PriceOptimizer optimizer, SizeLadder.Member[] pair) {
        double best = Double.NEGATIVE_INFINITY;
        double ratio = pair[1].size() / pair[0].size();
        for (int a = 0; a <= 2000; a++) {
            double p0 = pair[0].range().low() + (pair[0].range().high() - pair[0].range().low()) * a / 2000;
            double from = Math.max(p0, pair[1].range().low());
            double to = Math.min(p0 * ratio, pair[1].range().high());
            for (int b = 0; b <= 2000 && from <= to; b++) {
                double p1 = from + (to - from) * b / 2000;
                best = Math.max(best, total(optimizer, pair, new double[] {p0, p1}));
            }
        }
        return best;
    }

    @Test
    void rulesThatLeaveNoConsistentPricesAreAClearError() {
        // the small size may not go below 10 (min price), the larger one not above 8: it would be cheaper
        SizeLadder.Member[] group = {member(4, 32, 10, 20, -2, 4), member(7, 64, 1, 8, -2, 4)};
        ValidationException error = assertThrows(ValidationException.class,
                () -> new SizeLadder(new PriceOptimizer(PROFIT)).solve("oj", group));
        assertEquals("rules", error.field());
        assertEquals(4, error.row());
        assertEquals("rules (row 4): size group 'oj': no prices keep the size ladder (a larger size costs at least "
                + "as much and no more per unit of size) within the ranges the other rules allow: 'sku4' (size 32.0) "
                + "[10.0000 by minPrice, 20.0000 by maxPrice], 'sku7' (size 64.0) [1.0000 by minPrice, 8.0000 by "
                + "maxPrice]", error.getMessage());
        // continuous prices exist (3.05 <= p2 <= 1.01 * p1 for p1 near 3.1), but none ending in .99
        SizeLadder.Member[] tight = {member(0, 100, 2.9, 3.1, -2, 1), member(1, 101, 3.05, 4.2, -2, 1)};
        ValidationException ending = assertThrows(ValidationException.class,
                () -> new SizeLadder(new PriceOptimizer(PricingRules.builder().priceEnding(0.99).build()))
                        .solve("oj", tight));
        assertTrue(ending.getMessage().contains("no prices ending in 0.99 keep the size ladder"),
                ending.getMessage());
    }
}
