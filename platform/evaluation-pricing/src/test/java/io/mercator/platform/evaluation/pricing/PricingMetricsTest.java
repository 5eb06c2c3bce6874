package io.mercator.platform.evaluation.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PricingMetricsTest {

    @Test
    void demandFitByHand() {
        // rows 10->12 (20%), 20->15 (25%), 0->1 (not in MAPE): MAPE 22.5; bias (28 - 30) / 30 = -6.67%
        DemandFit fit = DemandFit.of(new double[] {10, 20, 0}, new double[] {12, 15, 1});
        assertEquals(22.5, fit.mape(), 1e-12);
        assertEquals(-200.0 / 30, fit.bias(), 1e-12);
        assertEquals(2, fit.rows());
        assertTrue(Double.isNaN(DemandFit.of(new double[] {0}, new double[] {1}).mape()));
    }

    @Test
    void profitUpliftWithCertainElasticityIsExact() {
        // cost 6, price 10 -> 9, e = -3, 100 units at 10: 100 * 0.9^-3 = 137.17 units at 9;
        // profit 400 -> 3 * 137.17 = 411.52: +2.88%
        ProfitUplift.Product product = new ProfitUplift.Product(6, 10, 100, 9, -3, 0);
        ProfitUplift uplift = ProfitUplift.of(new ProfitUplift.Product[] {product}, 200, 95, 1);
        double expected = 100 * (3 * 100 * Math.pow(0.9, -3) / 400 - 1);
        assertEquals(expected, uplift.estimate(), 1e-9);
        assertEquals(expected, uplift.lower(), 1e-9);
        assertEquals(expected, uplift.upper(), 1e-9);
    }

    @Test
    void uncertainElasticityWidensTheIntervalAroundTheEstimate() {
        ProfitUplift.Product product = new ProfitUplift.Product(6, 10, 100, 9, -3, 0.5);
        ProfitUplift uplift = ProfitUplift.of(new ProfitUplift.Product[] {product}, 5000, 95, 1);
        assertTrue(uplift.lower() < uplift.estimate() && uplift.estimate() < uplift.upper(), uplift.toString());
        // the 95% band of e is about -3.98 .. -2.02; profit at 9 is 300 * 0.9^e against 400: -7.4% .. +14.3%
        assertEquals(100 * (300 * Math.pow(0.9, -2) / 400 - 1), uplift.lower(), 2);
        assertEquals(100 * (300 * Math.pow(0.9, -4) / 400 - 1), uplift.upper(), 2);
    }

    @Test
    void noCurrentProfitGivesNoUplift() {
        ProfitUplift.Product belowCost = new ProfitUplift.Product(12, 10, 100, 9, -3, 0);
        assertTrue(Double.isNaN(ProfitUplift.of(new ProfitUplift.Product[] {belowCost}, 100, 95, 1).estimate()));
    }
}
