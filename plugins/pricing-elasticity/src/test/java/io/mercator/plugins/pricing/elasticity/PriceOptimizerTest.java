package io.mercator.plugins.pricing.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PricingRules;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PriceOptimizerTest {

    private static PriceOptimizer.Choice choose(PricingRules rules, double e, double cost, double current,
            double min, double max, double competitor) {
        return new PriceOptimizer(rules).choose(0, "sku", e, cost, current, min, max, competitor);
    }

    @Test
    void closedFormOptimumWithoutRules() {
        // cost * e / (1 + e): 4 * -2 / -1 = 8, 4 * -5 / -4 = 5
        assertEquals(8, choose(PricingRules.none(), -2, 4, 7, 0.01, 100, Double.NaN).price(), 1e-12);
        assertEquals(5, choose(PricingRules.none(), -5, 4, 7, 0.01, 100, Double.NaN).price(), 1e-12);
    }

    @Test
    void inelasticDemandGoesToTheHighestAllowedPrice() {
        PriceOptimizer.Choice choice = choose(PricingRules.none(), -0.6, 4, 7, 1, 12, Double.NaN);
        assertEquals(12, choice.price(), 0);
        assertEquals(PriceRecommendations.MAX_PRICE, choice.bindingRule());
    }

    @Test
    void eachRuleBindsAndIsNamed() {
        // optimum 8 (e = -2, cost 4)
        PriceOptimizer.Choice change = choose(PricingRules.builder().maxChange(0.1).build(), -2, 4, 6, 1, 100,
                Double.NaN);
        assertEquals(6.6, change.price(), 1e-12);
        assertEquals(PriceRecommendations.MAX_CHANGE, change.bindingRule());
        PriceOptimizer.Choice competitor = choose(PricingRules.builder().competitorRange(0.9, 1.05).build(), -2, 4,
                6, 1, 100, 7);
        assertEquals(7.35, competitor.price(), 1e-12);
        assertEquals(PriceRecommendations.COMPETITOR, competitor.bindingRule());
        // optimum 5 (e = -5, cost 4) is a 20% margin; 30% needs 4 / 0.7
        PriceOptimizer.Choice margin = choose(PricingRules.builder().minMargin(0.3).build(), -5, 4, 6, 1, 100,
                Double.NaN);
        assertEquals(4 / 0.7, margin.price(), 1e-12);
        assertEquals(PriceRecommendations.MIN_MARGIN, margin.bindingRule());
    }

    @Test
    void volumeFloorCapsThePrice() {
        // optimum 8 (e = -2, cost 4); keeping 81% of the units at the current 6 allows at most 6 * 0.81^(-1/2) = 6.667
        PriceOptimizer.Choice floor = choose(PricingRules.builder().minVolumeShare(0.81).build(), -2, 4, 6, 1, 100,
                Double.NaN);
        assertEquals(6 / 0.9, floor.price(), 1e-9);
        assertEquals(PriceRecommendations.VOLUME_FLOOR, floor.bindingRule());
        // more volume than now needs a price cut below the 30% margin floor: a conflict
        PricingRules conflicting = PricingRules.builder().minVolumeShare(1.44).minMargin(0.3).build();
        ValidationException error = assertThrows(ValidationException.class,
                () -> new PriceOptimizer(conflicting).choose(0, "oj", -2, 4, 6, 1, 100, Double.NaN));
        assertTrue(error.getMessage().contains("minMargin needs a price of at least 5.7143 but volumeFloor allows at "
                + "most 5.0000"), error.getMessage());
    }

    @Test
    void pricePointsPickTheBetterNeighbourOnTheLadder() {
        // optimum 8 (e = -2, cost 4) between the points 7.49 and 8.99: profit 3.49 / 7.49^2 = 0.06221 beats
        // 4.99 / 8.99^2 = 0.06174
        PricingRules ladder = PricingRules.builder().pricePoints(9.99, 7.49, 8.99, 5.99).build();
        PriceOptimizer.Choice onLadder = choose(ladder, -2, 4, 6, 1, 100, Double.NaN);
        assertEquals(7.49, onLadder.price(), 1e-12);
        assertEquals(PriceRecommendations.PRICE_POINT, onLadder.bindingRule());
        // max change caps at 6.6: the only point left below it is 5.99
        PriceOptimizer.Choice capped = choose(PricingRules.builder().pricePoints(9.99, 7.49, 8.99, 5.99).maxChange(0.1)
                .build(), -2, 4, 6, 1, 100, Double.NaN);
        assertEquals(5.99, capped.price(), 1e-12);
        assertEquals("maxChange+pricePoint", capped.bindingRule());
        // an optimum on a point stays there with its own rule
        assertEquals(PriceRecommendations.NONE, choose(PricingRules.builder().pricePoints(8).build(), -2, 4, 6, 1,
                100, Double.NaN).bindingRule());
        ValidationException none = assertThrows(ValidationException.class, () -> choose(
                PricingRules.builder().pricePoints(9.99, 12.99).maxChange(0.2).build(), -2, 4, 6, 1, 100, Double.NaN));
        assertTrue(none.getMessage().contains("no price on the price ladder lies within the allowed range "
                + "[4.8000, 7.2000]"), none.getMessage());
    }

    @Test
    void priceEndingPicksTheBetterNeighbour() {
        // optimum 8: profit 3.99 / 7.99^2 = 0.06250 beats 4.99 / 8.99^2 = 0.06174
        PriceOptimizer.Choice ending = choose(PricingRules.builder().priceEnding(0.99).build(), -2, 4, 6, 1, 100,
                Double.NaN);
        assertEquals(7.99, ending.price(), 1e-12);
        assertEquals(PriceRecommendations.PRICE_ENDING, ending.bindingRule());
        // max change caps at 6.6; 6.99 would break it, so 5.99
        PriceOptimizer.Choice capped = choose(PricingRules.builder().priceEnding(0.99).maxChange(0.1).build(), -2, 4,
                6, 1, 100, Double.NaN);
        assertEquals(5.99, capped.price(), 1e-12);
        assertEquals("maxChange+priceEnding", capped.bindingRule());
    }

    @Test
    void revenueObjectiveWithElasticDemandTakesTheLowestPrice() {
        PricingRules revenue = PricingRules.builder().objective(PricingRules.Objective.REVENUE).maxChange(0.2).build();
        PriceOptimizer.Choice choice = choose(revenue, -2, 4, 10, 1, 100, Double.NaN);
        assertEquals(8, choice.price(), 1e-12);
        assertEquals(PriceRecommendations.MAX_CHANGE, choice.bindingRule());
    }

    @Test
    void weightedObjectiveIsTheProfitOptimumOfTheWeightedCost() {
        // e = -2, cost 4, weights 1:1: (p - 4) p^-2 + p p^-2 = (2p - 4) p^-2 peaks where 2p - 2(2p - 4) = 0, p = 4
        PricingRules even = PricingRules.builder().weightedObjective(1, 1).build();
        PriceOptimizer.Choice choice = choose(even, -2, 4, 6, 1, 100, Double.NaN);
        assertEquals(4, choice.price(), 1e-12);
        assertEquals(PriceRecommendations.NONE, choice.bindingRule());
        // weights 3:1: cost 4 * 3/4 = 3, optimum 3 * -2 / -1 = 6, between the profit (8) and revenue optima
        assertEquals(6, choose(PricingRules.builder().weightedObjective(3, 1).build(), -2, 4, 6, 1, 100, Double.NaN)
                .price(), 1e-12);
        // a revenue-only weighting equals the REVENUE objective: the lowest allowed price for e < -1
        assertEquals(2, choose(PricingRules.builder().weightedObjective(0, 5).build(), -2, 4, 6, 2, 100, Double.NaN)
                .price(), 1e-12);
    }

    @Test
    void weightedObjectiveKeepsTheVolumeFloorAndPriceEnding() {
        // weights 1:3: cost 4 * 1/4 = 1, optimum 2 for e = -2; the 90% volume floor only caps prices above
        // 6 / sqrt(0.9) = 6.32, and the ending .49 picks 1.49 or 2.49:
        // (2.49 - 1) / 2.49^2 = 0.2403 > (1.49 - 1) / 1.49^2 = 0.2207
        PricingRules rules = PricingRules.builder().weightedObjective(1, 3).minVolumeShare(0.9).priceEnding(0.49)
                .build();
        PriceOptimizer.Choice choice = choose(rules, -2, 4, 6, 1, 100, Double.NaN);
        assertEquals(2.49, choice.price(), 1e-12);
        assertEquals(PriceRecommendations.PRICE_ENDING, choice.bindingRule());
        // a volume floor of 150% of today's units caps the price at 6 / sqrt(1.5) = 4.899; the optimum 6 of 3:1 binds
        PriceOptimizer.Choice floored = choose(PricingRules.builder().weightedObjective(3, 1).minVolumeShare(1.5)
                .build(), -2, 4, 6, 1, 100, Double.NaN);
        assertEquals(6 / Math.sqrt(1.5), floored.price(), 1e-9);
        assertEquals(PriceRecommendations.VOLUME_FLOOR, floored.bindingRule());
    }

    @Test
    void conflictingRulesAreAClearErrorNotABrokenRule() {
        // a 50% margin on cost 10 needs 20, but at most 10% above the current 12 is 13.2
        PricingRules rules = PricingRules.builder().minMargin(0.5).maxChange(0.1).build();
        ValidationException error = assertThrows(ValidationException.class,
                () -> new PriceOptimizer(rules).choose(3, "oj", -2, 10, 12, 1, 100, Double.NaN));
        assertEquals("rules", error.field());
        assertEquals(3, error.row());
        assertEquals("rules (row 3): product 'oj': minMargin needs a price of at least 20.0000 but maxChange allows "
                + "at most 13.2000", error.getMessage());
        PricingRules ending = PricingRules.builder().priceEnding(0.99).build();
        ValidationException noEnding = assertThrows(ValidationException.class,
                () -> new PriceOptimizer(ending).choose(0, "oj", -2, 1, 3.2, 3.1, 3.5, Double.NaN));
        assertTrue(noEnding.getMessage().contains("no price ending in 0.99 lies within the allowed range [3.1000, "
                + "3.5000]"), noEnding.getMessage());
    }

    @Test
    void randomRequestsAlwaysRespectEveryRuleOrFailClearly() {
        Random random = new Random(42);
        PricingRules rules = PricingRules.builder().minMargin(0.2).maxChange(0.15).competitorRange(0.9, 1.1)
                .priceEnding(0.99).build();
        int priced = 0;
        for (int i = 0; i < 2000; i++) {
            double cost = 1 + 5 * random.nextDouble();
            double current = cost * (1.1 + random.nextDouble());
            double competitor = current * (0.8 + 0.4 * random.nextDouble());
            double e = -0.5 - 4 * random.nextDouble();
            try {
                double price = new PriceOptimizer(rules).choose(i, "sku", e, cost, current, 0.5, 50, competitor)
                        .price();
                assertTrue(price >= cost / 0.8 - 1e-9, "margin " + price);
                assertTrue(Math.abs(price / current - 1) <= 0.15 + 1e-9, "change " + price + " from " + current);
                assertTrue(price >= 0.9 * competitor - 1e-9 && price <= 1.1 * competitor + 1e-9, "competitor");
                assertEquals(0.99, price - Math.floor(price), 1e-9);
                priced++;
            } catch (ValidationException conflict) {
                assertEquals("rules", conflict.field());
                assertEquals(i, conflict.row());
            }
        }
        assertTrue(priced > 500, "most requests are feasible: " + priced);
    }
}
