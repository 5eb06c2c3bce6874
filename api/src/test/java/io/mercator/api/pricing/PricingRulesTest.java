package io.mercator.api.pricing;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import org.junit.jupiter.api.Test;

class PricingRulesTest {

    @Test
    void everyRuleIsOffByDefault() {
        PricingRules none = PricingRules.none();
        assertTrue(none.isNone());
        assertEquals(PricingRules.Objective.PROFIT, none.objective());
        assertEquals(Double.POSITIVE_INFINITY, none.maxChange());
        assertTrue(Double.isNaN(none.priceEnding()));
        assertFalse(PricingRules.builder().priceEnding(0.99).build().isNone());
        assertFalse(PricingRules.builder().objective(PricingRules.Objective.REVENUE).build().isNone());
        assertFalse(PricingRules.builder().minVolumeShare(0.9).build().isNone());
        assertEquals(1, none.profitShare());
        assertFalse(none.sizeLadder());
        assertFalse(PricingRules.builder().sizeLadder(true).build().isNone());
        assertEquals(0, PricingRules.builder().objective(PricingRules.Objective.REVENUE).build().profitShare());
    }

    @Test
    void weightedObjectiveKeepsTheProfitShareOfItsWeights() {
        PricingRules rules = PricingRules.builder().weightedObjective(3, 1).build();
        assertEquals(PricingRules.Objective.WEIGHTED, rules.objective());
        assertEquals(0.75, rules.profitShare());
        assertFalse(rules.isNone());
        assertTrue(rules.toString().contains("WEIGHTED(profitShare=0.75)"), rules.toString());
        assertRejected("profitWeight", ValidationException.NO_ROW, "-1.0 must be a finite number >= 0",
                () -> PricingRules.builder().weightedObjective(-1, 1));
        assertRejected("revenueWeight", ValidationException.NO_ROW, "NaN must be a finite number >= 0",
                () -> PricingRules.builder().weightedObjective(1, Double.NaN));
        assertRejected("revenueWeight", ValidationException.NO_ROW, "both weights are 0",
                () -> PricingRules.builder().weightedObjective(0, 0));
        assertRejected("objective", ValidationException.NO_ROW, "use weightedObjective",
                () -> PricingRules.builder().objective(PricingRules.Objective.WEIGHTED));
    }

    @Test
    void outOfRangeRulesAreRejected() {
        assertRejected("minMargin", ValidationException.NO_ROW, "1.0 is not a fraction in [0, 1)",
                () -> PricingRules.builder().minMargin(1));
        assertRejected("maxChange", ValidationException.NO_ROW, "0.0 must be > 0",
                () -> PricingRules.builder().maxChange(0));
        assertRejected("competitorMaxRatio", ValidationException.NO_ROW, "must be > 0 and >= 1.1",
                () -> PricingRules.builder().competitorRange(1.1, 0.9));
        assertRejected("priceEnding", ValidationException.NO_ROW, "1.5 is not a fraction",
                () -> PricingRules.builder().priceEnding(1.5));
        assertRejected("minVolumeShare", ValidationException.NO_ROW, "-0.1 must be a finite number >= 0",
                () -> PricingRules.builder().minVolumeShare(-0.1));
        assertRejected("maxSegmentSpread", ValidationException.NO_ROW, "-0.1 must be >= 0",
                () -> PricingRules.builder().maxSegmentSpread(-0.1));
        assertRejected("maxSegmentSpread", ValidationException.NO_ROW, "NaN must be >= 0",
                () -> PricingRules.builder().maxSegmentSpread(Double.NaN));
    }

    @Test
    void pricePointsAreSortedCheckedAndExclusiveWithAnEnding() {
        assertEquals(0, PricingRules.none().pricePoints().length);
        PricingRules ladder = PricingRules.builder().pricePoints(2.99, 1.99, 2.49).build();
        assertArrayEquals(new double[] {1.99, 2.49, 2.99}, ladder.pricePoints());
        assertFalse(ladder.isNone());
        assertTrue(ladder.toString().contains("pricePoints=[1.99, 2.49, 2.99]"), ladder.toString());
        assertTrue(PricingRules.builder().pricePoints().build().isNone());
        assertRejected("pricePoints", 1, "0.0 must be a finite number > 0",
                () -> PricingRules.builder().pricePoints(1.99, 0));
        assertRejected("pricePoints", ValidationException.NO_ROW, "either price points or a price ending",
                () -> PricingRules.builder().pricePoints(1.99).priceEnding(0.99).build());
    }

    @Test
    void theSegmentSpreadIsOffByDefaultAndZeroMeansOnePrice() {
        assertEquals(Double.POSITIVE_INFINITY, PricingRules.none().maxSegmentSpread());
        PricingRules onePrice = PricingRules.builder().maxSegmentSpread(0).build();
        assertEquals(0, onePrice.maxSegmentSpread());
        assertFalse(onePrice.isNone());
        assertTrue(onePrice.toString().contains("maxSegmentSpread=0.0"), onePrice.toString());
    }
}
