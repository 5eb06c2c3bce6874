package io.mercator.plugins.optimization.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.AllocationProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

class LinearAllocatorTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final IdDictionary TWO_SKUS = IdDictionary.of("sku", "A", "B");
    private static final IdDictionary TWO_WAREHOUSES = IdDictionary.of("warehouse", "W1", "W2");

    /**
     * Two SKUs, two warehouses: A costs 1 + transport 1 (W1) or 3 (W2), B costs 2 + transport 1 or 2,
     * demand 10 and 5, W1 holds 8. By hand: W1's 8 places save A 2 per unit and B only 1, so A
     * takes W1 (8 x 2), the rest goes to W2 (2 x 4 + 5 x 4): 44.
     */
    private static AllocationProblem textbook(double budget, double casePackA, boolean integer, double penalty) {
        return new AllocationProblem(TWO_SKUS, TWO_WAREHOUSES, new double[] {10, 5}, new double[] {1, 2},
                new double[] {0, 0}, new double[] {penalty, penalty}, new double[] {casePackA, 1},
                new double[] {8, 20}, new double[] {1, 3, 1, 2}, budget, integer);
    }

    @Test
    void smallLpReachesTheHandComputedOptimum() {
        AllocationPlan plan = LinearAllocator.solve(textbook(INF, 1, false, 100));

        assertEquals(44, plan.totalCost(), 1e-9);
        assertEquals(8, plan.quantity(0, 0), 1e-9);
        assertEquals(2, plan.quantity(0, 1), 1e-9);
        assertEquals(0, plan.quantity(1, 0), 1e-9);
        assertEquals(5, plan.quantity(1, 1), 1e-9);
        assertEquals(20, plan.purchaseCost(), 1e-9);
        assertEquals(24, plan.transportCost(), 1e-9);
        assertEquals(List.of("capacity[W1]"), plan.bindingConstraints());
    }

    /**
     * Budget 18 against purchases of 20: a unit of A short saves 1 of budget for a penalty of 100,
     * a unit of B saves 2, so one unit of B goes short: 24 (A) + 4 x 4 (B) + 100 = 140.
     */
    @Test
    void budgetCutsTheUnitWithTheCheapestPenaltyPerUnitOfBudget() {
        AllocationPlan plan = LinearAllocator.solve(textbook(18, 1, false, 100));

        assertEquals(140, plan.totalCost(), 1e-9);
        assertEquals(0, plan.shortage(0), 1e-9);
        assertEquals(1, plan.shortage(1), 1e-9);
        assertEquals(18, plan.purchaseCost(), 1e-9);
        assertEquals(List.of("capacity[W1]", AllocationPlan.BUDGET), plan.bindingConstraints());
    }

    /**
     * A in cases of 4 (whole cases): by hand, 2 cases in W1 and 1 in W2 (12 units, 16 + 16) beat
     * 1 + 2 cases (8 + 32) and going 2 short (16 + 200); B as before (20): 52, above the LP's 44.
     */
    @Test
    void integerCasePacksAreSolvedByBranchAndBound() {
        AllocationPlan plan = LinearAllocator.solve(textbook(INF, 4, true, 100));

        assertEquals(52, plan.totalCost(), 1e-9);
        assertEquals(8, plan.quantity(0, 0), 1e-9);
        assertEquals(4, plan.quantity(0, 1), 1e-9);
        assertEquals(5, plan.quantity(1, 1), 1e-9);
    }

    @Test
    void hardDemandBeyondTheCapacitiesNamesTheCapacities() {
        AllocationProblem problem = new AllocationProblem(TWO_SKUS, TWO_WAREHOUSES, new double[] {10, 0},
                new double[] {1, 1}, new double[] {0, 0}, new double[] {INF, INF}, new double[] {1, 1},
                new double[] {3, 4}, new double[] {1, 1, 1, 1}, INF, false);

        ValidationException error = assertThrows(ValidationException.class, () -> LinearAllocator.solve(problem));

        assertEquals("capacity[W1], capacity[W2]", error.field());
        assertTrue(error.getMessage().contains("by 3"), error.getMessage());
    }

    @Test
    void hardDemandBeyondTheBudgetNamesOnlyTheBudget() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> LinearAllocator.solve(textbook(12, 1, false, INF)));

        assertEquals(AllocationPlan.BUDGET, error.field());
        assertTrue(error.getMessage().contains("budget by 8"), error.getMessage());
    }

    @Test
    void hardDemandWithEveryLaneClosedNamesTheSku() {
        AllocationProblem problem = new AllocationProblem(TWO_SKUS, TWO_WAREHOUSES, new double[] {1, 1},
                new double[] {1, 1}, new double[] {0, 0}, new double[] {INF, 5}, new double[] {1, 1},
                new double[] {9, 9}, new double[] {1, 1, INF, INF}, INF, false);

        AllocationPlan softB = LinearAllocator.solve(problem);
        assertEquals(1, softB.shortage(1), 1e-9);

        AllocationProblem hardB = new AllocationProblem(TWO_SKUS, TWO_WAREHOUSES, new double[] {1, 1},
                new double[] {1, 1}, new double[] {0, 0}, new double[] {INF, INF}, new double[] {1, 1},
                new double[] {9, 9}, new double[] {1, 1, INF, INF}, INF, false);
        ValidationException error = assertThrows(ValidationException.class, () -> LinearAllocator.solve(hardB));
        assertEquals("transportCost", error.field());
        assertEquals(1, error.row());
    }

    @Test
    void badInputNamesFieldAndRow() {
        ValidationException negativeDemand = assertThrows(ValidationException.class,
                () -> new AllocationProblem(TWO_SKUS, TWO_WAREHOUSES, new double[] {10, -1}, new double[] {1, 2},
                        new double[] {0, 0}, new double[] {1, 1}, new double[] {1, 1}, new double[] {8, 20},
                        new double[] {1, 3, 1, 2}, INF, false));
        assertEquals("demand", negativeDemand.field());
        assertEquals(1, negativeDemand.row());

        ValidationException shortTransport = assertThrows(ValidationException.class,
                () -> new AllocationProblem(TWO_SKUS, TWO_WAREHOUSES, new double[] {10, 1}, new double[] {1, 2},
                        new double[] {0, 0}, new double[] {1, 1}, new double[] {1, 1}, new double[] {8, 20},
                        new double[] {1, 3, 1}, INF, false));
        assertEquals("transportCost", shortTransport.field());

        ValidationException fractionalPack = assertThrows(ValidationException.class,
                () -> textbook(INF, 2.5, true, 100));
        assertEquals("casePack", fractionalPack.field());
        assertEquals(0, fractionalPack.row());

        ValidationException nanBudget = assertThrows(ValidationException.class,
                () -> textbook(Double.NaN, 1, false, 100));
        assertEquals("budget", nanBudget.field());
    }

    /** 40 SKUs x 6 warehouses with tight capacities and a binding budget, seeded. */
    @Test
    void objectiveMatchesCommonsMathSimplexOnAMediumInstance() {
        AllocationProblem problem = randomProblem(40, 6, new Random(7));

        AllocationPlan plan = LinearAllocator.solve(problem);
        double reference = commonsMathOptimum(problem);

        assertEquals(reference, plan.totalCost(), 1e-6 * reference);
        assertTrue(plan.bindingConstraints().contains(AllocationPlan.BUDGET), plan.bindingConstraints()::toString);
    }

    /**
     * 300 SKUs x 8 warehouses in cases of 1 to 12 (2,400 integer lanes): the bound reported is the
     * LP relaxation's optimum, the plan keeps every capacity and the budget in whole cases, and its
     * proven gap is small (each SKU loses at most part of a case against the relaxation; 1.24 % here).
     */
    @Test
    void wholeCasesAtScaleReportTheirGapAgainstTheRelaxation() {
        AllocationProblem relaxed = randomProblem(300, 8, new Random(11));
        Random packs = new Random(5);
        double[] casePack = new double[300];
        Arrays.setAll(casePack, s -> 1 + packs.nextInt(12));
        double[] transport = new double[300 * 8];
        Arrays.setAll(transport, i -> relaxed.transportCost(i / 8, i % 8));
        double[] capacity = new double[8];
        Arrays.setAll(capacity, w -> relaxed.capacity(w));
        double[] demand = new double[300];
        double[] unitCost = new double[300];
        double[] holding = new double[300];
        double[] penalty = new double[300];
        for (int s = 0; s < 300; s++) {
            demand[s] = relaxed.demand(s);
            unitCost[s] = relaxed.unitCost(s);
            holding[s] = relaxed.holdingCost(s);
            penalty[s] = relaxed.shortagePenalty(s);
        }
        AllocationProblem whole = new AllocationProblem(relaxed.skus(), relaxed.warehouses(), demand, unitCost, holding,
                penalty, casePack, capacity, transport, relaxed.budget(), true);
        AllocationProblem relaxation = new AllocationProblem(relaxed.skus(), relaxed.warehouses(), demand, unitCost,
                holding, penalty, casePack, capacity, transport, relaxed.budget(), false);

        AllocationPlan plan = LinearAllocator.solve(whole, new LinearAllocator.MipLimits(5_000, 1e-3));

        assertEquals(LinearAllocator.solve(relaxation).totalCost(), plan.lowerBound(), 1e-6 * plan.lowerBound());
        assertTrue(plan.optimalityGap() >= 0 && plan.optimalityGap() < 0.02, () -> "gap " + plan.optimalityGap());
        double purchase = 0;
        for (int w = 0; w < 8; w++) {
            double used = 0;
            for (int s = 0; s < 300; s++) {
                double cases = plan.quantity(s, w) / casePack[s];
                assertEquals(Math.rint(cases), cases, 1e-9, "SKU " + s + " warehouse " + w);
                used += plan.quantity(s, w);
                purchase += plan.quantity(s, w) * unitCost[s];
            }
            assertTrue(used <= capacity[w] + 1e-6, "warehouse " + w);
        }
        assertTrue(purchase <= relaxed.budget() + 1e-6);
        assertEquals(purchase, plan.purchaseCost(), 1e-6 * purchase);
    }

    static AllocationProblem randomProblem(int skus, int warehouses, Random random) {
        String[] skuIds = new String[skus];
        double[] demand = new double[skus];
        double[] unitCost = new double[skus];
        double[] holding = new double[skus];
        double[] penalty = new double[skus];
        double[] casePack = new double[skus];
        double[] transport = new double[skus * warehouses];
        double totalDemand = 0;
        double totalPurchase = 0;
        for (int s = 0; s < skus; s++) {
            skuIds[s] = "SKU-" + s;
            demand[s] = 10 + random.nextInt(200);
            unitCost[s] = 1 + 20 * random.nextDouble();
            holding[s] = 0.2 * unitCost[s] * random.nextDouble();
            penalty[s] = unitCost[s] * (1.5 + 2 * random.nextDouble());
            casePack[s] = 1;
            for (int w = 0; w < warehouses; w++) {
                transport[s * warehouses + w] = 0.1 + 3 * random.nextDouble();
            }
            totalDemand += demand[s];
            totalPurchase += demand[s] * unitCost[s];
        }
        String[] warehouseIds = new String[warehouses];
        double[] capacity = new double[warehouses];
        for (int w = 0; w < warehouses; w++) {
            warehouseIds[w] = "WH-" + w;
            capacity[w] = 1.1 * totalDemand / warehouses * (0.5 + random.nextDouble());
        }
        return new AllocationProblem(IdDictionary.of("sku", skuIds), IdDictionary.of("warehouse", warehouseIds),
                demand, unitCost, holding, penalty, casePack, capacity, transport, 0.8 * totalPurchase, false);
    }

    /** The same LP, written out densely for commons-math3's SimplexSolver. */
    private static double commonsMathOptimum(AllocationProblem problem) {
        int skus = problem.skus().size();
        int warehouses = problem.warehouses().size();
        int lanes = skus * warehouses;
        int variables = lanes + skus;
        double[] cost = new double[variables];
        List<LinearConstraint> constraints = new ArrayList<>();
        double[] budget = new double[variables];
        for (int s = 0; s < skus; s++) {
            double[] demand = new double[variables];
            for (int w = 0; w < warehouses; w++) {
                int lane = s * warehouses + w;
                cost[lane] = problem.unitCost(s) + problem.holdingCost(s) + problem.transportCost(s, w);
                demand[lane] = 1;
                budget[lane] = problem.unitCost(s);
            }
            cost[lanes + s] = problem.shortagePenalty(s);
            demand[lanes + s] = 1;
            constraints.add(new LinearConstraint(demand, Relationship.GEQ, problem.demand(s)));
        }
        for (int w = 0; w < warehouses; w++) {
            double[] capacity = new double[variables];
            for (int s = 0; s < skus; s++) {
                capacity[s * warehouses + w] = 1;
            }
            constraints.add(new LinearConstraint(capacity, Relationship.LEQ, problem.capacity(w)));
        }
        constraints.add(new LinearConstraint(budget, Relationship.LEQ, problem.budget()));
        PointValuePair optimum = new SimplexSolver().optimize(new MaxIter(100_000),
                new LinearObjectiveFunction(cost, 0), new LinearConstraintSet(constraints), GoalType.MINIMIZE,
                new NonNegativeConstraint(true));
        assertTrue(Arrays.stream(optimum.getPoint()).allMatch(v -> v >= -1e-9));
        return optimum.getValue();
    }
}
