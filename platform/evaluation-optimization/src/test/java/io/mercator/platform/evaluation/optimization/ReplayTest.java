package io.mercator.platform.evaluation.optimization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final DemandHistory HISTORY = new DemandHistory(new String[] {"A", "none"},
            new double[][] {{1, 3, 5, 7, 9, 11}, {0, 0, 0, 4, 4, 4}}, new double[] {1, 1}, 0);

    private static OptimizationEvaluator.Replay prepare(Map<String, ?> options) {
        return OptimizationEvaluator.Replay.prepare(HISTORY,
                Parameters.resolve(new OptimizationEvaluator().options(), options));
    }

    @Test
    void fitsOnTheFirstPeriodsAndDropsSkusWithoutDemandThere() {
        OptimizationEvaluator.Replay replay = prepare(Map.of("trainFraction", 0.5, "warmUp", 0));
        assertEquals(1, replay.skus().size());
        assertEquals(3, replay.trainingPeriods());
        assertArrayEquals(new double[] {3}, replay.meanDemand(), 1e-12);
        assertArrayEquals(new double[] {2}, replay.stdDev(), 1e-12);
        assertArrayEquals(new double[] {7, 9, 11}, replay.test()[0], 0);
    }

    @Test
    void aWindowReEstimatesFromTheLatestPeriodsBeforeEachReview() {
        OptimizationEvaluator.Replay replay = prepare(Map.of("trainFraction", 0.5, "warmUp", 0, "window", 2));
        List<double[]> seen = new ArrayList<>();
        replay.run(replay.estimating((mean, spread) -> (period, state, orders) -> seen.add(
                new double[] {mean[0], spread[0]})));
        // before period 0: 3, 5; before 1: 5, 7; before 2: 7, 9
        assertArrayEquals(new double[] {4, Math.sqrt(2)}, seen.get(0), 1e-12);
        assertArrayEquals(new double[] {6, Math.sqrt(2)}, seen.get(1), 1e-12);
        assertArrayEquals(new double[] {8, Math.sqrt(2)}, seen.get(2), 1e-12);
    }

    @Test
    void theNaiveBaselineAtEqualServiceReachesItForLessThanAGenerousCover() {
        DemandHistory lumpy = new DemandHistory(new String[] {"fast", "slow"}, new double[][] {
            {10, 12, 8, 11, 9, 10, 14, 6, 10, 12, 8, 10}, {0, 3, 0, 0, 5, 0, 0, 1, 0, 4, 0, 0}},
                new double[] {1, 2}, 0);
        OptimizationEvaluator.Replay replay = OptimizationEvaluator.Replay.prepare(lumpy, Parameters.resolve(
                new OptimizationEvaluator().options(), Map.of("trainFraction", 0.5, "warmUp", 0, "leadTime", 1,
                        "leadTimeStdDev", 0)));
        InventorySimulator.Result lastSales = replay.run(Policies.lastPeriodSales());
        InventorySimulator.Result reaching = OptimizationEvaluator.naiveAtEqualService(replay,
                InventorySimulator.Result::meanSkuFillRate, 0.9, lastSales);
        assertTrue(reaching.meanSkuFillRate() >= 0.9, "reaches " + reaching.meanSkuFillRate());
        // more cover reaches it too, at a higher cost
        InventorySimulator.Result generous = replay.run(Policies.fixedCover(replay.meanDemand(), 20));
        assertTrue(generous.meanSkuFillRate() >= 0.9);
        assertTrue(reaching.totalCost() < generous.totalCost(), reaching.totalCost() + " vs " + generous.totalCost());
        // what nothing reaches leaves the longest cover tried
        InventorySimulator.Result impossible = OptimizationEvaluator.naiveAtEqualService(replay,
                InventorySimulator.Result::meanSkuFillRate, 2, lastSales);
        assertEquals(replay.run(Policies.fixedCover(replay.meanDemand(), OptimizationEvaluator.MAX_COVER))
                .totalCost(), impossible.totalCost(), 1e-9);
    }

    @Test
    void tooFewPeriodsAreRejectedByName() {
        ValidationException warmUp = assertThrows(ValidationException.class,
                () -> prepare(Map.of("trainFraction", 0.5, "warmUp", 3)));
        assertEquals("warmUp", warmUp.field());
        ValidationException split = assertThrows(ValidationException.class,
                () -> prepare(Map.of("trainFraction", 0.1)));
        assertEquals("trainFraction", split.field());
    }
}
