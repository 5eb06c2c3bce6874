package io.mercator.plugins.optimization.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.ValidationException;
import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.ReplenishmentConstraints;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentPlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LpAllocationStrategyTest {

    private final LpAllocationStrategy strategy = new LpAllocationStrategy();

    private ReplenishmentModel fit(Map<String, ?> given) {
        Parameters parameters = Parameters.resolve(strategy.descriptor().parameters(), given);
        return strategy.fit(SeriesSet.builder(0).build(), parameters, TrainingContext.none());
    }

    /**
     * Demand 10 a period with no spread, lead time 2, review 1: the order-up-to level is 30, so
     * from a position of 5 the need is 25 units.
     */
    private static ReplenishmentInput.Builder row(ReplenishmentInput.Builder builder, String sku, double unitCost,
            double target, double casePack) {
        return builder.add(sku).demand(10, 0).leadTime(2, 0).reviewPeriod(1).stock(5, 0, 0)
                .costs(unitCost, 0.01, 0).targetServiceLevel(target).orderRules(0, casePack);
    }

    @Test
    void withoutBudgetEverySkuReachesItsOrderUpToLevel() {
        ReplenishmentPlan plan = fit(Map.of()).plan(row(ReplenishmentInput.builder(), "A", 2, 0.95, 1).build());

        assertEquals(30, plan.orderUpTo(0), 1e-9);
        assertEquals(25, plan.orderQuantity(0), 1e-9);
        assertEquals(ReplenishmentPlan.NONE, plan.bindingConstraint(0));
        assertEquals(1, plan.expectedFillRate(0), 1e-9);
    }

    /**
     * Cases of 6 against a need of 25: 5 cases cost 30 x 2.02 = 60.6; 4 cases and one unit short
     * (penalty 2 x (1 + 1 x 19) + 0.02 at target 0.95, odds 19) cost 24 x 2.02 + 40.02 = 88.5; so
     * by hand 30 units.
     */
    @Test
    void wholeCasesRoundTheNeedToTheCheaperSide() {
        ReplenishmentPlan plan = fit(Map.of()).plan(row(ReplenishmentInput.builder(), "A", 2, 0.95, 6).build());

        assertEquals(30, plan.orderQuantity(0), 1e-9);
        assertEquals(ReplenishmentPlan.CASE_PACK, plan.bindingConstraint(0));
    }

    /** Without a budget rows are rounded on their own; a budget that never binds goes through the MIP. */
    @Test
    void closedFormRoundingMatchesTheMipWhenTheBudgetDoesNotBind() {
        ReplenishmentInput.Builder builder = ReplenishmentInput.builder();
        for (int pack = 1; pack <= 12; pack++) {
            row(builder, "cheap-margin-" + pack, 2, 0.52, pack);
            row(builder, "dear-margin-" + pack, 2, 0.99, pack);
        }
        ReplenishmentInput input = builder.build();

        double[] closedForm = fit(Map.of()).plan(input).orderQuantity();
        double[] mip = fit(Map.of(LpAllocationStrategy.BUDGET, 1e9)).plan(input).orderQuantity();

        assertArrayEquals(mip, closedForm, 1e-9);
        assertEquals(24, closedForm[2 * 11], 1e-9, "need 25 in cases of 12 at target 0.52: round down");
        assertEquals(36, closedForm[2 * 11 + 1], 1e-9, "need 25 in cases of 12 at target 0.99: round up");
    }

    /**
     * Budget 50 for a need of 25 units at 1 (target 0.9, odds 9) and 25 at 4 (target 0.5, odds
     * 1): a unit of budget saves 9 x margin of shortage on X, 1 x margin on Y, so X is bought in
     * full (25) and the other 25 buy 6 whole units of Y.
     */
    @Test
    void budgetFundsTheHighestServiceTargetsFirst() {
        ReplenishmentInput.Builder builder = ReplenishmentInput.builder();
        row(builder, "X", 1, 0.9, 1);
        row(builder, "Y", 4, 0.5, 1);

        ReplenishmentPlan plan = fit(Map.of(LpAllocationStrategy.BUDGET, 50.0)).plan(builder.build());

        assertEquals(25, plan.orderQuantity(0), 1e-9);
        assertEquals(ReplenishmentPlan.NONE, plan.bindingConstraint(0));
        assertEquals(6, plan.orderQuantity(1), 1e-9);
        assertEquals(AllocationPlan.BUDGET, plan.bindingConstraint(1));
        assertTrue(plan.expectedFillRate(1) < 0.5, () -> "fill rate " + plan.expectedFillRate(1));
    }

    /**
     * Each row needs 25 units. X (target 0.9) and Y (target 0.5) share warehouse W1 of 30 units:
     * X, with the higher odds, gets its 25 and Y the 5 left. Z's supplier S delivers 10. V's
     * stock-out penalty of 0.5 is below its unit cost of 1, so buying does not pay.
     */
    @Test
    void capacitiesAndPenaltiesShapeThePlanAndAreNamedPerRow() {
        ReplenishmentInput.Builder builder = ReplenishmentInput.builder();
        row(builder, "X", 1, 0.9, 1);
        row(builder, "Y", 1, 0.5, 1);
        row(builder, "Z", 1, 0.9, 1);
        row(builder, "V", 1, 0.9, 1);
        row(builder, "W", 1, 0.9, 1);
        ReplenishmentConstraints limits = ReplenishmentConstraints.builder().warehouseCapacity("W1", 30)
                .supplierCapacity("S", 10).row(0, "W1", "T").row(1, "W1", null).row(2, "W2", "S")
                .stockOutPenalty(3, 0.5).build();

        ReplenishmentPlan plan = fit(Map.of()).plan(builder.build().withConstraints(limits));

        assertArrayEquals(new double[] {25, 5, 10, 0, 25}, plan.orderQuantity(), 1e-9);
        assertEquals(ReplenishmentPlan.NONE, plan.bindingConstraint(0));
        assertEquals("capacity[W1]", plan.bindingConstraint(1));
        assertEquals("supplier[S]", plan.bindingConstraint(2));
        assertEquals(BudgetedReplenishment.STOCK_OUT_PENALTY, plan.bindingConstraint(3));
        assertEquals(ReplenishmentPlan.NONE, plan.bindingConstraint(4));
        // expected cost: holding 0.01 x half of the 10 a period sold, plus the units short a period at the penalty:
        // X reaches its level (none short); Y at 10 of 30 and V at 5 of 30 are short of all 10 a period, Y at
        // the penalty its target implies (1 x (1 + 1 x 0.5 / 0.5) + 0.01), V at its own 0.5
        assertEquals(0.05, plan.expectedCost(0), 1e-9);
        assertEquals(0.05 + 10 * 2.01, plan.expectedCost(1), 1e-9);
        assertEquals(0.05 + 10 * 0.5, plan.expectedCost(3), 1e-9);
    }

    @Test
    void anOrderUpToLevelThatMustBeReachedBeyondTheLimitsNamesThem() {
        ReplenishmentInput.Builder builder = ReplenishmentInput.builder();
        row(builder, "X", 2, 0.9, 1);
        row(builder, "Y", 2, 0.9, 1);
        ReplenishmentConstraints limits = ReplenishmentConstraints.builder().warehouseCapacity("W1", 40)
                .budget(1000).row(0, "W1", null).row(1, "W1", null).stockOutPenalty(0, Double.POSITIVE_INFINITY)
                .stockOutPenalty(1, Double.POSITIVE_INFINITY).build();

        ValidationException error = assertThrows(ValidationException.class,
                () -> fit(Map.of()).plan(builder.build().withConstraints(limits)));

        assertEquals("capacity[W1]", error.field());
        assertTrue(error.getMessage().contains("capacity[W1] by 10"), error.getMessage());
        ValidationException beyond = assertThrows(ValidationException.class, () -> builder.build().withConstraints(
                ReplenishmentConstraints.builder().row(2, "W1", null).build()));
        assertEquals("constraints", beyond.field());
    }

    @Test
    void positionAboveTheOrderUpToLevelOrdersNothing() {
        ReplenishmentInput input = ReplenishmentInput.builder().add("A").demand(10, 3).leadTime(2, 0)
                .reviewPeriod(1).stock(100, 0, 0).costs(2, 0.01, 0).targetServiceLevel(0.95).build();

        ReplenishmentPlan plan = fit(Map.of()).plan(input);

        assertEquals(0, plan.orderQuantity(0), 1e-9);
        assertEquals(ReplenishmentPlan.NO_ORDER_DUE, plan.bindingConstraint(0));
    }

    @Test
    void modelAllocatesAndSurvivesARoundTrip() throws IOException {
        ReplenishmentModel model = fit(Map.of(LpAllocationStrategy.BUDGET, 50.0, LpAllocationStrategy.MARGIN_RATE,
                2.0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        ReplenishmentModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));

        ReplenishmentInput.Builder builder = ReplenishmentInput.builder();
        row(builder, "X", 1, 0.9, 1);
        row(builder, "Y", 4, 0.5, 1);
        ReplenishmentInput input = builder.build();
        assertEquals(model.plan(input).orderQuantity(1), read.plan(input).orderQuantity(1), 1e-12);
        assertEquals("lp-allocation", read.strategyName());

        AllocationPlan allocation = read.allocate(LinearAllocatorTest.randomProblem(5, 2, new Random(1)));
        assertEquals(5, allocation.skus().size());
        assertThrows(IOException.class, () -> strategy.readModel(new ByteArrayInputStream(new byte[] {1, 2, 3, 4,
            5, 6, 7, 8})));
    }
}
