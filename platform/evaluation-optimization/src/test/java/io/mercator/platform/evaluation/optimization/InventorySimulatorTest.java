package io.mercator.platform.evaluation.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Two five-period replays worked through by hand (see the comments). */
class InventorySimulatorTest {

    // lead time exactly 1, review every period, unit cost 2, holding 0.1 c, 5 an order, shortage 1 c
    private static final InventorySimulator SIMULATOR = new InventorySimulator(
            new InventorySimulator.Settings(1, 0, 1, 0.1, 5, 1, 0, 7));
    private static final double[][] DEMAND = {{3, 3, 3, 3, 3}};
    private static final double[] COST = {2};

    @Test
    void orderingLastPeriodsSalesRunsShortEveryPeriodOnceTheStartingStockIsGone() {
        // on hand at the end: 1, 0, 0, 0, 0; served from stock 3, 1, 1, 1, 1; orders of 3 in periods 1-4
        // (the last arrives after the replay); the arrivals in periods 3 and 4 close two cycles, both short
        InventorySimulator.Result result = SIMULATOR.run(DEMAND, COST, new double[] {4}, Policies.lastPeriodSales());
        assertEquals(15, result.demand(), 0);
        assertEquals(7.0 / 15, result.fillRate(), 1e-12);
        assertEquals(2, result.cycles());
        assertEquals(0, result.cycleServiceLevel(), 0);
        assertEquals(0.2, result.holdingCost(), 1e-12);
        assertEquals(20, result.orderingCost(), 0);
        assertEquals(8 * 2 * 1.0, result.shortageCost(), 1e-12);
        assertEquals(30 / 0.4, result.turns(), 1e-9);
    }

    @Test
    void orderingUpToThreePeriodsOfCoverNeverRunsShort() {
        // orders 5, 3, 3, 3, 3; on hand at the end 1, 3, 3, 3, 3; arrivals in periods 1-4 close three cycles
        InventorySimulator.Result result = SIMULATOR.run(DEMAND, COST, new double[] {4},
                Policies.fixedCover(new double[] {3}, 3));
        assertEquals(1, result.fillRate(), 0);
        assertEquals(3, result.cycles());
        assertEquals(1, result.cycleServiceLevel(), 0);
        assertEquals(0.1 * 2 * (1 + 3 * 4), result.holdingCost(), 1e-12);
        assertEquals(25, result.orderingCost(), 0);
        assertEquals(0, result.shortageCost(), 0);
        assertEquals(30 / (2 * 13 / 5.0), result.turns(), 1e-9);
        assertEquals(result.holdingCost() + 25, result.totalCost(), 1e-12);
    }

    @Test
    void warmUpPeriodsAreReplayedButNotCounted() {
        // as in the first replay, counting periods 2-4 only: 9 units asked, 3 served, orders in periods 2-4
        InventorySimulator warmingUp = new InventorySimulator(new InventorySimulator.Settings(1, 0, 1, 0.1, 5, 1, 2, 7));
        InventorySimulator.Result result = warmingUp.run(DEMAND, COST, new double[] {4}, Policies.lastPeriodSales());
        assertEquals(9, result.demand(), 0);
        assertEquals(1.0 / 3, result.fillRate(), 1e-12);
        assertEquals(15, result.orderingCost(), 0);
        assertEquals(2, result.cycles());
        assertEquals(0, result.holdingCost(), 0);
    }

    @Test
    void theMeanSkuFillRateWeighsEverySkuWithDemandAlike() {
        // SKU 0 as in the first replay (7 of 15 served); SKU 1 asks 1 unit once and has it; SKU 2 asks nothing
        InventorySimulator.Result result = SIMULATOR.run(new double[][] {{3, 3, 3, 3, 3}, {0, 1, 0, 0, 0},
            {0, 0, 0, 0, 0}}, new double[] {2, 2, 2}, new double[] {4, 1, 0}, Policies.lastPeriodSales());
        assertEquals(8.0 / 16, result.fillRate(), 1e-12);
        assertEquals((7.0 / 15 + 1) / 2, result.meanSkuFillRate(), 1e-12);
    }

    @Test
    void noDemandMeansFullServiceAndNoCompletedCycles() {
        InventorySimulator.Result result = SIMULATOR.run(new double[][] {{0, 0}}, COST, new double[] {0},
                Policies.lastPeriodSales());
        assertEquals(1, result.fillRate(), 0);
        assertEquals(Double.NaN, result.cycleServiceLevel(), 0);
        assertEquals(Double.NaN, result.turns(), 0);
        assertEquals(1, result.meanSkuFillRate(), 0);
    }
}
