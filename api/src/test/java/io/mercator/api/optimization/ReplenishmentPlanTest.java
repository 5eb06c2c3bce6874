package io.mercator.api.optimization;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import org.junit.jupiter.api.Test;

class ReplenishmentPlanTest {

    private final IdDictionary skus = IdDictionary.of("sku", "A", "B");

    private ReplenishmentPlan plan(double[] safety, double[] reorder, double[] upTo, double[] quantity,
            double[] fill, double[] cost, String[] binding) {
        return new ReplenishmentPlan(skus, safety, reorder, upTo, quantity, fill, cost, binding);
    }

    private static double[] of(double... values) {
        return values;
    }

    private static final String[] BINDING = {ReplenishmentPlan.NONE, ReplenishmentPlan.CASE_PACK};

    @Test
    void roundTripsAndCopiesBothWays() {
        double[] quantity = {0, 24};
        ReplenishmentPlan plan = plan(of(-1, 8), of(30, 50), of(60, 90), quantity, of(0.97, 1), of(0.5, 0), BINDING);
        quantity[1] = 999;
        assertEquals(2, plan.size());
        assertEquals("B", plan.skus().id(1));
        assertEquals(-1.0, plan.safetyStock(0));
        assertEquals(50.0, plan.reorderPoint(1));
        assertEquals(90.0, plan.orderUpTo(1));
        assertEquals(24.0, plan.orderQuantity(1));
        assertEquals(0.97, plan.expectedFillRate(0));
        assertEquals(0.5, plan.expectedCost(0));
        assertEquals("casePack", plan.bindingConstraint(1));
        plan.orderQuantity()[1] = 5;
        plan.bindingConstraint()[0] = "x";
        assertArrayEquals(of(0, 24), plan.orderQuantity());
        assertArrayEquals(BINDING, plan.bindingConstraint());
        assertArrayEquals(of(-1, 8), plan.safetyStock());
        assertArrayEquals(of(30, 50), plan.reorderPoint());
        assertArrayEquals(of(60, 90), plan.orderUpTo());
        assertArrayEquals(of(0.97, 1), plan.expectedFillRate());
        assertArrayEquals(of(0.5, 0), plan.expectedCost());
    }

    @Test
    void badValuesAreRejectedWithTheirRow() {
        assertRejected("safetyStock", 1, "NaN is not a finite number",
                () -> plan(of(1, Double.NaN), of(1, 1), of(2, 2), of(0, 0), of(1, 1), of(0, 0), BINDING));
        assertRejected("reorderPoint", 0, "Infinity",
                () -> plan(of(1, 1), of(Double.POSITIVE_INFINITY, 1), of(2, 2), of(0, 0), of(1, 1), of(0, 0), BINDING));
        assertRejected("orderUpTo", 1, "40.0 is below the reorder point 50.0",
                () -> plan(of(1, 1), of(30, 50), of(60, 40), of(0, 0), of(1, 1), of(0, 0), BINDING));
        assertRejected("orderQuantity", 0, "-6.0 must be a finite number >= 0.0",
                () -> plan(of(1, 1), of(1, 1), of(2, 2), of(-6, 0), of(1, 1), of(0, 0), BINDING));
        assertRejected("expectedFillRate", 1, "1.2 is outside [0.0, 1.0]",
                () -> plan(of(1, 1), of(1, 1), of(2, 2), of(0, 0), of(1, 1.2), of(0, 0), BINDING));
        assertRejected("expectedCost", 0, "-0.1 must be a finite number >= 0.0",
                () -> plan(of(1, 1), of(1, 1), of(2, 2), of(0, 0), of(1, 1), of(-0.1, 0), BINDING));
        assertRejected("bindingConstraint", 1, "is empty",
                () -> plan(of(1, 1), of(1, 1), of(2, 2), of(0, 0), of(1, 1), of(0, 0), new String[] {"none", " "}));
    }

    @Test
    void columnsOfTheWrongLengthAreRejected() {
        assertRejected("expectedCost", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> plan(of(1, 1), of(1, 1), of(2, 2), of(0, 0), of(1, 1), of(0), BINDING));
        assertRejected("bindingConstraint", ValidationException.NO_ROW, "column is missing",
                () -> plan(of(1, 1), of(1, 1), of(2, 2), of(0, 0), of(1, 1), of(0, 0), null));
    }
}
