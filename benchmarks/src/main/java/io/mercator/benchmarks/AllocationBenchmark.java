package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.AllocationProblem;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.plugins.optimization.allocation.LpAllocationStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The allocation figure: a multi-warehouse allocation LP (default 1,000 SKUs x 20
 * warehouses: 21,000 variables, 1,021 constraints with the budget) solved to proven optimality
 * by the lp-allocation strategy, then a small problem (default 10 SKUs x 3 warehouses) in whole
 * case packs (branch-and-bound).
 * Demand is log-normal, capacities are tight in total and the budget binds; seeded. With
 * {@code simplex} as last argument the LP is also solved by commons-math3's dense
 * {@code SimplexSolver} for comparison. Usage:
 * {@code benchmarks/run allocation [skus] [warehouses] [repetitions] [mip-skus] [mip-warehouses] [simplex]}.
 */
public final class AllocationBenchmark {

    private AllocationBenchmark() {
    }

    public static void main(String[] args) {
        int skus = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int warehouses = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int mipSkus = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int mipWarehouses = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        boolean simplex = args.length > 6 && args[6].equals("simplex");
        System.out.printf(Locale.ROOT, "Mercator allocation benchmark on %d cores, %s: %,d SKUs x %d warehouses%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), skus, warehouses);
        LpAllocationStrategy strategy = new LpAllocationStrategy();
        ReplenishmentModel model = strategy.fit(SeriesSet.builder(0).build(),
                Parameters.defaults(strategy.descriptor().parameters()), TrainingContext.none());
        for (boolean integer : new boolean[] {false, true}) {
            AllocationProblem problem = integer ? problem(mipSkus, mipWarehouses, true, 42)
                    : problem(skus, warehouses, false, 42);
            double best = Double.POSITIVE_INFINITY;
            AllocationPlan plan = null;
            for (int r = 0; r < repetitions; r++) {
                long start = System.nanoTime();
                plan = model.allocate(problem);
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
            System.out.printf(Locale.ROOT, "%-28s best of %d: %8.0f ms  objective %.4f  binding %d of %d limits%n",
                    (integer ? "MIP, whole case packs " : "LP ") + problem.skus().size() + "x"
                    + problem.warehouses().size(), repetitions, best, plan.totalCost(),
                    plan.bindingConstraints().size(), problem.warehouses().size() + 1);
        }
        if (simplex) {
            AllocationProblem problem = problem(skus, warehouses, false, 42);
            long start = System.nanoTime();
            double objective = commonsMathSimplex(problem);
            System.out.printf(Locale.ROOT, "%-28s once:      %8.0f ms  objective %.4f%n", "commons-math3 SimplexSolver",
                    (System.nanoTime() - start) / 1e6, objective);
        }
    }

    private static AllocationProblem problem(int skus, int warehouses, boolean integer, long seed) {
        Random random = new Random(seed);
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
            demand[s] = Math.rint(Math.exp(random.nextGaussian() + 3));
            unitCost[s] = 1 + 30 * random.nextDouble();
            holding[s] = 0.25 * unitCost[s] * random.nextDouble();
            penalty[s] = unitCost[s] * (1.5 + 3 * random.nextDouble());
            casePack[s] = integer ? 1 + random.nextInt(12) : 1;
            for (int w = 0; w < warehouses; w++) {
                transport[s * warehouses + w] = 0.2 + 4 * random.nextDouble();
            }
            totalDemand += demand[s];
            totalPurchase += demand[s] * unitCost[s];
        }
        String[] warehouseIds = new String[warehouses];
        double[] capacity = new double[warehouses];
        for (int w = 0; w < warehouses; w++) {
            warehouseIds[w] = "WH-" + w;
            capacity[w] = Math.rint(0.95 * totalDemand / warehouses * (0.5 + random.nextDouble()));
        }
        return new AllocationProblem(IdDictionary.of("sku", skuIds), IdDictionary.of("warehouse", warehouseIds),
                demand, unitCost, holding, penalty, casePack, capacity, transport, 0.85 * totalPurchase, integer);
    }

    private static double commonsMathSimplex(AllocationProblem problem) {
        int skus = problem.skus().size();
        int warehouses = problem.warehouses().size();
        int lanes = skus * warehouses;
        int variables = lanes + skus;
        double[] cost = new double[variables];
        double[] budget = new double[variables];
        List<LinearConstraint> constraints = new ArrayList<>();
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
        return new SimplexSolver().optimize(new MaxIter(1_000_000), new LinearObjectiveFunction(cost, 0),
                new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true)).getValue();
    }
}
