package io.mercator.plugins.pricing.elasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.MarkdownRequest;
import io.mercator.api.pricing.MarkdownSchedule;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarkdownPlannerTest {

    private static final double[] LADDER = {10, 8, 6};

    @Test
    void onePeriodTakesTheBestRevenueForTheStock() {
        // demand 10000 p^-2: 100 at 10, 156 at 8, 278 at 6
        // 150 units: 10 * 100 = 1000, 8 * 150 = 1200, 6 * 150 = 900 -> 8
        MarkdownSchedule plenty = MarkdownPlanner.plan(new MarkdownRequest("x", 150, 1, LADDER, 1, 0), 10_000, -2);
        assertArrayEquals(new double[] {8}, plenty.price());
        assertEquals(1200, plenty.expectedRevenue(), 1e-9);
        assertEquals(0, plenty.leftoverUnits());
        // 50 units sell out at full price
        MarkdownSchedule scarce = MarkdownPlanner.plan(new MarkdownRequest("x", 50, 1, LADDER, 1, 0), 10_000, -2);
        assertArrayEquals(new double[] {10}, scarce.price());
        assertEquals(500, scarce.expectedRevenue(), 1e-9);
    }

    @Test
    void salvageValueIsCountedForLeftovers() {
        // 1000 units, one period, salvage 5: at 10, 1000 + 900 * 5 = 5500; at 8, 1248 + 844 * 5 = 5468;
        // at 6, 1668 + 722 * 5 = 5278 -> 10
        MarkdownSchedule schedule = MarkdownPlanner.plan(new MarkdownRequest("x", 1000, 1, LADDER, 1, 5), 10_000, -2);
        assertArrayEquals(new double[] {10}, schedule.price());
        assertEquals(5500, schedule.expectedRevenue(), 1e-9);
        assertEquals(900, schedule.leftoverUnits());
    }

    @Test
    void dynamicProgrammingMatchesExhaustiveSearchOfEveryNonRisingSchedule() {
        Random random = new Random(9);
        for (int trial = 0; trial < 200; trial++) {
            int periods = 1 + random.nextInt(4);
            int stock = random.nextInt(400);
            double decay = 0.5 + 0.5 * random.nextDouble();
            double salvage = 2 * random.nextDouble();
            double elasticity = -0.5 - 3 * random.nextDouble();
            double scale = 50 * Math.pow(8, -elasticity) * random.nextDouble();
            MarkdownRequest request = new MarkdownRequest("x", stock, periods, LADDER, decay, salvage);
            double best = exhaustive(request, scale, elasticity, 0, 0, stock);
            MarkdownSchedule schedule = MarkdownPlanner.plan(request, scale, elasticity);
            assertEquals(best, schedule.expectedRevenue(), 1e-9, "trial " + trial);
        }
    }

    /** Best revenue from period t with ladder steps >= step and left units, by trying every choice. */
    private static double exhaustive(MarkdownRequest request, double scale, double e, int t, int step, int left) {
        if (t == request.periods()) {
            return request.salvageValue() * left;
        }
        double[] ladder = request.priceLadder();
        double best = Double.NEGATIVE_INFINITY;
        for (int k = step; k < ladder.length; k++) {
            long demand = Math.round(scale * Math.pow(ladder[k], e) * Math.pow(request.decay(), t));
            int sold = (int) Math.min(left, demand);
            best = Math.max(best, ladder[k] * sold + exhaustive(request, scale, e, t + 1, k, left - sold));
        }
        return best;
    }

    @Test
    void tooLargeAProblemIsAClearError() {
        MarkdownRequest huge = new MarkdownRequest("x", 20_000_000, 52, LADDER, 1, 0);
        ValidationException error = assertThrows(ValidationException.class,
                () -> MarkdownPlanner.plan(huge, 100, -2));
        assertEquals("stock", error.field());
    }
}
