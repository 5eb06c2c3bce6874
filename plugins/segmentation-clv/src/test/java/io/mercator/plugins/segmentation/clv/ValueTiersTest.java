package io.mercator.plugins.segmentation.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueTiersTest {

    private static final BgNbd PURCHASES = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);

    @Test
    void withoutDiscountTheWeeklyIncrementsAddUpToTheHorizonsPurchases() {
        ValueTiers undiscounted = new ValueTiers(PURCHASES, SPEND, 52, 0, 0.5, new double[2]);
        assertEquals(PURCHASES.expectedPurchases(52, 4, 30, 38), undiscounted.discountedPurchases(4, 30, 38), 1e-9);
        // a horizon that is not a whole number of weeks ends on the horizon itself
        ValueTiers partWeek = new ValueTiers(PURCHASES, SPEND, 10.5, 0, 0.5, new double[2]);
        assertEquals(PURCHASES.expectedPurchases(10.5, 4, 30, 38), partWeek.discountedPurchases(4, 30, 38), 1e-9);
    }

    @Test
    void discountingLowersTheValueByLessThanAFullYearsRate() {
        double undiscounted = new ValueTiers(PURCHASES, SPEND, 52, 0, 0.5, new double[2]).discountedPurchases(4, 30, 38);
        double discounted = new ValueTiers(PURCHASES, SPEND, 52, 0.1, 0.5, new double[2]).discountedPurchases(4, 30, 38);
        // every week's purchases are discounted by between 1 and 1.1 (the first and the 52nd week)
        assertTrue(discounted < undiscounted && discounted > undiscounted / 1.1, discounted + " vs " + undiscounted);
    }
}
