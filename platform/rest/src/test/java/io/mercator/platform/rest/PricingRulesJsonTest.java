package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.PricingRules;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PricingRulesJsonTest {

    private static PricingRules rules(String json) {
        return QueriesApi.pricingRules(JsonBody.parse(("{\"rules\":" + json + "}").getBytes(StandardCharsets.UTF_8))
                .object("rules"));
    }

    @Test
    void anEmptyRulesObjectIsNoRules() {
        assertTrue(rules("{}").isNone());
    }

    @Test
    void everyRuleIsRead() {
        PricingRules read = rules("{\"minMargin\":0.1,\"maxChange\":0.2,\"competitorMinRatio\":0.9,"
                + "\"competitorMaxRatio\":1.1,\"priceEnding\":0.99,\"minVolumeShare\":0.8,\"maxSegmentSpread\":0.05,"
                + "\"rowErrors\":true,\"profitWeight\":3,\"revenueWeight\":1}");
        assertEquals(0.1, read.minMargin());
        assertEquals(0.2, read.maxChange());
        assertEquals(0.9, read.competitorMinRatio());
        assertEquals(1.1, read.competitorMaxRatio());
        assertEquals(0.99, read.priceEnding());
        assertEquals(0.8, read.minVolumeShare());
        assertEquals(0.05, read.maxSegmentSpread());
        assertTrue(read.rowErrors());
        assertEquals(PricingRules.Objective.WEIGHTED, read.objective());
        assertEquals(0.75, read.profitShare());
    }

    @Test
    void aPriceLadderIsRead() {
        assertArrayEquals(new double[] {1.99, 2.49}, rules("{\"pricePoints\":[2.49,1.99]}").pricePoints());
        ValidationException both = assertThrows(ValidationException.class,
                () -> rules("{\"pricePoints\":[2.49],\"priceEnding\":0.99}"));
        assertEquals("pricePoints", both.field());
    }

    @Test
    void aRuleOutOfRangeNamesItself() {
        ValidationException bad = assertThrows(ValidationException.class, () -> rules("{\"maxSegmentSpread\":-1}"));
        assertEquals("maxSegmentSpread", bad.field());
        assertThrows(RuntimeException.class, () -> rules("{\"minMargin\":\"high\"}"));
    }
}
