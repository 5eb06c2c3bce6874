package io.mercator.api;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.pricing.PricingStrategy;
import io.mercator.api.segmentation.SegmentationStrategy;
import org.junit.jupiter.api.Test;

class FamilyTest {

    @Test
    void everyFamilyIsFoundByItsId() {
        for (Family family : Family.values()) {
            assertEquals(family, Family.fromId(family.id()));
        }
    }

    @Test
    void idIsCaseInsensitiveAndTrimmed() {
        assertEquals(Family.PRICING, Family.fromId("  Pricing "));
    }

    @Test
    void familiesNameTheirStrategyInterfaces() {
        assertEquals(RecommenderStrategy.class, Family.FILTERING.strategyType());
        assertEquals(ReplenishmentStrategy.class, Family.OPTIMIZATION.strategyType());
        assertEquals(SegmentationStrategy.class, Family.SEGMENTATION.strategyType());
        assertEquals(PricingStrategy.class, Family.PRICING.strategyType());
    }

    @Test
    void unknownIdIsRejectedNamingTheValidIds() {
        ValidationException e = assertRejected("family", ValidationException.NO_ROW, "'weather' is not a family",
                () -> Family.fromId("weather"));
        assertTrue(e.getMessage().contains("filtering, forecasting, optimization, segmentation, pricing"),
                e.getMessage());
    }

    @Test
    void nullIdIsRejected() {
        assertRejected("family", () -> Family.fromId(null));
    }
}
