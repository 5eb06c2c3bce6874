package io.mercator.api.pricing;

import static io.mercator.api.Rejections.assertRejected;
import static io.mercator.api.ValidationException.NO_ROW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ElasticityTest {

    @Test
    void roundTrips() {
        Elasticity elasticity = new Elasticity(-1.8, -2.4, -1.2, 95);
        assertEquals(-1.8, elasticity.estimate());
        assertEquals(-2.4, elasticity.lowerBound());
        assertEquals(-1.2, elasticity.upperBound());
        assertEquals(95.0, elasticity.level());
        assertEquals(new Elasticity(-1.8, -2.4, -1.2, 95), elasticity);
        assertEquals(new Elasticity(-1.8, -2.4, -1.2, 95).hashCode(), elasticity.hashCode());
        assertNotEquals(new Elasticity(-1.8, -2.4, -1.2, 90), elasticity);
    }

    @Test
    void badValuesAreRejected() {
        assertRejected("estimate", () -> new Elasticity(Double.NaN, -1, 1, 95));
        assertRejected("lowerBound", NO_ROW, "-1.0 must be a finite number <= the estimate -2.0",
                () -> new Elasticity(-2, -1, 0, 95));
        assertRejected("lowerBound", () -> new Elasticity(-2, Double.NEGATIVE_INFINITY, 0, 95));
        assertRejected("upperBound", NO_ROW, "-3.0 must be a finite number >= the estimate -2.0",
                () -> new Elasticity(-2, -4, -3, 95));
        assertRejected("level", NO_ROW, "0.0 is not a percentage in (0, 100)", () -> new Elasticity(-2, -3, -1, 0));
        assertRejected("level", NO_ROW, "100.0 is not a percentage", () -> new Elasticity(-2, -3, -1, 100));
    }
}
