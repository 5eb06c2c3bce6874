package io.mercator.plugins.forecasting.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NelderMeadTest {

    @Test
    void findsTheRosenbrockValley() {
        // minimum 0 at (1, 1), from the textbook start (-1.2, 1)
        double[] minimum = NelderMead.minimise(p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2),
                new double[] {-1.2, 1}, new double[] {0.1, 0.1}, 1e-12, 5000);
        assertArrayEquals(new double[] {1, 1}, minimum, 1e-3);
    }

    @Test
    void stopsAtTheEvaluationBudget() {
        AtomicInteger evaluations = new AtomicInteger();
        double[] point = NelderMead.minimise(p -> {
            evaluations.incrementAndGet();
            return p[0] * p[0] + 3 * p[1] * p[1];
        }, new double[] {5, 5}, new double[] {1, 1}, 0, 20);
        // a zero tolerance never converges: the budget ends the search, one shrink (2 evaluations) at most over it
        assertTrue(evaluations.get() >= 20 && evaluations.get() <= 22, evaluations + " evaluations");
        assertTrue(point[0] * point[0] + 3 * point[1] * point[1] < 100, "no better than the start");
    }
}
