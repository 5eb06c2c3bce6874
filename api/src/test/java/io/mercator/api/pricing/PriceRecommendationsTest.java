package io.mercator.api.pricing;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import org.junit.jupiter.api.Test;

class PriceRecommendationsTest {

    private final IdDictionary products = IdDictionary.of("products", "p1", "p2");
    private static final String[] RULES = {PriceRecommendations.NONE, PriceRecommendations.MAX_PRICE};

    private static double[] of(double... values) {
        return values;
    }

    @Test
    void roundTripsAndCopiesBothWays() {
        double[] price = {2.79, 3.49};
        PriceRecommendations result = new PriceRecommendations(products, price, of(50, 20), of(139.5, 69.8),
                of(79.5, -2), RULES);
        price[0] = 99;
        assertEquals(2, result.size());
        assertEquals(products, result.products());
        assertEquals(2.79, result.price(0));
        assertEquals(20.0, result.expectedUnits(1));
        assertEquals(69.8, result.expectedRevenue(1));
        assertEquals(-2.0, result.expectedProfit(1));
        assertEquals("maxPrice", result.bindingRule(1));
        result.price()[0] = 1;
        result.bindingRule()[0] = "x";
        assertArrayEquals(of(2.79, 3.49), result.price());
        assertArrayEquals(of(50, 20), result.expectedUnits());
        assertArrayEquals(of(139.5, 69.8), result.expectedRevenue());
        assertArrayEquals(of(79.5, -2), result.expectedProfit());
        assertArrayEquals(RULES, result.bindingRule());
    }

    @Test
    void badValuesAreRejectedWithTheirRow() {
        assertRejected("price", 1, "0.0 must be a finite number > 0.0",
                () -> new PriceRecommendations(products, of(1, 0), of(1, 1), of(1, 1), of(0, 0), RULES));
        assertRejected("expectedUnits", 0, "-1.0 must be a finite number >= 0.0",
                () -> new PriceRecommendations(products, of(1, 1), of(-1, 1), of(1, 1), of(0, 0), RULES));
        assertRejected("expectedRevenue", 1, "NaN must be a finite number >= 0.0",
                () -> new PriceRecommendations(products, of(1, 1), of(1, 1), of(1, Double.NaN), of(0, 0), RULES));
        assertRejected("expectedProfit", 0, "Infinity is not a finite number",
                () -> new PriceRecommendations(products, of(1, 1), of(1, 1), of(1, 1),
                        of(Double.NEGATIVE_INFINITY, 0), RULES));
        assertRejected("bindingRule", 0, "is empty",
                () -> new PriceRecommendations(products, of(1, 1), of(1, 1), of(1, 1), of(0, 0),
                        new String[] {null, "none"}));
    }

    @Test
    void columnsOfTheWrongLengthAreRejected() {
        assertRejected("expectedProfit", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> new PriceRecommendations(products, of(1, 1), of(1, 1), of(1, 1), of(0), RULES));
        assertRejected("bindingRule", ValidationException.NO_ROW, "column is missing",
                () -> new PriceRecommendations(products, of(1, 1), of(1, 1), of(1, 1), of(0, 0), null));
    }

    @Test
    void rowErrorsGoWithTheErrorRuleOnly() {
        String[] rules = {PriceRecommendations.NONE, PriceRecommendations.ERROR};
        PriceRecommendations result = new PriceRecommendations(products, of(2.79, 3.49), of(50, 0), of(139.5, 0),
                of(79.5, 0), rules, new String[] {null, "rules (row 1): conflict"});
        assertNull(result.error(0));
        assertEquals("rules (row 1): conflict", result.error(1));
        assertEquals(1, result.errorCount());
        assertEquals(0, new PriceRecommendations(products, of(2.79, 3.49), of(50, 20), of(139.5, 69.8),
                of(79.5, -2), RULES).errorCount());
        assertRejected("error", 1, "needs its error message", () -> new PriceRecommendations(products,
                of(2.79, 3.49), of(50, 0), of(139.5, 0), of(79.5, 0), rules, new String[2]));
        assertRejected("error", 0, "must have the binding rule 'error'", () -> new PriceRecommendations(products,
                of(2.79, 3.49), of(50, 0), of(139.5, 0), of(79.5, 0), rules, new String[] {"x", "y"}));
    }
}
